"""Rules and classifier together, per field: the way chosen by cross-validation (confidence.yml).

Modes: ``rules`` (the classifier is only a second opinion for the confidence), ``model`` (the
classifier alone), ``fill`` (the classifier's answer where the rules found nothing) and, for the
lists, ``union`` (the rules' labels plus those the classifier is very sure of). Danger now is
never decided here: it stays rules-only.
"""

from __future__ import annotations

from typing import Any

from bot.extraction.learned.model import THRESHOLD, Scores, decode

SURE = 0.8  # a label the classifier adds in "union" mode
MODES: dict[str, tuple[str, ...]] = {
    "reporter_role": ("rules", "model", "fill"),
    "strands": ("rules", "model", "fill", "union"),
    "incident_types": ("rules", "model", "fill", "union"),
}


def combine(field: str, rules_value: Any, scores: Scores | None, mode: str,
            order: tuple[str, ...]) -> tuple[Any, str]:
    """(value, where it came from: "rules" | "model" | "both") for one field."""
    if scores is None or mode == "rules":
        return rules_value, "rules"
    model_value = decode(scores)[field]
    if field == "reporter_role":
        if mode == "model" or (mode == "fill" and rules_value is None):
            return model_value, "model"
        return rules_value, "rules"
    rules_set = set(rules_value or [])
    if mode == "model":
        chosen, source = set(model_value), "model"
    elif mode == "fill":
        chosen, source = (set(model_value), "model") if not rules_set else (rules_set, "rules")
    else:  # union
        sure = {k for k, v in scores.get(field, {}).items() if v >= max(SURE, THRESHOLD)}
        chosen = rules_set | sure
        source = "both" if sure - rules_set else "rules"
    return [x for x in order if x in chosen], source
