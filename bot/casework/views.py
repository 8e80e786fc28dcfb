"""What an officer sees of a case: the full view and the queue row (no audit here; the read
functions in ``bot.casework.reads`` record who saw what)."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from bot import triage, workflow
from bot.cases import case_to_dict, is_overdue
from bot.models import Case, CaseAction, CaseNote, Officer
from bot.returning import diary, feedback


def usernames(session: Session, ids: set[int | None]) -> dict[int, str]:
    ids = {i for i in ids if i is not None}
    if not ids:
        return {}
    rows = session.execute(select(Officer.id, Officer.username).where(Officer.id.in_(ids)))
    return {i: u for i, u in rows}


def action_label(kind: str, action: str) -> str:
    return workflow.ACTION_KINDS.get(kind, {}).get(action, action)


def case_detail(session: Session, case: Case) -> dict[str, Any]:
    """The full officer view: the stored case plus workflow state, notes and actions."""
    notes = list(session.scalars(select(CaseNote).where(CaseNote.case_id == case.id)
                                 .order_by(CaseNote.id)))
    actions = list(session.scalars(select(CaseAction).where(CaseAction.case_id == case.id)
                                   .order_by(CaseAction.id)))
    names = usernames(session, {n.officer_id for n in notes} | {a.officer_id for a in actions})
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
             "label": action_label(a.kind, a.action),
             "detail": a.detail, "officer": names.get(a.officer_id), "created_at": a.created_at}
            for a in actions
        ],
        diary=[diary.entry_dict(e) for e in diary.entries(session, case)],
        feedback=feedback.for_case(session, case),
    )
    return data


def withhold_personal(detail: dict[str, Any]) -> dict[str, Any]:
    """The case as an officer sees it before claiming it: what happened in categories, how
    urgent, consent and channel; never the account, exact place and time, contact details, the
    resident's own words elsewhere, notes' or actions' text, or the perpetrator section."""
    d = dict(detail, access="summary", narrative=None, occurred_time=None, notes=[], diary=[],
             feedback=[])
    d["location"] = {**d["location"], "text": None}
    d["housing"] = {**d["housing"], "provider": None}
    d["contact"] = {**d["contact"], "value": None, "safe_time": None, "name": None}
    d["wishes"] = {**d["wishes"], "in_their_words": None}
    d["access_needs"] = {**d["access_needs"], "other": None}
    if d.get("subject"):
        d["subject"] = {**d["subject"], "contact": None}
    d["actions"] = [{**a, "detail": None} for a in d["actions"]]
    return d


def case_summary(case: Case, now: datetime) -> dict[str, Any]:
    """A queue row: enough to prioritise, nothing the resident said in their own words."""
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


def is_urgent(case: Case) -> bool:
    """Danger now: said during the conversation, or flagged by an early (urgent) report."""
    return bool(getattr(case, "urgent", False) or case.danger_now)
