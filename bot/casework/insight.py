"""Supervisors' views across cases: trend figures and the audit log (each read audited)."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from sqlalchemy.orm import Session

from bot import audit, stats
from bot.casework.access import require_role
from bot.models import AuditEvent, Officer
from bot.settings import Settings


def read_stats(session: Session, settings: Settings, officer: Officer, group_by: str,
               start: date | None = None, end: date | None = None) -> dict[str, Any]:
    """``bot.stats.compute`` for supervisors, recorded as stats.read."""
    require_role(officer, "supervisor")
    result = stats.compute(session, settings, group_by, start, end)
    audit.record(session, officer.username, "stats.read",
                 changes={"group_by": group_by, "from": result["from"], "to": result["to"]})
    session.commit()
    return result


def read_trends(session: Session, settings: Settings, officer: Officer, groups: tuple[str, ...],
                start: date | None = None, end: date | None = None) -> dict[str, dict[str, Any]]:
    """Several ``compute`` answers for one page (e.g. strand, ward, month), one stats.read."""
    require_role(officer, "supervisor")
    results = {g: stats.compute(session, settings, g, start, end) for g in groups}
    first = next(iter(results.values()))
    audit.record(session, officer.username, "stats.read",
                 changes={"group_by": ",".join(groups), "from": first["from"], "to": first["to"]})
    session.commit()
    return results


def read_audit(session: Session, officer: Officer, *, case: str | None = None,
               who: str | None = None, start: datetime | None = None,
               end: datetime | None = None, after_id: int | None = None,
               before_id: int | None = None, newest_first: bool = False,
               limit: int = 100) -> list[AuditEvent]:
    """Audit events matching the filters (``limit`` of them), the read itself recorded as
    audit.read. Oldest first by default (the API); ``newest_first`` pages backwards."""
    require_role(officer, "supervisor")
    rows = audit.query(session, case, who, start, end, after_id, limit,
                       before_id=before_id, newest_first=newest_first)
    audit.record(session, officer.username, "audit.read", None,
                 {"case": case, "officer": who,
                  "from": start.isoformat() if start else None,
                  "to": end.isoformat() if end else None})
    session.commit()
    return rows
