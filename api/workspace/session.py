"""Workspace sign-in state: the session cookie, the signed-in dependency and CSRF checks.

The cookie is HttpOnly, SameSite=Strict, scoped to /officer (the resident's page never sees
it) and Secure whenever the workspace is served over HTTPS. Each request resumes the
server-side session (``bot.officer_sessions``), which re-reads the officer: deactivation and
role changes apply on the next request. Every form carries the session's CSRF token; the
sign-in form, before any session exists, carries an HMAC of a random pre-sign-in cookie.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
from dataclasses import dataclass
from typing import Annotated

from fastapi import Depends, Form, Request
from fastapi.responses import Response

from api.deps import SessionDep, SettingsDep
from api.workspace.errors import GoTo, Refusal, SignInNeeded
from bot import officer_sessions
from bot.casework.sign_in import needs_enrolment
from bot.models import Officer
from bot.settings import Settings

COOKIE = "tellonce_officer"
LOGIN_COOKIE = "tellonce_login"
COOKIE_PATH = "/officer"
SECOND_FACTOR_PATH = "/officer/account/second-factor"
# What an account that must set up a second factor may use before it has (REQUIRE_TOTP_FOR)
FIRST_FACTOR_PAGES = frozenset({SECOND_FACTOR_PATH, "/officer/logout"})
FORGED = ("This form could not be accepted: it did not come from your current workspace page "
          "(its security token is missing or out of date). Nothing was changed. Go back, reload "
          "the page and try again.")


@dataclass(frozen=True)
class SignedIn:
    """The officer behind this request (re-read from the database) and their session."""

    officer: Officer
    csrf_token: str
    token: str


def is_https(request: Request, settings: Settings) -> bool:
    """Served over HTTPS: the public URL says so, or (behind a trusted proxy) the request."""
    if settings.public_base_url.startswith("https://"):
        return True
    if settings.trust_forwarded_headers:
        proto = request.headers.get("x-forwarded-proto", request.url.scheme)
        return proto.split(",")[0].strip() == "https"
    return request.url.scheme == "https"


def set_cookie(response: Response, request: Request, settings: Settings, name: str, value: str,
               path: str = COOKIE_PATH, max_age: int | None = None) -> None:
    response.set_cookie(name, value, max_age=max_age, path=path, httponly=True,
                        samesite="strict", secure=is_https(request, settings))


def clear_cookie(response: Response, request: Request, settings: Settings, name: str,
                 path: str = COOKIE_PATH) -> None:
    response.delete_cookie(name, path=path, httponly=True, samesite="strict",
                           secure=is_https(request, settings))


def _here(request: Request) -> str | None:
    """Where to come back to after signing in (GET pages only: a lost POST is not replayed)."""
    if request.method != "GET":
        return None
    query = request.url.query
    return request.url.path + (f"?{query}" if query else "")


def signed_in(request: Request, session: SessionDep, settings: SettingsDep) -> SignedIn:
    """The live session's officer, or SignInNeeded (redirect to the sign-in page, with why)."""
    token = request.cookies.get(COOKIE)
    try:
        row, officer = officer_sessions.resume(session, token, settings)
    except officer_sessions.SessionEnded as exc:
        raise SignInNeeded(exc.code, _here(request)) from None
    user = SignedIn(officer=officer, csrf_token=row.csrf_token, token=token or "")
    request.state.workspace = user
    if request.url.path not in FIRST_FACTOR_PAGES and needs_enrolment(officer, settings):
        raise GoTo(SECOND_FACTOR_PATH)  # nothing else until the required factor is set up
    return user


SignedInDep = Annotated[SignedIn, Depends(signed_in)]


def csrf_checked(user: SignedInDep, csrf_token: Annotated[str, Form()] = "") -> SignedIn:
    """A form post from this session's own pages; 403 (nothing done) otherwise."""
    if not hmac.compare_digest(csrf_token.encode(), user.csrf_token.encode()):
        raise Refusal(403, FORGED, "Form not accepted")
    return user


FormUser = Annotated[SignedIn, Depends(csrf_checked)]


def login_nonce() -> str:
    return secrets.token_urlsafe(24)


def login_token(nonce: str, settings: Settings) -> str:
    """The sign-in form's CSRF token: bound to the browser's pre-sign-in cookie."""
    return hmac.new(settings.secret_key.encode(), b"workspace-login:" + nonce.encode(),
                    hashlib.sha256).hexdigest()


def login_token_ok(request: Request, settings: Settings, token: str) -> bool:
    nonce = request.cookies.get(LOGIN_COOKIE, "")
    return bool(nonce) and hmac.compare_digest(token.encode(),
                                               login_token(nonce, settings).encode())
