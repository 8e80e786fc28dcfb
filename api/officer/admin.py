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

from api.deps import SessionDep, SettingsDep
from api.officer.auth import Admin, require_role
from api.officer.deps import refused
from api.officer.errors import responses
from api.officer.schemas import TEXT_PATTERN, USERNAME_PATTERN
from bot.casework import accounts, credentials
from bot.models import Officer
from bot.settings import Settings
from bot.taxonomy import ROLES

router = APIRouter(tags=["accounts"])

USERNAME = USERNAME_PATTERN
Username = Annotated[str, Path(pattern=USERNAME)]


class OfficerIn(BaseModel):
    username: str = Field(pattern=USERNAME)
    password: str | None = Field(
        default=None, min_length=12, max_length=256,
        description="Leave out to send the officer a one-time link to set their own")
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


class LinkOut(BaseModel):
    enrolment_url: str = Field(description="Single-use; give it to the officer in person or "
                               "by council e-mail. Shown once: only its hash is kept.")
    expires_at: datetime


class OfficerCreatedOut(OfficerOut):
    enrolment: LinkOut | None = Field(None, description="When no password was given")


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
    response_model=OfficerCreatedOut,
    status_code=status.HTTP_201_CREATED,
    summary="Create an account: with a password (hashed with Argon2), or without one and a "
            "one-time enrolment link for the officer to set it",
    responses=responses(400, 403, 409),
)
def create_officer(body: OfficerIn, session: SessionDep, settings: SettingsDep,
                   admin: Admin) -> Any:
    with refused():
        officer = accounts.create_officer(
            session, admin, username=body.username, password=body.password, role=body.role,
            display_name=body.display_name, email=body.email, phone=body.phone)
        link = None if body.password else credentials.issue_link(
            session, admin, officer.username, settings)
    return {**_out(officer), "enrolment": _link(link, settings) if link else None}


def _link(link: credentials.Link, settings: Settings) -> dict[str, Any]:
    return {"enrolment_url": link.url(settings), "expires_at": link.expires_at}


@router.post(
    "/officers/{username}/enrolment-link",
    response_model=LinkOut,
    summary="A new one-time link for the officer to set a password (and, once used, set up "
            "their second factor again): for a lost password or phone",
    responses=responses(403, 404, 409),
)
def enrolment_link(username: Username, session: SessionDep, settings: SettingsDep,
                   admin: Admin) -> Any:
    with refused():
        return _link(credentials.issue_link(session, admin, username, settings), settings)


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
