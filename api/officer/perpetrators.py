"""Perpetrator records: create, read, link to and unlink from cases, record enforcement.

Officer roles only (officers and supervisors); an officer sees the records they created and
those linked to cases they may read. Every read and change is audited in the same transaction
(``bot.perpetrators``). Linking is always an officer's decision, never automatic.
"""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Path, status

from api.deps import SessionDep
from api.officer.auth import CaseWorker
from api.officer.deps import WorkableCase
from api.officer.errors import conflict, forbidden, not_found, responses
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
from bot import perpetrators
from bot.models import Case, Officer, Perpetrator
from bot.perpetrators import enforcement
from bot.perpetrators.records import active_link_counts
from bot.workflow import AccessDenied, WorkflowError

router = APIRouter(tags=["perpetrators"])
RecordId = Annotated[int, Path(ge=1, le=MAX_ID, description="The perpetrator record's id")]


def _record(session: Any, record_id: int, officer: Officer,
            for_update: bool = False) -> Perpetrator:
    try:
        return perpetrators.load_record(session, record_id, officer, for_update=for_update)
    except perpetrators.RecordNotFound as exc:
        raise not_found(str(exc)) from None
    except AccessDenied as exc:
        raise forbidden(str(exc)) from None


@router.post(
    "/perpetrators",
    response_model=PerpetratorCreated,
    status_code=status.HTTP_201_CREATED,
    summary="Create a perpetrator record; answers the existing records it may match",
    responses=responses(400, 403),
)
def create_perpetrator(body: PerpetratorIn, session: SessionDep, officer: CaseWorker) -> Any:
    data = perpetrators.RecordInput(
        description=body.description, name=body.name, aliases=list(body.aliases),
        address=body.address, tenancy=body.tenancy,
        online_handles=[h.model_dump() for h in body.online_handles], notes=body.notes,
    )
    record = perpetrators.create_record(session, officer, data)
    matches = perpetrators.record_matches(session, record, officer)
    if matches:
        perpetrators.audit_matches_shown(session, officer, record, matches)
    session.commit()
    return {"id": record.id, "possible_matches": matches}


@router.get(
    "/perpetrators/{perpetrator_id}",
    response_model=PerpetratorOut,
    summary="One perpetrator record with its linked cases and enforcement (audited)",
    responses=responses(403, 404),
)
def read_perpetrator(perpetrator_id: RecordId, session: SessionDep, officer: CaseWorker) -> Any:
    record = _record(session, perpetrator_id, officer)
    view = perpetrators.record_view(session, record, officer)
    session.commit()
    return view


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
    record = _record(session, perpetrator_id, officer, for_update=True)
    row = perpetrators.record_enforcement(session, record, officer, body.type, body.taken_on,
                                          body.outcome, body.notes)
    session.commit()
    return enforcement.view(row, officer.username)


def _link_answer(session: Any, case: Case, record: Perpetrator, linked: bool) -> dict[str, Any]:
    session.refresh(case)
    return {"reference": case.reference, "perpetrator_id": record.id, "linked": linked,
            "linked_reports": active_link_counts(session, [record.id]).get(record.id, 0),
            "risk_level": case.risk_level, "risk_reasons": list(case.risk_reasons or [])}


def _record_for_link(session: Any, body: LinkIn, officer: Officer) -> Perpetrator:
    return _record(session, body.perpetrator_id, officer, for_update=True)


@router.post(
    "/cases/{reference}/perpetrators",
    response_model=LinkOut,
    status_code=status.HTTP_201_CREATED,
    summary="Link a case to a perpetrator record, with a reason (raises repeat-perpetrator risk)",
    responses=responses(400, 403, 404, 409),
)
def link_perpetrator(case: WorkableCase, body: LinkIn, session: SessionDep,
                     officer: CaseWorker) -> Any:
    record = _record_for_link(session, body, officer)
    try:
        perpetrators.link_case(session, case, record, officer, body.reason)
    except WorkflowError as exc:
        session.rollback()
        raise conflict(str(exc)) from None
    answer = _link_answer(session, case, record, True)
    session.commit()
    return answer


@router.delete(
    "/cases/{reference}/perpetrators",
    response_model=LinkOut,
    summary="Unlink a case from a perpetrator record, with a reason",
    responses=responses(400, 403, 404, 409),
)
def unlink_perpetrator(case: WorkableCase, body: LinkIn, session: SessionDep,
                       officer: CaseWorker) -> Any:
    record = _record_for_link(session, body, officer)
    try:
        perpetrators.unlink_case(session, case, record, officer, body.reason)
    except WorkflowError as exc:
        session.rollback()
        raise conflict(str(exc)) from None
    answer = _link_answer(session, case, record, False)
    session.commit()
    return answer
