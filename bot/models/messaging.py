"""Channel state: the outbox, webhook claims, opt-outs and chat sessions."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import (
    JSON,
    Boolean,
    ForeignKey,
    Integer,
    String,
)
from sqlalchemy.orm import Mapped, mapped_column

from bot.models.types import Base, EncryptedText, utcnow


class OutboundMessage(Base):
    """A message to a resident: the transactional outbox the sender worker drains."""

    __tablename__ = "outbound_messages"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    case_id: Mapped[int | None] = mapped_column(
        ForeignKey("cases.id", ondelete="CASCADE"), index=True
    )
    officer_id: Mapped[int | None] = mapped_column(ForeignKey("officers.id"))
    channel: Mapped[str] = mapped_column(String(16))
    # "resident" (from the case officer) or "duty" (an urgent-report note to the duty contact)
    purpose: Mapped[str] = mapped_column(String(16), default="resident")
    to: Mapped[str | None] = mapped_column(EncryptedText)
    body: Mapped[str | None] = mapped_column(EncryptedText)
    status: Mapped[str] = mapped_column(String(16), default="pending", index=True)
    provider_sid: Mapped[str | None] = mapped_column(String(64), unique=True)
    error: Mapped[str | None] = mapped_column(String(255))
    # Keyed hash of ``to`` (matchable, not readable) and how it went out: text | template.
    to_hash: Mapped[str | None] = mapped_column(String(80), index=True)
    sent_as: Mapped[str | None] = mapped_column(String(16))
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    next_attempt_at: Mapped[datetime | None] = mapped_column()
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow, onupdate=utcnow)


class InboundClaim(Base):
    """One row per provider message id, claimed before processing (dedupe of retries/replays)."""

    __tablename__ = "inbound_claims"

    message_sid: Mapped[str] = mapped_column(String(64), primary_key=True)
    claimed_at: Mapped[datetime] = mapped_column(default=utcnow)
    status: Mapped[str] = mapped_column(String(16), default="processing")
    response: Mapped[str | None] = mapped_column(EncryptedText)


class OptOut(Base):
    """Numbers (keyed hash) that replied STOP: never messaged again until START."""

    __tablename__ = "opt_outs"

    number_hash: Mapped[str] = mapped_column(String(80), primary_key=True)
    opted_out: Mapped[bool] = mapped_column(Boolean, default=True)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow, onupdate=utcnow)


class ChatSession(Base):
    """Per-conversation gateway state: offered button payloads and what is being asked."""

    __tablename__ = "chat_sessions"

    conversation_id: Mapped[str] = mapped_column(String(80), primary_key=True)
    channel: Mapped[str] = mapped_column(String(16), default="web")
    offered_payloads: Mapped[list[str]] = mapped_column(JSON, default=list)
    expects_slot: Mapped[str | None] = mapped_column(String(32))
    last_inbound_at: Mapped[datetime | None] = mapped_column()
    updated_at: Mapped[datetime] = mapped_column(default=utcnow, onupdate=utcnow)
