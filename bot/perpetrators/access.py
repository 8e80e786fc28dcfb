"""Who may see a perpetrator record: officer roles only; supervisors every record; an officer
the records they created and those linked to a case they may read (``workflow.check_can_read``:
unassigned cases and their own). A possible match is shown only when both sides pass."""

from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from bot.models import Case, CasePerpetratorLink, Perpetrator
from bot.workflow import CASE_ROLES, AccessDenied, OfficerLike


class RecordNotFound(LookupError):
    """No perpetrator record with that id."""


def check_role(officer: OfficerLike) -> None:
    if officer.role not in CASE_ROLES:
        raise AccessDenied("Only officers and supervisors can see perpetrator records.")


def visible_ids(session: Session, officer: OfficerLike, ids: Iterable[int]) -> set[int]:
    """The subset of ``ids`` this officer may see (one query)."""
    wanted = set(ids)
    if not wanted or officer.role not in CASE_ROLES:
        return set()
    if officer.role == "supervisor":
        return set(session.scalars(select(Perpetrator.id).where(Perpetrator.id.in_(wanted))))
    own = select(Perpetrator.id).where(Perpetrator.id.in_(wanted),
                                       Perpetrator.created_by_officer_id == officer.id)
    via_case = (
        select(CasePerpetratorLink.perpetrator_id)
        .join(Case, Case.id == CasePerpetratorLink.case_id)
        .where(CasePerpetratorLink.perpetrator_id.in_(wanted),
               CasePerpetratorLink.unlinked_at.is_(None),
               or_(Case.assigned_officer_id.is_(None), Case.assigned_officer_id == officer.id))
    )
    return set(session.scalars(own)) | set(session.scalars(via_case))


def load_record(session: Session, record_id: int, officer: OfficerLike,
                for_update: bool = False) -> Perpetrator:
    """The record if this officer may see it: RecordNotFound / AccessDenied otherwise."""
    check_role(officer)
    stmt = select(Perpetrator).where(Perpetrator.id == record_id)
    if for_update:
        stmt = stmt.with_for_update()
    record = session.scalar(stmt)
    if record is None:
        raise RecordNotFound(f"No perpetrator record {record_id}")
    if record.id not in visible_ids(session, officer, [record.id]):
        raise AccessDenied("This perpetrator record is linked only to cases you cannot see.")
    return record
