"""POST /chat: the web chat relay.

The body is read and checked by hand (not by FastAPI's model binding) so every refusal carries a
specific, kind reason and a stable code: wrong content type 415, oversized body 413 (refused
before it is all read), malformed JSON 400, bad sender / empty or over-long message 422, Rasa
unreachable 503. Resident text is never logged.
"""

from __future__ import annotations

import json
import logging
import re
from dataclasses import asdict
from typing import Any, Literal

from fastapi import APIRouter, Request
from fastapi.responses import JSONResponse
from pydantic import BaseModel, Field

from api.degraded import Unavailable, trouble_text
from api.errors import ApiError, error_doc
from api.turns import ReportLimitReached, clean_text
from api.web import API_HEADERS
from bot.crypto import pseudonym
from bot.wording import say

router = APIRouter(tags=["chat"])
logger = logging.getLogger(__name__)

MAX_BODY_BYTES = 100_000
SENDER_PATTERN = r"^[A-Za-z0-9_-]{1,64}$"
_SENDER = re.compile(r"[A-Za-z0-9_-]{1,64}")
# At least one character that survives clean_text (not whitespace, not a control character).
VISIBLE = r"[^\s\x00-\x1f\x7f-\x9f]"

Kind = Literal["text", "date", "location", "choice", "yes_no", "none"]


class ChatRequest(BaseModel):
    """One message typed (or one button chosen) by the resident."""

    sender: str = Field(
        pattern=SENDER_PATTERN,
        description="A random id the page makes per load; 1-64 of A-Z a-z 0-9 _ -.",
        examples=["k3J9x_2a-77"],
    )
    message: str = Field(
        min_length=1,
        max_length=2000,
        pattern=VISIBLE,
        description="What the resident typed, or the payload of a button the bot just offered.",
        examples=["Someone shouted abuse at me on the bus yesterday"],
    )


class ButtonOut(BaseModel):
    title: str
    payload: str = Field(description="Send this back as `message` to choose the button.")


class MessageOut(BaseModel):
    text: str
    buttons: list[ButtonOut] = Field(default_factory=list)
    alert: bool = Field(
        False, description="Danger now: announce at once (the page renders it as role=alert)."
    )


class ExpectsOut(BaseModel):
    slot: str | None = Field(description="The form slot now being asked for, or null.")
    kind: Kind = Field(description="What kind of answer the page should offer an input for.")


class ChatResponse(BaseModel):
    sender: str
    messages: list[MessageOut]
    expects: ExpectsOut
    ended: bool = Field(False, description="True when the conversation is over.")


def web_conversation_id(sender: str) -> str:
    """The id Rasa sees for a web sender: keyed pseudonym, never the page's own id."""
    return "w-" + pseudonym(sender, "web")


async def _read_body(request: Request) -> bytes:
    """The raw body, refusing anything over MAX_BODY_BYTES before reading it all."""
    declared = request.headers.get("content-length")
    if declared is not None:
        if not declared.isdigit():
            raise ApiError(400, "bad_content_length", "The Content-Length header is not a number.")
        if int(declared) > MAX_BODY_BYTES:
            raise _too_large()
    body = bytearray()
    async for chunk in request.stream():
        body += chunk
        if len(body) > MAX_BODY_BYTES:
            raise _too_large()
    return bytes(body)


def _too_large() -> ApiError:
    return ApiError(413, "body_too_large", f"The request body is over {MAX_BODY_BYTES} bytes.")


def _check_content_type(request: Request) -> None:
    media_type = request.headers.get("content-type", "").split(";")[0].strip().lower()
    if media_type != "application/json":
        raise ApiError(415, "unsupported_media_type", "Send the message as application/json.")


def _parse(body: bytes, max_chars: int) -> tuple[str, str]:
    """Validate the JSON body; return (sender, cleaned message)."""
    try:
        data: Any = json.loads(body)
    except (ValueError, RecursionError) as exc:
        raise ApiError(400, "malformed_json", "The request body is not valid JSON.") from exc
    if not isinstance(data, dict):
        raise ApiError(400, "malformed_json", "The request body must be a JSON object.")
    sender = data.get("sender")
    if not isinstance(sender, str) or not _SENDER.fullmatch(sender):
        raise ApiError(
            422,
            "invalid_sender",
            "sender must be 1 to 64 characters of letters, digits, '_' or '-'.",
        )
    message = data.get("message")
    if not isinstance(message, str):
        raise ApiError(422, "invalid_message", "message must be text.")
    if len(message) > max_chars:
        raise ApiError(
            422,
            "message_too_long",
            f"That message is {len(message):,} characters; the limit is {max_chars:,}. "
            "Please send it in shorter parts.",
        )
    cleaned = clean_text(message)
    if not cleaned:
        raise ApiError(422, "empty_message", "The message is empty. Please type something to send.")
    return sender, cleaned


