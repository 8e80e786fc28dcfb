"""Retention (anonymise closed cases after the period) and erasure on request."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import select, text, update
from sqlalchemy.orm import Session
from typer.testing import CliRunner

from bot import stats
from bot.cases import create_case
from bot.messaging.optout import number_hash
from bot.messaging.worker import claim_batch, process, release_held
from bot.models import AuditEvent, Case, CaseAction, CaseNote, OutboundMessage
from bot.report import Report
from bot.retention import erase_case, run_retention
from bot.settings import Settings
from bot.tracker_store import count_events

NOW = datetime(2026, 11, 25, 12, tzinfo=UTC)
UNSENT = ("pending", "retrying", "held", "claimed")
SECRET = "Kwame Mensah at 14 Acacia Road, 07700900456"


def _case(db: Session, sender: str, status: str = "closed", closed_days_ago: int = 800) -> Case:
    case = create_case(db, Report(
        conversation_id=sender, narrative=f"{SECRET} was attacked", strands=["race"],
        incident_types=["physical_assault"], location_text="outside 14 Acacia Road",
        location_ward="Grove", anonymous=False, contact_method="sms",
        contact_value="07700900456", safe_contact_time="after 6pm", occurred_time="18:30",
        housing_provider="Acacia Homes"))
    case.status = status
    case.created_at = NOW - timedelta(days=closed_days_ago + 30)
    case.closed_at = NOW - timedelta(days=closed_days_ago) if status == "closed" else None
    db.add(CaseNote(case_id=case.id, text=f"Rang {SECRET}"))
    db.add(CaseAction(case_id=case.id, kind="referral", action="police", detail=SECRET))
    db.add(OutboundMessage(case_id=case.id, channel="sms", to="07700900456", body=SECRET,
                           status="sent"))
    for status in UNSENT:  # every state the outbox worker may still send from
        db.add(OutboundMessage(case_id=case.id, channel="sms", to="07700900456", body=SECRET,
                               status=status, to_hash=number_hash("07700900456")))
    db.flush()
    return case


def _assert_scrubbed(db: Session, case: Case) -> None:
    db.expire_all()
    case = db.get(Case, case.id)
    assert case.anonymised_at is not None
    for field in ("narrative", "location_text", "contact_value", "safe_contact_time",
                  "occurred_time", "housing_provider", "conversation_id"):
        assert getattr(case, field) is None, field
    assert (case.strands, case.incident_types, case.location_ward) == (
        ["race"], ["physical_assault"], "Grove")  # what statistics need stays
    notes = db.scalars(select(CaseNote).where(CaseNote.case_id == case.id)).all()
    assert notes and all(n.text is None for n in notes)
    actions = db.scalars(select(CaseAction).where(CaseAction.case_id == case.id)).all()
    assert [(a.action, a.detail) for a in actions] == [("police", None)]
    messages = db.scalars(select(OutboundMessage).where(OutboundMessage.case_id == case.id)).all()
    assert all(m.body is None and m.to is None and m.to_hash is None for m in messages)
    assert sorted(m.status for m in messages) == ["cancelled"] * len(UNSENT) + ["sent"]
    raw = db.execute(text("SELECT narrative, contact_value FROM cases WHERE id = :i"),
                     {"i": case.id}).one()
    assert raw == (None, None)


def _settings(tracker_url: str) -> Settings:
    return Settings(tracker_database_url=tracker_url, retention_days_closed=730)


def test_retention_anonymises_only_closed_cases_past_the_period(db, tracker) -> None:
    old_ts = (NOW - timedelta(days=830)).timestamp()
    tracker.fill([{"sender": "w-old", "timestamp": old_ts, "texts": [SECRET]},
                  {"sender": "w-recent", "timestamp": old_ts, "texts": [SECRET]},
                  {"sender": "w-open", "timestamp": old_ts, "texts": [SECRET]},
                  # the same sender wrote again last month: a later conversation stays
                  {"sender": "w-old", "timestamp": (NOW - timedelta(days=30)).timestamp(),
                   "texts": ["a new report"]}])
    old = _case(db, "w-old")
    recent = _case(db, "w-recent", closed_days_ago=100)
    still_open = _case(db, "w-open", status="in_progress", closed_days_ago=900)
    db.commit()
    counts_before = stats.counts(db, "strand")
    old_events = count_events(tracker.url, "w-old")

    done, cutoff = run_retention(db, _settings(tracker.url), now=NOW)

    assert cutoff == NOW - timedelta(days=730)
    assert (done.cases, done.notes, done.action_details, done.messages) == (1, 1, 1,
                                                                              1 + len(UNSENT))
    assert 0 < done.tracker_events < old_events
    assert count_events(tracker.url, "w-old") == old_events - done.tracker_events
    assert count_events(tracker.url, "w-recent") > 0 and count_events(tracker.url, "w-open") > 0
    _assert_scrubbed(db, old)
    for kept in (recent, still_open):
        assert db.get(Case, kept.id).narrative == f"{SECRET} was attacked"
    assert stats.counts(db, "strand") == counts_before  # counts kept for statistics
    audit = db.scalars(select(AuditEvent).where(AuditEvent.case_reference == old.reference,
                                                AuditEvent.action == "case.anonymised")).all()
    assert len(audit) == 1 and SECRET not in str(audit[0].changes)

    again, _ = run_retention(db, _settings(tracker.url), now=NOW)
    assert again.cases == 0


def test_dry_run_changes_nothing(db, tracker) -> None:
    case = _case(db, "w-dry")
    db.commit()
    done, _ = run_retention(db, _settings(tracker.url), now=NOW, dry_run=True)
    assert done.cases == 1
    db.expire_all()
    assert db.get(Case, case.id).narrative is not None


def test_tracker_failure_leaves_the_case_untouched(db) -> None:
    case = _case(db, "w-unreachable")
    db.commit()
    broken = _settings("postgresql://postgres@127.0.0.1:1/nothing")
    with pytest.raises(Exception, match="connect|refused"):
        run_retention(db, broken, now=NOW)
    db.rollback()
    assert db.get(Case, case.id).anonymised_at is None
    assert db.get(Case, case.id).narrative is not None


def test_erase_case_removes_personal_data_and_the_whole_conversation(db, tracker) -> None:
    tracker.fill([{"sender": "s-erase", "timestamp": NOW.timestamp() - 3600, "texts": [SECRET]},
                  {"sender": "s-other", "timestamp": NOW.timestamp() - 3600, "texts": ["hi"]}])
    case = _case(db, "s-erase", status="in_progress")
    db.commit()
    done = erase_case(db, case, _settings(tracker.url), officer="sup1")
    db.commit()
    assert done.cases == 1 and done.tracker_events > 0
    assert count_events(tracker.url, "s-erase") == 0
    assert count_events(tracker.url, "s-other") > 0
    assert case.narrative is None  # the caller's object is refreshed
    _assert_scrubbed(db, case)
    event = db.scalar(select(AuditEvent).where(AuditEvent.case_reference == case.reference,
                                               AuditEvent.action == "case.erased"))
    assert event.officer_username == "sup1"
    assert event.changes["cases"] == 1 and SECRET not in str(event.changes)


def test_cli_reports_counts_without_personal_data(db, tracker, monkeypatch) -> None:
    _case(db, "w-cli", closed_days_ago=3000)
    db.commit()
    from bot.cli import app

    monkeypatch.setenv("RETENTION_DAYS_CLOSED", "730")
    dry = CliRunner().invoke(app, ["retention", "run", "--dry-run"])
    assert dry.exit_code == 0, dry.output
    assert "would anonymise 1 case(s)" in dry.output
    result = CliRunner().invoke(app, ["retention", "run"])
    assert result.exit_code == 0, result.output
    assert "anonymised 1 case(s)" in result.output
    assert "notes cleared: 1" in result.output
    assert "Acacia" not in result.output and "07700" not in result.output
    bad = CliRunner().invoke(app, ["retention", "run", "--days", "0"])
    assert bad.exit_code != 0


def test_an_erased_case_leaves_nothing_for_the_outbox_worker(db, tracker, session_factory) -> None:
    """The worker claims pending/retrying rows and re-claims expired leases; a held row goes out
    when the resident writes again: after erasure none of them can, and a send already in
    flight cannot record itself over the cancellation."""
    case = _case(db, "s-outbox", status="in_progress")
    db.execute(update(OutboundMessage).where(OutboundMessage.status == "claimed")
               .values(next_attempt_at=datetime.now(UTC) - timedelta(minutes=1)))
    db.commit()
    in_flight = claim_batch(session_factory, limit=1)  # a worker holds one row mid-send
    assert len(in_flight) == 1
    erase_case(db, case, _settings(tracker.url), officer="sup1")
    db.commit()
    assert claim_batch(session_factory) == []
    assert release_held(db, "07700900456") == 0
    assert process(session_factory, None, Settings(), in_flight[0]) is None
    db.expire_all()
    statuses = db.scalars(select(OutboundMessage.status)
                          .where(OutboundMessage.case_id == case.id)).all()
    assert sorted(statuses) == ["cancelled"] * len(UNSENT) + ["sent"]
