"""Perpetrator records for both officer front ends (the API and the workspace): each function
checks access, acts, audits and commits once, so the JSON routes and the pages cannot drift.

Officer roles only; an officer sees the records they created and those linked to a case they
may read (``bot.perpetrators.access``). Refusals: ``RecordNotFound`` (404), ``AccessDenied``
(403), ``WorkflowError`` (409, e.g. already linked). Linking is always an officer's decision.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from sqlalchemy.orm import Session

from bot import perpetrators, workflow
from bot.models import Case, Officer, Perpetrator, PerpetratorEnforcement
from bot.perpetrators.records import active_link_counts


def create(session: Session, officer: Officer, data: perpetrators.RecordInput
           ) -> tuple[Perpetrator, list[dict[str, Any]]]:
    """A new record and the existing records it may match (showing them is audited)."""
    perpetrators.check_role(officer)
    record = perpetrators.create_record(session, officer, data)
    matches = perpetrators.record_matches(session, record, officer)
    if matches:
        perpetrators.audit_matches_shown(session, officer, record, matches)
    session.commit()
    return record, matches


def create_for_case(session: Session, officer: Officer, case: Case,
                    data: perpetrators.RecordInput, reason: str
                    ) -> tuple[Perpetrator, list[dict[str, Any]]]:
    """A new record linked at once to the case it was written from (the workspace's form on a
    case): one transaction, so a refused link leaves no orphan record."""
    workflow.check_can_work(officer, case)
    perpetrators.check_role(officer)
    record = perpetrators.create_record(session, officer, data)
    try:
        perpetrators.link_case(session, case, record, officer, reason)
    except workflow.WorkflowError:
        session.rollback()
        raise
    matches = perpetrators.record_matches(session, record, officer)
    if matches:
        perpetrators.audit_matches_shown(session, officer, record, matches)
    session.commit()
    return record, matches


def read(session: Session, officer: Officer, record_id: int) -> dict[str, Any]:
    """The record as this officer may see it (``perpetrators.record_view``), read audited."""
    record = perpetrators.load_record(session, record_id, officer)
    view = perpetrators.record_view(session, record, officer)
    session.commit()
    return view


def _link_answer(session: Session, case: Case, record: Perpetrator,
                 linked: bool) -> dict[str, Any]:
    session.refresh(case)
    return {"reference": case.reference, "perpetrator_id": record.id, "linked": linked,
            "linked_reports": active_link_counts(session, [record.id]).get(record.id, 0),
            "risk_level": case.risk_level, "risk_reasons": list(case.risk_reasons or [])}


def link(session: Session, officer: Officer, case: Case, record_id: int,
         reason: str) -> dict[str, Any]:
    """Link the case (which the officer must be able to work) to a record they may see, under
    the record's row lock; raises the repeat-perpetrator risk of every linked case."""
    return _change_link(session, officer, case, record_id, reason, linking=True)


def unlink(session: Session, officer: Officer, case: Case, record_id: int,
           reason: str) -> dict[str, Any]:
    """End the link (kept as history with who, when and why); lowers the risk it raised."""
    return _change_link(session, officer, case, record_id, reason, linking=False)


def _change_link(session: Session, officer: Officer, case: Case, record_id: int, reason: str,
                 linking: bool) -> dict[str, Any]:
    """Under the record's row lock, link or unlink, answer, commit (one path for both)."""
    workflow.check_can_work(officer, case)
    record = perpetrators.load_record(session, record_id, officer, for_update=True)
    change = perpetrators.link_case if linking else perpetrators.unlink_case
    try:
        change(session, case, record, officer, reason)
    except workflow.WorkflowError:
        session.rollback()
        raise
    answer = _link_answer(session, case, record, linking)
    session.commit()
    return answer


def add_enforcement(session: Session, officer: Officer, record_id: int, kind: str,
                    taken_on: date, outcome: str | None,
                    notes: str | None) -> PerpetratorEnforcement:
    """Record enforcement on a record the officer may see; it shows on every linked case."""
    record = perpetrators.load_record(session, record_id, officer, for_update=True)
    row = perpetrators.record_enforcement(session, record, officer, kind, taken_on, outcome,
                                          notes)
    session.commit()
    return row
