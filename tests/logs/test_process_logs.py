"""The log files of real gateway and action server processes, started with the launcher's own
command lines under the supervisor: no client address, no access line, and a failing action's
traceback without the resident's words. And log files rotate and expire (issue 13)."""

from __future__ import annotations

import os
import re
import sys
import time
from pathlib import Path

import httpx
import pytest

from bot.launcher import ACTION_SECRET_HEADER, Stack
from bot.settings import PROJECT_ROOT, Settings
from bot.supervisor import Child, Supervisor
from tests.e2e.stack import free_port

SENTENCE = "the heron keeper of Brook Green spat on my prayer mat"
PHONE = "07700 900812"
EMAIL = "wren.logs@example.net"
ACCESS_LINE = re.compile(r"\d+\.\d+\.\d+\.\d+:\d+ - \"|\"(GET|POST) /")


def wait_up(url: str, timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            httpx.get(url, timeout=1)
            return
        except httpx.HTTPError:
            time.sleep(0.3)
    raise TimeoutError(url)


@pytest.fixture
def parts(tmp_path: Path):
    settings = Settings(database_url=f"sqlite:///{tmp_path / 'app.db'}",
                        tracker_database_url=f"sqlite:///{tmp_path / 'tracker.db'}")
    stack = Stack(settings, rasa_port=free_port(), action_port=free_port(),
                  gateway_port=free_port(), log_dir=tmp_path / "logs")
    children = stack._children()
    actions = children["actions"]
    argv = list(actions.argv)
    argv[argv.index("--actions") + 1] = "tests.logs.crashing_actions"
    actions.argv = argv
    chosen = {"gateway": children["gateway"], "actions": actions}
    supervisor = Supervisor(chosen)
    supervisor.start_all()
    try:
        wait_up(f"{stack.gateway_url}/healthz")
        wait_up(f"http://127.0.0.1:{stack.action_port}/health")
        yield stack
    finally:
        supervisor.stop_all()


def test_no_client_address_and_no_resident_words_in_the_logs(parts: Stack) -> None:
    gateway = parts.gateway_url
    for path in ("/healthz", "/no-such-page", "/"):
        httpx.get(gateway + path, timeout=10)
    tracker = {"sender_id": "w-test", "slots": {}, "events": [], "paused": False,
               "latest_message": {"text": f"{SENTENCE}, ring {PHONE} or {EMAIL}",
                                  "intent": {"name": "inform"}, "entities": []},
               "latest_action_name": "action_listen", "active_loop": {}}
    r = httpx.post(f"http://127.0.0.1:{parts.action_port}/webhook", timeout=30,
                   headers={ACTION_SECRET_HEADER: parts.action_secret},  # as Rasa sends it
                   json={"next_action": "action_test_crash", "sender_id": "w-test",
                         "tracker": tracker, "domain": {}, "version": "3.6.21"})
    assert r.status_code == 500, r.text  # the action really failed
    time.sleep(1.0)  # let both processes flush

    gateway_log = (parts.log_dir / "gateway.log").read_text()
    actions_log = (parts.log_dir / "actions.log").read_text()
    assert "Uvicorn running" in gateway_log or "Application startup" in gateway_log
    assert "Traceback" in actions_log and "ValueError: [message withheld]" in actions_log, \
        actions_log[-3000:]
    for name, text in (("gateway.log", gateway_log), ("actions.log", actions_log)):
        assert not ACCESS_LINE.search(text), f"an access line (client address) in {name}"
        for secret in (SENTENCE, "heron keeper", PHONE, PHONE.replace(" ", ""), EMAIL):
            assert secret not in text, f"resident data {secret!r} in {name}"


def test_logs_rotate_and_old_ones_expire(tmp_path: Path) -> None:
    log = tmp_path / "talker.log"
    old = tmp_path / "talker.log.20240101T000000Z"
    old.write_text("old\n")
    month_ago = time.time() - 30 * 86400
    os.utime(old, (month_ago, month_ago))
    talker = Child("talker", [sys.executable, "-u", "-c",
                              "import time\nfor i in range(10**6):\n print('line', i)\n "
                              "time.sleep(0.05)"], dict(os.environ), log, PROJECT_ROOT)
    supervisor = Supervisor({"talker": talker}, rotate_seconds=1.0, keep_seconds=7 * 86400)
    supervisor.start_all()
    try:
        deadline = time.monotonic() + 4
        while time.monotonic() < deadline:
            supervisor.poll()
            time.sleep(0.1)
    finally:
        supervisor.stop_all()
    rotated = sorted(p for p in tmp_path.glob("talker.log.*"))
    assert not old.exists(), "a rotated log past retention must be deleted"
    assert len(rotated) >= 2, rotated
    numbers = [int(x.split()[1]) for p in [*rotated, log] for x in p.read_text().splitlines()
               if x.startswith("line")]
    assert numbers == sorted(numbers) and len(set(numbers)) == len(numbers), \
        "rotation must neither repeat nor reorder lines"
    assert log.read_text().startswith("line"), "the part keeps writing to its log after rotation"