@router.post(
    "/chat",
    summary="Send one web chat message and get the assistant's replies",
    response_model=ChatResponse,
    openapi_extra={
        "requestBody": {
            "required": True,
            "content": {"application/json": {"schema": ChatRequest.model_json_schema()}},
        }
    },
    responses={
        400: error_doc(
            "The body is not a JSON object.",
            ("malformed_json", "The request body is not valid JSON."),
        ),
        413: error_doc(
            f"The body is over {MAX_BODY_BYTES} bytes.",
            ("body_too_large", f"The request body is over {MAX_BODY_BYTES} bytes."),
        ),
        415: error_doc(
            "The body is not application/json.",
            ("unsupported_media_type", "Send the message as application/json."),
        ),
        429: error_doc(
            "An abuse limit (docs/security.md): too many messages from this sender or client "
            "address in a minute, or too many reports from this client address in an hour. "
            "`Retry-After` says when to try again; the answers so far are kept.",
            ("too_many_messages", "That's a lot of messages in a short time, so I've paused "
             "for a moment. Your answers so far are kept: please wait a minute, ..."),
            ("too_many_reports", "Many reports have been sent from this connection in the "
             "last hour, so I can't send another one from it just now. ..."),
        ),
        422: error_doc(
            "A field is wrong: bad sender, message not text, empty, or over the limit.",
            ("invalid_sender", "sender must be 1 to 64 characters of letters, digits, '_' or '-'."),
            ("invalid_message", "message must be text."),
            ("empty_message", "The message is empty. Please type something to send."),
            ("message_too_long", "That message is 2,400 characters; the limit is 2,000."),
        ),
        503: error_doc(
            "The assistant (Rasa or its action server) is down; this message was not taken, "
            "the answers before it are kept. Send it again in a minute.",
            ("assistant_unavailable", "I'm having trouble right now, sorry. Your answers so far "
             "are kept: please send that again in a minute. If you are in danger now, call ..."),
        ),
    },
)
async def chat(request: Request) -> JSONResponse:
    """Relay one message to Rasa as the web channel and return what the bot says back."""
    settings = request.app.state.settings
    try:
        _check_content_type(request)
        body = await _read_body(request)
        sender, message = _parse(body, settings.max_message_chars)
        conversation = web_conversation_id(sender)
        guard = request.app.state.guard
        limited = await guard.message(request, "web", conversation)
        if limited is not None:
            logger.warning("chat message held: %s limit", limited.reason)
            raise ApiError(429, "too_many_messages", say("gateway.too_many_messages", "web"),
                           retry_after=limited.retry_after)
        try:
            turn = await request.app.state.conversations.turn(
                conversation, "web", message,
                origin=guard.report_origin(request, "web", conversation),
            )
        except ReportLimitReached as exc:
            logger.warning("chat report held: reports limit of the client address")
            raise ApiError(429, "too_many_reports", say("gateway.too_many_reports", "web"),
                           retry_after=exc.retry_after) from exc
        except Unavailable as exc:
            # The resident's answers so far are in Rasa's tracker store; this one was not
            # taken, so the page keeps it in the box to send again.
            logger.warning("chat relay failed: %s unavailable (%s)", exc.part, exc)
            raise ApiError(503, "assistant_unavailable", trouble_text()) from exc
        except Exception as exc:  # a bug must still not leave a frightened resident with a 500
            logger.error("chat turn failed part=gateway error=%s", type(exc).__name__)
            raise ApiError(503, "assistant_unavailable", trouble_text()) from exc
    except ApiError as err:
        return err.response(headers=API_HEADERS)
    logger.info(
        "chat turn channel=web messages=%d expects=%s ended=%s",
        len(turn.messages),
        turn.expects.kind,
        turn.ended,
    )
    payload = ChatResponse(
        sender=sender,
        messages=[MessageOut(**asdict(m)) for m in turn.messages],
        expects=ExpectsOut(**asdict(turn.expects)),
        ended=turn.ended,
    )
    return JSONResponse(payload.model_dump(), headers=API_HEADERS)
