"""One conversational turn, whatever the channel (web chat, SMS, WhatsApp).

Guards Rasa from its own syntax (free text never becomes an intent; a button payload counts
only if the bot offered it last turn), routes danger-now and stop words deterministically, and
turns Rasa's REST output into messages plus ``expects`` (what the bot is asking for).
"""

from __future__ import annotations

import json
import logging
import re
import unicodedata
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Any

from anyio import to_thread
from sqlalchemy import select
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session, sessionmaker

from api.abuse import Guard, could_send_report
from api.degraded import ActionServerWatch, StateUnavailable
from api.rasa_client import ActionsUnavailable, RasaClient
from bot.extraction import detect_danger
from bot.models import Case, ChatSession, utcnow
from bot.return_form.answers import find_reference

log = logging.getLogger("tellonce.conversation")
STOP_WORDS = {"stop", "cancel", "exit", "quit", "end", "stop please", "cancel report"}
EXPECT_KINDS = ("text", "date", "location", "choice", "yes_no", "none")
# C0/C1 controls except tab and newlines, and lone UTF-16 surrogates (JSON can smuggle them in
# as "\ud800"; they cannot be encoded to UTF-8 and would crash the call to Rasa).
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff]")
# Rasa strips the text it receives, then reads a leading "/" as intent syntax: so strip every
# leading run of whitespace and slashes, not just the slashes.
_INTENT_PREFIX = re.compile(r"^[\s/]+")


class ReportLimitReached(Exception):
    """This turn could send a report, and its origin has sent as many as allowed this hour;
    nothing was sent to Rasa (the answers so far stay where they are)."""

    def __init__(self, retry_after: int) -> None:
        super().__init__(retry_after)
        self.retry_after = retry_after


@dataclass
class Button:
    title: str
    payload: str


@dataclass
class OutMessage:
    text: str
    buttons: list[Button] = field(default_factory=list)
    alert: bool = False  # danger now: the page announces it at once (role=alert)


@dataclass
class Expects:
    slot: str | None = None
    kind: str = "text"


@dataclass
class Turn:
    messages: list[OutMessage]
    expects: Expects
    ended: bool = False


def clean_text(text: str) -> str:
    """NFC-normalise, drop control characters and lone surrogates, trim.

    Emoji, right-to-left text and markup pass untouched: the page renders text, never HTML.
    """
    return _CONTROL.sub("", unicodedata.normalize("NFC", text)).strip()


def to_rasa_message(text: str, offered: list[str], asking: str | None = "") -> str:
    """What Rasa receives for the resident's text (``text`` already passed through clean_text).

    Only a payload the bot offered in its last turn may reach Rasa as intent syntax; stop words
    and danger-now become fixed intents; a case reference typed when no question is being asked
    (``asking`` is None) means they are coming back; all other text loses any leading ``/``.
    """
    if text in offered:
        return text  # a button the bot just offered
    free = _INTENT_PREFIX.sub("", text).strip()
    if free.lower().strip(" .!") in STOP_WORDS:
        return "/stop"
    if detect_danger(text):
        return "/danger_now" + json.dumps({"said": text[:2000]}, ensure_ascii=True)
    reference = find_reference(free) if asking is None else None
    if reference and len(free.split()) <= 12:
        return "/come_back" + json.dumps({"reference": reference})
    # Anything else is free text: never let it start with Rasa's intent prefix.
    return free or "…"


def _expects_from(custom: dict[str, Any]) -> Expects:
    """Read ``{"expects": {...}}`` defensively: an unknown kind falls back to free text."""
    raw = custom["expects"]
    slot = raw.get("slot")
    kind = raw.get("kind", "text")
    return Expects(
        slot=slot if isinstance(slot, str) and slot else None,
        kind=kind if kind in EXPECT_KINDS else "text",
    )


def parse_rasa_output(raw: list[dict[str, Any]]) -> Turn:
    """Rasa REST-channel output → messages, what the bot now asks for, and whether it ended."""
    messages: list[OutMessage] = []
    expects = Expects(slot=None, kind="text")
    ended = False
    for item in raw:
        if not isinstance(item, dict):
            continue
        custom = item.get("custom")
        if isinstance(custom, dict):
            if isinstance(custom.get("expects"), dict):
                expects = _expects_from(custom)
            ended = ended or bool(custom.get("ended"))
            if custom.get("alert") is True and messages:  # it follows the text it marks
                messages[-1].alert = True
        if isinstance(item.get("text"), str) and item["text"]:
            buttons = [
                Button(title=str(b.get("title", "")), payload=str(b.get("payload", "")))
                for b in item.get("buttons") or []
                if isinstance(b, dict) and b.get("payload")
            ]
            messages.append(OutMessage(text=item["text"], buttons=buttons))
    if ended:
        expects = Expects(slot=None, kind="none")
    elif expects.slot is None and any(m.buttons for m in messages):
        expects = Expects(slot=None, kind="choice")
    return Turn(messages=messages, expects=expects, ended=ended)


