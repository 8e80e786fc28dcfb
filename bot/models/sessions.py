"""Officers' sign-in state, kept server-side: workspace sessions (so sign-out and expiry are
real), one-time enrolment links, and the failed sign-in counters that throttle guessing."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import ForeignKey, Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from bot.models.types import Base, utcnow


class OfficerSession(Base):
    """One browser's sign-in. The cookie holds a random token; only its SHA-256 is stored, so
    a copy of the database cannot be replayed as a session."""

    __tablename__ = "officer_sessions"

    token_hash: Mapped[str] = mapped_column(String(64), primary_key=True)
    officer_id: Mapped[int] = mapped_column(
        Integer, ForeignKey("officers.id", ondelete="CASCADE"), index=True
    )
    csrf_token: Mapped[str] = mapped_column(String(64))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    last_seen_at: Mapped[datetime] = mapped_column(default=utcnow)
    expires_at: Mapped[datetime] = mapped_column(index=True)
    # The officer's token_version at sign-in: a bump (password, role, deactivation) ends it.
    token_version: Mapped[int] = mapped_column(Integer, default=0, server_default="0")


class OfficerEnrolment(Base):
    """A one-time link for a new account (or a reset) to set its own password: only the token's
    SHA-256 is stored; using it deletes the row, and it expires."""

    __tablename__ = "officer_enrolments"

    token_hash: Mapped[str] = mapped_column(String(64), primary_key=True)
    officer_id: Mapped[int] = mapped_column(
        Integer, ForeignKey("officers.id", ondelete="CASCADE"), index=True
    )
    created_by: Mapped[str] = mapped_column(String(64))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    expires_at: Mapped[datetime] = mapped_column(index=True)


class SignInThrottle(Base):
    """Failed sign-ins per username or per client address, keyed by an HMAC (no address or
    name in clear): backoff after a few, lockout after more (bot/sign_in_throttle.py)."""

    __tablename__ = "sign_in_throttle"

    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    failures: Mapped[int] = mapped_column(Integer, default=0)
    first_failed_at: Mapped[datetime] = mapped_column(default=utcnow)
    last_failed_at: Mapped[datetime] = mapped_column(default=utcnow, index=True)
    locked_until: Mapped[datetime | None] = mapped_column()
