"""Abuse limits of /chat (api/abuse.py): per sender, per client address (TRUSTED_ADDRESSES
exempt from that one only), reports per address per hour, counted in memory or in a real Redis
shared by two gateways; and the cap on concurrent turns in Rasa."""

from __future__ import annotations

import threading
import time
import uuid
from collections.abc import Callable
from typing import Any

import httpx
import redis
from fastapi import FastAPI
from fastapi.testclient import TestClient
from sqlalchemy import func, select
from sqlalchemy.orm import Session, sessionmaker

from bot.cases import create_case
from bot.models import Case
from bot.ratelimit import MemoryCounter
from bot.report import Report
from bot.settings import Settings
from tests.api.fake_rasa import FakeServer, expects
from tests.api.live_server import serve

REDIS_URL = "redis://127.0.0.1:6379/0"


def _sender() -> str:
    return "s" + uuid.uuid4().hex[:20]


def _post(client: TestClient, sender: str, message: str = "echo:hi",
          address: str | None = None) -> httpx.Response:
    headers = {"X-Forwarded-For": address} if address else {}
    return client.post("/chat", json={"sender": sender, "message": message}, headers=headers)


def _fresh_minute() -> None:
    """The limits count in fixed minute windows: start well inside one, so the few requests a
    test makes cannot straddle a boundary (where the count starts again)."""
    into = time.time() % 60
    if into > 50:
        time.sleep(60.2 - into)


def test_a_sender_over_the_minute_limit_gets_a_kind_429(
        make_app: Callable[..., FastAPI], fake_rasa: FakeServer) -> None:
    assert Settings().rate_limit_sender_per_minute == 30  # the default a person never reaches
    _fresh_minute()
    with TestClient(make_app(rate_limit_sender_per_minute=3)) as client:
        me = _sender()
        assert [_post(client, me).status_code for _ in range(3)] == [200, 200, 200]
        r = _post(client, me)
        assert r.status_code == 429
        body = r.json()
        assert body["error"] == "too_many_messages"
        assert "wait a minute" in body["detail"] and "999" in body["detail"]
        assert 1 <= int(r.headers["Retry-After"]) <= 60
        assert len(fake_rasa.received) == 3  # the held message never reached Rasa
        assert _post(client, _sender()).status_code == 200  # someone else is not held


def test_an_address_over_its_limit_is_held_but_a_trusted_one_is_not(
        make_app: Callable[..., FastAPI]) -> None:
    app = make_app(rate_limit_sender_per_minute=2, rate_limit_address_per_minute=4,
                   trust_forwarded_headers=True, trusted_addresses="192.0.2.0/24")
    _fresh_minute()
    with TestClient(app) as client:
        busy = "203.0.113.9"
        codes = [_post(client, _sender(), address=busy).status_code for _ in range(5)]
        assert codes == [200, 200, 200, 200, 429]
        assert _post(client, _sender(), address=busy).json()["error"] == "too_many_messages"
        assert _post(client, _sender(), address="198.51.100.1").status_code == 200
        # A trusted monitor passes the address limit...
        codes = [_post(client, _sender(), address="192.0.2.44").status_code for _ in range(8)]
        assert codes == [200] * 8
        # ...but not the per-sender one.
        monitor = _sender()
        codes = [_post(client, monitor, address="192.0.2.44").status_code for _ in range(3)]
        assert codes == [200, 200, 429]


def test_ipv6_addresses_are_limited_by_their_64(make_app: Callable[..., FastAPI]) -> None:
    app = make_app(rate_limit_address_per_minute=2, trust_forwarded_headers=True)
    _fresh_minute()
    with TestClient(app) as client:
        codes = [_post(client, _sender(), address=f"2001:db8:1:2::{i}").status_code
                 for i in range(1, 4)]
        assert codes == [200, 200, 429]
        assert _post(client, _sender(), address="2001:db8:1:3::1").status_code == 200


def test_limits_in_redis_are_shared_by_gateways_and_hold_no_address(
        make_app: Callable[..., FastAPI]) -> None:
    address = f"203.0.113.{uuid.uuid4().int % 250 + 1}"
    me = _sender()
    settings: dict[str, Any] = {"redis_url": REDIS_URL, "rate_limit_sender_per_minute": 3,
                                "trust_forwarded_headers": True}
    _fresh_minute()
    with TestClient(make_app(**settings)) as one, TestClient(make_app(**settings)) as two:
        codes = [_post(c, me, address=address).status_code for c in (one, two, one, two)]
        assert codes == [200, 200, 200, 429]
    keys = [k.decode() for k in redis.Redis.from_url(REDIS_URL).keys("tellonce:limit:*")]
    assert keys, "the counters are in Redis"
    assert not any(address in k or me in k for k in keys)  # keyed hashes only


