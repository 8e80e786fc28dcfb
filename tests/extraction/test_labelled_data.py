"""Every labelled narrative file is well formed: a label a writer mistyped would score the
extractor against nonsense (a place the text never names, a date after the file's "now", a strand
that does not exist) and nobody would see why a figure moved. Read from the files alone, without
the extractor, so it runs in a second; only ids appear in a failure, never text."""

from __future__ import annotations

from datetime import date, datetime, time
from pathlib import Path

import pytest
import yaml

from bot.extraction.normalize import fold
from bot.extraction.parts import DATA_DIR, PART_ORDER, file_part, narrative_files
from bot.taxonomy import FAITHS, INCIDENT_TYPES, PERPETRATORS, REPORTER_ROLES, STRANDS

REQUIRED = {"id", "text", "role", "strands", "danger"}
OPTIONAL = {"types", "online", "place", "perpetrator", "date", "ongoing", "injured", "faith",
            "ward", "time"}
BOOLEANS = ("danger", "online", "ongoing")
LOADED = narrative_files(DATA_DIR)
# the sealed reserve too: a mistyped label is caught before the set is scored (only ids show)
RESERVE = DATA_DIR / "reserve"
# and the danger set, which only the danger rules are held to (test_thirteenth_round_danger.py)
DANGER = DATA_DIR / "danger"
# and the facts set, which only the ongoing, injured and date rules are held to (round 14)
FACTS = DATA_DIR / "facts"
FILES = [*LOADED,
         *(f for d in (RESERVE, DANGER, FACTS) if d.is_dir() for f in narrative_files(d))]


def _problems(item: dict, now: datetime) -> list[str]:
    """What is wrong with one item's labels (empty when nothing is)."""
    found: list[str] = []
    keys = set(item)
    found += [f"missing {k}" for k in sorted(REQUIRED - keys)]
    found += [f"unknown key {k}" for k in sorted(keys - REQUIRED - OPTIONAL)]
    text = item.get("text")
    if not isinstance(text, str) or not text.strip():
        return [*found, "no text"]
    if item.get("role") not in (*REPORTER_ROLES, None):
        found.append("role")
    for key, allowed in (("strands", STRANDS), ("types", INCIDENT_TYPES)):
        values = item.get(key) or []
        if not isinstance(values, list) or set(values) - set(allowed) or len(set(values)) < len(
                values):
            found.append(key)
    if item.get("perpetrator") not in (*PERPETRATORS, None):
        found.append("perpetrator")
    if item.get("faith") not in (*FAITHS, None):
        found.append("faith")
    found += [k for k in BOOLEANS if k in item and not isinstance(item[k], bool)]
    if "injured" in item and item["injured"] not in (True, False, None):
        found.append("injured")
    if item.get("date") is not None:
        try:
            day = date.fromisoformat(str(item["date"]))
        except ValueError:
            found.append("date not ISO")
        else:
            if day > now.date():
                found.append("date after now")
    if item.get("time") is not None:
        try:
            time.fromisoformat(str(item["time"]))
        except ValueError:
            found.append("time not HH:MM")
    place = item.get("place")
    if place is not None and (not str(place).strip() or fold(str(place)) not in fold(text)):
        found.append("place not in the text")
    return found


def test_every_labelled_file_is_found_and_declares_a_known_part():
    assert len(LOADED) >= len(PART_ORDER)
    parts = [file_part(f) for f in LOADED]
    assert sorted(parts) == sorted(PART_ORDER), "each part in exactly one file"


@pytest.mark.parametrize("file", FILES, ids=[f.relative_to(DATA_DIR).as_posix() for f in FILES])
def test_every_label_in_the_file_is_valid(file: Path):
    data = yaml.safe_load(file.read_text(encoding="utf-8"))
    assert set(data) == {"part", "now", "narratives"}
    now = datetime.fromisoformat(str(data["now"]))
    assert data["narratives"], "a file with no narratives"
    bad = {str(item.get("id")): p for item in data["narratives"] if (p := _problems(item, now))}
    assert bad == {}


def test_the_checks_catch_each_kind_of_mistake():
    now = datetime(2027, 1, 6, 10, 0)
    good = {"id": "x1", "text": "A man shouted at me outside Hammersmith station yesterday.",
            "role": "victim", "strands": ["race"], "types": ["verbal_abuse"],
            "danger": False, "online": False, "place": "outside Hammersmith station",
            "date": "2027-01-05", "perpetrator": "unknown"}
    assert _problems(good, now) == []
    cases = {
        "role": {"role": "bystander"},
        "strands": {"strands": ["race", "race"]},
        "types": {"types": ["shouting"]},
        "perpetrator": {"perpetrator": "stranger"},
        "danger": {"danger": "no"},
        "date after now": {"date": "2027-01-07"},
        "date not ISO": {"date": "yesterday"},
        "place not in the text": {"place": "King Street"},
        "unknown key colour": {"colour": "red"},
        "time not HH:MM": {"time": "teatime"},
    }
    for expected, change in cases.items():
        assert expected in _problems({**good, **change}, now), expected
    assert "missing role" in _problems({k: v for k, v in good.items() if k != "role"}, now)
    assert _problems({**good, "text": "  "}, now)[-1] == "no text"
    # a place is compared as places are scored: case and apostrophes aside
    assert _problems({**good, "place": "OUTSIDE hammersmith station"}, now) == []
