"""GET /: the web chat page, its two static files, and a neutral page of our own (the quick
exit goes to an outside neutral site by default, QUICK_EXIT_URL).

Everything is served from the repo (no CDN) under a strict Content-Security-Policy with no inline
script, and with ``Cache-Control: no-store`` so the browser keeps no copy of the page or the
conversation. Static files are a fixed allow-list, so no path from the URL reaches the disk.
"""

from __future__ import annotations

import html
from functools import lru_cache
from pathlib import Path
from urllib.parse import urlsplit

from fastapi import APIRouter, HTTPException, Request
from fastapi.responses import FileResponse, HTMLResponse, Response

from bot.settings import DEFAULT_QUICK_EXIT_URL
from bot.wording import say

router = APIRouter(tags=["web"])

STATIC_DIR = Path(__file__).resolve().parent / "static"
STATIC_FILES = {
    "chat.js": "text/javascript; charset=utf-8",
    "chat.css": "text/css; charset=utf-8",
    "neutral.css": "text/css; charset=utf-8",
}
DEFAULT_EXIT_URL = DEFAULT_QUICK_EXIT_URL  # outside, neutral: not our domain in the history
# The page's own sentences, from bot/wording/web.yml (numbers from the signposting directory).
PAGE_WORDS = ("emergency_before", "emergency_strong", "emergency_after", "unavailable",
              "unavailable_at_start", "still_in_box")

_COMMON_HEADERS = {
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "Cache-Control": "no-store",
    "X-Frame-Options": "DENY",
    "Cross-Origin-Opener-Policy": "same-origin",
    "Permissions-Policy": "camera=(), microphone=(), geolocation=(), interest-cohort=()",
}
PAGE_HEADERS = {
    **_COMMON_HEADERS,
    "Content-Security-Policy": (
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self'; "
        "connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; "
        "frame-ancestors 'none'"
    ),
}
API_HEADERS = {
    **_COMMON_HEADERS,
    "Content-Security-Policy": "default-src 'none'; frame-ancestors 'none'",
}


def safe_exit_url(url: str) -> str:
    """The configured exit target if it is a same-site path or http(s) URL, else the default.

    A ``javascript:`` or protocol-relative value would turn a setting into script injection.
    """
    url = (url or "").strip()
    if url.startswith("/") and not url.startswith("//") and "\\" not in url:
        return url
    parts = urlsplit(url)
    if parts.scheme in ("http", "https") and parts.netloc:
        return url
    return DEFAULT_EXIT_URL


@lru_cache
def _template(name: str) -> str:
    return (STATIC_DIR / name).read_text(encoding="utf-8")


def _render(name: str, **values: str) -> str:
    page = _template(name)
    for key, value in values.items():
        page = page.replace("{{" + key + "}}", html.escape(value, quote=True))
    return page


@router.get("/", response_class=HTMLResponse, summary="The web chat page")
def index(request: Request) -> HTMLResponse:
    settings = request.app.state.settings
    words = {key: say(f"web.{key}", "web") for key in PAGE_WORDS}
    page = _render(
        "index.html",
        council=settings.council_name,
        exit_url=safe_exit_url(settings.quick_exit_url),
        max_chars=str(settings.max_message_chars),
        **words,
    )
    return HTMLResponse(page, headers=PAGE_HEADERS)


@router.get("/weather", response_class=HTMLResponse, summary="Neutral page for the quick exit")
def weather() -> HTMLResponse:
    return HTMLResponse(_render("weather.html"), headers=PAGE_HEADERS)


@router.get("/static/{name}", summary="The web chat's script and styles")
def static(name: str) -> FileResponse:
    media_type = STATIC_FILES.get(name)
    if media_type is None:
        raise HTTPException(status_code=404, detail="Not found")
    return FileResponse(STATIC_DIR / name, media_type=media_type, headers=PAGE_HEADERS)


@router.get("/favicon.ico", include_in_schema=False)
def favicon() -> Response:
    """No icon (nothing memorable in the tab bar), and no 404 noise in the browser console."""
    return Response(status_code=204, headers=PAGE_HEADERS)
