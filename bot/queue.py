"""The officer queue: filters, risk-then-age order and keyset pagination.

Order: highest risk first, then oldest first (longest waiting), then id; or, with
``sort=newest``, the latest reports first. The cursor encodes the
last row's sort key, so every page is an index range scan however deep the officer pages
(no OFFSET). It is opaque to clients: base64url JSON, validated on the way back in.
"""

from __future__ import annotations

import base64
import binascii
import json
from dataclasses import dataclass
from datetime import UTC, datetime

from sqlalchemy import Select, and_, exists, literal, not_, or_, select
from sqlalchemy.orm import Session, defer

from bot.cases import overdue_clause
from bot.models import Case, CaseIncidentType, CaseStrand
from bot.triage import RANK


class BadCursor(ValueError):
    """The cursor was not one this API handed out."""


@dataclass(frozen=True)
class QueueFilters:
    """Every filter is optional; ``officer_id=0`` means unassigned; ``open_only`` leaves out
    closed cases (the workspace's working queue)."""

    status: str | None = None
    open_only: bool = False
    risk: str | None = None
    strand: str | None = None
    incident_type: str | None = None
    ward: str | None = None
    officer_id: int | None = None
    overdue: bool | None = None
    created_from: datetime | None = None
    created_to: datetime | None = None


def encode_cursor(case: Case) -> str:
    raw = json.dumps([case.risk_rank, case.created_at.isoformat(), case.id]).encode()
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


def decode_cursor(cursor: str) -> tuple[int, datetime, int]:
    try:
        raw = base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4))
        rank, created, case_id = json.loads(raw)
        when = datetime.fromisoformat(created)
        if not (isinstance(rank, int) and isinstance(case_id, int)):
            raise TypeError
    except (ValueError, TypeError, binascii.Error, UnicodeDecodeError) as exc:
        raise BadCursor("cursor is not valid: use the next_cursor of a previous page") from exc
    return rank, (when if when.tzinfo else when.replace(tzinfo=UTC)), case_id


def filtered(filters: QueueFilters, now: datetime, visible_to: int | None = None) -> Select:
    """The filtered (unordered) selection; ``visible_to`` limits it to unassigned or that id's."""
    stmt = select(Case)
    f = filters
    if visible_to is not None:
        stmt = stmt.where(
            or_(Case.assigned_officer_id.is_(None), Case.assigned_officer_id == visible_to)
        )
    if f.status:
        stmt = stmt.where(Case.status == f.status)
    if f.open_only and not f.status and f.overdue is not True:  # else implied or replaced
        # rendered inline, so SQLite and PostgreSQL can both see it matches ix_cases_open_queue
        stmt = stmt.where(Case.status != literal("closed", literal_execute=True))
    if f.risk:
        # the rank too (always set with the level), so (status, risk_rank, created_at) and the
        # queue-order indexes can serve the filter instead of checking rows one by one
        stmt = stmt.where(Case.risk_level == f.risk, Case.risk_rank == RANK.get(f.risk, -1))
    if f.strand:
        stmt = stmt.where(exists().where(CaseStrand.case_id == Case.id,
                                         CaseStrand.strand == f.strand))
    if f.incident_type:
        stmt = stmt.where(exists().where(CaseIncidentType.case_id == Case.id,
                                         CaseIncidentType.incident_type == f.incident_type))
    if f.ward:
        stmt = stmt.where(Case.location_ward == f.ward)
    if f.officer_id == 0:
        stmt = stmt.where(Case.assigned_officer_id.is_(None))
    elif f.officer_id is not None:
        stmt = stmt.where(Case.assigned_officer_id == f.officer_id)
    if f.overdue is True:
        stmt = stmt.where(overdue_clause(now))
    elif f.overdue is False:
        stmt = stmt.where(not_(overdue_clause(now)))
    if f.created_from:
        stmt = stmt.where(Case.created_at >= f.created_from)
    if f.created_to:
        stmt = stmt.where(Case.created_at < f.created_to)
    return stmt


def queue_page(
    session: Session,
    filters: QueueFilters,
    limit: int = 25,
    cursor: str | None = None,
    visible_to: int | None = None,
    now: datetime | None = None,
    sort: str = "risk",
) -> tuple[list[Case], str | None]:
    """One page of the queue and the cursor for the next (None on the last page).

    ``sort="risk"`` is the working queue; ``sort="newest"`` lists the latest reports first.
    """
    now = now or datetime.now(UTC)
    stmt = filtered(filters, now, visible_to)
    if sort == "newest":
        if cursor:
            _, created, case_id = decode_cursor(cursor)
            stmt = stmt.where(or_(Case.created_at < created,
                                  and_(Case.created_at == created, Case.id < case_id)))
        stmt = stmt.order_by(Case.created_at.desc(), Case.id.desc())
    elif cursor:
        rank, created, case_id = decode_cursor(cursor)
        stmt = stmt.where(
            or_(
                Case.risk_rank < rank,
                and_(
                    Case.risk_rank == rank,
                    or_(
                        Case.created_at > created,
                        and_(Case.created_at == created, Case.id > case_id),
                    ),
                ),
            )
        )
    if sort != "newest":
        stmt = stmt.order_by(Case.risk_rank.desc(), Case.created_at.asc(), Case.id.asc())
    # queue rows never show what the resident wrote: leave the encrypted columns unread
    # (no decryption per row; touching one later loads it)
    stmt = stmt.options(defer(Case.narrative), defer(Case.location_text),
                        defer(Case.contact_value), defer(Case.safe_contact_time))
    rows = list(session.scalars(stmt.limit(limit + 1)).unique())
    page = rows[:limit]
    return page, (encode_cursor(page[-1]) if len(rows) > limit else None)
