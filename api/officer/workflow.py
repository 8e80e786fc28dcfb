"""Working a case: claim/assign, notes, status changes and recorded actions.

Each change is checked by ``bot.workflow`` (409 with the reason when the state forbids it, 403
when the officer may not), written with a guarded UPDATE so two officers racing for the same
case cannot both win, and audited with a redacted diff in the same transaction.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Annotated, Any

from fastapi import APIRouter, Body, status
from sqlalchemy import select, update
from sqlalchemy.orm import Session

from api.deps import SessionDep
from api.officer.auth import CaseWorker
from api.officer.cases import Reference
from api.officer.common import case_detail, load_case
from api.officer.errors import conflict, forbidden, not_found, responses
from api.officer.schemas import ActionIn, ActionOut, AssignIn, CaseOut, NoteIn, NoteOut, StatusIn
from bot import audit, workflow
from bot.cases import mark_contacted
from bot.models import Case, CaseAction, CaseNote, Officer
from bot.returning import closure
from bot.settings import get_settings

router = APIRouter(tags=["workflow"])


def _guarded_update(session: Session, case: Case, expected: dict[str, Any],
                    values: dict[str, Any]) -> None:
    """UPDATE the case only if it still has the ``expected`` values (else 409, nothing done)."""
    stmt = update(Case).where(Case.id == case.id)
    for field, value in expected.items():
        column = getattr(Case, field)
        stmt = stmt.where(column.is_(None) if value is None else column == value)
    if session.execute(stmt.values(**values)).rowcount != 1:
        session.rollback()
        raise conflict("The case changed while you were working on it: reload it and try again.")
    session.refresh(case)


@router.post(
    "/cases/{reference}/assign",
    response_model=CaseOut,
    summary="Claim a case (no body) or, as a supervisor, assign it to an officer",
    responses=responses(400, 403, 404, 409),
)
def assign_case(
    reference: Reference,
    session: SessionDep,
    officer: CaseWorker,
    body: Annotated[AssignIn | None, Body()] = None,
) -> Any:
    case = load_case(session, reference, officer)
    target = officer
    if body is not None and body.officer != officer.username:
        found = session.scalar(select(Officer).where(Officer.username == body.officer))
        if found is None:
            raise not_found(f"No officer named {body.officer}")
        target = found
    try:
        workflow.check_assign(officer, case, target, target.active)
    except workflow.AccessDenied as exc:
        raise forbidden(str(exc)) from None
    except workflow.WorkflowError as exc:
        raise conflict(str(exc)) from None
    before = case.assigned_officer.username if case.assigned_officer else None
    if case.assigned_officer_id != target.id:
        _guarded_update(session, case, {"assigned_officer_id": case.assigned_officer_id,
                                        "status": case.status},
                        {"assigned_officer_id": target.id, "updated_at": datetime.now(UTC)})
        change = audit.diff({"assigned_officer": before}, {"assigned_officer": target.username})
        audit.record(session, officer.username, "case.assigned", case.reference, change)
    session.commit()
    return case_detail(session, case)


@router.post(
    "/cases/{reference}/notes",
    response_model=NoteOut,
    status_code=status.HTTP_201_CREATED,
    summary="Add a case note (stored encrypted)",
    responses=responses(400, 403, 404),
)
def add_note(reference: Reference, body: NoteIn, session: SessionDep,
             officer: CaseWorker) -> Any:
    case = load_case(session, reference, officer, work=True)
    note = CaseNote(case_id=case.id, officer_id=officer.id, text=body.text,
                    created_at=datetime.now(UTC))
    session.add(note)
    session.flush()
    audit.record(session, officer.username, "case.note_added", case.reference,
                 audit.redact({"note_id": note.id, "text": body.text}))
    session.commit()
    return {"id": note.id, "officer": officer.username, "text": note.text,
            "created_at": note.created_at}


@router.post(
    "/cases/{reference}/status",
    response_model=CaseOut,
    summary="Move a case along new -> triaged -> in_progress -> closed, or reopen it",
    responses=responses(400, 403, 404, 409),
)
def change_status(reference: Reference, body: StatusIn, session: SessionDep,
                  officer: CaseWorker) -> Any:
    case = load_case(session, reference, officer, work=True)
    try:
        move = workflow.check_transition(case, body.status, body.outcome)
    except workflow.WorkflowError as exc:
        raise conflict(str(exc)) from None
    now = datetime.now(UTC)
    before = {"status": case.status, "outcome": case.outcome}
    values: dict[str, Any] = {"status": move.status, "outcome": move.outcome, "updated_at": now,
                              "closed_at": now if move.closed else None}
    _guarded_update(session, case, {"status": case.status}, values)
    if move.status == "in_progress":
        mark_contacted(case, now)
    if move.closed:  # the resident hears it, with the complaint routes and a rating request
        closure.on_closed(session, case, get_settings())
    audit.record(session, officer.username, "case.reopened" if move.reopened else
                 "case.status_changed", case.reference,
                 audit.diff(before, {"status": move.status, "outcome": move.outcome}))
    session.commit()
    return case_detail(session, case)


@router.post(
    "/cases/{reference}/actions",
    response_model=ActionOut,
    status_code=status.HTTP_201_CREATED,
    summary="Record a referral (police, CMARAC, housing provider, Victim Support, Stop Hate UK) "
            "or an enforcement action",
    responses=responses(400, 403, 404, 409),
)
def record_action(reference: Reference, body: ActionIn, session: SessionDep,
                  officer: CaseWorker) -> Any:
    case = load_case(session, reference, officer, work=True)
    try:
        workflow.check_action(case, body.kind, body.action)
    except workflow.WorkflowError as exc:
        raise conflict(str(exc)) from None
    row = CaseAction(case_id=case.id, officer_id=officer.id, kind=body.kind, action=body.action,
                     detail=body.detail, created_at=datetime.now(UTC))
    session.add(row)
    session.flush()
    audit.record(session, officer.username, "case.action_recorded", case.reference,
                 audit.redact({"action_id": row.id, "kind": body.kind, "action": body.action,
                               "detail": body.detail}))
    session.commit()
    return {"id": row.id, "kind": row.kind, "action": row.action,
            "label": workflow.ACTION_KINDS[row.kind][row.action], "detail": row.detail,
            "officer": officer.username, "created_at": row.created_at}
