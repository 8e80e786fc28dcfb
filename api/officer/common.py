"""Loading a case for a request with the object-level check applied (OWASP API1)."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from api.officer.errors import conflict, forbidden, not_found
from bot import triage, workflow
from bot.cases import case_to_dict, get_case, is_overdue
from bot.models import Case, CaseAction, CaseNote, Officer
from bot.returning import diary, feedback


def load_case(session: Session, reference: str, officer: Officer, work: bool = False) -> Case:
    """The case, if this officer may read it (or work it, with ``work``); 404/403 otherwise."""
    case = get_case(session, reference)
    if case is None:
        raise not_found(f"No case {reference.upper()}")
    try:
        (workflow.check_can_work if work else workflow.check_can_read)(officer, case)
    except workflow.AccessDenied as exc:
        raise forbidden(str(exc)) from None
    return case


def workflow_guard(exc: workflow.WorkflowError) -> Exception:
    return conflict(str(exc))


def _usernames(session: Session, ids: set[int | None]) -> dict[int, str]:
    ids = {i for i in ids if i is not None}
    if not ids:
        return {}
    rows = session.execute(select(Officer.id, Officer.username).where(Officer.id.in_(ids)))
    return {i: u for i, u in rows}


def case_detail(session: Session, case: Case) -> dict[str, Any]:
    """The full officer view: the stored case plus workflow state, notes and actions."""
    notes = list(session.scalars(select(CaseNote).where(CaseNote.case_id == case.id)
                                 .order_by(CaseNote.id)))
    actions = list(session.scalars(select(CaseAction).where(CaseAction.case_id == case.id)
                                   .order_by(CaseAction.id)))
    names = _usernames(session, {n.officer_id for n in notes} | {a.officer_id for a in actions})
    recorded = {f"{a.kind}:{a.action}" for a in actions}
    data = case_to_dict(case)
    data.update(
        closed_at=case.closed_at,
        suggested_actions=workflow.suggested_actions(
            case.risk_level, case.perpetrator, case.housing, recorded
        ),
        notes=[
            {"id": n.id, "officer": names.get(n.officer_id), "text": n.text,
             "created_at": n.created_at}
            for n in notes
        ],
        actions=[
            {"id": a.id, "kind": a.kind, "action": a.action,
             "label": workflow.ACTION_KINDS.get(a.kind, {}).get(a.action, a.action),
             "detail": a.detail, "officer": names.get(a.officer_id), "created_at": a.created_at}
            for a in actions
        ],
        diary=[diary.entry_dict(e) for e in diary.entries(session, case)],
        feedback=feedback.for_case(session, case),
    )
    return data


def case_summary(case: Case, now: datetime) -> dict[str, Any]:
    return {
        "reference": case.reference,
        "created_at": case.created_at,
        "status": case.status,
        "channel": case.channel,
        "strands": list(case.strands or []),
        "incident_types": list(case.incident_types or []),
        "ward": case.location_ward,
        "risk": {"level": case.risk_level, "reasons": list(case.risk_reasons or []),
                 "suggest_cmarac": triage.suggests_cmarac(case.risk_level)},
        "due_by": case.due_by,
        "overdue": is_overdue(case, now),
        "assigned_officer": case.assigned_officer.username if case.assigned_officer else None,
        "anonymous": bool(case.anonymous),
        "repeat_perpetrator": "repeat_perpetrator" in (case.risk_reasons or []),
        "new_information": case.new_information_at is not None,
        "urgent": bool(case.urgent),
    }
