"""Coming-back codes hashed ahead of need: the submit turn takes a ready (code, hash) pair
instead of waiting for Argon2 (about 20 ms of a core, more under load), and a background
thread hashes the next one while the resident reads the reply. Each pair is used once."""

from __future__ import annotations

import queue
import threading

from bot.returning.secret import hash_code, new_code
from bot.settings import get_settings

READY = 2  # pairs kept ready in this process


def _cost() -> tuple[int, int]:
    settings = get_settings()
    return settings.code_argon2_time_cost, settings.code_argon2_memory_kib


class ReadyCodes:
    def __init__(self, size: int = READY) -> None:
        self.size = size
        self._ready: queue.SimpleQueue[tuple[tuple[int, int], str, str]] = queue.SimpleQueue()
        self._lock = threading.Lock()
        self._filling = False

    def take(self) -> tuple[str, str]:
        """A fresh code and its hash at the current cost; never the same pair twice."""
        cost = _cost()
        pair = None
        while pair is None:
            try:
                made_at, code, hashed = self._ready.get_nowait()
            except queue.Empty:
                code = new_code()
                pair = (code, hash_code(code))
                break
            if made_at == cost:  # a pair hashed before a cost change is dropped
                pair = (code, hashed)
        self._refill()
        return pair

    def _refill(self) -> None:
        with self._lock:
            if self._filling:
                return
            self._filling = True
        threading.Thread(target=self._fill, name="tellonce-ready-codes", daemon=True).start()

    def _fill(self) -> None:
        try:
            while self._ready.qsize() < self.size:
                code = new_code()
                self._ready.put((_cost(), code, hash_code(code)))
        finally:
            with self._lock:
                self._filling = False


READY_CODES = ReadyCodes()
