"""Tracker-wide purge of old conversations with no open case, and of old Twilio webhook claims
(both part of ``tellonce retention run``)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from sqlalchemy import select
from typer.testing import CliRunner

from bot.cases import create_case
from bot.models import ChatSession, InboundClaim
from bot.report import Report
from bot.retention import (
    purge_abandoned_conversations,
    purge_chat_sessions,
    purge_inbound_claims,
)
from bot.settings import Settings
from bot.tracker_store import count_events
from tests.retention.conftest import rasa_event_count

NOW = datetime(2026, 11, 25, 12, tzinfo=UTC)
SAID = "Kwame Mensah at 14 Acacia Road called me a slur"


def _ts(days_ago: float, now: datetime) -> float:
    return (now - timedelta(days=days_ago)).timestamp()


def _case(db, sender: str, status: str, now: datetime) -> None:
    case = create_case(db, Report(conversation_id=sender, narrative=SAID, strands=["race"]))
    case.status = status
    if status == "closed":
        case.closed_at = now - timedelta(days=10)


def _fill(db, tracker, now: datetime = NOW) -> None:
    tracker.fill([
        {"sender": "w-abandoned", "timestamp": _ts(45, now), "texts": [SAID, "stop"]},
        {"sender": "w-yesterday", "timestamp": _ts(1, now), "texts": [SAID]},
        {"sender": "s-open", "timestamp": _ts(400, now), "texts": [SAID]},
        {"sender": "s-closed", "timestamp": _ts(60, now), "texts": [SAID]},
        # one number, one Rasa conversation for life: an old abandoned start, a new one today
        {"sender": "wa-again", "timestamp": _ts(90, now), "texts": [SAID]},
        {"sender": "wa-again", "timestamp": _ts(0.1, now), "texts": ["hello again"]},
    ])
    _case(db, "s-open", "in_progress", now)
    _case(db, "s-closed", "closed", now)
    db.commit()


def _settings(tracker) -> Settings:
    return Settings(tracker_database_url=tracker.url, tracker_retention_days=30)


def test_old_events_go_unless_the_sender_has_an_open_case(db, tracker) -> None:
    _fill(db, tracker)
    before = {s: count_events(tracker.url, s) for s in
              ("w-abandoned", "w-yesterday", "s-open", "s-closed", "wa-again")}
    assert all(before.values())

    done = purge_abandoned_conversations(db, _settings(tracker), now=NOW)

    assert done.cutoff == NOW - timedelta(days=30)
    after = {s: count_events(tracker.url, s) for s in before}
    assert after["w-abandoned"] == 0 and after["s-closed"] == 0
    assert after["w-yesterday"] == before["w-yesterday"]
    assert after["s-open"] == before["s-open"]  # an officer is still working on it
    assert 0 < after["wa-again"] < before["wa-again"]  # today's conversation stays
    assert done.conversations == 3
    assert done.events == sum(before.values()) - sum(after.values())
    if tracker.backend == "sqlite":  # Rasa itself reads what is left, and nothing more
        path = tracker.url.removeprefix("sqlite:///")
        assert rasa_event_count(path, "w-abandoned") == 0
        assert rasa_event_count(path, "wa-again") == after["wa-again"]

    again = purge_abandoned_conversations(db, _settings(tracker), now=NOW)
    assert (again.conversations, again.events) == (0, 0)


def test_purge_dry_run_counts_and_keeps_everything(db, tracker) -> None:
    _fill(db, tracker)
    abandoned = count_events(tracker.url, "w-abandoned")
    done = purge_abandoned_conversations(db, _settings(tracker), now=NOW, dry_run=True)
    assert done.conversations == 3 and done.events > abandoned
    assert count_events(tracker.url, "w-abandoned") == abandoned


def test_no_tracker_store_yet_is_nothing_to_purge(db, tmp_path) -> None:
    settings = Settings(tracker_database_url=f"sqlite:///{tmp_path / 'none.db'}")
    done = purge_abandoned_conversations(db, settings, now=NOW)
    assert (done.conversations, done.events) == (0, 0)
    assert not (tmp_path / "none.db").exists()


def test_old_inbound_claims_are_deleted(db) -> None:
    for sid, age in (("SMold", timedelta(days=4)), ("SMstuck", timedelta(days=5)),
                     ("SMnew", timedelta(hours=30))):
        db.add(InboundClaim(message_sid=sid, claimed_at=NOW - age,
                            status="processing" if sid == "SMstuck" else "done",
                            response=f"<Response><Message>You said: {SAID}</Message></Response>"))
    db.commit()
    settings = Settings(inbound_claim_retention_days=3)
    assert purge_inbound_claims(db, settings, now=NOW, dry_run=True) == 2
    assert len(db.scalars(select(InboundClaim)).all()) == 3
    assert purge_inbound_claims(db, settings, now=NOW) == 2
    db.commit()
    assert db.scalars(select(InboundClaim.message_sid)).all() == ["SMnew"]


def test_cli_runs_both_purges_and_prints_counts_only(db, tracker) -> None:
    _fill(db, tracker, now=datetime.now(UTC))
    db.add(InboundClaim(message_sid="SMcli", claimed_at=datetime.now(UTC) - timedelta(days=9),
                        status="done", response=SAID))
    db.add(ChatSession(conversation_id="w-old-page", channel="web", offered_payloads=[],
                       last_inbound_at=datetime.now(UTC) - timedelta(days=31),
                       updated_at=datetime.now(UTC) - timedelta(days=31)))
    db.commit()
    abandoned = count_events(tracker.url, "w-abandoned")
    from bot.cli import app

    dry = CliRunner().invoke(app, ["retention", "run", "--dry-run"])
    assert dry.exit_code == 0, dry.output
    assert "would delete 1 webhook claim(s)" in dry.output
    assert count_events(tracker.url, "w-abandoned") == abandoned
    result = CliRunner().invoke(app, ["retention", "run"])
    assert result.exit_code == 0, result.output
    assert "deleted 1 webhook claim(s)" in result.output
    assert "chat state: untouched for 30 days: deleted 1 conversation(s)" in result.output
    assert "tracker: events before" in result.output and "with no open case" in result.output
    assert count_events(tracker.url, "w-abandoned") == 0
    assert count_events(tracker.url, "s-open") > 0
    assert "Kwame" not in result.output and "Acacia" not in result.output
    db.expire_all()
    assert db.scalars(select(InboundClaim)).all() == []


def test_chat_state_goes_on_the_tracker_schedule(db) -> None:
    """Every page load leaves a chat_sessions row; it must not outlive the conversation."""
    for cid, age in (("w-page-load", timedelta(days=31)), ("wa-last-month", timedelta(days=45)),
                     ("w-this-week", timedelta(days=3))):
        db.add(ChatSession(conversation_id=cid, channel="web", offered_payloads=["/affirm"],
                           last_inbound_at=NOW - age, updated_at=NOW - age))
    db.add(ChatSession(conversation_id="w-never-wrote", channel="web", offered_payloads=[],
                       updated_at=NOW - timedelta(days=40)))
    db.commit()
    settings = Settings(tracker_retention_days=30)
    assert purge_chat_sessions(db, settings, now=NOW, dry_run=True) == 3
    assert len(db.scalars(select(ChatSession)).all()) == 4
    assert purge_chat_sessions(db, settings, now=NOW) == 3
    db.commit()
    assert db.scalars(select(ChatSession.conversation_id)).all() == ["w-this-week"]
