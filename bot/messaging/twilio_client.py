"""The ``twilio`` REST client, optionally pointed at another base URL (a local stand-in in tests,
a regional edge or a proxy in production) by rewriting the ``https://*.twilio.com`` prefix."""

from __future__ import annotations

import logging
import re

from twilio.http.http_client import TwilioHttpClient
from twilio.http.response import Response
from twilio.rest import Client

from bot.settings import Settings

_TWILIO_HOST = re.compile(r"^https://[a-z0-9.-]+\.twilio\.com")
_quiet = logging.getLogger("tellonce.twilio_http")
_quiet.setLevel(logging.WARNING)  # the library logs URLs and headers at INFO


class RebasingHttpClient(TwilioHttpClient):
    """Sends every Twilio API request to ``base_url`` instead of api.twilio.com."""

    def __init__(self, base_url: str | None, timeout: float = 10.0) -> None:
        super().__init__(timeout=timeout, logger=_quiet)
        self.base_url = base_url.rstrip("/") if base_url else None

    def request(self, method: str, url: str, *args: object, **kwargs: object) -> Response:
        if self.base_url:
            url = _TWILIO_HOST.sub(self.base_url, url)
        return super().request(method, url, *args, **kwargs)


def make_client(settings: Settings, timeout: float = 10.0) -> Client:
    """A client for the configured account (raises if Twilio credentials are missing)."""
    if not settings.twilio_account_sid or not settings.twilio_auth_token:
        raise RuntimeError("TWILIO_ACCOUNT_SID and TWILIO_AUTH_TOKEN must be set to send messages")
    return Client(
        settings.twilio_account_sid,
        settings.twilio_auth_token,
        http_client=RebasingHttpClient(settings.twilio_api_base_url, timeout),
    )
