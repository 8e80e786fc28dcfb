"""Rules and classifier together, per field: the way chosen on accounts the rules were never
written from (``calibrate.py`` stores it in confidence.yml).

Modes, for one answer (reporter role, perpetrator, ongoing, injured): ``rules``; ``model``;
``fill`` (the classifier's answer where the rules found none, when it gives it at least
``FILL_AT``); ``fill@T`` (the same at T); ``over@T`` (``fill``, and the classifier's answer
replaces the rules' when it is at least T sure). Except in ``model``, the classifier's "not said"
never removes an answer the rules read: the read-back lets the resident correct a wrong one,
where removing it would only turn it into a question.
For lists (strands, incident types): ``rules``; ``model``; ``fill``; ``fill@T`` (where the rules
found none, the labels at 0.5 or more, else the likeliest one when it is at least T); ``union``
(the rules' labels plus those the classifier gives at least 0.8); ``vote@LO,HI[,F]`` (a label
the rules found is kept when the classifier gives it at least LO, and one they did not is added
at HI or more; where the rules found none, ``fill``, or ``fill@F``). A vote never empties what
the rules filled: the read-back lets the resident correct a wrong label, where an empty list
only turns it into a question.
Danger now is stored here too (``rules`` or ``alarm@T``) but applied by ``alarm.py``, and the
place (``rules``, ``model``, ``over@T``) by ``place_choice.pick``.
"""

from __future__ import annotations

from typing import Any

from bot.extraction.learned.model import THRESHOLD, Scores, decode, top

SURE = 0.8  # a label the classifier adds in "union" mode
FILL_AT = 0.5  # an answer the classifier gives where the rules found none: more likely than not
SINGLE = ("reporter_role", "perpetrator", "ongoing", "injured")
MODES: dict[str, tuple[str, ...]] = {
    "reporter_role": ("rules", "model", "fill"),
    "perpetrator": ("rules", "model", "fill"),
    # not "model" alone: its "not said" would silence what the rules read, and the form asks it
    "ongoing": ("rules", "fill"),
    "injured": ("rules", "fill"),
    "strands": ("rules", "model", "fill", "union"),
    "incident_types": ("rules", "model", "fill", "union"),
    "danger_now": ("rules",),
    "location": ("rules", "model"),
}


def threshold(mode: str) -> list[float]:
    return [float(x) for x in mode.split("@", 1)[1].split(",")]


def combine(field: str, rules_value: Any, scores: Scores | None, mode: str,
            order: tuple[str, ...] = (), whole: bool = True) -> tuple[Any, str]:
    """(value, where it came from: "rules" | "model" | "both") for one field; ``whole``: the
    text is a whole account (``alarm.whole_account``), the only kind on which ``over@T`` may
    overrule a rule's answer (a short message is little evidence for a bag of words)."""
    if scores is None or mode == "rules":
        return rules_value, "rules"
    if field in ("danger_now", "location"):
        raise ValueError(f"{field} is combined by learned.alarm / place_choice, never here")
    fill_at = threshold(mode)[0] if mode.startswith("fill@") else FILL_AT
    if field in SINGLE:
        answer, score = top(scores, field)
        if answer is None and rules_value is not None and mode != "model":
            return rules_value, "rules"  # "not said" never silences a rule: the read-back asks
        replace = (mode == "model" or (rules_value is None and score >= fill_at)
                   or (mode.startswith("over@") and score >= threshold(mode)[0] and whole))
        return (answer, "model") if replace and answer != rules_value else (rules_value, "rules")
    rules_set = set(rules_value or [])
    given = scores.get(field, {})
    if mode == "model":
        chosen, source = set(decode(scores)[field]), "model"
    elif mode.startswith("fill"):
        filled = {k for k, v in given.items() if v >= max(fill_at, THRESHOLD)}
        if mode.startswith("fill@") and not filled and given:  # at least the likeliest label
            best = max(given, key=lambda k: given[k])
            filled = {best} if given[best] >= fill_at else set()
        chosen, source = (filled, "model") if not rules_set and filled else (rules_set, "rules")
    else:  # union, vote@LO,HI
        params = [0.0, max(SURE, THRESHOLD)] if mode == "union" else threshold(mode)
        if not rules_set and mode != "union":  # nothing to vote on: fill, at F when given
            fill = f"fill@{params[2]}" if len(params) > 2 else "fill"
            return combine(field, rules_value, scores, fill, order, whole)
        low, high = params[0], params[1]
        chosen = ({k for k in rules_set if given.get(k, 1.0) >= low}
                  | {k for k, v in given.items() if v >= high}) or rules_set
        source = "rules" if chosen == rules_set else "both"
    return [x for x in order if x in chosen] if order else sorted(chosen), source
