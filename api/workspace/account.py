"""``/officer/account``: an officer's own password and second factor, and ``/officer/enrol/…``:
the one-time link a new officer uses to set their password (``bot.casework.credentials``, the
same rules as ``/api/v1/me/…``).

Checks that verify a password run in the sign-in pool (Argon2), never the AnyIO pool. A change
ends every session of the account (token version), so this browser gets a new one at once.
"""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Form, Path, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import Response

from api.sign_in_pool import Busy
from api.workspace.auth import BUSY, ENROL_PATH, LOGIN_PATH
from api.workspace.render import html, redirect
from api.workspace.session import COOKIE, FormUser, SignedIn, SignedInDep, set_cookie
from bot import officer_sessions, totp
from bot.casework import credentials
from bot.casework.sign_in import needs_enrolment
from bot.models import Officer

router = APIRouter()
Secret = Annotated[str, Form(max_length=1000)]
Token = Annotated[str, Path(max_length=100)]
ACCOUNT = "/officer/account"
DONE = {"password": "Your password has been changed. Any other session of yours has ended.",
        "second_factor": "Your second factor is on: from now on, signing in needs the code "
                         "from your app. Any other session of yours has ended."}
EXPIRED_LINK = ("This link cannot be used: it has been used already, has expired, or was "
                "replaced by a newer one. Ask an admin for a new link.")


def _page(request: Request, user: SignedIn, status: int = 200, **context: object) -> Response:
    settings = request.app.state.settings
    return html(request, "account.html", status, nav="account",
                has_second_factor=totp.enabled(user.officer),
                second_factor_required=totp.required(user.officer, settings), **context)


@router.get(ACCOUNT, summary="Your account")
def account_page(request: Request, user: SignedInDep, done: str = "") -> Response:
    return _page(request, user, done=DONE.get(done[:20]))


async def _change(request: Request, fn, *args) -> tuple[Officer | None, str | None]:  # noqa: ANN001
    """Run a credential change in the sign-in pool: (officer, None) or (None, why not)."""
    state = request.app.state

    def work() -> Officer:
        with state.sessions() as session:
            return fn(session, *args, state.settings)

    try:
        return await state.sign_in_pool.run(work), None
    except Busy:
        return None, BUSY
    except credentials.CredentialRefused as exc:
        return None, str(exc)


def _new_session(request: Request, officer: Officer) -> officer_sessions.Started:
    with request.app.state.sessions() as session:
        return officer_sessions.start(session, officer, request.app.state.settings)


async def _signed_in_again(request: Request, officer: Officer, target: str) -> Response:
    started = await run_in_threadpool(_new_session, request, officer)
    response = redirect(target)
    set_cookie(response, request, request.app.state.settings, COOKIE, started.token)
    return response


@router.post(f"{ACCOUNT}/password", summary="Change your password")
async def change_password(request: Request, user: FormUser, current_password: Secret = "",
                          new_password: Secret = "", confirm_password: Secret = "") -> Response:
    if new_password != confirm_password:
        return _page(request, user, 422, error="The two new passwords are not the same.")
    officer, problem = await _change(request, credentials.change_password, user.officer.id,
                                     current_password, new_password)
    if officer is None:
        return _page(request, user, 400, error=problem)
    return await _signed_in_again(request, officer, f"{ACCOUNT}?done=password")


def _setup_page(request: Request, user: SignedIn, status: int = 200, secret: str | None = None,
                error: str | None = None) -> Response:
    settings = request.app.state.settings
    secret = secret if secret and totp.valid_secret(secret) else totp.new_secret()
    return html(request, "second_factor.html", status, nav="account", secret=secret,
                grouped=" ".join(secret[i:i + 4] for i in range(0, len(secret), 4)),
                uri=totp.provisioning_uri(secret, user.officer.username, settings), error=error,
                required=needs_enrolment(user.officer, settings))


@router.get(ENROL_PATH, summary="Set up the second factor")
def second_factor_page(request: Request, user: SignedInDep) -> Response:
    return _setup_page(request, user)


@router.post(ENROL_PATH, summary="Turn the second factor on")
async def second_factor(request: Request, user: FormUser, secret: Secret = "",
                        code: Annotated[str, Form(max_length=12)] = "",
                        password: Secret = "") -> Response:
    officer, problem = await _change(request, credentials.enable_totp, user.officer.id,
                                     password, secret, code)
    if officer is None:
        return _setup_page(request, user, 400, secret=secret, error=problem)
    return await _signed_in_again(request, officer, f"{ACCOUNT}?done=second_factor")


def _enrol_page(request: Request, token: str, status: int = 200,
                error: str | None = None) -> Response:
    with request.app.state.sessions() as session:
        try:
            officer = credentials.link_officer(session, token)
        except credentials.LinkInvalid:
            return html(request, "enrol.html", 404, invalid=EXPIRED_LINK)
    return html(request, "enrol.html", status, username=officer.username, token=token,
                error=error)


@router.get("/officer/enrol/{token}", summary="Set your password with a one-time link")
def enrol_page(request: Request, token: Token) -> Response:
    return _enrol_page(request, token)


@router.post("/officer/enrol/{token}", summary="Set your password with a one-time link")
async def enrol(request: Request, token: Token, new_password: Secret = "",
                confirm_password: Secret = "") -> Response:
    """The link itself is the credential (single use, expiring); no session exists yet."""
    if new_password != confirm_password:
        return await run_in_threadpool(_enrol_page, request, token, 422,
                                       "The two passwords are not the same.")
    state = request.app.state

    def work() -> Officer:
        with state.sessions() as session:
            return credentials.redeem_link(session, token, new_password)

    try:
        await state.sign_in_pool.run(work)
    except Busy:
        return await run_in_threadpool(_enrol_page, request, token, 503, BUSY)
    except credentials.LinkInvalid:
        return html(request, "enrol.html", 404, invalid=EXPIRED_LINK)
    except credentials.CredentialRefused as exc:
        return await run_in_threadpool(_enrol_page, request, token, 400, str(exc))
    return redirect(f"{LOGIN_PATH}?reason=enrolled")
