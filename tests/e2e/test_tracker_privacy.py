"""Nothing a resident typed is in clear in Rasa's tracker store (issue 13): a whole report on the
real stack, then a byte scan of the tracker database (the SQLite file with its journal, or every
column of PostgreSQL's events table)."""

from __future__ import annotations

import uuid
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

from bot.tracker_store import tracker_url
from tests.e2e.resident import hold_report

pytestmark = pytest.mark.e2e

SENTENCE = "the quartermaster of Fulham Palace Road spat at my wheelchair"
PHONE = "07700 900417"
EMAIL = "ondine.tracker@example.net"
NARRATIVE = (f"Last Tuesday evening {SENTENCE} and shouted ableist abuse. "
             f"He later emailed me from {EMAIL} calling me a cripple")
ANSWERS = {
    "reporter_role": "it happened to me",
    "narrative": NARRATIVE,
    "strands": "disability",
    "incident_types": "verbal abuse",
    "occurred_on": "last Tuesday",
    "location": "Fulham Palace Road",
    "perpetrator": "a stranger",
    "injured": "no",
    "ongoing": "no",
    "housing": "skip",
    "anonymous": "no",
    "contact_method": "text message",
    "contact_value": PHONE,
    "safe_contact_time": "mornings",
    "wishes": "I want it on record",
    "access_needs": "no",
    "consent_police": "no",
    "consent_support": "no thanks",
}
BUTTONS = {"reporter_role": "me", "anonymous": "no", "contact_method": "text",
           "access_needs": "nothing", "consent_police": "no", "consent_support": "no",
           "confirm_summary": "yes"}
# Each in the forms a store might keep it: as typed, and as the answer was normalised.
NEEDLES = [SENTENCE, "quartermaster", EMAIL, PHONE, PHONE.replace(" ", ""), "7700900417",
           "cripple"]


def tracker_bytes(url: str) -> tuple[bytes, int]:
    """Every byte of the tracker database, and how many events it holds."""
    engine = create_engine(tracker_url(url))
    try:
        with engine.connect() as conn:
            count = conn.scalar(text("SELECT count(*) FROM events"))
            if engine.dialect.name == "postgresql":
                rows = conn.execute(text("SELECT e::text FROM events e")).scalars().all()
                return "\n".join(rows).encode(), count
    finally:
        engine.dispose()
    path = Path(make_url(url).database)
    files = [p for p in (path, Path(f"{path}-journal"), Path(f"{path}-wal")) if p.exists()]
    return b"".join(p.read_bytes() for p in files), count


def test_no_resident_text_in_clear_in_the_tracker_store(live_stack) -> None:
    sender = f"tp_{uuid.uuid4().hex[:12]}"
    before, _ = tracker_bytes(live_stack.settings.tracker_database_url)
    reference, transcript = hold_report(lambda t: live_stack.chat(sender, t), ANSWERS, BUTTONS)
    assert reference
    readback = " ".join(m["text"] for r in transcript for m in r["messages"])
    assert "Fulham Palace Road" in readback, "the conversation must have understood the account"

    data, events = tracker_bytes(live_stack.settings.tracker_database_url)
    assert events > 20 and len(data) > len(before), "Rasa must keep the conversation it needs"
    lowered = data.lower()
    found = [n for n in NEEDLES if n.lower().encode() in lowered]
    assert found == [], f"resident text in clear in the tracker store: {found}"
    # What Rasa queries stays readable: the events are there under their types.
    assert b"user" in data and b"action" in data
