"""The secret shown once at submission (a 6-digit code): only its Argon2 hash is stored."""

from __future__ import annotations

import secrets

from bot.passwords import hash_code, verify_password

__all__ = ["DUMMY_HASH", "hash_code", "matches", "new_code", "normalise"]
DIGITS = 6


def new_code() -> str:
    """Six random digits, from the operating system's CSPRNG."""
    return f"{secrets.randbelow(10 ** DIGITS):0{DIGITS}d}"


def normalise(code: str) -> str:
    """'482 913', '482-913' -> '482913' (residents type codes in many ways)."""
    return "".join(ch for ch in code if ch.isdigit())


def matches(code_hash: str | None, code: str) -> bool:
    """Constant-time check (Argon2 verify); a case with no secret never matches, but the same
    work is done so timing reveals nothing."""
    return verify_password(code_hash or DUMMY_HASH(), normalise(code)) and code_hash is not None


_dummy: list[str] = []


def DUMMY_HASH() -> str:  # noqa: N802 - a lazily built constant
    if not _dummy:
        _dummy.append(hash_code("not-a-real-code"))  # the same cost as a real code
    return _dummy[0]
