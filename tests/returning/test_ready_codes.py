"""Codes hashed ahead of need: each pair once, at the current cost, refilled in the background."""

from __future__ import annotations

import time
from concurrent.futures import ThreadPoolExecutor

from bot.passwords import verify_password
from bot.returning import ready_codes
from bot.returning.ready_codes import ReadyCodes


def _wait_full(pool: ReadyCodes, timeout: float = 10.0) -> None:
    deadline = time.monotonic() + timeout
    while pool._ready.qsize() < pool.size:  # noqa: SLF001 - the pool's own state
        assert time.monotonic() < deadline, "the pool never refilled"
        time.sleep(0.01)


def test_a_taken_pair_verifies_and_the_pool_refills_behind_it() -> None:
    pool = ReadyCodes(size=2)
    code, hashed = pool.take()  # empty at first: hashed on the spot
    assert len(code) == 6 and code.isdigit() and verify_password(hashed, code)
    _wait_full(pool)
    ready = pool._ready.qsize()  # noqa: SLF001
    second, second_hash = pool.take()  # now from the ready ones
    assert verify_password(second_hash, second) and second_hash != hashed
    assert ready == 2


def test_no_pair_is_ever_given_twice_under_concurrent_takes() -> None:
    pool = ReadyCodes(size=3)
    with ThreadPoolExecutor(max_workers=4) as workers:
        pairs = list(workers.map(lambda _: pool.take(), range(24)))
    assert len({hashed for _, hashed in pairs}) == 24
    assert all(verify_password(h, c) for c, h in pairs)


def test_a_pair_hashed_before_a_cost_change_is_dropped(monkeypatch) -> None:
    pool = ReadyCodes(size=2)
    pool.take()
    _wait_full(pool)
    monkeypatch.setattr(ready_codes, "_cost", lambda: (99, 99))  # as if the settings changed
    monkeypatch.setattr(ready_codes, "hash_code", lambda code: f"new-cost:{code}")
    code, hashed = pool.take()
    assert hashed == f"new-cost:{code}"  # not one of the two made at the old cost
