"""Argon2id password hashing for officer accounts and coming-back codes. The cost comes from the
settings (production-strength by default; only the test suite lowers it); a stored hash carries
its own parameters, so hashes of either cost verify."""

from __future__ import annotations

from functools import lru_cache

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

from bot.settings import get_settings


@lru_cache(maxsize=4)
def _hasher_for(time_cost: int, memory_kib: int, lanes: int = 4) -> PasswordHasher:
    return PasswordHasher(time_cost=time_cost, memory_cost=memory_kib, parallelism=lanes)


def _hasher() -> PasswordHasher:
    settings = get_settings()
    return _hasher_for(settings.argon2_time_cost, settings.argon2_memory_kib)


def hash_password(password: str) -> str:
    return _hasher().hash(password)


def hash_code(code: str) -> str:
    """A coming-back code's hash at the code cost (settings: one lane, so a report's submit turn
    does not take both cores); ``verify_password`` checks it, as any stored hash."""
    settings = get_settings()
    return _hasher_for(settings.code_argon2_time_cost, settings.code_argon2_memory_kib,
                       1).hash(code)


def verify_password(password_hash: str, password: str) -> bool:
    try:
        return _hasher().verify(password_hash, password)
    except (VerificationError, InvalidHashError):
        return False
