"""Erasure of a resident's personal data, with four eyes (``bot.casework.erasure``):
``POST /api/v1/cases/{ref}/erasure`` (a supervisor, with a reason), then
``DELETE /api/v1/cases/{ref}`` by a different supervisor, which erases at once. Both are
refused while the case is on legal hold (open with a police or CMARAC referral).

The case row stays, emptied of personal data, so the reference resolves and statistics still
add up (``bot.retention.erase_case``).
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from fastapi import APIRouter
from pydantic import BaseModel, Field

from api.deps import SessionDep, SettingsDep
from api.officer.auth import Supervisor
from api.officer.deps import CurrentCase, refused
from api.officer.errors import responses
from bot.casework import erasure
from bot.models import Officer

router = APIRouter(tags=["erasure"])


class ErasureIn(BaseModel):
    reason: str = Field(min_length=10, max_length=2000, pattern=r"\S",
                        description="Why (e.g. the resident's request and how it was verified)")


class ErasureRequested(BaseModel):
    reference: str
    status: str
    requested_by: str
    requested_at: datetime


class Erased(BaseModel):
    """How much was removed (counts only), and by whose decision."""

    reference: str
    cases: int
    notes: int
    action_details: int
    messages: int
    tracker_events: int
    perpetrator_links: int = 0
    requested_by: str | None = None
    approved_by: str


@router.post(
    "/cases/{reference}/erasure",
    response_model=ErasureRequested,
    status_code=201,
    summary="Ask for the case's personal data to be erased (a supervisor; another approves)",
    responses=responses(400, 403, 404, 409),
)
def request_erasure(supervisor: Supervisor, case: CurrentCase, session: SessionDep,
                    body: ErasureIn) -> Any:
    with refused():
        request = erasure.request_erasure(session, supervisor, case, body.reason)
    return {"reference": case.reference, "status": request.status,
            "requested_by": supervisor.username, "requested_at": request.requested_at}


@router.delete(
    "/cases/{reference}",
    response_model=Erased,
    summary="Approve the pending erasure request and erase (a different supervisor)",
    responses=responses(403, 404, 409),
)
def erase(supervisor: Supervisor, case: CurrentCase, session: SessionDep,
          settings: SettingsDep) -> Any:
    with refused():
        done, request = erasure.approve_erasure(session, supervisor, case, settings)
    requester = session.get(Officer, request.requested_by_id)
    return {"reference": case.reference, "cases": done.cases, "notes": done.notes,
            "action_details": done.action_details, "messages": done.messages,
            "tracker_events": done.tracker_events, "perpetrator_links": done.perpetrator_links,
            "requested_by": requester.username if requester else None,
            "approved_by": supervisor.username}
