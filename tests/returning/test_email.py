"""Email to residents is really sent: through the outbox to a real local SMTP server (aiosmtpd),
one email per message, neutral subject and first line, the case counted as contacted only once
the relay accepted it, and nothing lost when the relay is down or the worker restarts."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import timedelta

import pytest
from sqlalchemy import select, update

from bot.cases import create_case
from bot.messaging import worker
from bot.messaging.outbox import queue_message
from bot.models import Case, Officer, OutboundMessage, utcnow
from bot.passwords import hash_password
from bot.report import Report
from bot.settings import Settings
from tests.e2e.mail import Relay

EMAIL = "resident.mail@example.org"


@pytest.fixture
def relay() -> Iterator[Relay]:
    r = Relay()
    r.start()
    yield r
    r.stop()


def settings_for(db_url: str, relay: Relay) -> Settings:
    return Settings(database_url=db_url, smtp_host="127.0.0.1", smtp_port=relay.port,
                    smtp_starttls=False, smtp_from="asb@council.example")


def a_case(session_factory) -> Case:  # noqa: ANN001
    with session_factory() as s:
        officer = Officer(username="sam", password_hash=hash_password("x" * 12), role="officer",
                          display_name="Sam Officer", phone="020 7946 0999",
                          email="sam@council.example")
        s.add(officer)
        s.flush()
        case = create_case(s, Report(narrative="abuse", anonymous=False, contact_method="email",
                                     contact_value=EMAIL))
        case.assigned_officer_id = officer.id
        s.commit()
        return case


def queue(session_factory, case: Case, text: str, settings: Settings) -> int:  # noqa: ANN001
    with session_factory() as s:
        row = queue_message(s, s.get(Case, case.id), text, settings)
        s.commit()
        return row.id


def test_one_email_per_message_neutral_and_contact_counted_on_acceptance(
        db_url, session_factory, relay: Relay) -> None:
    settings = settings_for(db_url, relay)
    case = a_case(session_factory)
    queue(session_factory, case, "We have spoken to your landlord.", settings)
    with session_factory() as s:
        assert s.get(Case, case.id).contacted_at is None  # queued is not contacted
    assert worker.run_once(session_factory, settings) == 1
    assert worker.run_once(session_factory, settings) == 0
    (mail,) = relay.inbox.messages
    assert mail["To"] == EMAIL and mail["Subject"] == f"A message from {settings.council_name}"
    body = mail.get_payload(decode=True).decode()
    assert body.startswith(f"A message from {settings.council_name}.")
    assert "We have spoken to your landlord." in body and "Sam Officer" in body
    assert "020 7946 0999" in body
    with session_factory() as s:
        row = s.scalar(select(OutboundMessage))
        assert row.status == "sent" and row.sent_as == "email"
        assert s.get(Case, case.id).contacted_at is not None


def test_nothing_is_lost_when_the_relay_is_down_and_the_worker_restarts(
        db_url, session_factory, relay: Relay) -> None:
    settings = settings_for(db_url, relay)
    case = a_case(session_factory)
    relay.stop()
    ids = [queue(session_factory, case, f"Update {n}.", settings) for n in range(3)]
    worker.run_once(session_factory, settings)
    with session_factory() as s:
        assert {r.status for r in s.scalars(select(OutboundMessage))} == {"retrying"}
        assert s.get(Case, case.id).contacted_at is None
        s.execute(update(OutboundMessage).values(next_attempt_at=utcnow() - timedelta(1)))
        s.commit()
    relay.start()
    fresh = settings_for(db_url, relay)  # a new worker process, as after a restart
    while worker.run_once(session_factory, fresh):
        pass
    bodies = [m.get_payload(decode=True).decode() for m in relay.inbox.messages]
    assert sorted(b.splitlines()[1] for b in bodies) == ["Update 0.", "Update 1.", "Update 2."]
    ids_sent = sorted(m["Message-ID"] for m in relay.inbox.messages)
    assert ids_sent == sorted(f"<outbox-{i}@council.example>" for i in ids)
    with session_factory() as s:
        assert {r.status for r in s.scalars(select(OutboundMessage))} == {"sent"}
