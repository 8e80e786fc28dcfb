"""Workspace sign-in sessions, server-side: start, resume (with idle and absolute expiry), end.

The browser holds a random token; the table keys on its SHA-256. Resuming re-reads the officer,
so a deactivated account or a changed role takes effect on the next request, as in the API.
"""

from __future__ import annotations

import hashlib
import secrets
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from bot import audit
from bot.models import Officer, OfficerSession
from bot.settings import Settings

TOUCH_EVERY = timedelta(seconds=30)  # last_seen is written at most this often per session


REASONS = {
    "required": "Sign in to use the workspace.",
    "signed_out": "You are signed out. Sign in again to carry on.",
    "expired": "Your session expired after a time without activity (or at the end of its "
               "working day). Sign in again; anything you had not saved was not kept.",
    "inactive": "This account is not active. Ask an admin if you think it should be.",
    "changed": "Your account changed (its password, role or access), so every session of it "
               "ended. Sign in again.",
    "bye": "You have signed out.",
    "enrolled": "Your password is set. Sign in with it now.",
}


class SessionEnded(Exception):
    """No usable session; ``code`` (a key of REASONS) says why, for the sign-in page."""

    def __init__(self, code: str) -> None:
        super().__init__(REASONS[code])
        self.code = code


@dataclass(frozen=True)
class Started:
    token: str  # for the cookie; never stored
    csrf_token: str


def token_hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def start(session: Session, officer: Officer, settings: Settings,
          now: datetime | None = None) -> Started:
    """A new session for a freshly authenticated officer (a new token every sign-in, so a
    token planted before sign-in is worthless); expired rows are cleared on the way."""
    now = now or datetime.now(UTC)
    purge_expired(session, settings, now)
    token, csrf = secrets.token_urlsafe(32), secrets.token_urlsafe(32)
    session.add(OfficerSession(
        token_hash=token_hash(token), officer_id=officer.id, csrf_token=csrf, created_at=now,
        last_seen_at=now, expires_at=now + timedelta(hours=settings.workspace_session_hours),
        token_version=officer.token_version,
    ))
    session.commit()
    return Started(token, csrf)


def resume(session: Session, token: str | None, settings: Settings,
           now: datetime | None = None) -> tuple[OfficerSession, Officer]:
    """The live session and its (re-read) officer, or SessionEnded with the reason."""
    if not token:
        raise SessionEnded("required")
    now = now or datetime.now(UTC)
    found = session.execute(
        select(OfficerSession, Officer).join(Officer, Officer.id == OfficerSession.officer_id)
        .where(OfficerSession.token_hash == token_hash(token))
    ).first()
    if found is None:
        raise SessionEnded("signed_out")
    row, officer = found
    idle = timedelta(minutes=settings.workspace_idle_minutes)
    if now >= row.expires_at or now - row.last_seen_at >= idle:
        session.delete(row)
        session.commit()
        raise SessionEnded("expired")
    if not officer.active:
        session.delete(row)
        session.commit()
        raise SessionEnded("inactive")
    if row.token_version != officer.token_version:
        session.delete(row)
        session.commit()
        raise SessionEnded("changed")
    if now - row.last_seen_at >= TOUCH_EVERY:
        row.last_seen_at = now
        session.commit()
    return row, officer


def end(session: Session, token: str | None, username: str | None = None) -> None:
    """Sign out: the session row goes, so the cookie is worthless even if it was copied."""
    if token:
        stale = OfficerSession.token_hash == token_hash(token)
        session.execute(delete(OfficerSession).where(stale))
        if username:
            audit.record(session, username, "auth.logout")
        session.commit()


def purge_expired(session: Session, settings: Settings, now: datetime | None = None) -> int:
    """Delete sessions past their absolute end or idle limit (the caller commits)."""
    now = now or datetime.now(UTC)
    idle_cut = now - timedelta(minutes=settings.workspace_idle_minutes)
    result = session.execute(delete(OfficerSession).where(
        (OfficerSession.expires_at <= now) | (OfficerSession.last_seen_at <= idle_cut)))
    return result.rowcount or 0
