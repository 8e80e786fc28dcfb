"""Enforcement against a perpetrator, as the council's strategy names it. One entry on the
record shows on every case linked to it; residents only ever learn that action was taken
(``action_taken``), never what or against whom."""

from __future__ import annotations

from datetime import UTC, date, datetime
from typing import Any

from sqlalchemy import exists, select
from sqlalchemy.orm import Session

from bot import audit
from bot.models import Case, CasePerpetratorLink, Officer, Perpetrator, PerpetratorEnforcement
from bot.perpetrators.records import usernames

TYPES = {
    "pspo_fpn": "Fixed penalty notice under the street harassment PSPO",
    "community_protection_warning": "Community protection warning",
    "community_protection_notice": "Community protection notice",
    "injunction": "Injunction",
    "possession_proceedings": "Possession proceedings",
    "tenancy_warning": "Tenancy warning",
    "police_referral": "Referral to the police",
    "cmarac_referral": "Referral to the Community MARAC",
}


def record_enforcement(session: Session, record: Perpetrator, officer: Officer, kind: str,
                       taken_on: date, outcome: str | None,
                       notes: str | None) -> PerpetratorEnforcement:
    """Add an entry (the caller checked the officer may see the record) and audit it on the
    record and on each linked case's trail. The caller commits."""
    if kind not in TYPES:
        raise ValueError(f"unknown enforcement type {kind!r}")
    now = datetime.now(UTC)
    row = PerpetratorEnforcement(perpetrator_id=record.id, type=kind, taken_on=taken_on,
                                 outcome=outcome, notes=notes, officer_id=officer.id,
                                 created_at=now)
    session.add(row)
    record.updated_at = now
    session.flush()
    facts = {"perpetrator_id": record.id, "enforcement_id": row.id, "type": kind,
             "date": taken_on.isoformat()}
    audit.record(session, officer.username, "perpetrator.enforcement_recorded", changes=facts)
    for reference in linked_references(session, [record.id]):
        audit.record(session, officer.username, "case.perpetrator_enforcement", reference, facts)
    return row


def linked_references(session: Session, record_ids: list[int]) -> list[str]:
    return list(session.scalars(
        select(Case.reference).join(CasePerpetratorLink, CasePerpetratorLink.case_id == Case.id)
        .where(CasePerpetratorLink.perpetrator_id.in_(record_ids),
               CasePerpetratorLink.unlinked_at.is_(None))
        .distinct().order_by(Case.reference)
    ))


def entries(session: Session, record_ids: list[int]) -> list[dict[str, Any]]:
    """The enforcement on these records, oldest action first."""
    if not record_ids:
        return []
    rows = list(session.scalars(
        select(PerpetratorEnforcement)
        .where(PerpetratorEnforcement.perpetrator_id.in_(record_ids))
        .order_by(PerpetratorEnforcement.taken_on, PerpetratorEnforcement.id)
    ))
    names = usernames(session, {r.officer_id for r in rows})
    return [view(r, names.get(r.officer_id)) for r in rows]


def view(row: PerpetratorEnforcement, officer: str | None) -> dict[str, Any]:
    return {"id": row.id, "perpetrator_id": row.perpetrator_id, "type": row.type,
            "label": TYPES.get(row.type, row.type), "date": row.taken_on,
            "outcome": row.outcome, "notes": row.notes, "officer": officer,
            "created_at": row.created_at}


def action_taken(session: Session, case: Case) -> bool:
    """True when any enforcement is recorded against a perpetrator linked to this case: what
    the resident's status reply may say ("the council has taken action against the person
    responsible"), and no more."""
    return bool(session.scalar(select(exists().where(
        CasePerpetratorLink.case_id == case.id,
        CasePerpetratorLink.unlinked_at.is_(None),
        PerpetratorEnforcement.perpetrator_id == CasePerpetratorLink.perpetrator_id,
    ))))
