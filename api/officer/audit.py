"""``GET /api/v1/audit``: the audit log for supervisors (reading it is itself audited)."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated, Any

from fastapi import APIRouter, Query
from pydantic import BaseModel

from api.deps import SessionDep
from api.officer.auth import Supervisor
from api.officer.errors import responses
from api.officer.schemas import REFERENCE_PATTERN, USERNAME_PATTERN, IsoDateTime, as_utc
from bot import audit

router = APIRouter(tags=["audit"])


class AuditEventOut(BaseModel):
    id: int
    at: datetime
    officer: str | None
    case: str | None
    action: str
    changes: dict[str, Any] | None


class AuditList(BaseModel):
    items: list[AuditEventOut]
    next_cursor: str | None


@router.get(
    "/audit",
    response_model=AuditList,
    summary="Who read or changed which case, when, and what changed (oldest first)",
    responses=responses(403),
)
def read_audit(
    session: SessionDep,
    supervisor: Supervisor,
    case: Annotated[str | None, Query(pattern=REFERENCE_PATTERN,
                                      description="Case reference")] = None,
    officer: Annotated[str | None, Query(pattern=USERNAME_PATTERN, description="Username")] = None,
    start: Annotated[IsoDateTime | None, Query(alias="from")] = None,
    end: Annotated[IsoDateTime | None, Query(alias="to", description="Before this time")] = None,
    cursor: Annotated[str | None, Query(pattern=r"^[0-9]{1,10}$",
                                        description="`next_cursor` of the previous page")] = None,
    limit: Annotated[int, Query(ge=1, le=500)] = 100,
) -> Any:
    after_id = min(int(cursor), 2**31 - 1) if cursor else None
    rows = audit.query(session, case, officer, as_utc(start), as_utc(end), after_id, limit + 1)
    page = rows[:limit]
    audit.record(session, supervisor.username, "audit.read", None,
                 {"case": case, "officer": officer,
                  "from": start.isoformat() if start else None,
                  "to": end.isoformat() if end else None})
    session.commit()
    return {
        "items": [{"id": e.id, "at": e.at, "officer": e.officer_username,
                   "case": e.case_reference, "action": e.action, "changes": e.changes}
                  for e in page],
        "next_cursor": str(page[-1].id) if len(rows) > limit else None,
    }
