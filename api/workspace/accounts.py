"""``/officer/accounts``: officer accounts. Admins create, deactivate, reactivate and change
roles; supervisors see the list. Same rules and audit as ``/api/v1/officers``
(``bot.casework.accounts``), validated with the API's ``OfficerIn``."""

from __future__ import annotations

import re
from typing import Annotated

from fastapi import APIRouter, Form, Path, Query, Request
from fastapi.responses import Response
from pydantic import ValidationError

from api.deps import SessionDep, SettingsDep
from api.officer.admin import USERNAME, OfficerIn
from api.workspace.errors import REFUSALS, refused, status_of, wording
from api.workspace.render import html, redirect
from api.workspace.session import FormUser, SignedIn, SignedInDep
from bot.casework import accounts, credentials, require_role
from bot.taxonomy import ROLES

router = APIRouter()
Field = Annotated[str, Form(max_length=300)]
Username = Annotated[str, Path(max_length=64)]
DONE = {"created": "The account has been created.", "active": "The account has been updated.",
        "role": "The role has been changed: that officer's sessions ended, and the new role "
                "applies when they sign in again."}
NAMES = {"username": "The username", "password": "The password", "role": "The role",
         "display_name": "The display name", "email": "The e-mail address",
         "phone": "The phone number"}


def _problem(exc: ValidationError) -> str:
    err = exc.errors()[0]
    field = NAMES.get(str(err["loc"][0]) if err["loc"] else "", "A field")
    kind = err.get("type", "")
    if field == "The password" and kind == "string_too_short":
        return "The password must be at least 12 characters."
    if field == "The username" and kind == "string_pattern_mismatch":
        return "The username must be 3 to 64 letters, digits, dots, dashes or underscores."
    if kind == "string_pattern_mismatch":
        return f"{field} is not in a form we can use."
    if kind == "string_too_long":
        return f"{field} is too long."
    return f"{field} is not valid."


def page(request: Request, session: SessionDep, user: SignedIn, status: int = 200, *,
         error: str | None = None, values: dict[str, str] | None = None,
         done: str | None = None, **link: object) -> Response:
    with refused():
        officers = accounts.list_officers(session, user.officer)
    return html(request, "accounts.html", status, nav="accounts", officers=officers,
                roles=ROLES, error=error, values=values or {}, done=DONE.get(done or ""),
                is_admin=user.officer.role == "admin", **link)


@router.get("/officer/accounts", summary="Officer accounts")
def accounts_page(request: Request, user: SignedInDep, session: SessionDep,
                  done: Annotated[str, Query(max_length=20)] = "") -> Response:
    return page(request, session, user, done=done)


@router.post("/officer/accounts", summary="Create an officer account (admins)")
def create(request: Request, user: FormUser, session: SessionDep, settings: SettingsDep,
           username: Field = "", password: Field = "", role: Field = "officer",
           display_name: Field = "", email: Field = "", phone: Field = "") -> Response:
    admin_only(user)
    values = {"username": username, "role": role, "display_name": display_name,
              "email": email, "phone": phone}
    try:
        body = OfficerIn(username=username, password=password or None, role=role,
                         display_name=display_name or None, email=email or None,
                         phone=phone or None)
    except ValidationError as exc:
        return page(request, session, user, 422, error=_problem(exc), values=values)
    try:
        accounts.create_officer(session, user.officer, username=body.username,
                                password=body.password, role=body.role,
                                display_name=body.display_name, email=body.email,
                                phone=body.phone)
        if not body.password:  # shown once, on this page (never in a URL we redirect to)
            link = credentials.issue_link(session, user.officer, body.username, settings)
            return page(request, session, user, 201, link=link.url(settings),
                        link_for=body.username, link_until=link.expires_at)
    except REFUSALS as exc:
        session.rollback()
        return page(request, session, user, status_of(exc), error=wording(str(exc)),
                    values=values)
    return redirect("/officer/accounts?done=created")


@router.post("/officer/accounts/{username}/link", summary="A new one-time sign-in link")
def new_link(request: Request, username: Username, user: FormUser, session: SessionDep,
             settings: SettingsDep) -> Response:
    bad = _check(request, session, user, username)
    if bad is not None:
        return bad
    try:
        link = credentials.issue_link(session, user.officer, username, settings)
    except REFUSALS as exc:
        session.rollback()
        return page(request, session, user, status_of(exc), error=wording(str(exc)))
    return page(request, session, user, link=link.url(settings), link_for=username,
                link_until=link.expires_at)


def admin_only(user: SignedIn) -> None:
    """Account changes are for admins: the API's words when anyone else tries."""
    with refused():
        require_role(user.officer, "admin")


def _check(request: Request, session: SessionDep, user: SignedIn, username: str) -> Response | None:
    admin_only(user)
    if not re.fullmatch(USERNAME, username):
        return page(request, session, user, 404, error=f"No account named {username[:64]}")
    return None


@router.post("/officer/accounts/{username}/active", summary="Deactivate or reactivate")
def set_active(request: Request, username: Username, user: FormUser, session: SessionDep,
               active: Field = "") -> Response:
    bad = _check(request, session, user, username)
    if bad is not None:
        return bad
    if active not in ("yes", "no"):
        return page(request, session, user, 422, error="Choose to activate or deactivate.")
    try:
        accounts.set_active(session, user.officer, username, active == "yes")
    except REFUSALS as exc:
        session.rollback()
        return page(request, session, user, status_of(exc), error=wording(str(exc)))
    return redirect("/officer/accounts?done=active")


@router.post("/officer/accounts/{username}/role", summary="Change an account's role")
def set_role(request: Request, username: Username, user: FormUser, session: SessionDep,
             role: Field = "") -> Response:
    bad = _check(request, session, user, username)
    if bad is not None:
        return bad
    if role not in ROLES:
        return page(request, session, user, 422, error="Choose one of the roles offered.")
    try:
        accounts.change_role(session, user.officer, username, role)
    except REFUSALS as exc:
        session.rollback()
        return page(request, session, user, status_of(exc), error=wording(str(exc)))
    return redirect("/officer/accounts?done=role")
