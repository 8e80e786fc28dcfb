"""Tallies of extracted fields against the labels: per-field precision/recall/F1 or accuracy.

``score(items, scores_for)`` runs the extractor on labelled narratives with the classifier
scores ``scores_for`` gives each one (cross-validated ones for the tuned parts, see
evaluate.py), so a field's figure never comes from a model that saw the narrative.
Only ids appear in the misses, never text.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from bot.extraction.learned.model import Scores
from bot.extraction.normalize import fold
from bot.extraction.parts import Item

ScoresFor = Callable[[str, dict[str, Any]], Scores | None]  # (part, item) -> scores


@dataclass
class Tally:
    """Counts for one field: set-valued (tp/fp/fn) or single-valued (right/total)."""

    tp: int = 0
    fp: int = 0
    fn: int = 0
    right: int = 0
    total: int = 0
    extra: dict[str, int] = field(default_factory=lambda: defaultdict(int))
    misses: list[str] = field(default_factory=list)

    def prf(self) -> tuple[float, float, float]:
        p = self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0
        r = self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0
        return p, r, (2 * p * r / (p + r) if p + r else 0.0)

    def accuracy(self) -> float:
        return self.right / self.total if self.total else 1.0


def _set_field(t: Tally, want: list[str], got: list[str], ident: str) -> None:
    w, g = set(want or []), set(got or [])
    t.tp += len(w & g)
    t.fp += len(g - w)
    t.fn += len(w - g)
    if w != g:
        t.misses.append(f"{ident}: want {sorted(w)} got {sorted(g)}")


def _single(t: Tally, want: Any, got: Any, ident: str) -> None:
    t.total += 1
    if want == got:
        t.right += 1
    else:
        t.misses.append(f"{ident}: want {want!r} got {got!r}")


def _score_date(t: Tally, want: str | None, got: str | None, ident: str) -> None:
    if want is None:
        t.extra["unasked_dates"] += got is not None
        if got is not None:
            t.misses.append(f"{ident}: want None got {got}")
        return
    t.total += 1
    if got is None:
        t.misses.append(f"{ident}: want {want} got None")
        return
    gap = abs((date.fromisoformat(got) - date.fromisoformat(str(want))).days)
    t.right += gap <= 1
    t.extra["exact"] += gap == 0
    if gap:
        t.misses.append(f"{ident}: want {want} got {got}")


def _score_place(t: Tally, want: str | None, got: str | None, ident: str) -> None:
    if want is None:
        t.extra["false_places"] += got is not None
        if got is not None:
            t.misses.append(f"{ident}: want None got {got!r}")
        return
    t.total += 1
    t.extra["strict"] += bool(got) and fold(str(want)) in fold(got)
    if place_found(str(want), got):
        t.right += 1
    else:
        t.misses.append(f"{ident}: want {want!r} got {got!r}")


# Words before a place's name that are not part of it ("outside the mosque", "on the stairs"):
# labels written by outside writers carry them, the extracted place need not.
_LEAD = re.compile(r"^(?:(?:outside|near|nearby|by|at|on|in|inside|opposite|behind|under|"
                   r"underneath|next to|in front of|round|around|the|a|an)\s+)+")


def place_found(want: str, got: str | None) -> bool:
    """Is the labelled place inside the extracted text (case, apostrophes and the words before
    a place's name ignored)? Round 9; before it the label's leading words had to match too."""
    if not got:
        return False
    label = fold(want)
    return (_LEAD.sub("", label) or label) in fold(got)


def expected_faiths(item: dict[str, Any]) -> list[str] | None:
    """The labelled faith(s), sorted ("faith: sikh" or "faiths: [...]"); None if unlabelled."""
    if "faiths" not in item and "faith" not in item:
        return None
    raw = item.get("faiths", item.get("faith"))
    values = raw if isinstance(raw, list) else [raw]
    return sorted(str(v) for v in values if v not in (None, "", "none", "unknown"))


def tally(tallies: dict[str, Tally], item: dict[str, Any], got: dict[str, Any]) -> None:
    """Add one narrative's result to the tallies."""
    ident = str(item["id"])
    if "role" in item:
        _single(tallies["reporter_role"], item["role"], got["reporter_role"], ident)
    if "strands" in item:
        _set_field(tallies["strands"], item["strands"], got["strands"], ident)
    if "types" in item:
        _set_field(tallies["incident_types"], item["types"], got["incident_types"], ident)
    if "date" in item:
        _score_date(tallies["occurred_on"], item["date"], got["occurred_on"], ident)
    if "time" in item:
        _single(tallies["occurred_time"], item["time"], got["occurred_time"], ident)
    if "place" in item:
        _score_place(tallies["place"], item["place"], got["location"]["text"], ident)
    if "online" in item:
        _single(tallies["online"], item["online"], got["location"]["online"], ident)
    if "ward" in item:
        _single(tallies["ward"], item["ward"], got["location"]["ward"], ident)
    for key in ("perpetrator", "injured", "ongoing"):
        if key in item:
            _single(tallies[key], item[key], got[key], ident)
    want_faiths = expected_faiths(item)
    if want_faiths is not None:
        _single(tallies["faiths"], want_faiths, got["faiths"], ident)
    if "danger" in item:
        t = tallies["danger_now"]
        want, have = bool(item["danger"]), bool(got["danger_now"])
        t.tp += want and have
        t.fp += have and not want
        t.fn += want and not have
        if want != have:
            t.misses.append(f"{ident}: want {want} got {have}")


@dataclass
class Memo:
    """Each labelled narrative read once by the rules (``extract.read``) and combined once per
    way of combining: the report reads it in its part, in every group it belongs to and in
    four ways of combining."""

    readings: dict[tuple[str, str], Any] = field(default_factory=dict)
    results: dict[tuple[str, str, Any], tuple[dict[str, Any], dict[str, str]]] = field(
        default_factory=dict)


def _scores(scores_for: ScoresFor | None, part: str, item: dict[str, Any]) -> Scores | None:
    return scores_for(part, item) if scores_for is not None else None


def analysed(part: str, now: Any, item: dict[str, Any], scores_for: ScoresFor | None,
             modes: dict[str, str] | None, memo: Memo | None = None) -> tuple[dict[str, Any],
                                                                          dict[str, str]]:
    """``analyse()`` of one labelled narrative, through ``memo`` when given."""
    from bot.extraction.extract import analyse, decide, empty_result, read

    if memo is None:
        return analyse(str(item["text"]), now, _scores(scores_for, part, item), modes)
    ident = (part, str(item["id"]))
    key = (*ident, tuple(sorted(modes.items())) if modes is not None else None)
    if key not in memo.results:
        if ident not in memo.readings:
            memo.readings[ident] = read(str(item["text"]), now)
        reading = memo.readings[ident]
        memo.results[key] = ((empty_result(), {}) if reading is None
                             else decide(reading, _scores(scores_for, part, item), modes))
    return memo.results[key]


def score(items: list[Item], scores_for: ScoresFor | None = None,
          modes: dict[str, str] | None = None, memo: Memo | None = None) -> dict[str, Tally]:
    """Run the extractor on every narrative and tally each field."""
    tallies: dict[str, Tally] = defaultdict(Tally)
    for part, now, item in items:
        got, _keys = analysed(part, now, item, scores_for, modes, memo)
        tally(tallies, item, got)
    return tallies


def metrics(tallies: dict[str, Tally]) -> dict[str, dict[str, float]]:
    """Headline figures per field (the ones the targets name, and the rest for information)."""
    out: dict[str, dict[str, float]] = {}
    for name, t in tallies.items():
        if name in ("strands", "incident_types", "danger_now"):
            p, r, f = t.prf()
            out[name] = {"precision": p, "recall": r, "f1": f}
        elif name == "occurred_on":
            out[name] = {"within_a_day": t.accuracy(), "exact": t.extra["exact"] / (t.total or 1),
                         "n": t.total, "unasked_dates": t.extra["unasked_dates"]}
        elif name == "place":
            out[name] = {"found": t.accuracy(), "strict": t.extra["strict"] / (t.total or 1),
                         "n": t.total, "false_places": t.extra["false_places"]}
        else:
            out[name] = {"accuracy": t.accuracy(), "n": t.total}
    return out
