"""A supervised stack for fault tests: the real Rasa, action server, gateway and outbox worker
(bot.launcher.Stack) on free ports with fresh databases, supervised from a background thread
so a killed part comes back as it would under ``tellonce run``."""

from __future__ import annotations

import os
import signal
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import httpx
from sqlalchemy import select
from sqlalchemy.orm import Session

from api.chat import web_conversation_id
from bot.db import make_engine
from bot.launcher import MODEL, Stack
from bot.models import Case
from bot.scratch_db import scratch_database
from bot.settings import Settings
from tests.conftest import create_fresh_database, migrate
from tests.e2e.stack import TEST_STACK_LIMITS, free_port


def start(tmp: Path, backend: str, redis_url: str | None = None, rasa_replicas: int = 1,
          gateways: int = 1, pg_url: str | None = None) -> tuple[Stack, Callable[[], None]]:
    assert MODEL.exists(), "run `make train` first"
    if pg_url:
        app_url, drop_app = scratch_database("postgresql", tmp, pg_url)
        tracker_url, drop_tracker = scratch_database("postgresql", tmp, pg_url)
    else:
        app_url, drop_app = create_fresh_database(backend, tmp)
        tracker_url, drop_tracker = create_fresh_database(backend, tmp)
    migrate(app_url)
    settings = Settings(database_url=app_url, tracker_database_url=tracker_url,
                        redis_url=redis_url)
    stack = Stack(settings, rasa_port=free_port(), action_port=free_port(),
                  gateway_port=free_port(), log_dir=tmp / "logs",
                  extra_rasa_ports=tuple(free_port() for _ in range(rasa_replicas - 1)),
                  extra_gateway_ports=tuple(free_port() for _ in range(gateways - 1)),
                  env={"OUTBOX_POLL_SECONDS": "0.5", **TEST_STACK_LIMITS})
    stack.start()
    try:
        stack.wait_ready(timeout=240)
    except Exception:
        stack.stop()
        raise
    stack.watch()

    def stop() -> None:
        stack.stop()
        drop_app()
        drop_tracker()

    return stack, stop


def chat(url: str, sender: str, message: str) -> httpx.Response:
    return httpx.post(f"{url}/chat", json={"sender": sender, "message": message}, timeout=60)


def kill_group(stack: Stack, part: str) -> int:
    """SIGKILL a part's whole process group at once (it is down the moment this returns)."""
    pid = stack.procs[part].pid
    os.killpg(pid, signal.SIGKILL)
    return pid


def wait_healthy(stack: Stack, check: str, old_pid: int, part: str, timeout: float) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        proc = stack.procs.get(part)
        try:
            body: dict[str, Any] = httpx.get(f"{stack.gateway_url}/healthz", timeout=3).json()
            if body["checks"][check] and proc is not None and proc.pid != old_pid:
                return
        except httpx.HTTPError:
            pass
        time.sleep(0.3)
    raise AssertionError(f"{part} did not come back:\n{stack.tail(part)}")


def cases_of(stack: Stack, sender: str) -> list[dict[str, Any]]:
    """Every case written for this web sender (the count is what "exactly one" checks)."""
    engine = make_engine(stack.settings.database_url)
    try:
        with Session(engine) as db:
            rows = db.scalars(select(Case).where(
                Case.conversation_id == web_conversation_id(sender))).all()
            return [{"reference": r.reference, "narrative": r.narrative} for r in rows]
    finally:
        engine.dispose()


def cpu_ticks(pid: int) -> int:
    """utime + stime of one process, in clock ticks (from /proc)."""
    raw = Path(f"/proc/{pid}/stat").read_text()
    fields = raw[raw.rindex(")") + 2:].split()
    return int(fields[11]) + int(fields[12])
