"""Checking a reference and secret without helping anyone guess: nothing about a case is said
before a successful check, a wrong reference and a wrong secret get the same answer, failures
are limited per case and per sender with a cool-down, and every check is audited."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from bot import audit
from bot.cases import get_case
from bot.crypto import pseudonym
from bot.models import Case, ReturnGuard, utcnow
from bot.returning.secret import matches
from bot.settings import Settings, get_settings


@dataclass(frozen=True)
class Check:
    """``case`` is set only when the check passed."""

    case: Case | None
    sender_locked: bool = False


def _key(kind: str, value: str) -> str:
    return f"{kind}:{pseudonym(value, 'return-guard')}"


def _guard(session: Session, key: str, now: datetime, settings: Settings) -> ReturnGuard:
    row = session.get(ReturnGuard, key)
    window = timedelta(minutes=settings.return_window_minutes)
    if row is None:
        row = ReturnGuard(key=key, failures=0, window_start=now)
        session.add(row)
    elif now - row.window_start > window and not _locked(row, now):
        row.failures, row.window_start, row.locked_until = 0, now, None
    return row


def _locked(row: ReturnGuard, now: datetime) -> bool:
    return row.locked_until is not None and row.locked_until > now


def _fail(row: ReturnGuard, limit: int, now: datetime, settings: Settings) -> None:
    row.failures += 1
    if row.failures >= limit:
        row.locked_until = now + timedelta(minutes=settings.return_lockout_minutes)


def check(session: Session, reference: str, code: str, sender: str,
          settings: Settings | None = None, now: datetime | None = None) -> Check:
    """Check one attempt (the caller commits). ``sender`` is the conversation id."""
    settings = settings or get_settings()
    now = now or utcnow()
    case = get_case(session, reference.strip()) if reference else None
    by_sender = _guard(session, _key("sender", sender), now, settings)
    by_case = _guard(session, _key("case", str(case.id)), now, settings) if case else None
    locked = _locked(by_sender, now) or (by_case is not None and _locked(by_case, now))
    ok = matches(case.return_secret_hash if case else None, code) and not locked
    if not ok:
        sender_was_locked = _locked(by_sender, now)
        _fail(by_sender, settings.return_max_failures_per_sender, now, settings)
        if by_case is not None and not sender_was_locked:  # a blocked prober costs the case nothing
            _fail(by_case, settings.return_max_failures_per_case, now, settings)
    else:
        by_sender.failures = 0
        if by_case is not None:
            by_case.failures, by_case.locked_until = 0, None
    audit.record(session, None, "resident.return_checked", case.reference if ok else None,
                 {"ok": ok, "sender": pseudonym(sender, "audit-sender")})
    return Check(case if ok else None, sender_locked=_locked(by_sender, now))


def cases_of_sender(session: Session, conversation_id: str) -> list[Case]:
    """SMS and WhatsApp: the verified number stands in for the secret (its cases, newest first,
    anonymised ones excluded)."""
    rows = session.scalars(select(Case).where(Case.conversation_id == conversation_id,
                                              Case.anonymised_at.is_(None))
                           .order_by(Case.created_at.desc()))
    return list(rows)
