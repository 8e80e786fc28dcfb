"""Reading cases: each read that shows case data is audited in the same call (one trail for
the API and the workspace)."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from sqlalchemy import ColumnElement, and_, bindparam, case, func, or_, select
from sqlalchemy.orm import Session

from bot import audit, perpetrators, workflow
from bot.cases import UNCONTACTED_STATUSES
from bot.casework.access import require_role
from bot.casework.views import case_detail, withhold_personal
from bot.messaging.outbox import messages_for_case
from bot.models import Case, Officer
from bot.queue import QueueFilters, queue_page
from bot.settings import get_settings

CASE_ROLES = workflow.CASE_ROLES


def visible_to(officer: Officer) -> int | None:
    """Supervisors and triage officers see every case (None); officers the open queue and
    their own (their id)."""
    return None if officer.role in workflow.READS_ALL else officer.id


def assignee_filter(session: Session, officer: Officer, assigned: str | None) -> int | None:
    """The queue's ``officer`` filter as an id: ``me``, ``none`` (0: unassigned), a username
    (-1, never an id, when nobody has it), or no filter."""
    if assigned == "me":
        return officer.id
    if assigned == "none":
        return 0
    if assigned:
        return session.scalar(select(Officer.id).where(Officer.username == assigned)) or -1
    return None


def list_queue(session: Session, officer: Officer, filters: QueueFilters, *, limit: int = 25,
               cursor: str | None = None, sort: str = "risk",
               now: datetime | None = None) -> tuple[list[Case], str | None]:
    """One queue page in the API's order (bot.queue), each case seen audited as case.listed.

    Raises BadCursor for a cursor this service did not hand out."""
    require_role(officer, *CASE_ROLES)
    now = now or datetime.now(UTC)
    page, next_cursor = queue_page(session, filters, limit=limit, cursor=cursor, now=now,
                                   sort=sort, visible_to=visible_to(officer))
    audit.record_reads(session, officer.username, "case.listed", [c.reference for c in page])
    session.commit()
    return page, next_cursor


def first_contact_due() -> ColumnElement:
    """``due_by`` of a case nobody has contacted yet (NULL once contacted): indexed as
    ix_cases_headline, so counting overdue cases is an index range count."""
    return case((Case.contacted_at.is_(None), Case.due_by))


def overdue_count_clause(now: datetime) -> ColumnElement[bool]:
    """``bot.cases.overdue_clause`` for counting: the same cases (tests hold them equal)."""
    statuses = bindparam("headline_statuses", list(UNCONTACTED_STATUSES), expanding=True,
                         literal_execute=True)
    return and_(Case.status.in_(statuses), first_contact_due() < now)


def queue_counts(session: Session, officer: Officer, now: datetime | None = None
                 ) -> dict[str, int]:
    """How many new and overdue cases this officer can see (the workspace's headline)."""
    require_role(officer, *CASE_ROLES)
    now = now or datetime.now(UTC)
    mine = visible_to(officer)

    def count(*where: Any) -> int:
        stmt = select(func.count()).select_from(Case).where(*where)
        if mine is not None:
            stmt = stmt.where(or_(Case.assigned_officer_id.is_(None),
                                  Case.assigned_officer_id == mine))
        return session.scalar(stmt) or 0

    return {"new": count(Case.status == "new"), "overdue": count(overdue_count_clause(now))}


def read_case(session: Session, officer: Officer, case: Case) -> dict[str, Any]:
    """The full case (``views.case_detail``) with its perpetrator section, the read recorded
    as case.read (and a run of them flagged as bulk reads); a read by its own officer clears
    the "new information" flag. An officer who may not read it in full (not theirs, not a
    supervisor) gets the summary (``views.withhold_personal``), recorded as case.summary_read."""
    workflow.check_can_read(officer, case)
    detail = case_detail(session, case)
    if not workflow.may_read_full(officer, case):
        audit.record(session, officer.username, "case.summary_read", case.reference)
        session.commit()
        return withhold_personal(detail)
    detail["access"] = "full"
    detail.update(perpetrators.case_section(session, case, officer))  # audits what it shows
    audit.record(session, officer.username, "case.read", case.reference)
    settings = get_settings()
    audit.flag_bulk_reads(session, officer.username, settings.bulk_read_limit,
                          settings.bulk_read_window_minutes)
    if case.new_information_at is not None and case.assigned_officer_id == officer.id:
        case.new_information_at = None  # its officer has now seen what the resident added
    session.commit()
    return detail


def list_messages(session: Session, officer: Officer, case: Case) -> list[dict[str, Any]]:
    """Messages to the resident with their delivery status, recorded as case.messages_read
    (their words and the resident's address: full readers only)."""
    workflow.check_can_read_full(officer, case)
    items = messages_for_case(session, case)
    audit.record(session, officer.username, "case.messages_read", case.reference)
    session.commit()
    return items
