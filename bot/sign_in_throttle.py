"""Failed officer sign-ins counted per username and per client address, with backoff and
lockout (``SIGN_IN_*`` settings).

Counters are rows keyed by an HMAC of the name or address (``crypto.pseudonym``), so neither
is stored in clear. After ``sign_in_backoff_after`` failures each further attempt must wait
2, 4, 8... seconds (at most ``sign_in_backoff_max_seconds``); at ``sign_in_lockout_after``
failures on a username (``sign_in_address_lockout_after`` on an address: an office shares one)
the key is locked for ``sign_in_lockout_minutes``. A refused attempt is not checked and not
counted, so it costs no Argon2 and a flood cannot extend the lock for ever.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from sqlalchemy import delete, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from bot.crypto import pseudonym
from bot.models import SignInThrottle
from bot.settings import Settings


@dataclass(frozen=True)
class Key:
    kind: str  # "username" | "address"
    digest: str

    @classmethod
    def of(cls, kind: str, value: str) -> Key:
        return cls(kind, pseudonym(value.strip().lower(), f"sign-in-{kind}"))


def keys_for(username: str, address: str | None) -> list[Key]:
    found = [Key.of("username", username)]
    if address:
        found.append(Key.of("address", address))
    return found


def _lock_after(key: Key, settings: Settings) -> int:
    if key.kind == "address":
        return settings.sign_in_address_lockout_after
    return settings.sign_in_lockout_after


def _backoff(failures: int, settings: Settings) -> timedelta:
    over = failures - settings.sign_in_backoff_after
    if over < 0:
        return timedelta(0)
    return timedelta(seconds=min(2 ** (over + 1), settings.sign_in_backoff_max_seconds))


def wait_seconds(session: Session, keys: list[Key], settings: Settings,
                 now: datetime | None = None) -> int:
    """How long these keys must still wait before an attempt is checked (0: go ahead);
    counters idle for a whole window are forgotten on the way."""
    now = now or datetime.now(UTC)
    forget(session, settings, now)
    rows = session.scalars(select(SignInThrottle).where(
        SignInThrottle.key.in_([k.digest for k in keys]))).all()
    wait = timedelta(0)
    for row in rows:
        if row.locked_until and row.locked_until > now:
            wait = max(wait, row.locked_until - now)
        else:
            wait = max(wait, row.last_failed_at + _backoff(row.failures, settings) - now)
    return max(0, int(wait.total_seconds() + 0.999))


def record_failure(session: Session, keys: list[Key], settings: Settings,
                   now: datetime | None = None) -> list[Key]:
    """Count one failure on every key; return the keys this failure locked (the caller
    audits and commits). Concurrent failures on one key are counted atomically."""
    now = now or datetime.now(UTC)
    locked = []
    for key in keys:
        bump = update(SignInThrottle).where(SignInThrottle.key == key.digest).values(
            failures=SignInThrottle.failures + 1, last_failed_at=now)
        if not session.execute(bump).rowcount:
            try:
                with session.begin_nested():
                    session.add(SignInThrottle(key=key.digest, failures=1, first_failed_at=now,
                                               last_failed_at=now))
            except IntegrityError:  # another attempt created it meanwhile
                session.execute(bump)
        row = session.get(SignInThrottle, key.digest, populate_existing=True)
        if row.failures >= _lock_after(key, settings) and not (
                row.locked_until and row.locked_until > now):
            row.locked_until = now + timedelta(minutes=settings.sign_in_lockout_minutes)
            row.failures = 0  # after the lock, a fresh count (and backoff) starts
            locked.append(key)
    return locked


def record_success(session: Session, username: str) -> None:
    """A good sign-in clears that username's count (not the address's: others share it)."""
    session.execute(delete(SignInThrottle).where(
        SignInThrottle.key == Key.of("username", username).digest))


def forget(session: Session, settings: Settings, now: datetime) -> None:
    """Drop counters with no failure for a whole window and no lock still running."""
    cut = now - timedelta(minutes=settings.sign_in_window_minutes)
    session.execute(delete(SignInThrottle).where(
        SignInThrottle.last_failed_at < cut,
        (SignInThrottle.locked_until.is_(None)) | (SignInThrottle.locked_until < now)))
