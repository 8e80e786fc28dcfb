"""Working a case: claim/assign, notes, status changes and recorded actions.

The rules, the guarded UPDATE (two officers racing for one case cannot both win) and the
redacted audit diff are ``bot.casework.work``'s; these routes map its refusals to 409 (state)
and 403 (access), via ``api.officer.deps``.
"""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Body, status
from sqlalchemy.orm import Session

from api.deps import SessionDep
from api.officer.auth import CaseWorker
from api.officer.deps import CurrentCase, WorkableCase, refused
from api.officer.errors import responses
from api.officer.schemas import ActionIn, ActionOut, AssignIn, CaseOut, NoteIn, NoteOut, StatusIn
from bot.casework import work
from bot.casework.views import action_label, case_detail
from bot.models import Case

router = APIRouter(tags=["workflow"])


def _guarded_update(session: Session, case: Case, expected: dict[str, Any],
                    values: dict[str, Any]) -> None:
    """``work.guarded_update`` with a lost race as the API's 409."""
    with refused():
        work.guarded_update(session, case, expected, values)


@router.post(
    "/cases/{reference}/assign",
    response_model=CaseOut,
    summary="Claim a case (no body) or, as a supervisor, assign it to an officer",
    responses=responses(400, 403, 404, 409),
)
def assign_case(
    case: CurrentCase,
    session: SessionDep,
    officer: CaseWorker,
    body: Annotated[AssignIn | None, Body()] = None,
) -> Any:
    with refused():
        work.assign(session, officer, case, body.officer if body is not None else None)
    return case_detail(session, case)


@router.post(
    "/cases/{reference}/notes",
    response_model=NoteOut,
    status_code=status.HTTP_201_CREATED,
    summary="Add a case note (stored encrypted)",
    responses=responses(400, 403, 404),
)
def add_note(case: WorkableCase, body: NoteIn, session: SessionDep, officer: CaseWorker) -> Any:
    with refused():
        note = work.add_note(session, officer, case, body.text)
    return {"id": note.id, "officer": officer.username, "text": note.text,
            "created_at": note.created_at}


@router.post(
    "/cases/{reference}/status",
    response_model=CaseOut,
    summary="Move a case along new -> triaged -> in_progress -> closed, or reopen it",
    responses=responses(400, 403, 404, 409),
)
def change_status(case: WorkableCase, body: StatusIn, session: SessionDep,
                  officer: CaseWorker) -> Any:
    with refused():
        work.change_status(session, officer, case, body.status, body.outcome)
    return case_detail(session, case)


@router.post(
    "/cases/{reference}/actions",
    response_model=ActionOut,
    status_code=status.HTTP_201_CREATED,
    summary="Record a referral (police, CMARAC, housing provider, Victim Support, Stop Hate UK) "
            "or an enforcement action",
    responses=responses(400, 403, 404, 409),
)
def record_action(case: WorkableCase, body: ActionIn, session: SessionDep,
                  officer: CaseWorker) -> Any:
    with refused():
        row = work.record_action(session, officer, case, body.kind, body.action, body.detail)
    return {"id": row.id, "kind": row.kind, "action": row.action,
            "label": action_label(row.kind, row.action), "detail": row.detail,
            "officer": officer.username, "created_at": row.created_at}
