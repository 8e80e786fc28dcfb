"""Officer accounts: account management (admins) and each officer's own password, for the API
and workspace (signing in: ``bot.casework.sign_in``).

Admins manage accounts but cannot read cases (least privilege). Every request re-reads the
account, so deactivation and role changes take effect on the next request.
"""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from bot import audit, workflow
from bot.casework.access import require_role
from bot.casework.errors import AccountConflict, OfficerNotFound
from bot.models import Officer
from bot.passwords import hash_password
from bot.taxonomy import ROLES

UNUSABLE = "!no-password-yet"  # noqa: S105 - not a hash: no password ever verifies against it


def end_tokens(officer: Officer) -> None:
    """Every bearer token and workspace session of this account stops working at once (the
    caller commits): both carry the version they were made at."""
    officer.token_version = (officer.token_version or 0) + 1


def list_officers(session: Session, actor: Officer) -> list[Officer]:
    """Every account (admins; supervisors too, to assign cases)."""
    require_role(actor, "admin", "supervisor")
    return list(session.scalars(select(Officer).order_by(Officer.username)))


def case_workers(session: Session) -> list[Officer]:
    """Active officers and supervisors: who a case can be assigned to."""
    return list(session.scalars(select(Officer).where(
        Officer.active.is_(True), Officer.role.in_(workflow.CASE_ROLES)
    ).order_by(Officer.username)))


def _find(session: Session, username: str) -> Officer:
    officer = session.scalar(select(Officer).where(Officer.username == username))
    if officer is None:
        raise OfficerNotFound(f"No account named {username}")
    return officer


def create_officer(session: Session, admin: Officer, *, username: str, password: str | None,
                   role: str = "officer", display_name: str | None = None,
                   email: str | None = None, phone: str | None = None) -> Officer:
    """A new active account (password hashed with Argon2; None: no password until the officer
    sets one through an enrolment link, ``credentials.issue_link``); AccountConflict if the
    name is taken. The caller has validated the fields (the API's OfficerIn rules)."""
    require_role(admin, "admin")
    taken = AccountConflict(f"An account named {username} already exists.")
    if session.scalar(select(Officer.id).where(Officer.username == username)):
        raise taken
    officer = Officer(username=username, role=role,
                      password_hash=hash_password(password) if password else UNUSABLE,
                      display_name=display_name or username, email=email, phone=phone,
                      active=True)
    session.add(officer)
    try:
        session.flush()
    except IntegrityError:
        session.rollback()
        raise taken from None
    audit.record(session, admin.username, "officer.created", None,
                 {"username": username, "role": role})
    session.commit()
    return officer


def set_active(session: Session, admin: Officer, username: str, active: bool) -> Officer:
    """Deactivate (sign-ins and sessions stop at once) or reactivate an account."""
    require_role(admin, "admin")
    officer = _find(session, username)
    if officer.id == admin.id and not active:
        raise AccountConflict("You cannot deactivate your own account.")
    if officer.active != active:
        officer.active = active
        end_tokens(officer)
        audit.record(session, admin.username,
                     "officer.activated" if active else "officer.deactivated", None,
                     audit.diff({"username": username, "active": not active},
                                {"username": username, "active": active}))
    session.commit()
    return officer


def change_role(session: Session, admin: Officer, username: str, role: str) -> Officer:
    """Give an account another role; it applies from the account's next request."""
    require_role(admin, "admin")
    if role not in ROLES:
        raise AccountConflict(f"{role!r} is not a role (one of {', '.join(ROLES)}).")
    officer = _find(session, username)
    if officer.id == admin.id and role != officer.role:
        raise AccountConflict("You cannot change your own role: ask another admin.")
    if officer.role != role:
        before = officer.role
        officer.role = role
        end_tokens(officer)
        audit.record(session, admin.username, "officer.role_changed", None,
                     {"username": username, **audit.diff({"role": before}, {"role": role})})
    session.commit()
    return officer
