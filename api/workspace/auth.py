"""Signing in and out of the workspace: ``/officer/login`` (fields ``username``, ``password``
and, for an account with a second factor, ``code``) and ``POST /officer/logout``. Same
accounts, throttle, roles and audit events as the API's token route (``api.sign_in.check``)."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Form, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import Response

from api.deps import SessionDep, SettingsDep
from api.sign_in import check
from api.sign_in_pool import Busy
from api.workspace.errors import safe_next
from api.workspace.render import html, redirect
from api.workspace.session import (
    COOKIE,
    LOGIN_COOKIE,
    SECOND_FACTOR_PATH,
    FormUser,
    clear_cookie,
    login_nonce,
    login_token,
    login_token_ok,
    set_cookie,
)
from bot import officer_sessions
from bot.casework.sign_in import CODE_NEEDED as CODE_NEEDED_PROBLEM
from bot.casework.sign_in import THROTTLED, needs_enrolment
from bot.models import Officer
from bot.settings import Settings

router = APIRouter()
LOGIN_PATH = "/officer/login"
ENROL_PATH = SECOND_FACTOR_PATH


def home_for(role: str) -> str:
    return "/officer/accounts" if role == "admin" else "/officer/"


def _login_page(request: Request, settings: SettingsDep, status: int = 200, *,
                error: str | None = None, reason: str | None = None, next_path: str = "",
                username: str = "") -> Response:
    nonce = login_nonce()
    response = html(request, "login.html", status, error=error,
                    notice=officer_sessions.REASONS.get(reason or ""), next_path=next_path,
                    username=username, login_csrf=login_token(nonce, settings))
    set_cookie(response, request, settings, LOGIN_COOKIE, nonce, path=LOGIN_PATH, max_age=3600)
    return response


@router.get(LOGIN_PATH, summary="The workspace sign-in page")
def login_form(request: Request, session: SessionDep, settings: SettingsDep,
               reason: str | None = None, next: str | None = None) -> Response:  # noqa: A002
    token = request.cookies.get(COOKIE)
    if token:
        try:
            _, officer = officer_sessions.resume(session, token, settings)
            return redirect(safe_next(next) if next else home_for(officer.role))
        except officer_sessions.SessionEnded:
            pass
    return _login_page(request, settings, reason=reason, next_path=safe_next(next) if next else "")


WRONG = "Incorrect username or password (or code), or the account is not active."
CODE_NEEDED = ("Your account has a second factor: enter the 6-digit code from your "
               "authenticator app as well.")
BUSY = "Too many people are signing in at this moment. Wait a few seconds and try again."


def _throttled(seconds: int) -> str:
    return (f"Too many failed sign-ins. Wait {seconds} seconds and try again; after more "
            "failures the account is locked for a while (an admin can see this in the audit "
            "log).")


@router.post(LOGIN_PATH, summary="Sign in to the workspace")
async def login(
    request: Request,
    username: Annotated[str, Form(max_length=200)] = "",
    password: Annotated[str, Form(max_length=1000)] = "",
    code: Annotated[str, Form(max_length=12)] = "",
    csrf_token: Annotated[str, Form(max_length=200)] = "",
    next: Annotated[str, Form(max_length=2000)] = "",  # noqa: A002
) -> Response:
    """Async: the check (throttle, Argon2, code, audit) runs in the sign-in pool, and the
    session is written in a worker thread, never on the event loop."""
    settings = request.app.state.settings
    back = safe_next(next) if next else ""

    def again(status: int, error: str, headers: dict[str, str] | None = None) -> Response:
        page = _login_page(request, settings, status, next_path=back, username=username,
                           error=error)
        page.headers.update(headers or {})
        return page

    if not login_token_ok(request, settings, csrf_token):
        return again(403, "The sign-in form had expired or did not come from this site. "
                          "Nothing was sent; please sign in again.")
    if not username.strip() or not password:
        return again(400, "Enter your username and your password.")
    try:
        outcome = await check(request, username.strip(), password, code)
    except Busy:
        return again(503, BUSY, {"Retry-After": "1"})
    if outcome.problem == THROTTLED:
        return again(429, _throttled(outcome.retry_after),
                     {"Retry-After": str(outcome.retry_after)})
    if outcome.problem == CODE_NEEDED_PROBLEM:
        return again(400, CODE_NEEDED)
    if outcome.officer is None:
        return again(400, WRONG)
    officer = outcome.officer
    started = await run_in_threadpool(_start, request, officer, settings)
    target = ENROL_PATH if needs_enrolment(officer, settings) else back or home_for(officer.role)
    response = redirect(target)
    set_cookie(response, request, settings, COOKIE, started.token)
    clear_cookie(response, request, settings, LOGIN_COOKIE, path=LOGIN_PATH)
    return response


def _start(request: Request, officer: Officer, settings: Settings) -> officer_sessions.Started:
    with request.app.state.sessions() as session:
        officer_sessions.end(session, request.cookies.get(COOKIE))  # a new token every sign-in
        return officer_sessions.start(session, officer, settings)


@router.post("/officer/logout", summary="Sign out of the workspace")
def logout(request: Request, user: FormUser, session: SessionDep,
           settings: SettingsDep) -> Response:
    officer_sessions.end(session, user.token, user.officer.username)
    response = redirect(f"{LOGIN_PATH}?reason=bye")
    clear_cookie(response, request, settings, COOKIE)
    return response
