"""The queue and case reads: ``GET /api/v1/cases`` and ``GET /api/v1/cases/{reference}``."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Query

from api.deps import SessionDep
from api.officer.auth import CaseWorker
from api.officer.deps import CurrentCase
from api.officer.errors import invalid, responses
from api.officer.schemas import (
    TEXT_PATTERN,
    CaseList,
    CaseOut,
    IsoDateTime,
    RiskLevel,
    Status,
    as_utc,
)
from bot.casework import reads
from bot.casework.views import case_summary
from bot.queue import BadCursor, QueueFilters
from bot.taxonomy import INCIDENT_TYPES, STRANDS

router = APIRouter(tags=["cases"])


@router.get(
    "/cases",
    response_model=CaseList,
    summary="The case queue: highest risk first, then oldest; filtered; keyset-paginated",
    responses=responses(403),
)
def list_cases(
    session: SessionDep,
    officer: CaseWorker,
    status: Status | None = None,
    risk: RiskLevel | None = None,
    strand: Literal[STRANDS] | None = None,  # type: ignore[valid-type]
    incident_type: Literal[INCIDENT_TYPES] | None = None,  # type: ignore[valid-type]
    ward: Annotated[str | None, Query(max_length=64, pattern=TEXT_PATTERN)] = None,
    assigned: Annotated[
        str | None,
        Query(alias="officer", pattern=r"^(me|[A-Za-z0-9_.-]{3,64})$",
              description="Assigned officer's username, `me`, or `none` for unassigned"),
    ] = None,
    overdue: bool | None = None,
    created_from: Annotated[IsoDateTime | None, Query(alias="from",
                                                   description="Created at or after")] = None,
    created_to: Annotated[IsoDateTime | None,
                          Query(alias="to", description="Created before")] = None,
    cursor: Annotated[str | None, Query(max_length=200, pattern=r"^[A-Za-z0-9_-]+$",
                                        description="`next_cursor` of the previous page")] = None,
    limit: Annotated[int, Query(ge=1, le=100)] = 25,
    sort: Annotated[Literal["risk", "newest"], Query(
        description="`risk` (default): highest risk, then longest waiting; `newest`: latest first"
    )] = "risk",
) -> Any:
    """Officers see unassigned cases and their own; supervisors see every case."""
    filters = QueueFilters(
        status=status, risk=risk, strand=strand, incident_type=incident_type, ward=ward,
        officer_id=reads.assignee_filter(session, officer, assigned), overdue=overdue,
        created_from=as_utc(created_from), created_to=as_utc(created_to),
    )
    now = datetime.now(UTC)
    try:
        page, next_cursor = reads.list_queue(session, officer, filters, limit=limit,
                                             cursor=cursor, sort=sort, now=now)
    except BadCursor as exc:
        raise invalid(("query", "cursor"), str(exc), cursor) from None
    return {"items": [case_summary(c, now) for c in page], "next_cursor": next_cursor}


@router.get(
    "/cases/{reference}",
    response_model=CaseOut,
    summary="One case in full (the read is recorded in the audit log)",
    responses=responses(403, 404),
)
def read_case(case: CurrentCase, session: SessionDep, officer: CaseWorker) -> Any:
    return reads.read_case(session, officer, case)
