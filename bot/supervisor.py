"""Process supervision for ``tellonce run`` and the fault tests: each part is a child process in
its own process group; a child that exits is restarted with backoff, a crash loop gives up loudly.

Before a restart the child's whole process group is ended and its port waited free: the action
server's Sanic worker survives a SIGKILL of its parent and would keep the port otherwise.
State is written to a small JSON file the gateway's /healthz reads (which part is restarting).
"""

from __future__ import annotations

import json
import logging
import os
import signal
import socket
import subprocess
import threading
import time
from collections import deque
from dataclasses import dataclass, field
from pathlib import Path

from bot import log_files

log = logging.getLogger("tellonce.supervisor")


class CrashLoop(RuntimeError):
    """A part exited too often in too short a time: the supervisor gave up on it."""

    def __init__(self, name: str, restarts: int, window: float, code: int | None) -> None:
        super().__init__(f"{name} exited {restarts} times in {window:.0f} s (last exit code "
                         f"{code}); giving up")
        self.name = name


def port_free(port: int, host: str = "127.0.0.1") -> bool:
    """True when a server could bind ``port`` now (SO_REUSEADDR, as uvicorn and Sanic bind)."""
    with socket.socket() as s:
        s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            s.bind((host, port))
        except OSError:
            return False
        return True


def group_alive(pgid: int) -> bool:
    try:
        os.killpg(pgid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def end_group(proc: subprocess.Popen, grace: float = 10.0) -> None:
    """SIGTERM the leader (a graceful stop), then SIGKILL whatever is left of its group."""
    pgid = proc.pid  # start_new_session: the leader's pid is the group id
    if proc.poll() is None:
        try:
            proc.send_signal(signal.SIGTERM)
            proc.wait(timeout=grace)
        except subprocess.TimeoutExpired:
            pass
        except ProcessLookupError:
            pass
    if group_alive(pgid):
        try:
            os.killpg(pgid, signal.SIGKILL)
        except ProcessLookupError:
            pass
    if proc.poll() is None:
        proc.wait()
    deadline = time.monotonic() + 5
    while group_alive(pgid) and time.monotonic() < deadline:
        time.sleep(0.05)


@dataclass
class Child:
    """One supervised part: how to start it and what it holds (ports)."""

    name: str
    argv: list[str]
    env: dict[str, str]
    log_path: Path
    cwd: Path
    ports: tuple[int, ...] = ()
    proc: subprocess.Popen | None = None
    state: str = "stopped"  # up | restarting | gave_up | stopped
    restarts: deque[float] = field(default_factory=deque)
    started_at: float = 0.0
    next_start: float = 0.0
    failures: int = 0  # consecutive short-lived runs: sets the backoff
    last_exit: int | None = None

    def spawn(self) -> None:
        self.log_path.parent.mkdir(parents=True, exist_ok=True)
        with self.log_path.open("ab") as out:
            self.proc = subprocess.Popen(  # noqa: S603 - fixed argv, no shell
                self.argv, cwd=self.cwd, env=self.env, stdout=out, stderr=subprocess.STDOUT,
                start_new_session=True,
            )
        self.state, self.started_at = "up", time.monotonic()

    def wait_ports_free(self, timeout: float = 15.0) -> bool:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if all(port_free(p) for p in self.ports):
                return True
            time.sleep(0.1)
        return False


@dataclass
class Supervisor:
    """Restart exited children with exponential backoff; ``max_restarts`` in ``window`` s is a
    crash loop (raised as CrashLoop from ``poll``)."""

    children: dict[str, Child]
    max_restarts: int = 5
    window: float = 60.0
    backoff_base: float = 0.5
    backoff_max: float = 30.0
    status_path: Path | None = None
    # Log files rotated this often and their rotated copies kept this long (bot/log_files.py).
    rotate_seconds: float | None = None
    keep_seconds: float | None = None
    gave_up: CrashLoop | None = None
    _rotated_at: float = field(default_factory=time.time)
    _expired_at: float = 0.0
    _lock: threading.RLock = field(default_factory=threading.RLock)

    def start_all(self) -> None:
        with self._lock:
            for child in self.children.values():
                child.spawn()
            self.write_status()

    def backoff(self, child: Child) -> float:
        return min(self.backoff_base * 2 ** max(child.failures - 1, 0), self.backoff_max)

    def poll(self) -> None:
        """One supervision step: notice exits, end their groups, restart those that are due."""
        with self._lock:
            now = time.monotonic()
            changed = False
            for child in self.children.values():
                if child.state == "up" and child.proc is not None and child.proc.poll() is not None:
                    self._exited(child, now)
                    changed = True
                elif child.state == "restarting" and now >= child.next_start:
                    if child.wait_ports_free(timeout=0.5):
                        log.warning("restarting part=%s attempt=%d", child.name,
                                    len(child.restarts))
                        child.spawn()
                        changed = True
            if changed:
                self.write_status()
            self.rotate_logs()

    def rotate_logs(self, now: float | None = None) -> None:
        """Rotate every part's log when it is due, then delete rotated files past retention."""
        now = now or time.time()
        if self.rotate_seconds is not None and now - self._rotated_at >= self.rotate_seconds:
            self._rotated_at = now
            for child in self.children.values():
                log_files.rotate(child.log_path, now)
        if self.keep_seconds is not None and now - self._expired_at >= 60:
            self._expired_at = now
            for child in self.children.values():
                log_files.expire(child.log_path, self.keep_seconds, now)

    def _exited(self, child: Child, now: float) -> None:
        assert child.proc is not None
        child.last_exit = child.proc.returncode
        end_group(child.proc, grace=0.5)  # the leader is gone: end what it left behind
        lived = now - child.started_at
        child.failures = 1 if lived > self.window else child.failures + 1
        child.restarts.append(now)
        while child.restarts and now - child.restarts[0] > self.window:
            child.restarts.popleft()
        if len(child.restarts) >= self.max_restarts:
            child.state = "gave_up"
            self.gave_up = CrashLoop(child.name, len(child.restarts), self.window,
                                     child.last_exit)
            log.error("crash loop part=%s restarts=%d window=%ss: giving up", child.name,
                      len(child.restarts), int(self.window))
            self.write_status()
            raise self.gave_up
        delay = self.backoff(child)
        child.state, child.next_start = "restarting", now + delay
        log.warning("part exited part=%s code=%s lived=%.1fs restart_in=%.1fs", child.name,
                    child.last_exit, lived, delay)

    def stop_all(self) -> None:
        with self._lock:
            for child in self.children.values():
                if child.proc is not None and child.proc.poll() is None:
                    try:
                        child.proc.send_signal(signal.SIGTERM)
                    except ProcessLookupError:
                        pass
            for child in self.children.values():
                if child.proc is not None:
                    end_group(child.proc, grace=10.0)
                child.state = "stopped"
            self.write_status()

    def status(self) -> dict[str, dict]:
        now = time.monotonic()
        return {
            name: {
                "state": c.state,
                "pid": c.proc.pid if c.proc is not None and c.state == "up" else None,
                "restarts_in_window": sum(1 for t in c.restarts if now - t <= self.window),
                "last_exit": c.last_exit,
            }
            for name, c in self.children.items()
        }

    def write_status(self) -> None:
        if self.status_path is None:
            return
        self.status_path.parent.mkdir(parents=True, exist_ok=True)
        tmp = self.status_path.with_suffix(".tmp")
        tmp.write_text(json.dumps({"updated": time.time(), "parts": self.status()}))
        os.replace(tmp, self.status_path)
