"""What an officer sees, and the audit of each read: a record in full, and the perpetrator
part of a case's detail (linked records, their enforcement, possible matches, council
tenancy, the repeat signal)."""

from __future__ import annotations

from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from bot import audit
from bot.models import Case, CasePerpetratorLink, Officer, Perpetrator
from bot.perpetrators import enforcement, signals
from bot.perpetrators.records import (
    active_link_counts,
    case_matches,
    record_matches,
    usernames,
)

COUNCIL_TENANT = "council_tenant"


def record_view(session: Session, record: Perpetrator, officer: Officer) -> dict[str, Any]:
    """The whole record with the linked cases this officer may read, its enforcement and its
    possible matches; the read is audited (and each case listed, as the queue does)."""
    links = session.execute(
        select(CasePerpetratorLink, Case)
        .join(Case, Case.id == CasePerpetratorLink.case_id)
        .where(CasePerpetratorLink.perpetrator_id == record.id,
               CasePerpetratorLink.unlinked_at.is_(None))
        .order_by(CasePerpetratorLink.linked_at, CasePerpetratorLink.id)
    ).all()
    names = usernames(session, {record.created_by_officer_id}
                      | {link.linked_by_officer_id for link, _ in links})
    readable = [(link, case) for link, case in links
                if officer.role == "supervisor" or case.assigned_officer_id in (None, officer.id)]
    view = {
        "id": record.id,
        "created_at": record.created_at,
        "updated_at": record.updated_at,
        "created_by": names.get(record.created_by_officer_id),
        "description": record.description,
        "name": record.name,
        "aliases": record.aliases,
        "address": record.address,
        "tenancy": record.tenancy,
        "online_handles": record.online_handles,
        "notes": record.notes,
        "linked_case_count": len(links),
        "cases": [
            {"reference": case.reference, "status": case.status, "risk_level": case.risk_level,
             "linked_at": link.linked_at, "linked_by": names.get(link.linked_by_officer_id),
             "reason": link.link_reason}
            for link, case in readable
        ],
        "enforcement": enforcement.entries(session, [record.id]),
        "possible_matches": record_matches(session, record, officer),
    }
    audit.record(session, officer.username, "perpetrator.read",
                 changes={"perpetrator_id": record.id})
    audit.record_reads(session, officer.username, "case.listed",
                       [case.reference for _, case in readable])
    return view


def case_section(session: Session, case: Case, officer: Officer) -> dict[str, Any]:
    """The perpetrator part of ``GET /api/v1/cases/{ref}``; each record shown and each match
    offered is audited against the case."""
    rows = session.execute(
        select(CasePerpetratorLink, Perpetrator)
        .join(Perpetrator, Perpetrator.id == CasePerpetratorLink.perpetrator_id)
        .where(CasePerpetratorLink.case_id == case.id, CasePerpetratorLink.unlinked_at.is_(None))
        .order_by(CasePerpetratorLink.linked_at, CasePerpetratorLink.id)
    ).all()
    ids = [record.id for _, record in rows]
    counts = active_link_counts(session, ids)
    names = usernames(session, {link.linked_by_officer_id for link, _ in rows})
    linked = [
        {"id": record.id, "name": record.name, "description": record.description,
         "tenancy": record.tenancy, "council_tenant": record.tenancy == COUNCIL_TENANT,
         "linked_reports": counts.get(record.id, 0), "linked_at": link.linked_at,
         "linked_by": names.get(link.linked_by_officer_id), "reason": link.link_reason}
        for link, record in rows
    ]
    possible = case_matches(session, case, officer)
    repeat = max((item["linked_reports"] for item in linked), default=0)
    for record_id in ids:
        audit.record(session, officer.username, "perpetrator.read", case.reference,
                     {"perpetrator_id": record_id, "via": "case"})
    if possible:
        audit.record(session, officer.username, "perpetrator.match_shown", case.reference,
                     {"perpetrator_ids": [m["id"] for m in possible]})
    return {
        "perpetrators": linked,
        "perpetrator_enforcement": enforcement.entries(session, ids),
        "perpetrator_council_tenant": any(item["council_tenant"] for item in linked),
        "possible_perpetrators": possible,
        "repeat_perpetrator": (
            {"linked_reports": repeat, "label": signals.label(repeat)} if repeat >= 2 else None
        ),
    }


def council_tenant_linked(session: Session, case: Case) -> bool:
    """Whether a perpetrator linked to the case is a council tenant (for the housing team)."""
    return bool(session.scalar(
        select(CasePerpetratorLink.id)
        .join(Perpetrator, Perpetrator.id == CasePerpetratorLink.perpetrator_id)
        .where(CasePerpetratorLink.case_id == case.id, CasePerpetratorLink.unlinked_at.is_(None),
               Perpetrator.tenancy == COUNCIL_TENANT)
        .limit(1)
    ))

