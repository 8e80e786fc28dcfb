"""Synchronous database steps of the Twilio webhook, run in worker threads (anyio.to_thread)."""

from __future__ import annotations

from sqlalchemy.orm import Session, sessionmaker

from bot.messaging import optout
from bot.messaging.contact import fill_this_number
from bot.messaging.worker import release_held
from bot.models import ChatSession, utcnow


def offered_payloads(sessions: sessionmaker[Session], conversation_id: str) -> list[str]:
    with sessions() as db:
        row = db.get(ChatSession, conversation_id)
        return list(row.offered_payloads or []) if row else []


def is_opted_out(sessions: sessionmaker[Session], number: str) -> bool:
    with sessions() as db:
        return optout.is_opted_out(db, number)


def set_opted_out(sessions: sessionmaker[Session], number: str, value: bool) -> None:
    with sessions() as db, db.begin():
        optout.set_opted_out(db, number, value)


def touch(sessions: sessionmaker[Session], conversation_id: str, channel: str,
          number: str) -> None:
    """The resident wrote (e.g. a photo only): their WhatsApp 24-hour window is open."""
    with sessions() as db, db.begin():
        row = db.get(ChatSession, conversation_id)
        if row is None:
            row = ChatSession(conversation_id=conversation_id, channel=channel, offered_payloads=[])
            db.add(row)
        row.last_inbound_at = utcnow()
        if channel == "whatsapp":
            release_held(db, number)


def after_turn(sessions: sessionmaker[Session], conversation_id: str, channel: str,
               number: str) -> None:
    """Fill "this number" into a just-created case (if agreed) and release held WhatsApp
    messages now the window is open."""
    with sessions() as db, db.begin():
        fill_this_number(db, conversation_id, number)
        if channel == "whatsapp":
            release_held(db, number)
