"""The outbox worker against a real local HTTP server standing in for Twilio's REST API."""

from __future__ import annotations

import base64
import json
from datetime import timedelta

import pytest
from sqlalchemy import update
from sqlalchemy.orm import Session, sessionmaker

from bot.cases import create_case
from bot.crypto import pseudonym
from bot.messaging import optout
from bot.messaging.gsm7 import is_gsm7
from bot.messaging.worker import backoff, claim_batch, release_held, run_once
from bot.models import ChatSession, OutboundMessage, utcnow
from bot.report import Report
from bot.settings import Settings
from tests.twilio.conftest import ACCOUNT, NUMBER, TOKEN
from tests.twilio.servers import FakeTwilioApi


def queue(db: Session, body: str = "Hello, this is PC Khan about your report.",
          channel: str = "sms", to: str = NUMBER) -> int:
    """What the officer API does: one committed pending row (the transactional outbox)."""
    case = create_case(db, Report(channel=channel, anonymous=False, contact_method=channel,
                                  contact_value=to))
    row = OutboundMessage(case_id=case.id, channel=channel, to=to, body=body, status="pending")
    db.add(row)
    db.commit()
    return row.id


def row(sessions: sessionmaker[Session], row_id: int) -> OutboundMessage:
    with sessions() as db:
        return db.get(OutboundMessage, row_id)


def test_pending_sms_is_sent_through_the_twilio_client(
        db: Session, session_factory: sessionmaker[Session], settings: Settings,
        fake_twilio: FakeTwilioApi) -> None:
    row_id = queue(db, body="We’ve looked at your report — thanks… 👍")
    assert run_once(session_factory, settings) == 1
    [sent] = fake_twilio.created
    assert sent["To"] == NUMBER and sent["From"] == settings.twilio_sms_number
    # the callback names the row and attempt: it records the send if the worker dies now
    assert sent["StatusCallback"] == f"https://tellonce.example.org/twilio/status?outbox={row_id}.1"
    first_line, rest = sent["Body"].split("\n", 1)
    assert first_line == f"A message from {settings.council_name}."  # neutral on a lock screen
    assert rest == "We've looked at your report - thanks..."
    assert is_gsm7(sent["Body"])
    expected_auth = base64.b64encode(f"{ACCOUNT}:{TOKEN}".encode()).decode()
    assert fake_twilio.auth[0] == f"Basic {expected_auth}"
    done = row(session_factory, row_id)
    assert done.status == "queued" and done.provider_sid.startswith("SM")
    assert done.attempts == 1 and done.sent_as == "text" and done.error is None
    assert run_once(session_factory, settings) == 0  # never sent twice


def test_opted_out_error_21610_is_final_visible_and_recorded(
        db: Session, session_factory: sessionmaker[Session], settings: Settings,
        fake_twilio: FakeTwilioApi) -> None:
    fake_twilio.script.append((400, {"code": 21610, "status": 400, "more_info": "x",
                                     "message": f"Attempt to send to unsubscribed recipient {NUMBER}"}))
    row_id = queue(db)
    run_once(session_factory, settings)
    failed = row(session_factory, row_id)
    assert failed.status == "failed"
    assert failed.error == "21610: the resident has opted out (replied STOP)"
    assert NUMBER not in failed.error  # Twilio's own text (with the number) is never stored
    with session_factory() as s:
        assert optout.is_opted_out(s, NUMBER)
    # the next message to that number is not even attempted
    second = queue(db)
    run_once(session_factory, settings)
    assert len(fake_twilio.created) == 1
    assert row(session_factory, second).error.startswith("21610")


def test_numbers_that_replied_stop_are_never_messaged(
        db: Session, session_factory: sessionmaker[Session], settings: Settings,
        fake_twilio: FakeTwilioApi) -> None:
    optout.set_opted_out(db, NUMBER, True)
    row_id = queue(db)
    run_once(session_factory, settings)
    assert fake_twilio.created == []
    assert row(session_factory, row_id).status == "failed"


