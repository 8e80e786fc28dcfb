"""Delivery status callbacks reach the outbox row (and so the case); the worker can run inside
the gateway or as ``tellonce outbox run --once``."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

from fastapi.testclient import TestClient
from sqlalchemy.orm import Session, sessionmaker

from api.main import create_app
from bot.messaging import optout
from bot.messaging.status import messages_for_case
from bot.messaging.worker import run_once
from bot.models import OutboundMessage
from bot.settings import PROJECT_ROOT, Settings
from tests.twilio.conftest import NUMBER, post_signed
from tests.twilio.servers import FakeTwilioApi
from tests.twilio.test_outbound import queue, row


def _callback(client: TestClient, sid: str, status: str, **extra: str) -> int:
    params = {"MessageSid": sid, "MessageStatus": status, "AccountSid": "AC" + "0" * 32,
              "To": NUMBER, **extra}
    return post_signed(client, "/twilio/status", params).status_code


def test_status_callbacks_are_stored_and_never_go_backwards(
        client: TestClient, db: Session, session_factory: sessionmaker[Session],
        settings: Settings) -> None:
    row_id = queue(db)
    run_once(session_factory, settings)
    sid = row(session_factory, row_id).provider_sid
    assert _callback(client, sid, "sent") == 204
    assert row(session_factory, row_id).status == "sent"
    assert _callback(client, sid, "delivered") == 204
    assert _callback(client, sid, "sent") == 204  # late, out of order
    assert row(session_factory, row_id).status == "delivered"
    case_id = row(session_factory, row_id).case_id
    with session_factory() as s:
        [shown] = messages_for_case(s, case_id)
    assert shown["status"] == "delivered" and shown["channel"] == "sms" and shown["error"] is None


def test_failed_delivery_is_visible_with_its_reason(
        client: TestClient, db: Session, session_factory: sessionmaker[Session],
        settings: Settings) -> None:
    row_id = queue(db)
    run_once(session_factory, settings)
    sid = row(session_factory, row_id).provider_sid
    _callback(client, sid, "undelivered", ErrorCode="30007")
    failed = row(session_factory, row_id)
    assert failed.status == "undelivered" and failed.error == "30007: filtered by the carrier"


def test_callback_error_21610_records_the_opt_out(
        client: TestClient, db: Session, session_factory: sessionmaker[Session],
        settings: Settings) -> None:
    row_id = queue(db)
    run_once(session_factory, settings)
    _callback(client, row(session_factory, row_id).provider_sid, "failed", ErrorCode="21610")
    with session_factory() as s:
        assert optout.is_opted_out(s, NUMBER)


def test_unknown_sid_is_acknowledged(client: TestClient) -> None:
    assert _callback(client, "SM" + "9" * 32, "delivered") == 204


def test_worker_runs_in_the_gateway_when_configured(
        db: Session, session_factory: sessionmaker[Session], settings: Settings,
        fake_twilio: FakeTwilioApi) -> None:
    settings.outbox_worker_in_gateway = True
    settings.outbox_poll_seconds = 0.1
    with TestClient(create_app(settings)):
        row_id = queue(db)  # queued while the gateway runs, sent off the request path
        deadline = time.monotonic() + 10
        while row(session_factory, row_id).status == "pending" and time.monotonic() < deadline:
            time.sleep(0.1)
    assert row(session_factory, row_id).status == "queued"
    assert len(fake_twilio.created) == 1


def test_cli_outbox_run_once(db: Session, session_factory: sessionmaker[Session],
                             settings: Settings, fake_twilio: FakeTwilioApi, db_url: str) -> None:
    ids = [queue(db) for _ in range(3)]
    env = {**os.environ, "DATABASE_URL": db_url, "TWILIO_ACCOUNT_SID": settings.twilio_account_sid,
           "TWILIO_AUTH_TOKEN": settings.twilio_auth_token,
           "TWILIO_SMS_NUMBER": settings.twilio_sms_number,
           "TWILIO_API_BASE_URL": fake_twilio.url}
    tellonce = str(Path(sys.executable).parent / "tellonce")
    out = subprocess.run([tellonce, "outbox", "run", "--once"],  # noqa: S603
                         env=env, cwd=PROJECT_ROOT, capture_output=True, text=True, timeout=60)
    assert out.returncode == 0, out.stderr
    assert "processed 3 message(s)" in out.stdout
    assert NUMBER not in out.stdout + out.stderr  # no number in the worker's logs
    assert {row(session_factory, i).status for i in ids} == {"queued"}
    with session_factory() as s:
        assert s.query(OutboundMessage).count() == 3
