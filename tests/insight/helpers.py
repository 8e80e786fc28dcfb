"""Cases with chosen creation times, for statistics tests."""

from __future__ import annotations

import uuid
from datetime import UTC, date, datetime

from sqlalchemy.orm import Session

from bot.models import Case


def add_case(db: Session, day: date, strands: list[str] | None = None,
             incident_types: list[str] | None = None, ward: str | None = None,
             channel: str = "web") -> Case:
    """One case created at noon UTC on ``day`` (through the ORM, so side tables follow)."""
    case = Case(
        reference=f"T-{uuid.uuid4().hex[:12]}",
        created_at=datetime(day.year, day.month, day.day, 12, tzinfo=UTC),
        strands=strands or [],
        incident_types=incident_types or [],
        location_ward=ward,
        channel=channel,
    )
    db.add(case)
    db.flush()
    return case