def test_server_error_is_retried_with_backoff_then_sent(
        db: Session, session_factory: sessionmaker[Session], settings: Settings,
        fake_twilio: FakeTwilioApi) -> None:
    fake_twilio.script.append((500, {"code": 20500, "status": 500, "message": "oops"}))
    row_id = queue(db)
    run_once(session_factory, settings)
    waiting = row(session_factory, row_id)
    assert waiting.status == "retrying" and waiting.error.startswith("20500")
    assert waiting.next_attempt_at > utcnow() + timedelta(seconds=20)
    assert run_once(session_factory, settings) == 0  # not before its time
    with session_factory() as s, s.begin():
        s.execute(update(OutboundMessage).values(next_attempt_at=utcnow() - timedelta(seconds=1)))
    assert run_once(session_factory, settings) == 1
    sent = row(session_factory, row_id)
    assert sent.status == "queued" and sent.attempts == 2 and sent.error is None
    assert len(fake_twilio.created) == 2


def test_retries_give_up_after_the_configured_attempts(
        db: Session, session_factory: sessionmaker[Session], settings: Settings,
        fake_twilio: FakeTwilioApi) -> None:
    settings.outbox_max_attempts = 2
    fake_twilio.script.extend([(503, {"code": 20503, "status": 503, "message": "x"})] * 2)
    row_id = queue(db)
    for _ in range(2):
        with session_factory() as s, s.begin():
            s.execute(update(OutboundMessage).values(next_attempt_at=None))
        run_once(session_factory, settings)
    failed = row(session_factory, row_id)
    assert failed.status == "failed" and "gave up after 2 attempts" in failed.error


def test_other_client_errors_are_final(db: Session, session_factory: sessionmaker[Session],
                                       settings: Settings, fake_twilio: FakeTwilioApi) -> None:
    fake_twilio.script.append((400, {"code": 21211, "status": 400, "message": "invalid"}))
    row_id = queue(db)
    run_once(session_factory, settings)
    failed = row(session_factory, row_id)
    assert failed.status == "failed" and failed.error == "21211: the number is not a valid phone number"


def test_unreachable_twilio_is_retried(db: Session, session_factory: sessionmaker[Session],
                                       settings: Settings) -> None:
    settings.twilio_api_base_url = "http://127.0.0.1:9"  # nothing listens there
    row_id = queue(db)
    run_once(session_factory, settings)
    assert row(session_factory, row_id).status == "retrying"


def test_backoff_grows_and_is_capped() -> None:
    assert [backoff(n).total_seconds() for n in (1, 2, 3, 4, 5, 9)] == [30, 120, 480, 1920, 3600,
                                                                        3600]


def _open_window(db: Session, hours_ago: float) -> None:
    db.add(ChatSession(conversation_id="wa-" + pseudonym(NUMBER, "whatsapp"), channel="whatsapp",
                       offered_payloads=[], last_inbound_at=utcnow() - timedelta(hours=hours_ago)))
    db.commit()


def test_whatsapp_inside_the_window_sends_free_text(
        db: Session, session_factory: sessionmaker[Session], settings: Settings,
        fake_twilio: FakeTwilioApi) -> None:
    _open_window(db, hours_ago=2)
    row_id = queue(db, channel="whatsapp", body="Hello 👋 from your officer")
    run_once(session_factory, settings)
    [sent] = fake_twilio.created
    assert sent["To"] == f"whatsapp:{NUMBER}" and sent["From"] == "whatsapp:+442000000001"
    assert sent["Body"].endswith("Hello 👋 from your officer") and "ContentSid" not in sent
    assert row(session_factory, row_id).sent_as == "text"


