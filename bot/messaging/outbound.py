"""Compose and send one outbound message through Twilio's REST API, and classify what went wrong.

Pure of database work: the worker (bot/messaging/worker.py) claims rows, calls ``send`` outside
any transaction, and records the ``SendResult``. Twilio's own error texts can contain the
number, so only the error code and our own description are ever stored or logged.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from twilio.base.exceptions import TwilioException, TwilioRestException
from twilio.rest import Client

from bot.messaging.gsm7 import to_gsm7
from bot.messaging.optout import normalise_number
from bot.messaging.render import split_body
from bot.settings import Settings

OPTED_OUT_CODE = 21610
ERROR_TEXT = {
    21211: "the number is not a valid phone number",
    21408: "sending to this country is not enabled",
    21610: "the resident has opted out (replied STOP)",
    21612: "this number cannot be reached from the council's number",
    21614: "the number is not a mobile number",
    63016: "outside the WhatsApp 24-hour window: a template is needed",
    63003: "the WhatsApp number is not valid",
    30003: "the phone is unreachable or switched off",
    30004: "the message was blocked by the recipient",
    30005: "unknown or inactive number",
    30006: "landline or unreachable carrier",
    30007: "filtered by the carrier",
    30008: "unknown delivery error",
}


def describe(code: int | None, fallback: str) -> str:
    """``"21610: the resident has opted out (replied STOP)"`` (never Twilio's own message text)."""
    if code is None:
        return fallback[:255]
    return f"{code}: {ERROR_TEXT.get(code, fallback)}"[:255]


@dataclass
class SendResult:
    """What happened to one send attempt."""

    outcome: str  # sent | retry | failed | opted_out
    provider_sid: str | None = None
    provider_status: str | None = None
    error: str | None = None
    sent_as: str | None = None  # text | template


def neutral_body(body: str, settings: Settings) -> str:
    """Prefix the neutral first line (a lock-screen preview must not reveal what this is about)."""
    first = settings.outbound_first_line.format(council_name=settings.council_name)
    body = body.strip()
    return body if body.startswith(first) else f"{first}\n{body}"


def content_variables(settings: Settings, reference: str | None) -> str:
    """The template's variables from settings, with ``{council_name}``/``{reference}`` filled in."""
    try:
        raw: dict[str, Any] = json.loads(settings.twilio_whatsapp_content_variables or "{}")
    except json.JSONDecodeError:
        raw = {}
    values = {"council_name": settings.council_name, "reference": reference or ""}
    filled = {k: str(v).format_map(_Missing(values)) for k, v in raw.items()}
    return json.dumps(filled)


class _Missing(dict):
    def __missing__(self, key: str) -> str:
        return "{" + key + "}"


def _addresses(channel: str, to: str, settings: Settings) -> tuple[dict[str, str], str]:
    number = normalise_number(to)
    if channel == "whatsapp":
        sender = settings.twilio_whatsapp_sender
        sender = sender if sender.startswith("whatsapp:") else f"whatsapp:{sender}"
        return {"from_": sender}, f"whatsapp:{number}"
    if settings.twilio_sms_number.startswith("MG"):  # a Messaging Service SID
        return {"messaging_service_sid": settings.twilio_sms_number}, number
    return {"from_": settings.twilio_sms_number}, number


def send(
    client: Client,
    settings: Settings,
    *,
    channel: str,
    to: str,
    body: str,
    in_window: bool = True,
    reference: str | None = None,
    callback_ref: str | None = None,
) -> SendResult:
    """One attempt. SMS bodies are GSM-7 and split past 1,600 characters (first part's sid kept);
    WhatsApp outside the 24-hour window sends the approved template instead of free text."""
    sender, to_address = _addresses(channel, to, settings)
    callback = settings.public_base_url.rstrip("/") + "/twilio/status"
    if callback_ref:  # "<row id>.<attempt>": records the send even if the worker dies now
        callback += f"?outbox={callback_ref}"
    try:
        if channel == "whatsapp" and not in_window:
            if not settings.twilio_whatsapp_content_sid:
                return SendResult("held", error=describe(63016, ""), sent_as=None)
            msg = client.messages.create(
                to=to_address,
                content_sid=settings.twilio_whatsapp_content_sid,
                content_variables=content_variables(settings, reference),
                status_callback=callback,
                **sender,
            )
            return SendResult("sent", msg.sid, msg.status, sent_as="template")
        text = neutral_body(body, settings)
        parts = split_body(to_gsm7(text) if channel == "sms" else text)
        first = None
        for part in parts:
            msg = client.messages.create(
                to=to_address, body=part, status_callback=callback, **sender
            )
            first = first or msg
        assert first is not None
        return SendResult("sent", first.sid, first.status, sent_as="text")
    except TwilioRestException as exc:
        return classify(exc)
    except (TwilioException, OSError) as exc:  # network trouble: try again later
        return SendResult("retry", error=describe(None, f"network error ({type(exc).__name__})"))


def classify(exc: TwilioRestException) -> SendResult:
    """Opted out and other 4xx are final; 429 and 5xx are worth retrying."""
    code = exc.code if isinstance(exc.code, int) else None
    if code == OPTED_OUT_CODE:
        return SendResult("opted_out", error=describe(code, ""))
    if exc.status == 429 or exc.status >= 500:
        return SendResult("retry", error=describe(code, f"Twilio answered {exc.status}"))
    return SendResult("failed", error=describe(code, f"rejected by Twilio ({exc.status})"))
