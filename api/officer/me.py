"""The signed-in officer's own account: change the password, set up the TOTP second factor.

Both re-check the current password (Argon2, in the sign-in pool: never the AnyIO pool) and
bump the account's token version, so every other token and workspace session ends; the answer
carries a fresh token for this client.
"""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Body, HTTPException, Request
from pydantic import BaseModel, Field

from api.officer.auth import CurrentOfficer, Token
from api.officer.errors import Problem, responses
from api.sign_in_pool import Busy
from bot import totp
from bot.casework import credentials
from bot.tokens import create_access_token

router = APIRouter(tags=["auth"])


class PasswordChange(BaseModel):
    current_password: str = Field(max_length=1000)
    new_password: str = Field(min_length=12, max_length=256)


class SecondFactorSetup(BaseModel):
    secret: str = Field(description="Base32: type it into an authenticator app, or use the "
                        "otpauth URI (as a QR code). Not stored until confirmed.")
    otpauth_uri: str


class SecondFactorConfirm(BaseModel):
    secret: str = Field(pattern="^[A-Z2-7]{32,64}$")
    code: str = Field(pattern=r"^\s*\d{3}\s*\d{3}\s*$", description="6 digits from the app")
    password: str = Field(max_length=1000, description="Your current password")


REFUSED = {403: {"model": Problem, "description": "Your current password or the code is not "
                 "right."},
           409: {"model": Problem, "description": "The new password is not acceptable (the "
                 "detail says why)."},
           503: {"model": Problem, "description": "Too many sign-ins at once: try again."}}


async def _in_pool(request: Request, fn, *args):  # noqa: ANN001, ANN202 - thin wrapper
    state = request.app.state

    def work():  # noqa: ANN202
        with state.sessions() as session:
            return fn(session, *args, state.settings)

    try:
        return await state.sign_in_pool.run(work)
    except Busy:
        raise HTTPException(503, "Too many sign-ins at once: try again in a moment",
                            headers={"Retry-After": "1"}) from None
    except credentials.CredentialRefused as exc:
        wrong = isinstance(exc, credentials.WrongCredential)
        raise HTTPException(403 if wrong else 409, str(exc)) from None


def _token(request: Request, officer) -> Token:  # noqa: ANN001
    return Token(access_token=create_access_token(officer.username, request.app.state.settings,
                                                  version=officer.token_version))


@router.post("/me/password", response_model=Token,
             responses={**responses(400), **REFUSED},
             summary="Change your password: every other token and session ends")
async def change_password(request: Request, officer: CurrentOfficer,
                          body: Annotated[PasswordChange, Body()]) -> Token:
    changed = await _in_pool(request, credentials.change_password, officer.id,
                             body.current_password, body.new_password)
    return _token(request, changed)


@router.post("/me/second-factor/setup", response_model=SecondFactorSetup,
             responses=responses(403),
             summary="A new TOTP secret to put in an authenticator app")
async def second_factor_setup(request: Request, officer: CurrentOfficer) -> SecondFactorSetup:
    secret = totp.new_secret()
    return SecondFactorSetup(secret=secret, otpauth_uri=totp.provisioning_uri(
        secret, officer.username, request.app.state.settings))


@router.post("/me/second-factor", response_model=Token,
             responses={**responses(400), **REFUSED},
             summary="Turn the second factor on with a code from the app: sign-ins then "
                     "need a code; every other token and session ends")
async def second_factor_confirm(request: Request, officer: CurrentOfficer,
                                body: Annotated[SecondFactorConfirm, Body()]) -> Token:
    enabled = await _in_pool(request, credentials.enable_totp, officer.id, body.password,
                             body.secret, body.code)
    return _token(request, enabled)
