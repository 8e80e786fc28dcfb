"""Signing in and out of the workspace: ``/officer/login`` (fields ``username`` and
``password``) and ``POST /officer/logout``. Same accounts, roles and audit events as the API's
token route (``bot.casework.accounts.authenticate``)."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Form, Request
from fastapi.responses import Response

from api.deps import SessionDep, SettingsDep
from api.workspace.errors import safe_next
from api.workspace.render import html, redirect
from api.workspace.session import (
    COOKIE,
    LOGIN_COOKIE,
    FormUser,
    clear_cookie,
    login_nonce,
    login_token,
    login_token_ok,
    set_cookie,
)
from bot import officer_sessions
from bot.casework.accounts import authenticate

router = APIRouter()
LOGIN_PATH = "/officer/login"


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


@router.post(LOGIN_PATH, summary="Sign in to the workspace")
def login(
    request: Request,
    session: SessionDep,
    settings: SettingsDep,
    username: Annotated[str, Form(max_length=200)] = "",
    password: Annotated[str, Form(max_length=1000)] = "",
    csrf_token: Annotated[str, Form(max_length=200)] = "",
    next: Annotated[str, Form(max_length=2000)] = "",  # noqa: A002
) -> Response:
    """Argon2 is slow by design: this sync route runs in the threadpool, off the event loop."""
    back = safe_next(next) if next else ""
    if not login_token_ok(request, settings, csrf_token):
        return _login_page(request, settings, 403, next_path=back, username=username,
                           error="The sign-in form had expired or did not come from this "
                                 "site. Nothing was sent; please sign in again.")
    if not username.strip() or not password:
        return _login_page(request, settings, 400, next_path=back, username=username,
                           error="Enter your username and your password.")
    officer = authenticate(session, username.strip(), password)
    if officer is None:
        return _login_page(request, settings, 400, next_path=back, username=username,
                           error="Incorrect username or password (or the account is not "
                                 "active).")
    officer_sessions.end(session, request.cookies.get(COOKIE))  # a new token every sign-in
    started = officer_sessions.start(session, officer, settings)
    response = redirect(back or home_for(officer.role))
    set_cookie(response, request, settings, COOKIE, started.token)
    clear_cookie(response, request, settings, LOGIN_COOKIE, path=LOGIN_PATH)
    return response


@router.post("/officer/logout", summary="Sign out of the workspace")
def logout(request: Request, user: FormUser, session: SessionDep,
           settings: SettingsDep) -> Response:
    officer_sessions.end(session, user.token, user.officer.username)
    response = redirect(f"{LOGIN_PATH}?reason=bye")
    clear_cookie(response, request, settings, COOKIE)
    return response
