"""Working a case: claim/assign, notes, status changes and recorded actions.

Each change is checked by ``bot.workflow`` (WorkflowError with the reason when the state forbids
it, AccessDenied when the officer may not), written with a guarded UPDATE so two officers racing
for the same case cannot both win, and audited with a redacted diff in the same transaction.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from bot import audit, workflow
from bot.cases import mark_contacted
from bot.casework.errors import CaseChanged, OfficerNotFound
from bot.models import Case, CaseAction, CaseNote, Officer
from bot.returning import closure
from bot.settings import get_settings


def guarded_update(session: Session, case: Case, expected: dict[str, Any],
                   values: dict[str, Any]) -> None:
    """UPDATE the case only if it still has the ``expected`` values (else CaseChanged, and
    the transaction is rolled back so nothing of the attempt is kept)."""
    stmt = update(Case).where(Case.id == case.id)
    for field, value in expected.items():
        column = getattr(Case, field)
        stmt = stmt.where(column.is_(None) if value is None else column == value)
    if session.execute(stmt.values(**values)).rowcount != 1:
        session.rollback()
        raise CaseChanged()
    session.refresh(case)


def assign(session: Session, officer: Officer, case: Case, target: str | None = None) -> Case:
    """Claim the case (``target`` None or yourself) or, as a supervisor, give it to ``target``."""
    chosen = officer
    if target is not None and target != officer.username:
        found = session.scalar(select(Officer).where(Officer.username == target))
        if found is None:
            raise OfficerNotFound(f"No officer named {target}")
        chosen = found
    workflow.check_assign(officer, case, chosen, chosen.active)
    before = case.assigned_officer.username if case.assigned_officer else None
    if case.assigned_officer_id != chosen.id:
        guarded_update(session, case, {"assigned_officer_id": case.assigned_officer_id,
                                       "status": case.status},
                       {"assigned_officer_id": chosen.id, "updated_at": datetime.now(UTC)})
        change = audit.diff({"assigned_officer": before}, {"assigned_officer": chosen.username})
        audit.record(session, officer.username, "case.assigned", case.reference, change)
    session.commit()
    return case


def add_note(session: Session, officer: Officer, case: Case, text: str) -> CaseNote:
    """A note on the case (stored encrypted; the audit event carries only its id)."""
    workflow.check_can_work(officer, case)
    note = CaseNote(case_id=case.id, officer_id=officer.id, text=text,
                    created_at=datetime.now(UTC))
    session.add(note)
    session.flush()
    audit.record(session, officer.username, "case.note_added", case.reference,
                 audit.redact({"note_id": note.id, "text": text}))
    session.commit()
    return note


def change_status(session: Session, officer: Officer, case: Case, status: str,
                  outcome: str | None = None) -> Case:
    """new -> triaged -> in_progress -> closed (with an outcome); closed -> in_progress reopens."""
    workflow.check_can_work(officer, case)
    move = workflow.check_transition(case, status, outcome)
    now = datetime.now(UTC)
    before = {"status": case.status, "outcome": case.outcome}
    values: dict[str, Any] = {"status": move.status, "outcome": move.outcome, "updated_at": now,
                              "closed_at": now if move.closed else None}
    guarded_update(session, case, {"status": case.status}, values)
    if move.status == "in_progress":
        mark_contacted(case, now)
    if move.closed:  # the resident hears it, with the complaint routes and a rating request
        closure.on_closed(session, case, get_settings())
    audit.record(session, officer.username, "case.reopened" if move.reopened else
                 "case.status_changed", case.reference,
                 audit.diff(before, {"status": move.status, "outcome": move.outcome}))
    session.commit()
    return case


def record_action(session: Session, officer: Officer, case: Case, kind: str, action: str,
                  detail: str | None = None) -> CaseAction:
    """A referral to a partner (consent-gated) or an enforcement action against a perpetrator."""
    workflow.check_can_work(officer, case)
    workflow.check_action(case, kind, action)
    row = CaseAction(case_id=case.id, officer_id=officer.id, kind=kind, action=action,
                     detail=detail, created_at=datetime.now(UTC))
    session.add(row)
    session.flush()
    audit.record(session, officer.username, "case.action_recorded", case.reference,
                 audit.redact({"action_id": row.id, "kind": kind, "action": action,
                               "detail": detail}))
    session.commit()
    return row
