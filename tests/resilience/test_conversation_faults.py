"""Faults in the middle of a report, with the real Rasa, action server and gateway supervised as
under ``tellonce run`` (one stack per database backend for the module):

- the action server killed mid-report, then back: the resident is told kindly, sends the same
  answer again, the report resumes and exactly one case is written;
- Rasa killed mid-conversation and restarted by the supervisor: the conversation continues from
  the SQL tracker store (what was told before the crash is in the case).
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Callable, Iterator

import pytest

from bot.signposting import directory
from tests.conftest import backends
from tests.e2e.resident import hold_report
from tests.e2e.test_web_report import ANSWERS, BUTTONS, NARRATIVE
from tests.resilience.stacks import cases_of, chat, kill_group, start, wait_healthy

pytestmark = pytest.mark.e2e


@pytest.fixture(scope="module", params=backends())
def stack(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Iterator:
    # the production path on PostgreSQL: Rasa's Redis lock store (CI sets REDIS_TEST_URL)
    redis = os.environ.get("REDIS_TEST_URL") if request.param == "postgresql" else None
    live, stop = start(tmp_path_factory.mktemp(f"faults-{request.param}"), request.param, redis)
    try:
        yield live
    finally:
        stop()


def _kind_outage(body: dict) -> None:
    d = directory()
    assert body["error"] == "assistant_unavailable"
    assert "kept" in body["detail"] and "try again" in body["detail"]
    assert d["police_999"].phone in body["detail"] and d["stop_hate_uk"].phone in body["detail"]


def faulty_sender(stack, sender: str, at_turn: int, fault: Callable[[], None],
                  recover: Callable[[], None]) -> tuple[Callable[[str], dict], list]:
    """POST /chat as a resident; before turn ``at_turn`` the fault strikes: that turn must be
    refused kindly, and once ``recover()`` returns the resident sends the same text again."""
    turns: list = []

    def send(text: str) -> dict:
        turns.append(text)
        if len(turns) == at_turn:
            fault()
            refused = chat(stack.gateway_url, sender, text)
            assert refused.status_code == 503, refused.text
            _kind_outage(refused.json())
            recover()
        reply = chat(stack.gateway_url, sender, text)
        assert reply.status_code == 200, reply.text
        return reply.json()

    return send, turns


def test_action_server_killed_mid_report_then_back(stack) -> None:
    sender = f"fault_a_{uuid.uuid4().hex[:10]}"
    killed: list[int] = []

    def fault() -> None:
        killed.append(kill_group(stack, "actions"))

    def recover() -> None:
        wait_healthy(stack, "action_server", killed[0], "actions", timeout=60)

    # turn 4 is the account itself: the form's validation needs the action server
    send, turns = faulty_sender(stack, sender, 4, fault, recover)
    reference, _ = hold_report(send, ANSWERS, BUTTONS)
    assert turns[3] == NARRATIVE
    cases = cases_of(stack, sender)
    assert [c["reference"] for c in cases] == [reference], "exactly one case"
    assert "Uxbridge Road" in cases[0]["narrative"]


def test_rasa_restarted_mid_conversation_continues_from_the_tracker_store(stack) -> None:
    sender = f"fault_r_{uuid.uuid4().hex[:10]}"
    killed: list[int] = []

    def fault() -> None:
        killed.append(kill_group(stack, "rasa"))

    def recover() -> None:
        wait_healthy(stack, "rasa", killed[0], "rasa", timeout=180)

    # turn 6: the account has been told and read back; Rasa then loses its memory
    send, _ = faulty_sender(stack, sender, 6, fault, recover)
    reference, transcript = hold_report(send, ANSWERS, BUTTONS)
    cases = cases_of(stack, sender)
    assert [c["reference"] for c in cases] == [reference]
    assert "Uxbridge Road" in cases[0]["narrative"], "what was told before the crash is kept"
    asked = [r["expects"]["slot"] for r in transcript]
    assert asked.count("reporter_role") == 1 and asked.count("narrative") <= 2, asked
