"""Signing an officer in, for the API and the workspace alike: throttle (per username and per
client address), Argon2 password check, TOTP second factor, audit.

Every failure is audited: ``auth.failed`` under the account's username when it exists (with the
reason), otherwise with no username (an unknown name may be a password typed in the wrong
box); the client address appears only as a keyed hash prefix. ``auth.locked`` marks a lockout.
Argon2 is slow by design: call ``sign_in`` from the sign-in pool (api/sign_in_pool.py).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from sqlalchemy import select
from sqlalchemy.orm import Session

from bot import audit, sign_in_throttle, totp
from bot.models import Officer
from bot.passwords import hash_password, verify_password
from bot.settings import Settings

# Why a sign-in did not succeed (front ends word them; none says whether the account exists).
WRONG = "wrong"  # username, password or (entered) code wrong, or account not active
CODE_NEEDED = "code_needed"  # password right; this account has TOTP: ask for the code
ENROL_FIRST = "enrol_first"  # password right; TOTP is required for the role but not set up
THROTTLED = "throttled"  # too many failures: wait ``retry_after`` seconds


@dataclass(frozen=True)
class Outcome:
    officer: Officer | None = None
    problem: str | None = None
    retry_after: int = 0


@lru_cache
def dummy_hash() -> str:
    """Verified against when the username is unknown, so timing does not reveal accounts."""
    return hash_password("not-a-real-password-just-for-timing")


def _fail(session: Session, officer: Officer | None, keys: list[sign_in_throttle.Key],
          settings: Settings, reason: str) -> Outcome:
    facts = {"reason": reason, **{f"{k.kind}_key": k.digest[:12] for k in keys}}
    if officer is None:
        facts.pop("reason")
    name = officer.username if officer is not None else None
    audit.record(session, name, "auth.failed", None, facts)
    for key in sign_in_throttle.record_failure(session, keys, settings):
        audit.record(session, name, "auth.locked", None,
                     {"on": key.kind, f"{key.kind}_key": key.digest[:12],
                      "minutes": settings.sign_in_lockout_minutes})
    session.commit()
    return Outcome(problem=WRONG)


def sign_in(session: Session, settings: Settings, username: str, password: str,
            code: str = "", address: str | None = None) -> Outcome:
    """The active officer with these credentials (and code, when their account has TOTP), or
    why not. Throttled attempts are refused before any check."""
    keys = sign_in_throttle.keys_for(username, address)
    wait = sign_in_throttle.wait_seconds(session, keys, settings)
    session.commit()
    if wait:
        return Outcome(problem=THROTTLED, retry_after=wait)
    officer = None
    if "\x00" not in username:  # PostgreSQL cannot even compare a NUL-bearing string
        officer = session.scalar(select(Officer).where(Officer.username == username))
    if officer is None:
        verify_password(dummy_hash(), password)
        return _fail(session, None, keys, settings, "unknown")
    if not officer.password_hash.startswith("$argon2"):  # no password set yet (enrolment)
        verify_password(dummy_hash(), password)  # the same time as a real check
        return _fail(session, officer, keys, settings, "no password yet")
    if not verify_password(officer.password_hash, password):
        return _fail(session, officer, keys, settings, "password")
    if not officer.active:
        return _fail(session, officer, keys, settings, "inactive")
    if totp.enabled(officer):
        if not code.strip():
            return Outcome(officer=None, problem=CODE_NEEDED)
        if not totp.check(officer, code):
            return _fail(session, officer, keys, settings, "code")
    sign_in_throttle.record_success(session, officer.username)
    audit.record(session, officer.username, "auth.login")
    session.commit()
    return Outcome(officer=officer)


def needs_enrolment(officer: Officer, settings: Settings) -> bool:
    """Signed in, but the role requires a second factor this account has not set up."""
    return totp.required(officer, settings) and not totp.enabled(officer)
