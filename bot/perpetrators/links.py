"""Linking a case to a perpetrator record (always an officer's decision), unlinking it, and
releasing cases whose personal data goes (erasure, retention).

Each link and unlink is audited with a reference to the link row; the officer's reason is
stored encrypted on that row (``[redacted]`` in the audit log, which is kept for ever while the
reason must leave with the record).
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, datetime

from sqlalchemy import delete, exists, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from bot import audit
from bot.models import (
    AuditEvent,
    Case,
    CasePerpetratorLink,
    CasePlace,
    CaseRepeatRisk,
    Officer,
    Perpetrator,
)
from bot.perpetrators import signals
from bot.workflow import WorkflowError


def active_link(session: Session, case: Case, record: Perpetrator) -> CasePerpetratorLink | None:
    return session.scalar(select(CasePerpetratorLink).where(
        CasePerpetratorLink.case_id == case.id,
        CasePerpetratorLink.perpetrator_id == record.id,
        CasePerpetratorLink.unlinked_at.is_(None)))


def link_case(session: Session, case: Case, record: Perpetrator, officer: Officer,
              reason: str) -> CasePerpetratorLink:
    """Link (the caller checked the officer may work the case and see the record, and holds
    the record's row lock), then raise the risk of every case linked to the record."""
    if case.anonymised_at is not None:
        raise WorkflowError("This case's personal data was erased or has passed retention: it "
                            "cannot be linked to a perpetrator record.")
    if active_link(session, case, record) is not None:
        raise WorkflowError(f"Case {case.reference} is already linked to record {record.id}.")
    now = datetime.now(UTC)
    link = CasePerpetratorLink(case_id=case.id, perpetrator_id=record.id, linked_at=now,
                               linked_by_officer_id=officer.id, link_reason=reason)
    try:
        with session.begin_nested():
            session.add(link)
            session.flush()
    except IntegrityError:  # linked by someone else a moment ago
        raise WorkflowError(
            f"Case {case.reference} is already linked to record {record.id}.") from None
    record.unlinked_since = None
    record.updated_at = now
    audit.record(session, officer.username, "perpetrator.linked", case.reference,
                 {"perpetrator_id": record.id, "link_id": link.id, "reason": audit.REDACTED})
    signals.refresh(session, signals.cases_of_records(session, [record.id]), officer.username)
    return link


def unlink_case(session: Session, case: Case, record: Perpetrator, officer: Officer,
                reason: str) -> CasePerpetratorLink:
    """End a link (the row stays, with who, when and why, until the record or case goes) and
    lower the risk of cases that no longer share a repeat perpetrator."""
    link = active_link(session, case, record)
    if link is None:
        raise WorkflowError(f"Case {case.reference} is not linked to record {record.id}.")
    now = datetime.now(UTC)
    others = signals.cases_of_records(session, [record.id])
    link.unlinked_at, link.unlinked_by_officer_id, link.unlink_reason = now, officer.id, reason
    session.flush()
    _mark_unlinked(session, [record.id], now)
    record.updated_at = now
    audit.record(session, officer.username, "perpetrator.unlinked", case.reference,
                 {"perpetrator_id": record.id, "link_id": link.id, "reason": audit.REDACTED})
    signals.refresh(session, others, officer.username)
    return link


def _mark_unlinked(session: Session, record_ids: Sequence[int], now: datetime) -> None:
    """Records left with no linked case start their retention clock now."""
    if not record_ids:
        return
    still_linked = exists().where(CasePerpetratorLink.perpetrator_id == Perpetrator.id,
                                  CasePerpetratorLink.unlinked_at.is_(None))
    session.execute(
        update(Perpetrator)
        .where(Perpetrator.id.in_(record_ids), Perpetrator.unlinked_since.is_(None),
               ~still_linked)
        .values(unlinked_since=now)
        .execution_options(synchronize_session="fetch")
    )


def release_cases(session: Session, case_ids: Sequence[int], now: datetime,
                  officer: str | None = None, reason: str = "retention") -> int:
    """A case's personal data is going (erasure, retention): delete its links (history too),
    its place keys and its repeat-risk state, then re-count the cases that shared its
    records. Returns the number of active links removed. The caller commits."""
    ids = list(case_ids)
    if not ids:
        return 0
    active = session.execute(
        select(CasePerpetratorLink.perpetrator_id, Case.reference)
        .join(Case, Case.id == CasePerpetratorLink.case_id)
        .where(CasePerpetratorLink.case_id.in_(ids), CasePerpetratorLink.unlinked_at.is_(None))
    ).all()
    records = sorted({pid for pid, _ in active})
    session.execute(delete(CasePerpetratorLink).where(CasePerpetratorLink.case_id.in_(ids))
                    .execution_options(synchronize_session=False))
    session.execute(delete(CaseRepeatRisk).where(CaseRepeatRisk.case_id.in_(ids))
                    .execution_options(synchronize_session=False))
    session.execute(delete(CasePlace).where(CasePlace.case_id.in_(ids))
                    .execution_options(synchronize_session=False))
    if active:
        session.add_all([
            AuditEvent(at=now, officer_username=officer, case_reference=ref,
                       action="perpetrator.unlinked",
                       changes={"perpetrator_id": pid, "reason": reason})
            for pid, ref in active
        ])
    _mark_unlinked(session, records, now)
    session.execute(update(Perpetrator).where(Perpetrator.id.in_(records))
                    .values(updated_at=now).execution_options(synchronize_session=False))
    signals.refresh(session, signals.cases_of_records(session, records), officer)
    return len(active)
