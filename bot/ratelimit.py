"""Fixed-window counters for abuse limits: in Redis when ``REDIS_URL`` is set (shared by every
gateway process), in memory otherwise (one process).

Keys are keyed hashes made by the caller (``bot.crypto.pseudonym``), never an address or a
number, and every counter expires with its window, so Redis holds nothing that outlives an hour.
If Redis stops answering, counting carries on in memory (a per-process limit is still a
limit; refusing residents because a counter is down would be worse).
"""

from __future__ import annotations

import logging
import math
import threading
import time
from dataclasses import dataclass
from typing import Protocol

log = logging.getLogger("tellonce.ratelimit")


@dataclass(frozen=True)
class Hit:
    """One counted event: whether it is within the limit, and when the window resets."""

    count: int
    limit: int
    retry_after: int  # seconds until the window resets

    @property
    def allowed(self) -> bool:
        return self.count <= self.limit

    @property
    def first_refusal(self) -> bool:
        """The first event over the limit in this window (answer it; stay quiet after)."""
        return self.count == self.limit + 1


def _window(window: int, now: float) -> tuple[int, int]:
    """(index of the current window, seconds until it ends)."""
    index = int(now // window)
    return index, max(1, math.ceil((index + 1) * window - now))


class Counter(Protocol):
    async def hit(self, key: str, limit: int, window: int) -> Hit:
        """Count one event under ``key`` in the current ``window``-second window."""

    async def peek(self, key: str, limit: int, window: int) -> Hit:
        """The count so far in the current window, without counting."""

    async def aclose(self) -> None: ...


class MemoryCounter:
    """Counters in this process's memory; expired windows are swept as keys accumulate."""

    def __init__(self, clock=time.time, max_keys: int = 100_000) -> None:  # noqa: ANN001
        self._clock = clock
        self._max_keys = max_keys
        self._counts: dict[str, tuple[int, int, float]] = {}  # key -> (window, count, ends)
        self._lock = threading.Lock()

    def _sweep(self, now: float) -> None:
        for key in [k for k, (_, _, ends) in self._counts.items() if ends <= now]:
            del self._counts[key]
        while len(self._counts) >= self._max_keys:  # a flood of fresh keys: drop the oldest
            del self._counts[next(iter(self._counts))]

    def _count(self, key: str, limit: int, window: int, add: int) -> Hit:
        now = self._clock()
        index, retry = _window(window, now)
        slot = f"{key}:{window}"
        with self._lock:
            seen, count, _ = self._counts.get(slot, (index, 0, 0.0))
            if seen != index:
                count = 0
            count += add
            if add:
                if slot not in self._counts and len(self._counts) >= self._max_keys:
                    self._sweep(now)
                self._counts[slot] = (index, count, now + retry)
        return Hit(count, limit, retry)

    async def hit(self, key: str, limit: int, window: int) -> Hit:
        return self._count(key, limit, window, 1)

    async def peek(self, key: str, limit: int, window: int) -> Hit:
        return self._count(key, limit, window, 0)

    async def aclose(self) -> None:
        return None


class RedisCounter:
    """Counters in Redis (``INCR`` + ``EXPIRE`` per window key), shared by every process."""

    def __init__(self, url: str, prefix: str = "tellonce:limit", clock=time.time) -> None:  # noqa: ANN001
        from redis import asyncio as aioredis

        self._redis = aioredis.from_url(url, socket_timeout=0.5, socket_connect_timeout=0.5)
        self._prefix = prefix
        self._clock = clock
        self._fallback = MemoryCounter(clock)
        self._warned = False

    def _key(self, key: str, window: int, index: int) -> str:
        return f"{self._prefix}:{key}:{window}:{index}"

    def _redis_failed(self, exc: Exception) -> None:
        if not self._warned:  # once, not per message
            log.warning("rate limits counted in memory: redis unavailable (%s)",
                        type(exc).__name__)
            self._warned = True

    async def hit(self, key: str, limit: int, window: int) -> Hit:
        index, retry = _window(window, self._clock())
        name = self._key(key, window, index)
        try:
            async with self._redis.pipeline(transaction=True) as pipe:
                pipe.incr(name)
                pipe.expire(name, window + 1)
                count, _ = await pipe.execute()
        except Exception as exc:  # noqa: BLE001 - any Redis failure: count in memory
            self._redis_failed(exc)
            return await self._fallback.hit(key, limit, window)
        self._warned = False
        return Hit(int(count), limit, retry)

    async def peek(self, key: str, limit: int, window: int) -> Hit:
        index, retry = _window(window, self._clock())
        try:
            value = await self._redis.get(self._key(key, window, index))
        except Exception as exc:  # noqa: BLE001
            self._redis_failed(exc)
            return await self._fallback.peek(key, limit, window)
        return Hit(int(value or 0), limit, retry)

    async def aclose(self) -> None:
        await self._redis.aclose()


def make_counter(redis_url: str | None) -> Counter:
    return RedisCounter(redis_url) if redis_url else MemoryCounter()
