"""One conversational turn, whatever the channel (web chat, SMS, WhatsApp).

Guards Rasa from its own syntax (free text never becomes an intent; a button payload counts
only if the bot offered it last turn), routes danger-now and stop words deterministically, and
turns Rasa's REST output into messages plus ``expects`` (what the bot is asking for).
"""

from __future__ import annotations

import json
import re
import unicodedata
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from anyio import to_thread
from sqlalchemy.orm import Session, sessionmaker

from api.rasa_client import RasaClient
from bot.extraction import detect_danger
from bot.models import ChatSession

STOP_WORDS = {"stop", "cancel", "exit", "quit", "end", "stop please", "cancel report"}
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


@dataclass
class Button:
    title: str
    payload: str


@dataclass
class OutMessage:
    text: str
    buttons: list[Button] = field(default_factory=list)


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
    """NFC-normalise, drop control characters, trim. Emoji and RTL text pass untouched."""
    return _CONTROL.sub("", unicodedata.normalize("NFC", text)).strip()


def to_rasa_message(text: str, offered: list[str]) -> str:
    """What Rasa receives for the resident's text."""
    if text in offered:
        return text  # a button the bot just offered
    lowered = text.lower().strip(" .!")
    if lowered in STOP_WORDS:
        return "/stop"
    if detect_danger(text):
        return "/danger_now" + json.dumps({"said": text[:2000]}, ensure_ascii=True)
    # Anything else is free text: never let it start with Rasa's intent prefix.
    return text.lstrip("/").strip() or "…"


def parse_rasa_output(raw: list[dict[str, Any]]) -> Turn:
    messages: list[OutMessage] = []
    expects = Expects(slot=None, kind="text")
    ended = False
    for item in raw:
        custom = item.get("custom")
        if isinstance(custom, dict):
            if isinstance(custom.get("expects"), dict):
                expects = Expects(
                    slot=custom["expects"].get("slot"), kind=custom["expects"].get("kind", "text")
                )
            ended = ended or bool(custom.get("ended"))
        if item.get("text"):
            buttons = [
                Button(title=str(b.get("title", "")), payload=str(b.get("payload", "")))
                for b in item.get("buttons") or []
            ]
            messages.append(OutMessage(text=item["text"], buttons=buttons))
    if ended:
        expects = Expects(slot=None, kind="none")
    elif expects.slot is None and any(m.buttons for m in messages):
        expects = Expects(slot=None, kind="choice")
    return Turn(messages=messages, expects=expects, ended=ended)


class Conversations:
    """Channel-agnostic turn handling shared by /chat and the Twilio webhooks."""

    def __init__(self, rasa: RasaClient, sessions: sessionmaker[Session]) -> None:
        self.rasa = rasa
        self.sessions = sessions

    def _load_offered(self, conversation_id: str) -> list[str]:
        with self.sessions() as db:
            row = db.get(ChatSession, conversation_id)
            return list(row.offered_payloads or []) if row else []

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
        self, conversation_id: str, channel: str, text: str, extra_metadata: dict | None = None
    ) -> Turn:
        text = clean_text(text)
        offered = await to_thread.run_sync(self._load_offered, conversation_id)
        message = to_rasa_message(text, offered)
        metadata = {"channel": channel, "now": datetime.now(UTC).isoformat()}
        metadata.update(extra_metadata or {})
        raw = await self.rasa.send(conversation_id, message, metadata)
        turn = parse_rasa_output(raw)
        await to_thread.run_sync(self._save_state, conversation_id, channel, turn)
        return turn
