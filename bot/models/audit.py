"""The append-only audit log, on its own metadata."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import (
    JSON,
    Integer,
    String,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

from bot.models.types import Base, utcnow


class AuditBase(DeclarativeBase):
    """Separate metadata for the audit log, so nothing that wipes or rewrites the domain tables
    (``Base.metadata``: test clean-up, retention, erasure) touches it. Database triggers reject
    UPDATE and DELETE on ``audit_events`` (migration 0002)."""

    type_annotation_map = Base.type_annotation_map


class AuditEvent(AuditBase):
    """Append-only: who read or changed which case, when, and what changed (no sensitive values)."""

    __tablename__ = "audit_events"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    at: Mapped[datetime] = mapped_column(default=utcnow, index=True)
    officer_username: Mapped[str | None] = mapped_column(String(64), index=True)
    case_reference: Mapped[str | None] = mapped_column(String(24), index=True)
    action: Mapped[str] = mapped_column(String(48))
    changes: Mapped[dict[str, Any] | None] = mapped_column(JSON)
