"""Start Rasa, the action server, the gateway and the outbox worker together, supervised
(``tellonce run``, e2e and fault tests).

Rasa lives in its own environment (.venv-rasa) and is reached only over HTTP on 127.0.0.1.
Its endpoints file is generated from our settings so one DATABASE_URL/TRACKER_DATABASE_URL/
REDIS_URL configures everything. Each part runs under ``bot.supervisor``: restarted with
backoff when it exits, given up on (loudly) in a crash loop. One Ctrl-C (or ``Stack.stop()``)
stops all.
"""

from __future__ import annotations

import json
import logging
import os
import secrets
import subprocess
import sys
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import httpx
import yaml
from sqlalchemy.engine import make_url

from bot.crypto import tracker_keys
from bot.settings import PROJECT_ROOT, Settings
from bot.supervisor import Child, CrashLoop, Supervisor

log = logging.getLogger(__name__)

RASA_BIN = PROJECT_ROOT / ".venv-rasa" / "bin" / "rasa"
# sitecustomize for Rasa's interpreter: action-server responses validated with a schema checked
# once, not on every call (deploy/rasa/patches/sitecustomize.py, docs/benchmarks.md).
RASA_PATCHES = PROJECT_ROOT / "deploy" / "rasa" / "patches"
# The encrypting tracker store Rasa imports (deploy/rasa/tracker/tellonce_tracker_store.py).
RASA_TRACKER = PROJECT_ROOT / "deploy" / "rasa" / "tracker"
TRACKER_STORE_TYPE = "tellonce_tracker_store.EncryptedSQLTrackerStore"
# Secrets and settings Rasa has no use for: it never sees the case database or its keys.
_NOT_FOR_RASA = ("VIRTUAL_ENV", "PYTHONPATH", "DATABASE_URL", "SECRET_KEY", "PSEUDONYM_KEY",
                 "FIELD_ENCRYPTION_KEYS", "PERPETRATOR_MATCH_KEY", "TWILIO_AUTH_TOKEN",
                 "SMTP_PASSWORD")
MODEL = PROJECT_ROOT / "models" / "tellonce.tar.gz"


def tracker_store_config(url: str, encrypted: bool = True) -> dict:
    """Rasa's tracker store section for a SQLAlchemy URL (sqlite or postgresql): the SQL
    tracker store with its events encrypted (key ring in Rasa's TRACKER_ENCRYPTION_KEYS), or
    Rasa's own plain one (``encrypted=False``: the benchmarks' bare-Rasa floor only)."""
    kind = TRACKER_STORE_TYPE if encrypted else "SQL"
    u = make_url(url)
    if u.drivername.startswith("sqlite"):
        Path(u.database).parent.mkdir(parents=True, exist_ok=True)
        return {"type": kind, "dialect": "sqlite", "db": u.database}
    return {
        "type": kind,
        "dialect": "postgresql",
        "url": u.host or "127.0.0.1",
        "port": u.port or 5432,
        "db": u.database,
        "username": u.username or "postgres",
        "password": u.password or "",
    }


# The environment of a stack driven from 127.0.0.1 by tests or the load driver (many residents at
# machine speed): a council's load test, which TRUSTED_ADDRESSES exempts from the per-address
# limits, with senders allowed to type fast. The limits themselves: tests/api, tests/twilio.
LOAD_TEST_LIMITS = {"TRUSTED_ADDRESSES": "127.0.0.1", "RATE_LIMIT_SENDER_PER_MINUTE": "100000",
                    "REPORTS_PER_ADDRESS_PER_HOUR": "100000"}
ACTION_SECRET_HEADER = "X-TellOnce-Action-Secret"  # noqa: S105 - a header name (actions/server.py)


