"""``tellonce run`` for real: SIGKILL of the action server's parent (its Sanic worker keeps the
port) is survived: the gateway keeps answering, the part comes back on the same port. One SIGINT
(Ctrl-C) then stops every process group. And a crash loop makes the launcher exit 1 naming the
part (a stand-in stack of tiny processes, so no Rasa start-up is paid twice)."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest
from typer.testing import CliRunner

from bot.launcher import MODEL
from bot.settings import PROJECT_ROOT
from bot.supervisor import Child, Supervisor, group_alive, port_free
from tests.e2e.stack import free_port


def _status(log_dir: Path) -> dict:
    return json.loads((log_dir / "supervisor.json").read_text())["parts"]


@pytest.mark.e2e
def test_killed_action_server_comes_back_and_one_sigint_stops_all(tmp_path: Path) -> None:
    assert MODEL.exists(), "run `make train` first"
    gw, rasa, actions = free_port(), free_port(), free_port()
    log_dir = tmp_path / "logs"
    env = {**os.environ, "DATABASE_URL": f"sqlite:///{tmp_path / 'app.db'}",
           "TRACKER_DATABASE_URL": f"sqlite:///{tmp_path / 'tracker.db'}",
           "PYTHONUNBUFFERED": "1"}  # "TellOnce is ready" reaches run.out at once
    env.pop("REDIS_URL", None)
    out = (tmp_path / "run.out").open("wb")
    run = subprocess.Popen(  # noqa: S603
        [str(Path(sys.executable).parent / "tellonce"), "run", "--port", str(gw), "--rasa-port",
         str(rasa), "--action-port", str(actions), "--log-dir", str(log_dir)],
        cwd=PROJECT_ROOT, env=env, stdout=out, stderr=subprocess.STDOUT, start_new_session=True)
    base = f"http://127.0.0.1:{gw}"
    try:
        deadline = time.monotonic() + 240
        while time.monotonic() < deadline:
            assert run.poll() is None, (tmp_path / "run.out").read_text()
            # ready when the launcher says so (a part that dies while it is still starting
            # is a failure to start, not something to restart)
            if "TellOnce is ready" in (tmp_path / "run.out").read_text(errors="replace"):
                break
            time.sleep(0.5)
        else:
            raise AssertionError("tellonce run never became ready")
        leaders = {n: p["pid"] for n, p in _status(log_dir).items()}
        os.kill(leaders["actions"], signal.SIGKILL)
        seen_degraded, back = False, False
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline and not back:
            health = httpx.get(f"{base}/healthz", timeout=5)  # the gateway never goes away
            body = health.json()
            seen_degraded |= not body["checks"]["action_server"]
            now = _status(log_dir)["actions"]
            back = (body["checks"]["action_server"] and now["state"] == "up"
                    and now["pid"] != leaders["actions"])
            time.sleep(0.2)
        assert back, (log_dir / "actions.log").read_text()[-2000:]
        assert seen_degraded, "/healthz must have shown the action server down"
        assert not group_alive(leaders["actions"]), "the old Sanic worker must be gone"
        assert _status(log_dir)["actions"]["restarts_in_window"] == 1
        reply = httpx.post(f"{base}/chat", json={"sender": "launcher_1", "message": "hi"},
                           timeout=30)
        assert reply.status_code == 200 and reply.json()["messages"]
        leaders = {n: p["pid"] for n, p in _status(log_dir).items()}
        os.kill(run.pid, signal.SIGINT)  # one Ctrl-C
        assert run.wait(timeout=60) == 0, (tmp_path / "run.out").read_text()[-2000:]
    finally:
        if run.poll() is None:
            os.killpg(run.pid, signal.SIGKILL)
            run.wait()
    for name, pid in leaders.items():
        assert not group_alive(pid), f"{name} is still running after Ctrl-C"
    for port in (gw, rasa, actions):
        assert port_free(port)
    assert all(p["state"] == "stopped" for p in _status(log_dir).values())


class _ToyStack:
    """What `tellonce run` needs of a Stack, made of tiny processes: one keeps exiting."""

    log_dir = Path("/tmp")

    def __init__(self, settings, **kwargs) -> None:  # noqa: ANN001
        tmp = Path(os.environ["TOY_DIR"])
        self.log_dir = tmp
        self.gateway_url = "http://127.0.0.1:1"
        py = sys.executable
        self.supervisor = Supervisor({
            "gateway": Child("gateway", [py, "-c", "import time; time.sleep(60)"],
                             dict(os.environ), tmp / "gateway.log", tmp),
            "outbox": Child("outbox", [py, "-c", "print('boom'); raise SystemExit(1)"],
                            dict(os.environ), tmp / "outbox.log", tmp),
        }, max_restarts=3, backoff_base=0.01)

    def start(self) -> None:
        self.supervisor.start_all()

    def wait_ready(self, cancelled=None) -> bool:  # noqa: ANN001
        return True

    def poll(self) -> None:
        self.supervisor.poll()

    def tail(self, name: str) -> str:
        return (self.log_dir / f"{name}.log").read_text()

    def stop(self) -> None:
        self.supervisor.stop_all()


def test_a_crash_loop_makes_tellonce_run_exit_1_naming_the_part(tmp_path: Path,
                                                                 monkeypatch) -> None:
    from bot.cli import app
    from bot.cli import run as cli_run

    monkeypatch.setenv("TOY_DIR", str(tmp_path))
    monkeypatch.setenv("DATABASE_URL", f"sqlite:///{tmp_path / 'app.db'}")
    monkeypatch.setattr(cli_run, "Stack", _ToyStack)
    from bot.db import reset_caches

    reset_caches()
    result = CliRunner().invoke(app, ["run"])
    assert result.exit_code == 1
    assert "giving up: outbox exited 3 times" in result.output
    assert "boom" in result.output  # the part's last log lines are shown
