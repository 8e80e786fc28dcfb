"""Twilio request signatures: the only thing between a public webhook and the conversation.

The URL signed by Twilio is the public one (PUBLIC_BASE_URL + path), not what the app sees
behind a proxy; ``X-Forwarded-*`` headers are believed only when TRUST_FORWARDED_HEADERS is set,
because anyone can send them.
"""

from __future__ import annotations

from collections.abc import Mapping

from starlette.requests import Request
from twilio.request_validator import RequestValidator

from bot.settings import Settings


def public_url(request: Request, settings: Settings) -> str:
    """The URL Twilio called, as it signed it."""
    path = request.url.path
    query = f"?{request.url.query}" if request.url.query else ""
    if settings.trust_forwarded_headers:
        proto = request.headers.get("x-forwarded-proto", request.url.scheme).split(",")[0].strip()
        host = request.headers.get("x-forwarded-host") or request.headers.get("host", "")
        return f"{proto}://{host.split(',')[0].strip()}{path}{query}"
    return settings.public_base_url.rstrip("/") + path + query


def is_valid(request: Request, params: Mapping[str, object], settings: Settings) -> bool:
    """True only for a present, correct ``X-Twilio-Signature`` (and a configured auth token)."""
    signature = request.headers.get("x-twilio-signature", "")
    if not signature or not settings.twilio_auth_token:
        return False
    validator = RequestValidator(settings.twilio_auth_token)
    return validator.validate(public_url(request, settings), params, signature)
