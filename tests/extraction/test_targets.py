"""The issue's accuracy targets on the labelled narratives (tests/data/narratives_*.yml)."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import pytest

from bot.extraction.evaluate import (
    FRESH_FLOORS,
    HELD_OUT,
    TARGETS,
    WHOLE_SET_TARGETS,
    below_target,
    honest_scores,
    load,
    metrics,
    report,
    score,
)
from bot.extraction.parts import PART_ORDER, TUNING
from bot.extraction.scoring import Memo
from bot.taxonomy import INCIDENT_TYPES, STRANDS

DATA = Path(__file__).resolve().parents[1] / "data"


@pytest.fixture(scope="module")
def items() -> list[tuple[str, datetime, dict]]:
    return load(DATA)


@pytest.fixture(scope="module")
def readings() -> dict:
    """The rules' reading of each narrative, shared by the tests here (it does not depend on the
    scores or the way of combining, so sharing it cannot mix their results)."""
    return {}


def test_the_set_is_big_and_varied(items):
    assert len(items) >= 80
    held_out = [i for i in items if i[0] == HELD_OUT]
    assert len(held_out) >= 40
    assert {p for p, _, _ in items} == set(PART_ORDER)
    strands = {s for _, _, i in items for s in i.get("strands", [])}
    types = {t for _, _, i in items for t in i.get("types", [])}
    assert strands == set(STRANDS)
    assert types == set(INCIDENT_TYPES)
    roles = {i.get("role") for _, _, i in items}
    assert {"victim", "witness", "third_party", None} <= roles
    assert sum(bool(i.get("danger")) for _, _, i in items) >= 5
    assert sum(bool(i.get("online")) for _, _, i in items) >= 5


def test_ids_are_unique(items):
    ids = [i["id"] for _, _, i in items]
    assert len(ids) == len(set(ids))


def test_targets_met_on_the_whole_set(items, readings):
    """With the classifiers as shipped (cross-validated on the tuned parts), as make eval does."""
    figures = metrics(score(items, honest_scores()[0], memo=Memo(readings=readings)))
    assert below_target(figures, WHOLE_SET_TARGETS) == []


def test_whole_set_floors_are_only_lowered_where_documented():
    # round 14's floors (targets.py, docs/extraction.md round 14: re-set because the whole set
    # and the fresh parts changed, with a margin for another machine): raised, never lowered,
    # from here on
    floors = {"strands": 0.945, "incident_types": 0.875, "reporter_role": 0.925,
              "occurred_on": 0.945, "place": 0.825, "danger_now": 0.965, "danger_now ": 0.89}
    assert set(WHOLE_SET_TARGETS) == set(TARGETS)
    for key, minimum in floors.items():
        assert WHOLE_SET_TARGETS[key][1] >= minimum
        assert WHOLE_SET_TARGETS[key][0] == TARGETS[key][0]
    fresh = {"strands": 0.935, "incident_types": 0.865, "reporter_role": 0.915,
             "occurred_on": 0.935, "place": 0.795, "danger_now": 0.96, "danger_now ": 0.89}
    for key, minimum in fresh.items():
        assert FRESH_FLOORS[key][1] >= minimum


def test_targets_met_on_the_tuning_parts(items, readings):
    figures = metrics(score([i for i in items if i[0] in TUNING], memo=Memo(readings=readings)))
    assert below_target(figures) == []


def test_held_out_figures_are_computed_for_every_target(items, readings):
    """Held-out figures are reported (docs/extraction.md), not asserted against the targets."""
    figures = metrics(score([i for i in items if i[0] == HELD_OUT], memo=Memo(readings=readings)))
    for key, (metric, _minimum) in TARGETS.items():
        assert 0.0 <= figures[key.strip()][metric] <= 1.0


def test_below_target_names_a_missed_field():
    figures = {"strands": {"f1": 0.5}}
    missed = below_target(figures)
    assert any(m.startswith("strands f1") for m in missed)
    assert any(m.startswith("danger_now recall") for m in missed)


def test_report_names_every_part_and_never_lists_held_out_misses(readings):
    text, ok = report(DATA, verbose=True, memo=Memo(readings=readings))
    assert ok
    for part in (*PART_ORDER, "tuned", "fresh", "all"):
        assert f"== {part} (" in text
    held_out_ids = {str(i["id"]) for p, _, i in load(DATA) if p == HELD_OUT}
    listed = {line.split("] ")[1].split(":")[0] for line in text.splitlines()
              if line.startswith("    [")}
    assert not listed & held_out_ids