class Conversations:
    """Channel-agnostic turn handling shared by /chat and the Twilio webhooks."""

    def __init__(self, rasa: RasaClient, sessions: sessionmaker[Session],
                 actions: ActionServerWatch | None = None, guard: Guard | None = None) -> None:
        self.rasa = rasa
        self.sessions = sessions
        self.actions = actions
        self.guard = guard

    def _load_state(self, conversation_id: str) -> tuple[list[str], str | None]:
        """The payloads offered last turn, and the slot being asked (None: no question)."""
        with self.sessions() as db:
            row = db.get(ChatSession, conversation_id)
            if row is None:
                return [], None
            return list(row.offered_payloads or []), row.expects_slot

    def _rewrite(self, conversation_id: str, text: str) -> tuple[str, str | None]:
        """Database read and danger detection, kept off the event loop together; returns what
        Rasa receives and the slot being asked."""
        offered, asking = self._load_state(conversation_id)
        return to_rasa_message(text, offered, asking), asking

    def _wrote_case(self, conversation_id: str, since: datetime) -> bool:
        with self.sessions() as db:
            return db.scalar(select(Case.id).where(Case.conversation_id == conversation_id,
                                                   Case.created_at >= since).limit(1)) is not None

    def _save_state(self, conversation_id: str, channel: str, turn: Turn) -> None:
        with self.sessions() as db, db.begin():
            row = db.get(ChatSession, conversation_id)
            if row is None:
                row = ChatSession(conversation_id=conversation_id, channel=channel)
                db.add(row)
            row.offered_payloads = [b.payload for m in turn.messages for b in m.buttons]
            row.expects_slot = turn.expects.slot
            row.last_inbound_at = datetime.now(UTC)

    async def turn(
        self, conversation_id: str, channel: str, text: str, extra_metadata: dict | None = None,
        origin: str | None = None,
    ) -> Turn:
        """One turn. ``origin`` names whose reports are counted (api/abuse.py): a turn that
        could send a report is held once it has sent as many as allowed this hour."""
        text = clean_text(text)
        try:
            message, asking = await to_thread.run_sync(self._rewrite, conversation_id, text)
        except SQLAlchemyError as exc:  # nothing reached Rasa: the resident can send it again
            raise StateUnavailable(type(exc).__name__) from exc
        counted = self.guard is not None and origin is not None and \
            could_send_report(message, asking)
        if counted and (wait := await self.guard.report_hold(origin)) is not None:
            raise ReportLimitReached(wait)
        started = utcnow() - timedelta(seconds=1)  # another process stamps the case
        turn = await self._send(conversation_id, channel, message, extra_metadata)
        if counted:
            try:
                wrote = await to_thread.run_sync(self._wrote_case, conversation_id, started)
            except SQLAlchemyError:
                wrote = True  # unknown: count it (a limit errs on the side of the limit)
            if wrote:
                await self.guard.reported(origin)
        return turn

    async def command(
        self, conversation_id: str, channel: str, payload: str, extra_metadata: dict | None = None
    ) -> Turn:
        """A fixed intent the gateway itself decides on (never resident text), e.g. ending a
        report when the number opts out."""
        return await self._send(conversation_id, channel, payload, extra_metadata)

    async def _send(
        self, conversation_id: str, channel: str, message: str, extra_metadata: dict | None
    ) -> Turn:
        if self.actions is not None and await self.actions.known_down():
            raise ActionsUnavailable("action server down")  # Rasa is not even asked
        metadata = {"channel": channel, "now": datetime.now(UTC).isoformat()}
        metadata.update(extra_metadata or {})
        raw = await self.rasa.send(conversation_id, message, metadata)
        turn = parse_rasa_output(raw)
        # An empty turn is what Rasa answers when its actions are unreachable: the state saved
        # last turn (offered buttons, the question asked) stays, so the retry is read the same.
        if not turn.messages and self.actions is not None and not await self.actions.check():
            raise ActionsUnavailable("action server down")
        try:
            await to_thread.run_sync(self._save_state, conversation_id, channel, turn)
        except SQLAlchemyError as exc:
            # Rasa has acted on the message: answering "send it again" would make it act twice.
            # The reply still goes out; only next turn's button check is weaker.
            log.error("chat state not saved error=%s", type(exc).__name__)
        return turn
