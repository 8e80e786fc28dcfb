"""The outbox worker as real processes (``tellonce outbox run`` under bot.supervisor) against a
local Twilio API driven by the real ``twilio`` library, and the real gateway receiving Twilio's
status callbacks: a worker killed between sending and recording loses nothing and, when the
status callback arrives, sends nothing twice; two workers never send a message twice."""

from __future__ import annotations

import os
import signal
import sys
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

import httpx
import pytest
from sqlalchemy.orm import Session, sessionmaker

from bot.cases import create_case
from bot.models import OutboundMessage
from bot.report import Report
from bot.settings import PROJECT_ROOT
from bot.supervisor import Child, Supervisor
from tests.twilio.conftest import ACCOUNT, NUMBER, TOKEN, sign
from tests.twilio.servers import FakeTwilioApi, free_port

LEASE = 3.0


class KillingTwilio(FakeTwilioApi):
    """Twilio's Messages API; ``on_create(form, sid)`` runs after Twilio has accepted a
    message and before the worker hears back (where a test kills the worker)."""

    def __init__(self) -> None:
        self.on_create: Callable[[dict, str], None] | None = None
        self.delay = 0.0
        super().__init__()

    def handle(self, method: str, path: str, body: bytes, headers: dict) -> tuple[int, Any]:
        status, payload = super().handle(method, path, body, headers)
        if self.delay:
            time.sleep(self.delay)
        if self.on_create and status == 201:
            hook, self.on_create = self.on_create, None
            hook(self.created[-1], payload["sid"])
        return status, payload


def callback(url: str, sid: str, status: str = "sent") -> None:
    """What Twilio posts to a message's StatusCallback URL (signed over the whole URL)."""
    params = {"MessageSid": sid, "MessageStatus": status, "AccountSid": ACCOUNT}
    r = httpx.post(url, content=urlencode(params), timeout=10, headers={
        "Content-Type": "application/x-www-form-urlencoded",
        "X-Twilio-Signature": sign(url, params)})
    assert r.status_code == 204, r.text


@pytest.fixture
def twilio() -> Iterator[KillingTwilio]:
    server = KillingTwilio()
    yield server
    server.close()


@pytest.fixture
def processes(db_url: str, twilio: KillingTwilio, tmp_path: Path) -> Iterator[dict]:
    """The gateway (for status callbacks) and two outbox workers, supervised."""
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    env = {**os.environ, "DATABASE_URL": db_url, "TWILIO_ACCOUNT_SID": ACCOUNT,
           "TWILIO_AUTH_TOKEN": TOKEN, "TWILIO_SMS_NUMBER": "+442000000000",
           "TWILIO_API_BASE_URL": twilio.url, "PUBLIC_BASE_URL": base,
           "OUTBOX_POLL_SECONDS": "0.2", "OUTBOX_LEASE_SECONDS": str(LEASE)}
    py = sys.executable

    def child(name: str, argv: list[str], ports: tuple[int, ...] = ()) -> Child:
        return Child(name, argv, env, tmp_path / f"{name}.log", PROJECT_ROOT, ports)

    sup = Supervisor({
        "gateway": child("gateway", [py, "-m", "uvicorn", "api.main:create_app", "--factory",
                                     "--host", "127.0.0.1", "--port", str(port)], (port,)),
        "outbox": child("outbox", [py, "-m", "bot.cli", "outbox", "run"]),
        "outbox-2": child("outbox-2", [py, "-m", "bot.cli", "outbox", "run"]),
    }, backoff_base=0.2)
    sup.start_all()
    stop = threading.Event()

    def watch() -> None:
        while not stop.wait(0.1):
            sup.poll()

    thread = threading.Thread(target=watch, daemon=True)
    thread.start()
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            httpx.get(base + "/healthz", timeout=2)
            break
        except httpx.HTTPError:
            time.sleep(0.2)
    try:
        yield {"supervisor": sup, "gateway": base}
    finally:
        stop.set()
        thread.join()
        sup.stop_all()


def queue(sessions: sessionmaker[Session], body: str) -> int:
    with sessions() as db, db.begin():
        case = create_case(db, Report(channel="sms", anonymous=False, contact_method="sms",
                                      contact_value=NUMBER))
        row = OutboundMessage(case_id=case.id, channel="sms", to=NUMBER, body=body,
                              status="pending")
        db.add(row)
        db.flush()
        return row.id


def row(sessions: sessionmaker[Session], row_id: int) -> OutboundMessage:
    with sessions() as db:
        return db.get(OutboundMessage, row_id)


def _until(check: Callable[[], bool], timeout: float) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if check():
            return
        time.sleep(0.1)
    raise AssertionError("not in time")


def _kill_sender(processes: dict, posted: list) -> Callable[[dict, str], None]:
    """Kill the worker that is sending, before it hears Twilio's answer (both are killed: the
    sender is one of them; the supervisor restarts both)."""
    def hook(form: dict, sid: str) -> None:
        sup: Supervisor = processes["supervisor"]
        for name in ("outbox", "outbox-2"):
            proc = sup.children[name].proc
            os.kill(proc.pid, signal.SIGKILL)
        posted.append((form["StatusCallback"], sid))
    return hook


def test_worker_killed_after_twilio_accepted_sends_once_with_the_status_callback(
        processes: dict, twilio: KillingTwilio, session_factory) -> None:
    posted: list = []
    twilio.on_create = _kill_sender(processes, posted)
    row_id = queue(session_factory, "Hello from PC Khan about your report (one).")
    _until(lambda: bool(posted), 20)
    url, sid = posted[0]
    assert url.endswith(f"/twilio/status?outbox={row_id}.1")
    callback(url, sid)  # Twilio reports the message it accepted: the send is recorded
    time.sleep(LEASE + 3)  # the lease has ended and restarted workers have polled
    sent = row(session_factory, row_id)
    assert sent.status == "sent" and sent.provider_sid == sid
    assert len(twilio.created) == 1, "the message must not be sent twice"
    restarts = processes["supervisor"].status()
    assert restarts["outbox"]["restarts_in_window"] >= 1


def test_without_a_callback_the_lease_resends_nothing_is_lost(
        processes: dict, twilio: KillingTwilio, session_factory) -> None:
    """The window that remains (docs/deploy.md): Twilio accepted it, the worker died, and no
    status callback came within the lease. The message is sent again, never lost."""
    posted: list = []
    twilio.on_create = _kill_sender(processes, posted)
    row_id = queue(session_factory, "Hello from PC Khan about your report (two).")
    _until(lambda: len(twilio.created) >= 2, LEASE + 20)
    _until(lambda: row(session_factory, row_id).status == "queued", 10)
    assert [c["Body"] for c in twilio.created][0] == twilio.created[1]["Body"]
    assert row(session_factory, row_id).attempts == 2


def test_two_workers_never_send_a_message_twice(processes: dict, twilio: KillingTwilio,
                                                session_factory) -> None:
    twilio.delay = 0.02  # a send takes a moment, so both workers are busy at once
    ids = [queue(session_factory, f"Update {i} about your report.") for i in range(60)]
    _until(lambda: len(twilio.created) >= 60, 60)
    time.sleep(1)
    bodies = [c["Body"].split("\n", 1)[1] for c in twilio.created]
    assert len(bodies) == len(set(bodies)) == 60
    assert {row(session_factory, i).status for i in ids} == {"queued"}
    logs = [(Path(processes["supervisor"].children[n].log_path)).read_text()
            for n in ("outbox", "outbox-2")]
    assert all("outcome=sent" in log for log in logs), "both workers must have taken a share"
