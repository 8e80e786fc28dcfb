"""Perpetrator records: create, read, link to and unlink from cases, record enforcement.

Officer roles only (officers and supervisors); an officer sees the records they created and
those linked to cases they may read. Each route is one call into ``bot.casework.perpetrators``
(the workspace's pages make the same calls), which checks, acts, audits and commits once.
Linking is always an officer's decision, never automatic.
"""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Path, status

from api.deps import SessionDep
from api.officer.auth import CaseWorker
from api.officer.deps import WorkableCase, refused
from api.officer.errors import responses
from api.officer.perpetrator_schemas import (
    MAX_ID,
    EnforcementIn,
    EnforcementOut,
    LinkIn,
    LinkOut,
    PerpetratorCreated,
    PerpetratorIn,
    PerpetratorOut,
)
from bot.casework import perpetrators as casework
from bot.perpetrators import RecordInput, enforcement

router = APIRouter(tags=["perpetrators"])
RecordId = Annotated[int, Path(ge=1, le=MAX_ID, description="The perpetrator record's id")]


def record_input(body: PerpetratorIn) -> RecordInput:
    """The validated request as the domain's input (the workspace's form builds the same)."""
    return RecordInput(
        description=body.description, name=body.name, aliases=list(body.aliases),
        address=body.address, tenancy=body.tenancy,
        online_handles=[h.model_dump() for h in body.online_handles], notes=body.notes,
    )


@router.post(
    "/perpetrators",
    response_model=PerpetratorCreated,
    status_code=status.HTTP_201_CREATED,
    summary="Create a perpetrator record; answers the existing records it may match",
    responses=responses(400, 403),
)
def create_perpetrator(body: PerpetratorIn, session: SessionDep, officer: CaseWorker) -> Any:
    with refused():
        record, matches = casework.create(session, officer, record_input(body))
    return {"id": record.id, "possible_matches": matches}


@router.get(
    "/perpetrators/{perpetrator_id}",
    response_model=PerpetratorOut,
    summary="One perpetrator record with its linked cases and enforcement (audited)",
    responses=responses(403, 404),
)
def read_perpetrator(perpetrator_id: RecordId, session: SessionDep, officer: CaseWorker) -> Any:
    with refused():
        return casework.read(session, officer, perpetrator_id)


@router.post(
    "/perpetrators/{perpetrator_id}/enforcement",
    response_model=EnforcementOut,
    response_model_by_alias=True,
    status_code=status.HTTP_201_CREATED,
    summary="Record enforcement against a perpetrator (shown on every linked case)",
    responses=responses(400, 403, 404),
)
def record_enforcement(perpetrator_id: RecordId, body: EnforcementIn, session: SessionDep,
                       officer: CaseWorker) -> Any:
    with refused():
        row = casework.add_enforcement(session, officer, perpetrator_id, body.type,
                                       body.taken_on, body.outcome, body.notes)
    return enforcement.view(row, officer.username)


@router.post(
    "/cases/{reference}/perpetrators",
    response_model=LinkOut,
    status_code=status.HTTP_201_CREATED,
    summary="Link a case to a perpetrator record, with a reason (raises repeat-perpetrator risk)",
    responses=responses(400, 403, 404, 409),
)
def link_perpetrator(case: WorkableCase, body: LinkIn, session: SessionDep,
                     officer: CaseWorker) -> Any:
    with refused():
        return casework.link(session, officer, case, body.perpetrator_id, body.reason)


@router.delete(
    "/cases/{reference}/perpetrators",
    response_model=LinkOut,
    summary="Unlink a case from a perpetrator record, with a reason",
    responses=responses(400, 403, 404, 409),
)
def unlink_perpetrator(case: WorkableCase, body: LinkIn, session: SessionDep,
                       officer: CaseWorker) -> Any:
    with refused():
        return casework.unlink(session, officer, case, body.perpetrator_id, body.reason)