def endpoints_config(settings: Settings, action_port: int) -> dict:
    """Rasa's endpoints. The action server's shared secret is read by Rasa from its environment
    (``${ACTION_SERVER_SECRET}``), so it is never written to the file."""
    config: dict = {
        "action_endpoint": {"url": f"http://127.0.0.1:{action_port}/webhook",
                            "headers": {ACTION_SECRET_HEADER: "${ACTION_SERVER_SECRET}"}},
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


def _all_replicas_up(reply: httpx.Response) -> bool:
    """Healthy, and every Rasa replica answering: a gateway is healthy with one replica up, but a
    replica still starting (its tracker tables, its model) is not ready to take a resident."""
    if reply.status_code != 200:
        return False
    rasa = reply.json().get("parts", {}).get("rasa", {})
    return rasa.get("replicas_up") == rasa.get("replicas")


@dataclass
class Stack:
    """The parts on 127.0.0.1 under one Supervisor; logs under ``log_dir``.

    ``rasa_replicas`` > 1 starts more Rasa servers on ``extra_rasa_ports`` sharing the tracker
    store and the Redis lock store (the gateway round-robins over them); likewise
    ``extra_gateway_ports`` and ``outbox_workers``.
    """

    settings: Settings
    rasa_port: int = 5005
    action_port: int = 5055
    gateway_port: int = 8000
    log_dir: Path = PROJECT_ROOT / "var" / "log"
    model: Path = MODEL
    env: dict[str, str] = field(default_factory=dict)
    rasa_bin: Path = RASA_BIN
    rasa_env: dict[str, str] = field(default_factory=dict)  # extra environment for Rasa only
    # extra environment for one kind of part ("actions", "gateway", "outbox"), e.g. a fault
    # test pointing the action server at a database it can cut
    part_env: dict[str, dict[str, str]] = field(default_factory=dict)
    extra_rasa_ports: tuple[int, ...] = ()
    extra_gateway_ports: tuple[int, ...] = ()
    outbox_workers: int = 1
    max_restarts: int = 5
    restart_window: float = 60.0
    supervisor: Supervisor | None = None
    # ACTION_SERVER_SECRET, or one made for this stack when it is unset (Rasa and the action
    # server both get it from their environment)
    action_secret: str = ""
    _watcher: threading.Thread | None = None
    _watching: threading.Event = field(default_factory=threading.Event)

    @property
    def gateway_url(self) -> str:
        return f"http://127.0.0.1:{self.gateway_port}"

    @property
    def rasa_url(self) -> str:
        return f"http://127.0.0.1:{self.rasa_port}"

    @property
    def rasa_ports(self) -> list[int]:
        return [self.rasa_port, *self.extra_rasa_ports]

    @property
    def gateway_urls(self) -> list[str]:
        return [f"http://127.0.0.1:{p}" for p in (self.gateway_port, *self.extra_gateway_ports)]

    @property
    def status_path(self) -> Path:
        return self.log_dir / "supervisor.json"

    @property
    def procs(self) -> dict[str, subprocess.Popen]:
        """The current process of each part (a restart replaces it)."""
        if self.supervisor is None:
            return {}
        return {n: c.proc for n, c in self.supervisor.children.items() if c.proc is not None}

    def _env(self) -> dict[str, str]:
        if not self.action_secret:
            self.action_secret = self.settings.action_server_secret or secrets.token_urlsafe(32)
        env = dict(os.environ)
        env.update(
            {
                "DATABASE_URL": self.settings.database_url,
                "TRACKER_DATABASE_URL": self.settings.tracker_database_url,
                "RASA_URL": ",".join(f"http://127.0.0.1:{p}" for p in self.rasa_ports),
                "ACTION_SERVER_URL": f"http://127.0.0.1:{self.action_port}",
                "TWILIO_AUTH_TOKEN": self.settings.twilio_auth_token,
                "PUBLIC_BASE_URL": self.settings.public_base_url,
                "SUPERVISOR_STATUS_FILE": str(self.status_path),
                "ACTION_SERVER_SECRET": self.action_secret,
                "PYTHONUNBUFFERED": "1",
            }
        )
        env.update(self.env)  # explicit overrides win
        return env

    def _children(self) -> dict[str, Child]:
        if len(self.rasa_ports) > 1 and not self.settings.redis_url:
            raise ValueError("several Rasa replicas need the Redis lock store: set REDIS_URL")
        env = self._env()
        self.log_dir.mkdir(parents=True, exist_ok=True)

        def child(name: str, argv: list[str], child_env: dict[str, str],
                  ports: tuple[int, ...] = ()) -> Child:
            kind = name.split("-", 1)[0]
            child_env = {**child_env, **self.part_env.get(kind, {})}
            return Child(name, argv, child_env, self.log_dir / f"{name}.log", PROJECT_ROOT, ports)

        children = {"actions": child("actions", [sys.executable, "-m", "actions.server",
                                                 "--actions", "actions",
                                                 "--port", str(self.action_port)],
                                     env, (self.action_port,))}
        rasa_env = {k: v for k, v in env.items() if k not in _NOT_FOR_RASA}
        rasa_env["TF_CPP_MIN_LOG_LEVEL"] = "2"
        rasa_env["TRACKER_ENCRYPTION_KEYS"] = json.dumps(tracker_keys(self.settings))
        paths = [RASA_PATCHES, RASA_TRACKER] if self.settings.rasa_validation_cache \
            else [RASA_TRACKER]
        rasa_env["PYTHONPATH"] = os.pathsep.join(str(p) for p in paths)
        rasa_env.update(self.rasa_env)
        config = yaml.safe_dump(endpoints_config(self.settings, self.action_port))
        for i, port in enumerate(self.rasa_ports):
            endpoints = self.log_dir / f"endpoints-{port}.yml"
            endpoints.write_text(config)
            name = "rasa" if i == 0 else f"rasa-{i + 1}"
            children[name] = child(name, [
                str(self.rasa_bin), "run", "-i", "127.0.0.1", "-p", str(port),
                "--model", str(self.model), "--endpoints", str(endpoints),
                "--credentials", str(PROJECT_ROOT / "credentials.yml"),
                "--cors", "http://127.0.0.1"], rasa_env, (port,))
        for i, port in enumerate((self.gateway_port, *self.extra_gateway_ports)):
            name = "gateway" if i == 0 else f"gateway-{i + 1}"
            children[name] = child(name, [
                sys.executable, "-m", "uvicorn", "api.main:create_app", "--factory",
                "--host", "127.0.0.1", "--port", str(port), "--no-server-header",
                "--no-access-log"], env, (port,))
        # Officer messages to residents leave through the outbox worker, never a web request.
        for i in range(self.outbox_workers):
            name = "outbox" if i == 0 else f"outbox-{i + 1}"
            children[name] = child(name, [sys.executable, "-m", "bot.cli", "outbox", "run"], env)
        return children

    def start(self) -> None:
        if not self.model.exists():
            raise FileNotFoundError(f"no trained model at {self.model}: run `make train`")
        self.supervisor = Supervisor(self._children(), max_restarts=self.max_restarts,
                                     window=self.restart_window, status_path=self.status_path,
                                     rotate_seconds=self.settings.log_rotate_hours * 3600,
                                     keep_seconds=self.settings.log_retention_days * 86400)
        self.supervisor.start_all()

    def wait_ready(self, timeout: float = 180.0,
                   cancelled: Callable[[], bool] = lambda: False) -> bool:
        """Block until every gateway reports all parts healthy, or raise with the logs' tails.

        A part that exits while starting is a failure to start (a missing model, a bad setting),
        not something to restart. Returns False when ``cancelled()`` turned true first.
        """
        deadline = time.monotonic() + timeout
        pending = list(self.gateway_urls)
        while time.monotonic() < deadline:
            if cancelled():
                return False
            for name, proc in self.procs.items():
                if proc.poll() is not None:
                    raise RuntimeError(f"{name} exited with {proc.returncode}:\n{self.tail(name)}")
            for url in list(pending):
                try:
                    if _all_replicas_up(httpx.get(f"{url}/healthz", timeout=2)):
                        pending.remove(url)
                except (httpx.HTTPError, ValueError):
                    pass
            if not pending:
                self._warm_rasa(deadline)
                return True
            time.sleep(0.5)
        raise TimeoutError("stack not ready:\n" + "\n".join(self.tail(n) for n in self.procs))

    def _warm_rasa(self, deadline: float) -> None:
        """One throwaway turn per Rasa replica before the stack is called ready: TensorFlow
        traces the NLU graph on its first message (seconds on a busy machine, past the
        gateway's timeout), which a resident's first message would otherwise pay."""
        for port in self.rasa_ports:
            try:
                httpx.post(f"http://127.0.0.1:{port}/webhooks/rest/webhook",
                           json={"sender": f"tellonce-warm-up-{port}", "message": "hello"},
                           timeout=max(5.0, deadline - time.monotonic()))
            except httpx.HTTPError:
                log.warning("rasa on port %d did not answer its warm-up turn", port)

    def watch(self, interval: float = 0.2) -> None:
        """Supervise from a background thread (tests); ``tellonce run`` calls ``poll`` itself."""
        def loop() -> None:
            while not self._watching.wait(interval):
                try:
                    self.poll()
                except CrashLoop:
                    return

        self._watcher = threading.Thread(target=loop, name="tellonce-supervisor", daemon=True)
        self._watcher.start()

    def unwatch(self) -> None:
        """Stop supervising from the background thread (the parts keep running)."""
        self._watching.set()
        if self._watcher is not None:
            self._watcher.join(timeout=5)

    def poll(self) -> None:
        assert self.supervisor is not None
        self.supervisor.poll()

    def tail(self, name: str, lines: int = 30) -> str:
        path = self.log_dir / f"{name}.log"
        text = path.read_text(errors="replace") if path.exists() else ""
        return f"--- {name} ---\n" + "\n".join(text.splitlines()[-lines:])

    def stop(self) -> None:
        self.unwatch()
        if self.supervisor is not None:
            self.supervisor.stop_all()
