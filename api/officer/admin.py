"""Account management for admins: list, create, deactivate and reactivate officers.

Admins manage accounts but cannot read cases (least privilege). Deactivation takes effect at
once: every request re-reads the account, so outstanding tokens stop working.
"""

from __future__ import annotations

from datetime import datetime
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Path, status
from pydantic import BaseModel, Field
from sqlalchemy import select
from sqlalchemy.exc import IntegrityError

from api.deps import SessionDep
from api.officer.auth import Admin, require_role
from api.officer.errors import conflict, not_found, responses
from api.officer.schemas import TEXT_PATTERN, USERNAME_PATTERN
from bot import audit
from bot.models import Officer
from bot.passwords import hash_password
from bot.taxonomy import ROLES

router = APIRouter(tags=["accounts"])

USERNAME = USERNAME_PATTERN
Username = Annotated[str, Path(pattern=USERNAME)]


class OfficerIn(BaseModel):
    username: str = Field(pattern=USERNAME)
    password: str = Field(min_length=12, max_length=256)
    role: Literal[ROLES] = "officer"  # type: ignore[valid-type]
    display_name: str | None = Field(default=None, max_length=120, pattern=TEXT_PATTERN,
                                     description="The name residents see on messages")
    email: str | None = Field(default=None, max_length=255,
                              pattern=r"^[^@\s\x00]+@[^@\s\x00]+\.[^@\s\x00]+$")
    phone: str | None = Field(default=None, max_length=32, pattern=r"^[0-9+() -]{3,32}$")


class OfficerOut(BaseModel):
    username: str
    role: str
    display_name: str | None
    email: str | None
    phone: str | None
    active: bool
    created_at: datetime


def _out(o: Officer) -> dict[str, Any]:
    return {"username": o.username, "role": o.role, "display_name": o.display_name,
            "email": o.email, "phone": o.phone, "active": o.active, "created_at": o.created_at}


@router.get(
    "/officers",
    response_model=list[OfficerOut],
    summary="Every account (admins; supervisors too, to assign cases)",
    responses=responses(403),
)
def list_officers(
    session: SessionDep,
    _: Annotated[Officer, require_role("admin", "supervisor")],
) -> Any:
    return [_out(o) for o in session.scalars(select(Officer).order_by(Officer.username))]


@router.post(
    "/officers",
    response_model=OfficerOut,
    status_code=status.HTTP_201_CREATED,
    summary="Create an account (password hashed with Argon2)",
    responses=responses(400, 403, 409),
)
def create_officer(body: OfficerIn, session: SessionDep, admin: Admin) -> Any:
    if session.scalar(select(Officer.id).where(Officer.username == body.username)):
        raise conflict(f"An account named {body.username} already exists.")
    officer = Officer(username=body.username, password_hash=hash_password(body.password),
                      role=body.role, display_name=body.display_name or body.username,
                      email=body.email, phone=body.phone, active=True)
    session.add(officer)
    try:
        session.flush()
    except IntegrityError:
        session.rollback()
        raise conflict(f"An account named {body.username} already exists.") from None
    audit.record(session, admin.username, "officer.created", None,
                 {"username": body.username, "role": body.role})
    session.commit()
    return _out(officer)


def _set_active(session: SessionDep, admin: Officer, username: str, active: bool) -> Any:
    officer = session.scalar(select(Officer).where(Officer.username == username))
    if officer is None:
        raise not_found(f"No account named {username}")
    if officer.id == admin.id and not active:
        raise conflict("You cannot deactivate your own account.")
    if officer.active != active:
        officer.active = active
        audit.record(session, admin.username,
                     "officer.activated" if active else "officer.deactivated", None,
                     audit.diff({"username": username, "active": not active},
                                {"username": username, "active": active}))
    session.commit()
    return _out(officer)


@router.post(
    "/officers/{username}/deactivate",
    response_model=OfficerOut,
    summary="Deactivate an account: its tokens stop working at once",
    responses=responses(403, 404, 409),
)
def deactivate_officer(username: Username, session: SessionDep, admin: Admin) -> Any:
    return _set_active(session, admin, username, False)


@router.post(
    "/officers/{username}/activate",
    response_model=OfficerOut,
    summary="Reactivate an account",
    responses=responses(403, 404),
)
def activate_officer(username: Username, session: SessionDep, admin: Admin) -> Any:
    return _set_active(session, admin, username, True)
