"""What a resident adds after their report: diary entries, feedback, and the guard on coming
back (failed checks per case and per sender, for the rate limit and cool-down)."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import JSON, Date, ForeignKey, Index, Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from bot.models.types import Base, EncryptedText, utcnow


class DiaryEntry(Base):
    """One more incident added to a case ("it happened again"), read like a first account."""

    __tablename__ = "diary_entries"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id", ondelete="CASCADE"), index=True)
    occurred_on: Mapped[date | None] = mapped_column(Date)
    summary: Mapped[str | None] = mapped_column(EncryptedText)  # the read-back they confirmed
    account: Mapped[str | None] = mapped_column(EncryptedText)  # their own words
    location_text: Mapped[str | None] = mapped_column(EncryptedText)
    incident_types: Mapped[list[str]] = mapped_column(JSON, default=list, nullable=True)
    channel: Mapped[str] = mapped_column(String(16), default="web")
    added_at: Mapped[datetime] = mapped_column(default=utcnow)


class Feedback(Base):
    """A resident's rating of the service (1-5) and why, at the end of a report or a case."""

    __tablename__ = "feedback"
    __table_args__ = (Index("ix_feedback_created", "created_at", "channel"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    case_id: Mapped[int | None] = mapped_column(ForeignKey("cases.id", ondelete="SET NULL"),
                                                index=True)
    stage: Mapped[str] = mapped_column(String(16), default="report")  # report | closure
    rating: Mapped[int | None] = mapped_column(Integer)
    comment: Mapped[str | None] = mapped_column(EncryptedText)
    channel: Mapped[str] = mapped_column(String(16), default="web")
    created_at: Mapped[datetime] = mapped_column(default=utcnow)


class ReturnGuard(Base):
    """Failed checks of a reference and secret, per case or per sender (keyed hashes only)."""

    __tablename__ = "return_guards"

    key: Mapped[str] = mapped_column(String(96), primary_key=True)
    failures: Mapped[int] = mapped_column(Integer, default=0)
    window_start: Mapped[datetime] = mapped_column(default=utcnow)
    locked_until: Mapped[datetime | None] = mapped_column()
