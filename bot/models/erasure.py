"""Erasure requests: one supervisor asks, with a reason, and a different supervisor approves
before a case's personal data is erased (bot/erasure.py)."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import ForeignKey, Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from bot.models.types import Base, EncryptedText, utcnow


class ErasureRequest(Base):
    __tablename__ = "erasure_requests"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id", ondelete="CASCADE"), index=True)
    # pending -> approved (the case was erased) | withdrawn
    status: Mapped[str] = mapped_column(String(16), default="pending")
    # The reason may name the resident or quote their request: encrypted like case text.
    reason: Mapped[str] = mapped_column(EncryptedText)
    requested_by_id: Mapped[int] = mapped_column(ForeignKey("officers.id"))
    requested_at: Mapped[datetime] = mapped_column(default=utcnow)
    decided_by_id: Mapped[int | None] = mapped_column(ForeignKey("officers.id"))
    decided_at: Mapped[datetime | None] = mapped_column()
