"""``extract(text, now)``: one resident's account -> the case fields it already answers."""

from __future__ import annotations

import re
from datetime import UTC, datetime
from typing import Any

from bot.extraction import classify
from bot.extraction.danger import detect_danger
from bot.extraction.dates import find_dates, find_times
from bot.extraction.locate import locate
from bot.extraction.normalize import normalize
from bot.extraction.pipeline import get_pipeline

FIELDS = ("reporter_role", "strands", "incident_types", "occurred_on", "occurred_time", "ongoing",
          "location", "perpetrator", "injured", "danger_now")


def empty_result() -> dict[str, Any]:
    """What an account that says nothing gives: every field unknown."""
    return {"reporter_role": None, "strands": [], "incident_types": [], "occurred_on": None,
            "occurred_time": None, "ongoing": None,
            "location": {"text": None, "ward": None, "online": False}, "perpetrator": None,
            "injured": None, "danger_now": False}


def _now(now: datetime | None) -> datetime:
    if now is None:
        return datetime.now(UTC).replace(tzinfo=None)
    return now.replace(tzinfo=None) if now.tzinfo else now


def when(norm: str, now: datetime) -> tuple[str | None, str | None, bool]:
    """(ISO date, "HH:MM", several dates?) — the latest date said is the incident's."""
    low = norm.lower()
    dates = find_dates(low, now)
    times = find_times(low)
    incident = [d for d in dates if not d[2]] or dates
    if not incident:
        clock = times[0][1] if len(times) == 1 else None
        return None, clock, False
    pos, day, _ = max(incident, key=lambda d: (d[1], d[0]))
    several = len({d[1] for d in dates}) > 1
    clock = None
    if times:
        # The time said nearest after the chosen date phrase (same sentence), else a lone time.
        after = [t for t in times if t[0] >= pos and not re.search(r"[.!?\n]", low[pos:t[0]])]
        before = [t for t in times if t[0] < pos and not re.search(r"[.!?\n]", low[t[0]:pos])]
        if after:
            clock = after[0][1]
        elif before:
            clock = before[-1][1]
        elif len(times) == 1 and len(dates) == 1:
            clock = times[0][1]
    return day.isoformat(), clock, several


def extract(text: str | None, now: datetime | None = None) -> dict[str, Any]:
    """All the case fields the account answers (never raises; unknown fields are None/[])."""
    result = empty_result()
    norm = normalize(text if isinstance(text, str) else "")
    if not norm.strip():
        return result
    low = norm.lower()
    moment = _now(now)
    doc = get_pipeline()(norm)
    result["reporter_role"] = classify.reporter_role(low)
    result["strands"] = classify.strands(low)
    result["incident_types"] = classify.incident_types(low)
    occurred_on, clock, several = when(norm, moment)
    result["occurred_on"], result["occurred_time"] = occurred_on, clock
    words = classify.ongoing_words(low)
    result["ongoing"] = True if several else words
    result["location"] = locate(doc)
    result["danger_now"] = detect_danger(norm)
    if "online_abuse" in result["incident_types"]:
        result["location"]["online"] = True
    if result["danger_now"]:
        result["reporter_role"] = result["reporter_role"] or "victim"
        if not result["incident_types"]:
            result["incident_types"] = ["threats"]
    if result["location"]["online"] and "online_abuse" not in result["incident_types"]:
        result["incident_types"] = [*result["incident_types"], "online_abuse"]
        result["incident_types"].sort(key=lambda t: classify.INCIDENT_TYPES.index(t))
    result["perpetrator"] = classify.perpetrator(low, result["incident_types"])
    result["injured"] = classify.injured(low)
    return result
