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
from bot.casework.insight import read_audit as audit_rows

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
    rows = audit_rows(session, supervisor, case=case, who=officer, start=as_utc(start),
                      end=as_utc(end), after_id=after_id, limit=limit + 1)
    page = rows[:limit]
    return {
        "items": [{"id": e.id, "at": e.at, "officer": e.officer_username,
                   "case": e.case_reference, "action": e.action, "changes": e.changes}
                  for e in page],
        "next_cursor": str(page[-1].id) if len(rows) > limit else None,
    }
