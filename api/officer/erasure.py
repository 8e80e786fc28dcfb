"""``DELETE /api/v1/cases/{ref}``: a supervisor erases a resident's personal data on request.

The work (and its audit event) is ``bot.retention.erase_case``: the case row stays, emptied of
personal data, so the reference resolves and statistics still add up.
"""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter
from pydantic import BaseModel

from api.deps import SessionDep, SettingsDep
from api.officer.auth import Supervisor
from api.officer.deps import CurrentCase
from api.officer.errors import responses
from bot.retention import erase_case

router = APIRouter(tags=["erasure"])


class Erased(BaseModel):
    """How much was removed (counts only)."""

    reference: str
    cases: int
    notes: int
    action_details: int
    messages: int
    tracker_events: int
    perpetrator_links: int = 0


@router.delete(
    "/cases/{reference}",
    response_model=Erased,
    summary="Erase the resident's personal data from a case and its conversation (supervisors)",
    responses=responses(403, 404),
)
def erase(supervisor: Supervisor, case: CurrentCase, session: SessionDep,
          settings: SettingsDep) -> Any:
    done = erase_case(session, case, settings, officer=supervisor.username)
    session.commit()
    return {"reference": case.reference, "cases": done.cases, "notes": done.notes,
            "action_details": done.action_details, "messages": done.messages,
            "tracker_events": done.tracker_events, "perpetrator_links": done.perpetrator_links}
