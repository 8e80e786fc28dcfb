"""bot.supervisor with real child processes (tiny Python scripts): restart with backoff, the whole
process group ended and the port freed before a restart (a grandchild that outlives its parent
and keeps the port, as Sanic's worker does), a crash loop given up on loudly, status written."""

from __future__ import annotations

import json
import os
import signal
import socket
import sys
import time
from pathlib import Path

import pytest

from bot.supervisor import Child, CrashLoop, Supervisor, group_alive, port_free

# A parent that forks a worker holding the port (like `python -m rasa_sdk` and its Sanic worker)
# and then just waits.
SERVER = r"""
import os, socket, sys, time
port = int(sys.argv[1])
if os.fork() == 0:
    s = socket.socket(); s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    s.bind(("127.0.0.1", port)); s.listen()
    open(sys.argv[2], "a").write(f"{os.getpid()}\n")
    while True:
        c, _ = s.accept(); c.sendall(b"hi"); c.close()
while True:
    time.sleep(1)
"""


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _until(predicate, timeout: float = 10.0) -> None:  # noqa: ANN001
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if predicate():
            return
        time.sleep(0.05)
    raise AssertionError("condition not met in time")


def _answers(port: int) -> bool:
    try:
        with socket.create_connection(("127.0.0.1", port), timeout=0.5) as c:
            return c.recv(2) == b"hi"
    except OSError:
        return False


def _child(tmp_path: Path, name: str, argv: list[str], ports: tuple[int, ...] = ()) -> Child:
    return Child(name, argv, dict(os.environ), tmp_path / f"{name}.log", tmp_path, ports)


def test_killed_parent_whose_worker_keeps_the_port_is_restarted(tmp_path: Path) -> None:
    port = _free_port()
    pids = tmp_path / "workers.txt"
    child = _child(tmp_path, "server", [sys.executable, "-c", SERVER, str(port), str(pids)],
                   (port,))
    sup = Supervisor({"server": child}, backoff_base=0.1, status_path=tmp_path / "s.json")
    sup.start_all()
    try:
        _until(lambda: _answers(port))
        first_leader = child.proc.pid
        first_worker = int(pids.read_text().split()[0])
        os.kill(first_leader, signal.SIGKILL)  # the worker survives this and keeps the port
        _until(lambda: child.proc.poll() is not None)
        assert not port_free(port), "the orphaned worker should still hold the port"
        deadline = time.monotonic() + 15
        while time.monotonic() < deadline and not (child.proc.pid != first_leader
                                                   and _answers(port)):
            sup.poll()
            time.sleep(0.05)
        assert child.proc.pid != first_leader
        assert _answers(port), "the restarted server must bind the same port"
        assert not group_alive(first_leader), "the old process group must be gone"
        with pytest.raises(ProcessLookupError):
            os.kill(first_worker, 0)
        status = json.loads((tmp_path / "s.json").read_text())["parts"]["server"]
        assert status["state"] == "up" and status["restarts_in_window"] == 1
    finally:
        sup.stop_all()
    assert port_free(port) and not group_alive(child.proc.pid)


def test_backoff_doubles_for_short_lived_runs(tmp_path: Path) -> None:
    child = _child(tmp_path, "flaky", [sys.executable, "-c", "raise SystemExit(3)"])
    sup = Supervisor({"flaky": child}, max_restarts=10, backoff_base=0.2)
    sup.start_all()
    delays = []
    try:
        while len(delays) < 3:
            before = child.state
            sup.poll()
            if before == "up" and child.state == "restarting":
                delays.append(round(child.next_start - time.monotonic(), 1))
            time.sleep(0.02)
    finally:
        sup.stop_all()
    assert child.last_exit == 3
    assert delays[0] <= 0.2 and delays[1] == pytest.approx(0.4, abs=0.1)
    assert delays[2] == pytest.approx(0.8, abs=0.1)


def test_a_crash_loop_gives_up_naming_the_part(tmp_path: Path) -> None:
    ok = _child(tmp_path, "steady", [sys.executable, "-c", "import time; time.sleep(60)"])
    bad = _child(tmp_path, "outbox", [sys.executable, "-c", "raise SystemExit(2)"])
    sup = Supervisor({"steady": ok, "outbox": bad}, max_restarts=3, window=60,
                     backoff_base=0.01, status_path=tmp_path / "s.json")
    sup.start_all()
    try:
        with pytest.raises(CrashLoop) as raised:
            deadline = time.monotonic() + 20
            while time.monotonic() < deadline:
                sup.poll()
                time.sleep(0.02)
        assert raised.value.name == "outbox"
        assert "outbox exited 3 times" in str(raised.value)
        parts = json.loads((tmp_path / "s.json").read_text())["parts"]
        assert parts["outbox"]["state"] == "gave_up"
        assert parts["steady"]["state"] == "up"
    finally:
        sup.stop_all()
    assert ok.proc.poll() is not None
