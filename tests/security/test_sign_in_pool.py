"""Argon2 runs in a bounded pool of its own: a flood of bad logins against a real uvicorn
gateway never runs more checks at once than the bound, and /chat (whose database work uses
the AnyIO worker threads) keeps answering quickly meanwhile. Beyond the queue bound, 503."""

from __future__ import annotations

import threading
import time
from concurrent.futures import ThreadPoolExecutor

import httpx
import pytest

from api.main import create_app
from bot.settings import Settings
from tests.api.live_server import serve

FLOOD = 16


def _settings(db_url: str, rasa_url: str, actions_url: str, **extra: object) -> Settings:
    # no account throttling here: the point is the cost of the checks themselves
    return Settings(database_url=db_url, rasa_url=rasa_url, action_server_url=actions_url,
                    sign_in_backoff_after=1000, sign_in_lockout_after=1000,
                    sign_in_address_lockout_after=1000, **extra)


@pytest.fixture
def production_argon2(db_url, monkeypatch):  # noqa: ANN001, ANN201
    """Argon2 at production cost for this test (the suite hashes at the cheapest)."""
    from bot.casework.sign_in import dummy_hash
    from bot.db import reset_caches

    monkeypatch.setenv("ARGON2_TIME_COST", "3")
    monkeypatch.setenv("ARGON2_MEMORY_KIB", "65536")
    reset_caches()
    dummy_hash.cache_clear()
    yield
    monkeypatch.undo()
    monkeypatch.setenv("DATABASE_URL", db_url)
    reset_caches()
    dummy_hash.cache_clear()


def test_a_login_flood_stays_in_its_pool_and_chat_stays_responsive(db_url, fake_rasa,
                                                                   fake_actions,
                                                                   production_argon2):
    app = create_app(_settings(db_url, fake_rasa.url, fake_actions.url,
                               password_check_workers=1, password_check_max_waiting=100))
    with serve(app) as base:
        def chat(sender: str) -> float:
            start = time.perf_counter()
            r = httpx.post(f"{base}/chat", json={"sender": sender, "message": "hello"},
                           timeout=30)
            assert r.status_code == 200, r.text
            return time.perf_counter() - start

        quiet = sorted(chat(f"quiet{i}") for i in range(3))[1]

        def bad_login(i: int) -> int:
            return httpx.post(f"{base}/api/v1/auth/token", timeout=120,
                              data={"username": f"nobody{i}", "password": "guess-guess-guess"}
                              ).status_code

        started = time.perf_counter()
        with ThreadPoolExecutor(FLOOD) as flood:
            statuses = [flood.submit(bad_login, i) for i in range(FLOOD)]
            time.sleep(0.3)  # the flood is queued in the sign-in pool
            during = [chat(f"busy{i}") for i in range(5)]
            results = [f.result() for f in statuses]
        flood_seconds = time.perf_counter() - started
        pool = app.state.sign_in_pool

    assert results == [401] * FLOOD
    assert pool.peak_running == 1  # never more Argon2 checks at once than the bound
    assert flood_seconds > 1.5  # the flood was real: the checks queued one after another
    # chat answered while the flood was still queued, in a small part of its duration
    assert max(during) < max(1.0, 10 * quiet)
    assert sum(during) < flood_seconds / 2


def test_beyond_the_queue_bound_sign_in_answers_503_at_once(db_url, fake_rasa, fake_actions,
                                                           production_argon2):
    # At production cost a check takes ~0.1-0.3 s, so "at once" is measurable; at the suite's
    # cost (~1 ms) both sides were only HTTP round trips, and a busy machine could swap them.
    app = create_app(_settings(db_url, fake_rasa.url, fake_actions.url,
                               password_check_workers=1, password_check_max_waiting=1))
    with serve(app) as base:
        barrier = threading.Barrier(6)

        def bad_login(i: int) -> tuple[int, float]:
            barrier.wait()
            start = time.perf_counter()
            r = httpx.post(f"{base}/api/v1/auth/token", timeout=60,
                           data={"username": f"nobody{i}", "password": "guess-guess-guess"})
            return r.status_code, time.perf_counter() - start

        with ThreadPoolExecutor(6) as many:
            results = list(many.map(bad_login, range(6)))
    codes = [code for code, _ in results]
    assert codes.count(401) >= 2 and codes.count(503) >= 1, codes
    assert set(codes) <= {401, 503}
    refused = [seconds for code, seconds in results if code == 503]
    checked = [seconds for code, seconds in results if code == 401]
    assert max(refused) < min(checked)  # refused at once, not after waiting for a check
