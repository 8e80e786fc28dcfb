"""What makes a secret setting real: present, at least 32 characters, not shared between two
settings, and Fernet keys that are Fernet keys. ``bot.settings`` refuses to build without them
outside development (fail closed); messages name settings, never values."""

from __future__ import annotations

from typing import TYPE_CHECKING

from cryptography.fernet import Fernet

if TYPE_CHECKING:
    from bot.settings import Settings

MIN_SECRET_CHARS = 32
SECRET_SETTINGS = ("SECRET_KEY", "PSEUDONYM_KEY", "PERPETRATOR_MATCH_KEY")


class InsecureSettings(RuntimeError):
    """Secrets missing or weak outside development: the service must not start. Not a
    ValueError, so pydantic does not wrap it (its error text would echo the input values)."""


def secret_problems(settings: Settings) -> list[str]:
    """What is wrong with the secrets, by setting name only (never a value)."""
    values = {name: getattr(settings, name.lower()) for name in SECRET_SETTINGS}
    missing = [n for n, v in values.items() if not v]
    short = [n for n, v in values.items() if v and len(v) < MIN_SECRET_CHARS]
    problems = []
    if missing:
        problems.append("missing " + ", ".join(missing))
    if short:
        problems.append(f"shorter than {MIN_SECRET_CHARS} characters: " + ", ".join(short))
    present = [n for n, v in values.items() if v]
    shared = sorted({n for n in present for m in present
                     if n != m and values[n] == values[m]})
    if shared:
        problems.append("the same value used twice: " + ", ".join(shared))
    keys = settings.field_encryption_keys
    if not keys:
        problems.append("missing FIELD_ENCRYPTION_KEYS")
    elif not all(_is_fernet_key(k) for k in keys):
        problems.append("FIELD_ENCRYPTION_KEYS holds a value that is not a Fernet key "
                        "(tellonce keys generate)")
    return problems


def _is_fernet_key(key: str) -> bool:
    try:
        Fernet(key.encode())
    except (ValueError, TypeError):
        return False
    return True
