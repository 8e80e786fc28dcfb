"""Start Rasa, the action server and the gateway together (``tellonce run``, e2e tests).

Rasa lives in its own environment (.venv-rasa) and is reached only over HTTP on 127.0.0.1.
Its endpoints file is generated from our settings so one DATABASE_URL/TRACKER_DATABASE_URL/
REDIS_URL configures everything. One Ctrl-C (or ``Stack.stop()``) stops all three.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

import httpx
import yaml
from sqlalchemy.engine import make_url

from bot.settings import PROJECT_ROOT, Settings

RASA_BIN = PROJECT_ROOT / ".venv-rasa" / "bin" / "rasa"
# sitecustomize for Rasa's interpreter: action-server responses validated with a schema checked
# once, not on every call (deploy/rasa/patches/sitecustomize.py, docs/benchmarks.md).
RASA_PATCHES = PROJECT_ROOT / "deploy" / "rasa" / "patches"
MODEL = PROJECT_ROOT / "models" / "tellonce.tar.gz"


def tracker_store_config(url: str) -> dict:
    """Rasa's SQL tracker store section for a SQLAlchemy URL (sqlite or postgresql)."""
    u = make_url(url)
    if u.drivername.startswith("sqlite"):
        Path(u.database).parent.mkdir(parents=True, exist_ok=True)
        return {"type": "SQL", "dialect": "sqlite", "db": u.database}
    return {
        "type": "SQL",
        "dialect": "postgresql",
        "url": u.host or "127.0.0.1",
        "port": u.port or 5432,
        "db": u.database,
        "username": u.username or "postgres",
        "password": u.password or "",
    }


def endpoints_config(settings: Settings, action_port: int) -> dict:
    config: dict = {
        "action_endpoint": {"url": f"http://127.0.0.1:{action_port}/webhook"},
        "tracker_store": tracker_store_config(settings.tracker_database_url),
    }
    if settings.redis_url:
        r = make_url(settings.redis_url)
        config["lock_store"] = {
            "type": "redis",
            "url": r.host or "127.0.0.1",
            "port": r.port or 6379,
            "db": int(r.database or 0),
            "key_prefix": "tellonce",
            **({"password": r.password} if r.password else {}),
        }
    return config


@dataclass
class Stack:
    """Rasa, actions, gateway (on 127.0.0.1) and the outbox worker; logs under ``log_dir``."""

    settings: Settings
    rasa_port: int = 5005
    action_port: int = 5055
    gateway_port: int = 8000
    log_dir: Path = PROJECT_ROOT / "var" / "log"
    model: Path = MODEL
    env: dict[str, str] = field(default_factory=dict)
    rasa_bin: Path = RASA_BIN
    rasa_env: dict[str, str] = field(default_factory=dict)  # extra environment for Rasa only
    procs: dict[str, subprocess.Popen] = field(default_factory=dict)

    @property
    def gateway_url(self) -> str:
        return f"http://127.0.0.1:{self.gateway_port}"

    @property
    def rasa_url(self) -> str:
        return f"http://127.0.0.1:{self.rasa_port}"

    def _env(self) -> dict[str, str]:
        env = dict(os.environ)
        env.update(
            {
                "DATABASE_URL": self.settings.database_url,
                "TRACKER_DATABASE_URL": self.settings.tracker_database_url,
                "RASA_URL": self.rasa_url,
                "ACTION_SERVER_URL": f"http://127.0.0.1:{self.action_port}",
                "TWILIO_AUTH_TOKEN": self.settings.twilio_auth_token,
                "PUBLIC_BASE_URL": self.settings.public_base_url,
                "SANIC_HOST": "127.0.0.1",
                "PYTHONUNBUFFERED": "1",
            }
        )
        env.update(self.env)  # explicit overrides win
        return env

    def _spawn(self, name: str, cmd: list[str], env: dict[str, str]) -> None:
        self.log_dir.mkdir(parents=True, exist_ok=True)
        log = (self.log_dir / f"{name}.log").open("ab")
        self.procs[name] = subprocess.Popen(  # noqa: S603 - fixed argv, no shell
            cmd, cwd=PROJECT_ROOT, env=env, stdout=log, stderr=subprocess.STDOUT,
            start_new_session=True,
        )

    def start(self) -> None:
        if not self.model.exists():
            raise FileNotFoundError(f"no trained model at {self.model}: run `make train`")
        endpoints = self.log_dir / f"endpoints-{self.rasa_port}.yml"
        self.log_dir.mkdir(parents=True, exist_ok=True)
        endpoints.write_text(yaml.safe_dump(endpoints_config(self.settings, self.action_port)))
        env = self._env()
        self._spawn("actions", [sys.executable, "-m", "rasa_sdk", "--actions", "actions",
                                "--port", str(self.action_port)], env)
        rasa_env = {k: v for k, v in env.items() if k not in ("VIRTUAL_ENV", "PYTHONPATH")}
        rasa_env["TF_CPP_MIN_LOG_LEVEL"] = "2"
        if self.settings.rasa_validation_cache:
            rasa_env["PYTHONPATH"] = str(RASA_PATCHES)
        rasa_env.update(self.rasa_env)
        self._spawn("rasa", [str(self.rasa_bin), "run", "-i", "127.0.0.1",
                             "-p", str(self.rasa_port), "--model", str(self.model),
                             "--endpoints", str(endpoints),
                             "--credentials", str(PROJECT_ROOT / "credentials.yml"),
                             "--cors", "http://127.0.0.1"], rasa_env)
        self._spawn("gateway", [sys.executable, "-m", "uvicorn", "api.main:create_app",
                                "--factory", "--host", "127.0.0.1",
                                "--port", str(self.gateway_port), "--no-server-header"], env)
        # Officer messages to residents leave through the outbox worker, never a web request.
        self._spawn("outbox", [sys.executable, "-m", "bot.cli", "outbox", "run"], env)

    def wait_ready(self, timeout: float = 180.0) -> None:
        """Block until the gateway reports all three healthy, or raise with the logs' tails."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            for name, proc in self.procs.items():
                if proc.poll() is not None:
                    raise RuntimeError(f"{name} exited with {proc.returncode}:\n{self.tail(name)}")
            try:
                if httpx.get(f"{self.gateway_url}/healthz", timeout=2).status_code == 200:
                    return
            except httpx.HTTPError:
                pass
            time.sleep(0.5)
        raise TimeoutError("stack not ready:\n" + "\n".join(self.tail(n) for n in self.procs))

    def tail(self, name: str, lines: int = 30) -> str:
        path = self.log_dir / f"{name}.log"
        text = path.read_text(errors="replace") if path.exists() else ""
        return f"--- {name} ---\n" + "\n".join(text.splitlines()[-lines:])

    def stop(self) -> None:
        for proc in self.procs.values():
            if proc.poll() is None:
                os.killpg(proc.pid, signal.SIGTERM)
        deadline = time.monotonic() + 15
        for proc in self.procs.values():
            try:
                proc.wait(timeout=max(0.1, deadline - time.monotonic()))
            except subprocess.TimeoutExpired:
                os.killpg(proc.pid, signal.SIGKILL)
                proc.wait()
