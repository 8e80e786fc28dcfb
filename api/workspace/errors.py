"""Refusals in the workspace: a page saying why (with the right status), or the sign-in page.

Domain refusals (``bot.casework``) keep the API's status codes: not found 404, access and
consent 403, case state 409. ``install`` registers the handlers on the app.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from urllib.parse import quote

from fastapi import FastAPI, Request
from fastapi.responses import Response

from api.workspace.render import html, redirect
from bot import casework

REFUSALS = (casework.CaseNotFound, casework.OfficerNotFound, casework.RecordNotFound,
            casework.AccessDenied, casework.NoConsent, casework.WorkflowError,
            casework.CannotMessage, casework.AccountConflict)


class Refusal(Exception):
    """Stop and show a page saying why (``status`` 4xx)."""

    def __init__(self, status: int, message: str, title: str = "This cannot be done") -> None:
        super().__init__(message)
        self.status, self.message, self.title = status, message, title


class SignInNeeded(Exception):
    """No live session: go to the sign-in page, saying why (a code of
    ``bot.officer_sessions.REASONS``, never free text in the URL), and come back afterwards."""

    def __init__(self, reason: str, next_path: str | None = None) -> None:
        super().__init__(reason)
        self.reason, self.next_path = reason, next_path


class GoTo(Exception):
    """Send the browser elsewhere first (a role that needs a second factor not yet set up)."""

    def __init__(self, path: str) -> None:
        super().__init__(path)
        self.path = path


def status_of(exc: Exception) -> int:
    if isinstance(exc, (casework.CaseNotFound, casework.OfficerNotFound,
                        casework.RecordNotFound)):
        return 404
    if isinstance(exc, (casework.AccessDenied, casework.NoConsent)):
        return 403
    if isinstance(exc, casework.MessageLimitReached):
        return 429
    return 409


def wording(message: str) -> str:
    """The domain's reason in workspace words (the API's hints name its routes)."""
    return message.replace(" (POST .../assign)", "")


@contextmanager
def refused() -> Iterator[None]:
    """Domain refusals inside the block become a Refusal page with the API's status code."""
    try:
        yield
    except REFUSALS as exc:
        raise Refusal(status_of(exc), wording(str(exc))) from None


def safe_next(path: str | None) -> str:
    """Only a workspace path may be a post-sign-in target (no open redirect)."""
    if path and path.startswith("/officer") and not path.startswith("//") \
            and "\\" not in path and "\n" not in path and "\r" not in path:
        return path
    return "/officer/"


def install(app: FastAPI) -> None:
    @app.exception_handler(Refusal)
    async def _refusal(request: Request, exc: Refusal) -> Response:
        return html(request, "error.html", exc.status, title=exc.title, message=exc.message)

    @app.exception_handler(GoTo)
    async def _go_to(request: Request, exc: GoTo) -> Response:
        return redirect(exc.path)

    @app.exception_handler(SignInNeeded)
    async def _sign_in(request: Request, exc: SignInNeeded) -> Response:
        target = "/officer/login?reason=" + quote(exc.reason)
        if exc.next_path and safe_next(exc.next_path) != "/officer/":
            target += "&next=" + quote(exc.next_path)
        return redirect(target)
