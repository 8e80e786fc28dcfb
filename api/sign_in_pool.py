"""A bounded thread pool of its own for officer sign-in (Argon2: ~0.2 s and 64 MiB a check).

Sign-in routes are async and hand the whole check to this pool, so a flood of bad logins
queues here and never takes the AnyIO worker threads that /chat and the Twilio webhook use.
At most ``password_check_workers`` checks run at once; beyond ``password_check_max_waiting``
queued, ``Busy`` is raised at once (the routes answer 503) rather than queueing without end.
"""

from __future__ import annotations

import asyncio
import threading
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from typing import TypeVar

T = TypeVar("T")


class Busy(Exception):
    """Too many sign-ins waiting already."""


class SignInPool:
    def __init__(self, workers: int, max_waiting: int) -> None:
        self.workers, self.max_waiting = workers, max_waiting
        self._executor = ThreadPoolExecutor(max_workers=workers, thread_name_prefix="sign-in")
        self._lock = threading.Lock()
        self.pending = 0
        self.running = 0
        self.peak_running = 0  # the most checks seen at once (the bound, observed)

    async def run(self, fn: Callable[..., T], *args: object) -> T:
        with self._lock:
            if self.pending >= self.workers + self.max_waiting:
                raise Busy
            self.pending += 1
        try:
            return await asyncio.get_running_loop().run_in_executor(
                self._executor, self._counted, fn, *args)
        finally:
            with self._lock:
                self.pending -= 1

    def _counted(self, fn: Callable[..., T], *args: object) -> T:
        with self._lock:
            self.running += 1
            self.peak_running = max(self.peak_running, self.running)
        try:
            return fn(*args)
        finally:
            with self._lock:
                self.running -= 1

    def shutdown(self) -> None:
        self._executor.shutdown(wait=False, cancel_futures=True)
