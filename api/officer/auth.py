"""Officer authentication: the OAuth2 password flow, bearer tokens, roles.

``CurrentOfficer`` gives the signed-in, active Officer (401 otherwise); ``require_role(*roles)``
narrows it (403 otherwise). The role is read from the database on every request.
"""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Form, HTTPException, Request
from fastapi.security import OAuth2PasswordBearer
from pydantic import BaseModel
from sqlalchemy import select

from api.deps import SessionDep, SettingsDep
from api.officer.errors import Problem, forbidden, unauthorized
from api.sign_in import check
from api.sign_in_pool import Busy
from bot.casework.sign_in import CODE_NEEDED, THROTTLED, needs_enrolment
from bot.models import Officer
from bot.tokens import InvalidToken, create_access_token, decode_access_token
from bot.workflow import CASE_ROLES

TOKEN_PATH = "/api/v1/auth/token"  # noqa: S105 - a URL, not a secret

router = APIRouter(tags=["auth"])
oauth2_scheme = OAuth2PasswordBearer(
    tokenUrl=TOKEN_PATH,
    auto_error=False,
    description="OAuth2 password flow: send `Authorization: Bearer <access_token>` with the "
    "short-lived HS256 JWT from POST /api/v1/auth/token.",
)


class Token(BaseModel):
    """A bearer token for the Authorization header."""

    access_token: str
    token_type: str = "bearer"  # noqa: S105 - the OAuth2 token type, not a secret


def get_current_officer(
    token: Annotated[str | None, Depends(oauth2_scheme)],
    session: SessionDep,
    settings: SettingsDep,
) -> Officer:
    """The active officer named in a valid token; 401 for anything else."""
    if not token:
        raise unauthorized()
    try:
        claims = decode_access_token(token, settings)
    except InvalidToken:
        raise unauthorized("Invalid or expired token: sign in again") from None
    officer = session.scalar(select(Officer).where(Officer.username == claims.username))
    if officer is None or not officer.active:
        raise unauthorized("This account is not active: sign in again")
    if claims.version != officer.token_version:  # password, role or activation changed since
        raise unauthorized("This token was ended by a change to the account: sign in again")
    return officer


CurrentOfficer = Annotated[Officer, Depends(get_current_officer)]


def require_role(*roles: str):  # noqa: ANN201 - a FastAPI dependency
    """A dependency that lets only officers with one of ``roles`` through (403 otherwise)."""

    def dependency(officer: CurrentOfficer) -> Officer:
        if officer.role not in roles:
            raise forbidden(f"This needs the {' or '.join(roles)} role; you are {officer.role}")
        return officer

    return Depends(dependency)


Supervisor = Annotated[Officer, require_role("supervisor")]
CaseWorker = Annotated[Officer, require_role(*CASE_ROLES)]
Admin = Annotated[Officer, require_role("admin")]


@router.post(
    "/auth/token",
    response_model=Token,
    summary="Sign in (OAuth2 password flow) and get a short-lived bearer token",
    responses={
        400: {"model": Problem, "description": "The form could not be parsed."},
        401: {"model": Problem, "description": "Wrong username, password or code; or this "
              "account has a second factor and `totp` was not sent."},
        403: {"model": Problem, "description": "This role needs a second factor: set it up "
              "in the workspace first."},
        429: {"model": Problem, "description": "Too many failed sign-ins: wait Retry-After "
              "seconds."},
        503: {"model": Problem, "description": "Too many sign-ins at once: try again."},
    },
)
async def issue_token(
    request: Request,
    username: Annotated[str, Form(max_length=200)],
    password: Annotated[str, Form(max_length=1000)],
    grant_type: Annotated[str | None, Form(pattern="^password$")] = None,
    totp: Annotated[str, Form(max_length=12, description="The 6-digit code of an account "
                              "with a second factor")] = "",
) -> Token:
    """Async, so the whole check (throttle, Argon2, TOTP, audit) runs in the sign-in pool,
    never in the worker threads /chat uses."""
    settings = request.app.state.settings
    try:
        outcome = await check(request, username, password, totp)
    except Busy:
        raise HTTPException(503, "Too many sign-ins at once: try again in a moment",
                            headers={"Retry-After": "1"}) from None
    if outcome.problem == THROTTLED:
        raise HTTPException(429, "Too many failed sign-ins: try again in "
                            f"{outcome.retry_after} seconds",
                            headers={"Retry-After": str(outcome.retry_after)})
    if outcome.problem == CODE_NEEDED:
        raise unauthorized("This account has a second factor: send the 6-digit code from "
                           "your authenticator app as `totp`")
    if outcome.officer is None:
        raise unauthorized("Incorrect username or password")
    if needs_enrolment(outcome.officer, settings):
        raise forbidden("Your role needs a second factor: set up an authenticator app in the "
                        "workspace (/officer/account) first")
    officer = outcome.officer
    return Token(access_token=create_access_token(officer.username, settings,
                                                  version=officer.token_version))
