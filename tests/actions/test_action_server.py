"""The real action server (``python -m actions.server``) answers only Rasa: a tracker posted
without the shared secret writes no case (401), and the server listens on 127.0.0.1 even when
``SANIC_HOST`` asks for every interface."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from sqlalchemy import create_engine, func, select

from bot.launcher import ACTION_SECRET_HEADER
from bot.models import Case
from bot.settings import PROJECT_ROOT

SECRET = "a-shared-secret-only-rasa-knows-0123456789"  # noqa: S105
SLOTS = {"narrative": "A man shouted racist abuse at me on the bus yesterday.",
         "strands": ["race"], "incident_types": ["verbal_abuse"], "confirm_summary": "yes",
         "anonymous": True}


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _call(action: str) -> dict:
    """What Rasa 3.6 posts to /webhook to run one action."""
    latest = {"text": "/affirm", "intent": {"name": "affirm", "confidence": 1.0},
              "entities": [], "metadata": {"channel": "web", "now": "2026-11-25T10:00:00+00:00"}}
    return {
        "next_action": action, "sender_id": "w-attacker", "version": "3.6.21",
        "tracker": {"sender_id": "w-attacker", "slots": SLOTS, "latest_message": latest,
                    "events": [{"event": "user", "text": "/affirm", "parse_data": latest}],
                    "paused": False, "followup_action": None, "active_loop": {},
                    "latest_action_name": "action_listen"},
        "domain": {"version": "3.1", "slots": {}, "responses": {}, "actions": [],
                   "forms": {}, "intents": [], "entities": []},
    }


@pytest.fixture
def action_server(db_url: str, tmp_path: Path) -> Iterator[str]:
    port = _free_port()
    env = {**os.environ, "DATABASE_URL": db_url, "ACTION_SERVER_SECRET": SECRET,
           "SANIC_HOST": "0.0.0.0", "SPOOL_DIR": str(tmp_path / "spool"),
           "PYTHONUNBUFFERED": "1"}
    env.pop("ACTION_SERVER_BIND", None)
    log = (tmp_path / "actions.log").open("w")
    proc = subprocess.Popen(  # noqa: S603
        [sys.executable, "-m", "actions.server", "--actions", "actions", "--port", str(port)],
        cwd=PROJECT_ROOT, env=env, stdout=log, stderr=subprocess.STDOUT, start_new_session=True)
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 90
        while True:
            assert proc.poll() is None, (tmp_path / "actions.log").read_text()[-3000:]
            try:
                if httpx.get(f"{url}/health", timeout=1).status_code == 200:
                    break
            except httpx.HTTPError:
                pass
            assert time.monotonic() < deadline, "the action server did not start"
            time.sleep(0.3)
        yield url
    finally:
        os.killpg(proc.pid, signal.SIGTERM)  # the Sanic worker is a child: end the group
        try:
            proc.wait(timeout=15)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
        log.close()


def _cases(db_url: str) -> int:
    engine = create_engine(db_url)
    try:
        with engine.connect() as conn:
            return conn.execute(select(func.count()).select_from(Case)).scalar_one()
    finally:
        engine.dispose()


def test_a_tracker_without_the_secret_writes_no_case(action_server: str, db_url: str) -> None:
    call = _call("action_submit_report")
    for headers in ({}, {ACTION_SECRET_HEADER: "guessed"},
                    {ACTION_SECRET_HEADER: SECRET[:-1]}):
        r = httpx.post(f"{action_server}/webhook", json=call, headers=headers, timeout=30)
        assert r.status_code == 401, r.text
        assert r.json() == {"error": "unauthorised"}
    assert httpx.get(f"{action_server}/actions", timeout=5).status_code == 401
    assert _cases(db_url) == 0

    # Rasa's own call (with the header its endpoints file gives it) still works.
    r = httpx.post(f"{action_server}/webhook", json=call,
                   headers={ACTION_SECRET_HEADER: SECRET}, timeout=60)
    assert r.status_code == 200, r.text
    assert any("reference" in (m.get("text") or "").lower() for m in r.json()["responses"])
    assert _cases(db_url) == 1


def _listening(port: int) -> list[str]:
    """Local addresses listening on ``port`` (from /proc/net/tcp and tcp6)."""
    found = []
    for table in ("/proc/net/tcp", "/proc/net/tcp6"):
        for line in Path(table).read_text().splitlines()[1:]:
            local, state = line.split()[1], line.split()[3]
            address, hex_port = local.rsplit(":", 1)
            if int(hex_port, 16) == port and state == "0A":  # LISTEN
                found.append(address)
    return found


def test_it_listens_on_loopback_only_whatever_sanic_host_says(action_server: str) -> None:
    port = int(action_server.rsplit(":", 1)[1])
    assert _listening(port) == ["0100007F"]  # 127.0.0.1, and nothing else


def test_it_refuses_to_start_without_a_secret(db_url: str) -> None:
    env = {**os.environ, "DATABASE_URL": db_url, "ACTION_SERVER_SECRET": ""}
    done = subprocess.run(  # noqa: S603
        [sys.executable, "-m", "actions.server", "--port", str(_free_port())],
        cwd=PROJECT_ROOT, env=env, capture_output=True, text=True, timeout=60)
    assert done.returncode != 0
    assert "ACTION_SERVER_SECRET is not set" in done.stderr
