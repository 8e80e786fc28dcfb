"""The real stack for end-to-end tests: Rasa (its own venv), the action server and the
gateway on free 127.0.0.1 ports, with a fresh app database and tracker store per backend."""

from __future__ import annotations

import os
import re
import socket
import subprocess
import sys
from pathlib import Path
from typing import Any

import httpx

from bot.launcher import LOAD_TEST_LIMITS, MODEL, Stack
from bot.settings import PROJECT_ROOT, Settings

REFERENCE = re.compile(r"\bHF-[34679ACDEFGHJKMNPQRTUVWXY]{6,}\b")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class LiveStack:
    """A started stack plus helpers to talk to it as a resident and as an officer."""

    def __init__(self, stack: Stack, settings: Settings, backend: str) -> None:
        self.stack = stack
        self.settings = settings
        self.backend = backend
        self.gateway_url = stack.gateway_url
        self.rasa_url = stack.rasa_url
        self.log_dir = stack.log_dir
        self._officers: dict[str, str] = {}

    def chat(self, sender: str, message: str) -> dict[str, Any]:
        r = httpx.post(f"{self.gateway_url}/chat", json={"sender": sender, "message": message},
                       timeout=60)
        assert r.status_code == 200, r.text
        return r.json()

    def create_officer(self, username: str, password: str, role: str = "supervisor") -> None:
        tellonce = Path(sys.executable).parent / "tellonce"
        done = subprocess.run(  # noqa: S603
            [str(tellonce), "officer", "create", "--username", username, "--password", password,
             "--role", role],
            cwd=PROJECT_ROOT, env={**os.environ, "DATABASE_URL": self.settings.database_url},
            capture_output=True, text=True,
        )
        assert done.returncode == 0, done.stderr

    def officer_get(self, username: str, path: str, password: str = "correct horse battery staple",
                    **params: Any) -> httpx.Response:
        """GET an officer API path as ``username`` (created as a supervisor on first use)."""
        if username not in self._officers:
            self.create_officer(username, password)
            self._officers[username] = self.officer_token(username, password)
        return httpx.get(f"{self.gateway_url}{path}", params=params, timeout=10,
                         headers={"Authorization": f"Bearer {self._officers[username]}"})

    def officer_token(self, username: str, password: str) -> str:
        r = httpx.post(f"{self.gateway_url}/api/v1/auth/token",
                       data={"username": username, "password": password}, timeout=30)
        assert r.status_code == 200, r.text
        return r.json()["access_token"]

    def logs(self) -> str:
        return "\n".join(p.read_text(errors="replace") for p in sorted(self.log_dir.glob("*.log")))


# Who the action server tells about an urgent report (through the outbox) in every e2e stack.
DUTY_EMAIL = "duty-officer@example.org"
TEST_STACK_LIMITS = LOAD_TEST_LIMITS  # many residents from 127.0.0.1 at machine speed


def start_stack(settings: Settings, log_dir: Path, backend: str,
                env: dict[str, str] | None = None) -> LiveStack:
    if not MODEL.exists():
        raise RuntimeError(f"no trained model at {MODEL}: run `make train` first")
    stack = Stack(settings, rasa_port=free_port(), action_port=free_port(),
                  gateway_port=free_port(), log_dir=log_dir,
                  # the quick exit to our own neutral page: no internet here to leave to
                  # a spool of its own: never drain (or leave) reports of another run
                  env={"DUTY_CONTACT_EMAIL": DUTY_EMAIL, "QUICK_EXIT_URL": "/weather",
                       "SPOOL_DIR": str(log_dir / "spool"),
                       **TEST_STACK_LIMITS, **(env or {})})
    stack.start()
    try:
        stack.wait_ready(timeout=240)
    except Exception:
        stack.stop()
        raise
    return LiveStack(stack, settings, backend)