def test_redis_down_still_limits_in_memory(make_app: Callable[..., FastAPI]) -> None:
    app = make_app(redis_url="redis://127.0.0.1:1/0", rate_limit_sender_per_minute=2)
    _fresh_minute()
    with TestClient(app) as client:
        me = _sender()
        assert [_post(client, me).status_code for _ in range(3)] == [200, 200, 429]


class Submitting:
    """Rasa's part for reports: the summary question, then a case on "yes" (as the actions
    write it)."""

    def __init__(self, sessions: sessionmaker[Session]) -> None:
        self.sessions = sessions

    def __call__(self, body: dict[str, Any]) -> list[dict[str, Any]]:
        if body["message"] == "yes":
            with self.sessions() as db, db.begin():
                create_case(db, Report(conversation_id=body["sender"], narrative="abuse",
                                       strands=["race"]))
            return [{"text": "Your report is in."}]
        return [{"text": "Here is your report. Shall I send it?"},
                expects("confirm_summary", "yes_no")]


def test_reports_per_address_per_hour(make_app: Callable[..., FastAPI], fake_rasa: FakeServer,
                                      session_factory: sessionmaker[Session]) -> None:
    fake_rasa.responder = Submitting(session_factory)
    app = make_app(reports_per_address_per_hour=2, trust_forwarded_headers=True)
    with TestClient(app) as client:
        library = "203.0.113.77"
        for _ in range(2):
            me = _sender()
            assert _post(client, me, "my account", library).status_code == 200
            assert _post(client, me, "yes", library).status_code == 200
        third = _sender()
        assert _post(client, third, "my account", library).status_code == 200  # can talk
        asked = len(fake_rasa.received)
        r = _post(client, third, "yes", library)
        assert r.status_code == 429
        assert r.json()["error"] == "too_many_reports"
        assert 1 <= int(r.headers["Retry-After"]) <= 3600
        assert "Stop Hate UK" in r.json()["detail"] and "999" in r.json()["detail"]
        assert len(fake_rasa.received) == asked  # the sending answer never reached Rasa
        other = _sender()
        _post(client, other, "my account", "198.51.100.7")
        assert _post(client, other, "yes", "198.51.100.7").status_code == 200
        # answering the summary with a correction counts nothing: no case was written
    with session_factory() as db:
        assert db.scalar(select(func.count()).select_from(Case)) == 3


def test_turns_beyond_the_rasa_cap_get_the_busy_reply_quickly(
        make_app: Callable[..., FastAPI], fake_rasa: FakeServer) -> None:
    def slow(body: dict[str, Any]) -> list[dict[str, Any]]:
        time.sleep(1.5)
        return [{"text": "Thank you."}]

    fake_rasa.responder = slow
    app = make_app(rasa_max_concurrent=1, rasa_queue_seconds=0.2)
    results: dict[str, tuple[int, float, dict]] = {}
    with serve(app) as url:
        def post(name: str) -> None:
            start = time.monotonic()
            r = httpx.post(f"{url}/chat", json={"sender": name, "message": "hello"}, timeout=10)
            results[name] = (r.status_code, time.monotonic() - start, r.json())

        first = threading.Thread(target=post, args=("first",))
        first.start()
        time.sleep(0.3)  # the first turn is in Rasa
        post("second")
        first.join()
    assert results["first"][0] == 200
    code, took, body = results["second"]
    assert code == 503 and body["error"] == "assistant_unavailable"
    assert took < 1.0, took  # not queued behind the slow turn
    assert "999" in body["detail"]
    assert len(fake_rasa.received) == 1


def test_memory_counter_windows_reset_and_memory_stays_bounded() -> None:
    import asyncio
    from concurrent.futures import ThreadPoolExecutor

    now = [1000.0]
    counter = MemoryCounter(clock=lambda: now[0], max_keys=50)

    async def run() -> None:
        assert [(await counter.hit("k", 2, 60)).allowed for _ in range(3)] == [True, True, False]
        assert (await counter.peek("k", 2, 60)).count == 3
        now[0] += 60
        assert (await counter.hit("k", 2, 60)).count == 1  # a new window
        for i in range(500):
            await counter.hit(f"flood-{i}", 2, 60)
        assert len(counter._counts) <= 50

    # in a thread of its own: a sync Playwright session on this worker keeps a loop running here
    with ThreadPoolExecutor(1) as pool:
        pool.submit(asyncio.run, run()).result()
