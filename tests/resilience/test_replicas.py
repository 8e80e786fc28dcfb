"""Beyond one machine, on the engines Rasa is built for: two Rasa replicas (PostgreSQL tracker
store, Redis lock store) behind two gateway processes. One report alternates gateways on every
message, and each gateway takes the replicas in turn, so consecutive turns land on different
Rasa processes: the conversation keeps its state and writes exactly one case. Then a replica is
killed and the next turns fail over to the other one without the resident noticing.

Needs PostgreSQL and Redis: TEST_DATABASE_URL / REDIS_TEST_URL, else the local servers."""

from __future__ import annotations

import itertools
import os
import uuid
from collections.abc import Iterator

import pytest

from tests.e2e.resident import hold_report
from tests.e2e.test_web_report import ANSWERS, BUTTONS
from tests.resilience.stacks import cases_of, chat, cpu_ticks, start

pytestmark = pytest.mark.e2e
PG = os.environ.get("TEST_DATABASE_URL") or "postgresql://postgres@127.0.0.1:5432/postgres"
REDIS = os.environ.get("REDIS_TEST_URL") or "redis://127.0.0.1:6379/0"


@pytest.fixture(scope="module")
def stack(tmp_path_factory: pytest.TempPathFactory) -> Iterator:
    live, stop = start(tmp_path_factory.mktemp("replicas"), "postgresql", REDIS,
                       rasa_replicas=2, gateways=2, pg_url=PG)
    try:
        yield live
    finally:
        stop()


def test_a_report_alternating_replicas_and_gateways_keeps_its_state(stack) -> None:
    assert len(stack.gateway_urls) == 2 and len(stack.rasa_ports) == 2
    sender = f"replica_{uuid.uuid4().hex[:10]}"
    gateways = itertools.cycle(stack.gateway_urls)
    rasa = [stack.procs["rasa"].pid, stack.procs["rasa-2"].pid]
    before = [cpu_ticks(p) for p in rasa]

    def send(text: str) -> dict:
        reply = chat(next(gateways), sender, text)
        assert reply.status_code == 200, reply.text
        return reply.json()

    reference, transcript = hold_report(send, ANSWERS, BUTTONS)
    used = [cpu_ticks(p) - b for p, b in zip(rasa, before, strict=True)]
    assert all(u >= 10 for u in used), f"both replicas must have served turns: {used} ticks"
    assert [c["reference"] for c in cases_of(stack, sender)] == [reference]
    asked = [r["expects"]["slot"] for r in transcript]
    assert asked.count("reporter_role") == 1, asked  # nothing asked twice from lost state


def test_a_killed_replica_fails_over_to_the_other(stack) -> None:
    from tests.resilience.stacks import kill_group

    stack.unwatch()  # the replica stays down for this test
    kill_group(stack, "rasa-2")
    sender = f"failover_{uuid.uuid4().hex[:10]}"
    for text in ("hi", "/start_report"):
        for url in stack.gateway_urls:  # every gateway, every other turn on the dead replica
            reply = chat(url, f"{sender}_{url[-5:]}", text)
            assert reply.status_code == 200, reply.text
            assert reply.json()["messages"]