def test_whatsapp_outside_the_window_uses_the_template_then_the_text_on_reply(
        db: Session, session_factory: sessionmaker[Session], settings: Settings,
        fake_twilio: FakeTwilioApi) -> None:
    settings.twilio_whatsapp_content_sid = "HX" + "1" * 32
    settings.twilio_whatsapp_content_variables = '{"1": "{council_name}", "2": "{reference}"}'
    _open_window(db, hours_ago=30)
    row_id = queue(db, channel="whatsapp")
    run_once(session_factory, settings)
    [template] = fake_twilio.created
    assert template["ContentSid"] == settings.twilio_whatsapp_content_sid
    variables = json.loads(template["ContentVariables"])
    assert variables["1"] == settings.council_name and variables["2"].startswith("HF-")
    assert "Body" not in template
    sent = row(session_factory, row_id)
    assert sent.sent_as == "template" and sent.status == "queued"
    # the resident replies: the window is open, the officer's own words follow
    with session_factory() as s, s.begin():
        s.execute(update(ChatSession).values(last_inbound_at=utcnow()))
        assert release_held(s, NUMBER) == 1
    run_once(session_factory, settings)
    assert fake_twilio.created[1]["Body"].endswith("Hello, this is PC Khan about your report.")
    assert row(session_factory, row_id).sent_as == "text"


def test_whatsapp_outside_the_window_without_a_template_is_held(
        db: Session, session_factory: sessionmaker[Session], settings: Settings,
        fake_twilio: FakeTwilioApi) -> None:
    row_id = queue(db, channel="whatsapp")
    run_once(session_factory, settings)
    held = row(session_factory, row_id)
    assert fake_twilio.created == [] and held.status == "held" and held.error.startswith("63016")


def test_long_sms_is_split_and_each_part_within_1600(
        db: Session, session_factory: sessionmaker[Session], settings: Settings,
        fake_twilio: FakeTwilioApi) -> None:
    queue(db, body=" ".join(f"Update {i}: we spoke to the housing officer." for i in range(60)))
    run_once(session_factory, settings)
    assert len(fake_twilio.created) == 2
    assert all(len(c["Body"]) <= 1600 for c in fake_twilio.created)


@pytest.mark.parametrize("workers", [2, 4])
def test_concurrent_claims_never_share_a_row(db: Session, session_factory: sessionmaker[Session],
                                             workers: int) -> None:
    from concurrent.futures import ThreadPoolExecutor

    ids = {queue(db) for _ in range(40)}

    def drain(_: int) -> list[int]:
        mine: list[int] = []
        while batch := claim_batch(session_factory, 7):
            mine.extend(batch)
        return mine

    with ThreadPoolExecutor(workers) as pool:
        batches = list(pool.map(drain, range(workers)))
    claimed = [i for b in batches for i in b]
    assert len(claimed) == len(set(claimed)) == 40 and set(claimed) == ids


def test_a_crashed_workers_claim_is_picked_up_after_its_lease(
        db: Session, session_factory: sessionmaker[Session], settings: Settings,
        fake_twilio: FakeTwilioApi) -> None:
    row_id = queue(db)
    assert claim_batch(session_factory) == [row_id]  # ...and the worker dies here
    assert run_once(session_factory, settings) == 0  # lease still running
    with session_factory() as s, s.begin():
        s.execute(update(OutboundMessage).values(next_attempt_at=utcnow() - timedelta(seconds=1)))
    assert run_once(session_factory, settings) == 1
    assert row(session_factory, row_id).status == "queued" and len(fake_twilio.created) == 1


def test_numbers_typed_in_uk_format_are_sent_as_e164_and_match_opt_outs(
        db: Session, session_factory: sessionmaker[Session], settings: Settings,
        fake_twilio: FakeTwilioApi) -> None:
    for typed in ("07700 900123", "0044 7700 900123", "447700900123", "whatsapp:+447700900123"):
        assert optout.normalise_number(typed) == NUMBER
    queue(db, to="07700 900123")
    run_once(session_factory, settings)
    assert fake_twilio.created[0]["To"] == NUMBER
    optout.set_opted_out(db, NUMBER, True)  # STOP arrived from +447700900123
    db.commit()
    second = queue(db, to="07700 900123")
    run_once(session_factory, settings)
    assert len(fake_twilio.created) == 1 and row(session_factory, second).status == "failed"
