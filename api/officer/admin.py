"""Account management for admins: list, create, deactivate, reactivate officers and change
their role (the rules are ``bot.casework.accounts``', shared with the workspace).

Admins manage accounts but cannot read cases (least privilege). Deactivation and role changes
take effect at once: every request re-reads the account, so outstanding tokens follow.
"""

from __future__ import annotations

from datetime import datetime
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Path, status
from pydantic import BaseModel, Field

from api.deps import SessionDep
from api.officer.auth import Admin, require_role
from api.officer.deps import refused
from api.officer.errors import responses
from api.officer.schemas import TEXT_PATTERN, USERNAME_PATTERN
from bot.casework import accounts
from bot.models import Officer
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


class RoleIn(BaseModel):
    role: Literal[ROLES]  # type: ignore[valid-type]


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
    actor: Annotated[Officer, require_role("admin", "supervisor")],
) -> Any:
    return [_out(o) for o in accounts.list_officers(session, actor)]


@router.post(
    "/officers",
    response_model=OfficerOut,
    status_code=status.HTTP_201_CREATED,
    summary="Create an account (password hashed with Argon2)",
    responses=responses(400, 403, 409),
)
def create_officer(body: OfficerIn, session: SessionDep, admin: Admin) -> Any:
    with refused():
        officer = accounts.create_officer(
            session, admin, username=body.username, password=body.password, role=body.role,
            display_name=body.display_name, email=body.email, phone=body.phone)
    return _out(officer)


def _set_active(session: SessionDep, admin: Officer, username: str, active: bool) -> Any:
    with refused():
        return _out(accounts.set_active(session, admin, username, active))


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


@router.post(
    "/officers/{username}/role",
    response_model=OfficerOut,
    summary="Change an account's role: it applies from the account's next request",
    responses=responses(400, 403, 404, 409),
)
def change_role(username: Username, body: RoleIn, session: SessionDep, admin: Admin) -> Any:
    with refused():
        return _out(accounts.change_role(session, admin, username, body.role))
