"""Score the extractor on the labelled narratives: ``python -m bot.extraction.evaluate [path]``.

``path`` is a narratives YAML file or a folder of ``narratives*.yml`` (default: tests/data). Each
file names its part: tuning parts (rules fitted on them; the classifier trained on them), earlier
held-out sets tuned on since (``held_out_N_tuned``), and ``HELD_OUT``, the current held-out set,
never tuned on. Figures are printed per part, for the tuned parts together, and for the whole
set, with the issue's targets; per field also rules only / model only / combined, and how often
a value with confidence >= 0.8 is right. On the tuned parts the classifier's scores are the
cross-validated ones (a model that never saw the narrative); elsewhere the full model's. Targets
are enforced on the tuned parts together and on the whole set; held-out parts are reported only.
``-v`` lists the misses of the tuned parts, never those of the held-out part. Only ids printed.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

from bot.extraction.parts import DATA_DIR, FRESH, HELD_OUT, PART_ORDER, Item, load
from bot.extraction.scoring import Memo, ScoresFor, Tally, metrics, score
from bot.extraction.targets import FRESH_FLOORS, GROUP_TARGETS, TARGETS, WHOLE_SET_TARGETS

__all__ = ["FRESH_FLOORS", "GROUP_TARGETS", "HELD_OUT", "PART_ORDER", "TARGETS",
           "WHOLE_SET_TARGETS", "below_target", "load", "main", "metrics", "report", "score"]

# When each held-out set was first scored (before any tuning on it): docs/extraction.md.
NOTES = {
    "held_out_1_tuned": "held out in round 1; first score in docs; tuned on since round 2",
    "held_out_2_tuned": "held out in round 2; first score in docs; tuned on since round 3",
    "held_out_3_tuned": "held out in round 3; first score in docs; tuned on since round 4",
    "held_out_4_tuned": "held out in round 4; first score in docs; tuned on since round 5",
    "held_out_5_tuned": "held out in round 5; first score in docs; tuned on since round 6",
    "held_out_6_tuned": "held out in round 6; first score in docs; tuned on since round 7",
    "held_out_7_tuned": "held out in round 7; first score in docs; tuned on since round 8",
    "held_out_8_tuned": "held out in round 8; first score in docs; classifiers on it since round 9",
    "held_out_9_tuned": "held out in round 9; first score in docs; classifiers since round 10",
    "held_out_10_tuned": "held out in round 10; first score in docs; classifiers since round 11",
    "held_out_11_tuned": "held out in round 11; first score in docs; classifiers since round 12",
    "held_out_12_tuned": "held out in round 12; first score in docs; classifiers since round 13",
    "held_out_13_tuned": "held out in round 13; first score in docs; classifiers since round 14",
    HELD_OUT: "HELD OUT: never tuned on; its misses are never listed",
}
CONFIDENT = 0.8  # the form skips a question at or above this confidence
CALIBRATION_TARGET = 0.95  # values at or above CONFIDENT must be right this often (tuned parts)


def below_target(figures: dict[str, dict[str, float]],
                 targets: dict[str, tuple[str, float]] | None = None) -> list[str]:
    """Which targets these figures miss (empty when all are met)."""
    misses = []
    for key, (metric, minimum) in (TARGETS if targets is None else targets).items():
        value = figures.get(key.strip(), {}).get(metric, 0.0)
        if value < minimum:
            misses.append(f"{key.strip()} {metric} {value:.3f} < {minimum}")
    return misses


def honest_scores(use_model: bool = True) -> tuple[ScoresFor, str]:
    """(classifier scores for each narrative, a note): cross-validated on the tuned parts."""
    from bot.extraction.learned.calibrate import cv_scores_for_current
    from bot.extraction.learned.model import get_model

    model = get_model() if use_model else None
    if model is None:
        return (lambda part, item: None), "rules only (no current model: make train-extractor)"
    cv = cv_scores_for_current() or {}

    def scores_for(part: str, item: dict[str, Any]) -> Any:
        ident = str(item["id"])
        if part != HELD_OUT and ident in cv:
            return cv[ident]
        return model.scores(str(item["text"]))

    return scores_for, f"rules + model {model.digest[:16]} (tuned parts: {len(cv)} CV scores)"


def _ordered_parts(items: list[Item]) -> list[str]:
    return sorted({p for p, _, _ in items},
                  key=lambda p: (PART_ORDER.index(p) if p in PART_ORDER else len(PART_ORDER), p))


def _figure_lines(figures: dict[str, dict[str, float]]) -> list[str]:
    lines = []
    for name, values in figures.items():
        shown = "  ".join(f"{k}={v:.3f}" if isinstance(v, float) else f"{k}={v}"
                          for k, v in values.items())
        lines.append(f"  {name:<15} {shown}")
    return lines


def _compare_lines(chosen: list[Item], scores_for: ScoresFor,
                   memo: Memo | None = None) -> list[str]:
    """rules only / model only / combined for the fields a classifier may decide."""
    from bot.extraction import confidence
    from bot.extraction.learned.combine import MODES

    modes = {"rules only": dict.fromkeys(MODES, "rules"),
             "model only": {f: "model" if "model" in MODES[f] else "rules" for f in MODES},
             "combined": {f: confidence.choice().get(f, "rules") for f in MODES}}
    figs = {label: metrics(score(chosen, scores_for, m, memo)) for label, m in modes.items()}
    out = []
    for field, (key, metric) in {"reporter_role": ("reporter_role", "accuracy"),
                                 "strands": ("strands", "f1"),
                                 "incident_types": ("incident_types", "f1"),
                                 "perpetrator": ("perpetrator", "accuracy"),
                                 "ongoing": ("ongoing", "accuracy"),
                                 "injured": ("injured", "accuracy"),
                                 "danger_now": ("danger_now", "recall"),
                                 "location": ("place", "found")}.items():
        # danger now is never the model's alone (it may only add alarms to the rules')
        shown = "  ".join(f"{label}={figs[label].get(key, {}).get(metric, 0.0):.3f}"
                          if not (field == "danger_now" and label == "model only")
                          else f"{label}=n/a" for label in modes)
        out.append(f"  {field:<15} {metric}: {shown}  (combined = "
                   f"{modes['combined'][field]})")
    return out


def calibration(chosen: list[Item], scores_for: ScoresFor,
                memo: Memo | None = None) -> dict[str, dict[str, float]]:
    """Per field: share right among values with confidence >= CONFIDENT, and how many."""
    from bot.extraction.learned.calibrate import reliability, run_with

    return reliability(run_with(chosen, scores_for, memo=memo), CONFIDENT)


def report(path: Path, verbose: bool = False, use_model: bool = True,
           memo: Memo | None = None) -> tuple[str, bool]:
    """The printed report, and whether every target is met on the tuned parts and whole set
    (``memo``: readings shared with other figures on the same set and scores)."""
    items = load(path)
    scores_for, note = honest_scores(use_model)
    parts = _ordered_parts(items)
    groups = [*parts, "tuned", "fresh", "all"]
    lines, ok = [f"extractor: {note}"], True
    memo = Memo() if memo is None else memo  # each narrative read once, not once per group
    for part in groups:
        if part == "tuned":  # the parts the rules were fitted on
            chosen = [i for i in items if i[0] != HELD_OUT and i[0] not in FRESH]
        elif part == "fresh":  # tuned parts no rule was written from
            chosen = [i for i in items if i[0] in FRESH]
        else:
            chosen = [i for i in items if part in ("all", i[0])]
        if not chosen or part in ("tuned", "fresh") and len(chosen) == len(items):
            continue
        tallies: dict[str, Tally] = score(chosen, scores_for, memo=memo)
        figures = metrics(tallies)
        lines.append(f"== {part} ({len(chosen)} narratives)"
                     + (f"  [{NOTES[part]}]" if part in NOTES else ""))
        lines.extend(_figure_lines(figures))
        lines.extend(_compare_lines(chosen, scores_for, memo))
        rel = calibration(chosen, scores_for, memo)
        lines.append("  confidence>=0.8 right: " + "  ".join(
            f"{f}={v['right']:.3f}({v['n']}/{v['returned']})" for f, v in rel.items()))
        missed = below_target(figures, GROUP_TARGETS.get(part, TARGETS))
        enforced = part in ("tuned", "fresh") or part == "all" and any(p != HELD_OUT for p in parts)
        if part == "tuned" and rel["all"]["right"] < CALIBRATION_TARGET:
            missed.append(f"confidence>=0.8 right {rel['all']['right']:.3f} < "
                          f"{CALIBRATION_TARGET}")
        if enforced:
            ok = ok and not missed
        lines.append("  targets: " + ("all met" if not missed else "MISSED " + "; ".join(missed))
                     + ("" if enforced else " (reported, not enforced)"))
        if verbose and part in parts and part != HELD_OUT:  # never list the held-out misses
            for name, t in tallies.items():
                for miss in t.misses:
                    lines.append(f"    [{name}] {miss}")
    return "\n".join(lines), ok


def main(argv: list[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    verbose = "-v" in args
    rules_only = "--rules-only" in args
    args = [a for a in args if a not in ("-v", "--rules-only")]
    text, ok = report(Path(args[0]) if args else DATA_DIR, verbose=verbose,
                      use_model=not rules_only)
    print(text)
    return 0 if ok else 1


if __name__ == "__main__":
    raise SystemExit(main())
