"""An officer's own credentials: changing the password, setting up the TOTP second factor, and
one-time enrolment links (an admin creates an account without choosing its password; the
officer sets it through a single-use, expiring link).

Each change bumps the account's token version (every other token and session ends) and is
audited without any secret. Argon2 is slow: call these from the sign-in pool.
"""

from __future__ import annotations

import hashlib
import secrets
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from bot import audit, sign_in_throttle, totp
from bot.casework.access import require_role
from bot.casework.accounts import UNUSABLE, end_tokens
from bot.casework.errors import AccountConflict, OfficerNotFound
from bot.models import Officer, OfficerEnrolment
from bot.passwords import hash_password, verify_password
from bot.settings import Settings

MIN_PASSWORD = 12
__all__ = ["UNUSABLE", "CredentialRefused", "WrongCredential", "LinkInvalid", "Link",
           "change_password", "enable_totp", "issue_link", "new_link", "link_officer",
           "redeem_link"]


class CredentialRefused(Exception):
    """The current password or code is wrong, or the new password is not acceptable; the
    message is safe to show the officer."""


class WrongCredential(CredentialRefused):
    """The current password or the code is wrong (the API answers 403; a policy refusal of
    the new password is 409)."""


class LinkInvalid(Exception):
    """The enrolment link is unknown, used or expired (one message for all three)."""


def _new_password_ok(password: str, username: str) -> None:
    if len(password) < MIN_PASSWORD:
        raise CredentialRefused(f"The new password must be at least {MIN_PASSWORD} characters.")
    if len(password) > 256:
        raise CredentialRefused("The new password is too long (at most 256 characters).")
    if password.strip().lower() == username.lower():
        raise CredentialRefused("The new password cannot be your username.")


def _current_password(session: Session, officer: Officer, password: str,
                      settings: Settings) -> None:
    """Re-check the current password; a wrong one counts towards the sign-in throttle."""
    keys = [sign_in_throttle.Key.of("username", officer.username)]
    if sign_in_throttle.wait_seconds(session, keys, settings):
        raise WrongCredential("Too many wrong passwords: wait a minute and try again.")
    if not verify_password(officer.password_hash, password):
        sign_in_throttle.record_failure(session, keys, settings)
        audit.record(session, officer.username, "auth.failed", None,
                     {"reason": "password", "during": "credential change"})
        session.commit()
        raise WrongCredential("Your current password is not right.")


def change_password(session: Session, officer_id: int, current: str, new: str,
                    settings: Settings) -> Officer:
    """Self-service: the current password, then the new one; every other token ends."""
    officer = session.get(Officer, officer_id)
    _current_password(session, officer, current, settings)
    _new_password_ok(new, officer.username)
    if verify_password(officer.password_hash, new):
        raise CredentialRefused("The new password must differ from the current one.")
    officer.password_hash = hash_password(new)
    end_tokens(officer)
    audit.record(session, officer.username, "officer.password_changed")
    session.commit()
    return officer


def enable_totp(session: Session, officer_id: int, password: str, secret: str, code: str,
                settings: Settings) -> Officer:
    """Set up (or replace) the second factor: the password, and a code from the new secret
    proving the app has it. Every other token and session ends."""
    officer = session.get(Officer, officer_id)
    _current_password(session, officer, password, settings)
    step = totp.matching_step(secret, code)
    if step is None:
        raise WrongCredential("That code does not match: check the app shows TellOnce and "
                                "enter the 6 digits it shows now.")
    officer.totp_secret, officer.totp_last_step = secret, step
    end_tokens(officer)
    audit.record(session, officer.username, "officer.totp_enabled")
    session.commit()
    return officer


@dataclass(frozen=True)
class Link:
    token: str  # for the URL; only its SHA-256 is stored
    expires_at: datetime

    def url(self, settings: Settings) -> str:
        return f"{settings.public_base_url.rstrip('/')}/officer/enrol/{self.token}"


def _digest(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def issue_link(session: Session, admin: Officer, username: str, settings: Settings,
               now: datetime | None = None) -> Link:
    """A one-time link for ``username`` to set a password (a new account, or a reset after a
    lost password or phone: using it also clears the second factor). Older links of the
    account stop working."""
    require_role(admin, "admin")
    officer = session.scalar(select(Officer).where(Officer.username == username))
    if officer is None:
        raise OfficerNotFound(f"No account named {username}")
    if officer.id == admin.id:
        raise AccountConflict("Change your own password from your account page instead.")
    return new_link(session, officer, admin.username, settings, now)


def new_link(session: Session, officer: Officer, by: str, settings: Settings,
             now: datetime | None = None) -> Link:
    """The link itself (admins through ``issue_link``; ``tellonce officer invite``)."""
    now = now or datetime.now(UTC)
    session.execute(delete(OfficerEnrolment).where(OfficerEnrolment.officer_id == officer.id))
    session.execute(delete(OfficerEnrolment).where(OfficerEnrolment.expires_at <= now))
    token = secrets.token_urlsafe(32)
    expires = now + timedelta(hours=settings.enrolment_link_hours)
    session.add(OfficerEnrolment(token_hash=_digest(token), officer_id=officer.id,
                                 created_by=by, created_at=now, expires_at=expires))
    audit.record(session, by, "officer.enrolment_link", None,
                 {"username": officer.username, "hours": settings.enrolment_link_hours})
    session.commit()
    return Link(token, expires)


def link_officer(session: Session, token: str, now: datetime | None = None) -> Officer:
    """The account a live link is for (LinkInvalid otherwise); nothing is used up."""
    now = now or datetime.now(UTC)
    row = session.get(OfficerEnrolment, _digest(token)) if token else None
    if row is None or row.expires_at <= now:
        raise LinkInvalid
    officer = session.get(Officer, row.officer_id)
    if officer is None or not officer.active:
        raise LinkInvalid
    return officer


def redeem_link(session: Session, token: str, password: str,
                now: datetime | None = None) -> Officer:
    """Set the account's password through its link, once: the row is deleted in the same
    transaction (a second use, even concurrent, finds nothing)."""
    now = now or datetime.now(UTC)
    officer = link_officer(session, token, now)
    _new_password_ok(password, officer.username)
    used = session.execute(delete(OfficerEnrolment).where(
        OfficerEnrolment.token_hash == _digest(token), OfficerEnrolment.expires_at > now))
    if used.rowcount != 1:
        session.rollback()
        raise LinkInvalid
    officer.password_hash = hash_password(password)
    officer.totp_secret = officer.totp_last_step = None
    end_tokens(officer)
    sign_in_throttle.record_success(session, officer.username)
    audit.record(session, officer.username, "officer.enrolled")
    session.commit()
    return officer
