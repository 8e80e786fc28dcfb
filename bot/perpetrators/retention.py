"""The perpetrator records' own retention rule (run by ``tellonce retention run``).

A record is kept while a case within retention is linked to it. Anonymising or erasing a case
removes its links (``links.release_cases``), so a record with no linked case left starts a
clock (``unlinked_since``); after ``perpetrator_unlinked_retention_days`` it is deleted with
its identifiers and link history. Its enforcement entries stay as anonymous rows (type and date
only), like a case's recorded actions, so what the council did can still be counted.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from sqlalchemy import delete, exists, insert, select, update
from sqlalchemy.orm import Session

from bot.models import (
    AuditEvent,
    CasePerpetratorLink,
    Perpetrator,
    PerpetratorEnforcement,
    PerpetratorIdentifier,
)
from bot.settings import Settings

_BATCH = 500


@dataclass
class PerpetratorPurge:
    """Counts only, and the cut-off used."""

    records: int
    enforcement_anonymised: int
    cutoff: datetime


def due_for_deletion(cutoff: datetime):  # noqa: ANN201 - SQL select
    linked = exists().where(CasePerpetratorLink.perpetrator_id == Perpetrator.id,
                            CasePerpetratorLink.unlinked_at.is_(None))
    return (select(Perpetrator.id)
            .where(Perpetrator.unlinked_since.is_not(None), Perpetrator.unlinked_since < cutoff,
                   ~linked)
            .order_by(Perpetrator.id))


def purge_unlinked_records(session: Session, settings: Settings, now: datetime | None = None,
                           dry_run: bool = False) -> PerpetratorPurge:
    """Delete records with no linked case for the retention period, committing per batch."""
    now = now or datetime.now(UTC)
    cutoff = now - timedelta(days=settings.perpetrator_unlinked_retention_days)
    done = PerpetratorPurge(0, 0, cutoff)
    if dry_run:
        done.records = len(session.scalars(due_for_deletion(cutoff)).all())
        return done
    while True:
        ids = list(session.scalars(due_for_deletion(cutoff).limit(_BATCH)))
        if not ids:
            return done
        done.enforcement_anonymised += session.execute(
            update(PerpetratorEnforcement).where(PerpetratorEnforcement.perpetrator_id.in_(ids))
            .values(perpetrator_id=None, outcome=None, notes=None)
            .execution_options(synchronize_session=False)
        ).rowcount or 0
        for table, column in ((PerpetratorIdentifier, PerpetratorIdentifier.perpetrator_id),
                              (CasePerpetratorLink, CasePerpetratorLink.perpetrator_id)):
            session.execute(delete(table).where(column.in_(ids))
                            .execution_options(synchronize_session=False))
        session.execute(delete(Perpetrator).where(Perpetrator.id.in_(ids))
                        .execution_options(synchronize_session=False))
        session.execute(insert(AuditEvent), [
            {"at": now, "officer_username": None, "case_reference": None,
             "action": "perpetrator.deleted",
             "changes": {"perpetrator_id": pid, "reason": "retention"}}
            for pid in ids
        ])
        session.commit()
        done.records += len(ids)
