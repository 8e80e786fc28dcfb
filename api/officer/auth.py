"""Officer authentication: the OAuth2 password flow, bearer tokens, roles.

``CurrentOfficer`` gives the signed-in, active Officer (401 otherwise); ``require_role(*roles)``
narrows it (403 otherwise). The role is read from the database on every request.
"""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends
from fastapi.security import OAuth2PasswordBearer, OAuth2PasswordRequestForm
from pydantic import BaseModel
from sqlalchemy import select

from api.deps import SessionDep, SettingsDep
from api.officer.errors import Problem, forbidden, unauthorized
from bot.casework.accounts import authenticate
from bot.models import Officer
from bot.tokens import InvalidToken, create_access_token, decode_access_token

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
CaseWorker = Annotated[Officer, require_role("officer", "supervisor")]
Admin = Annotated[Officer, require_role("admin")]


@router.post(
    "/auth/token",
    response_model=Token,
    summary="Sign in (OAuth2 password flow) and get a short-lived bearer token",
    responses={
        400: {"model": Problem, "description": "The form could not be parsed."},
        401: {"model": Problem, "description": "Wrong username or password."},
    },
)
def issue_token(
    form: Annotated[OAuth2PasswordRequestForm, Depends()],
    session: SessionDep,
    settings: SettingsDep,
) -> Token:
    """Argon2 verification is slow by design; this sync route runs in the threadpool."""
    officer = authenticate(session, form.username, form.password)
    if officer is None:
        raise unauthorized("Incorrect username or password")
    return Token(access_token=create_access_token(officer.username, settings))
