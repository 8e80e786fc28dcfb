"""Headers every answer of the gateway gets, in one place (an ASGI middleware, no ritual per
route): ``Strict-Transport-Security`` when the request came over HTTPS, and ``Cache-Control:
no-store`` on everything under ``/api/`` (case JSON, queues, messages: personal data that no
browser or proxy may keep). Routes that set their own Cache-Control keep it."""

from __future__ import annotations

from starlette.datastructures import Headers, MutableHeaders
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from bot.settings import Settings

NO_STORE_PREFIXES = ("/api/",)


def is_https(scope: Scope, settings: Settings) -> bool:
    """Served over HTTPS: the connection's scheme, or ``X-Forwarded-Proto`` when the proxy in
    front is trusted (TRUST_FORWARDED_HEADERS; uvicorn also applies it for its
    FORWARDED_ALLOW_IPS)."""
    if scope.get("scheme") == "https":
        return True
    if settings.trust_forwarded_headers:
        proto = Headers(scope=scope).get("x-forwarded-proto", "")
        return proto.split(",")[0].strip().lower() == "https"
    return False


class SecurityHeaders:
    def __init__(self, app: ASGIApp, settings: Settings) -> None:
        self.app = app
        self.settings = settings
        self.hsts = f"max-age={settings.hsts_max_age_seconds}; includeSubDomains"

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        hsts = self.settings.hsts_max_age_seconds > 0 and is_https(scope, self.settings)
        no_store = scope.get("path", "").startswith(NO_STORE_PREFIXES)

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = MutableHeaders(scope=message)
                if hsts:
                    headers["Strict-Transport-Security"] = self.hsts
                if no_store and "cache-control" not in headers:
                    headers["Cache-Control"] = "no-store"
                    headers["Pragma"] = "no-cache"
            await send(message)

        await self.app(scope, receive, send_with_headers)
