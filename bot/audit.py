"""The append-only audit log: who read or changed which case, when, and what changed.

Diffs never carry sensitive values (free text, contact details): those fields are recorded as
changed, with the value replaced by ``"[redacted]"``, so the log itself is safe to show a
supervisor or a data protection officer.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Mapping
from datetime import UTC, datetime, timedelta
from typing import Any

from sqlalchemy import func, insert, select
from sqlalchemy.orm import Session

from bot.models import AuditEvent

log = logging.getLogger("tellonce.audit")
REDACTED = "[redacted]"
SENSITIVE_FIELDS = frozenset(
    {
        "narrative",
        "text",
        "body",
        "to",
        "detail",
        "contact_value",
        "contact",
        "safe_contact_time",
        "location_text",
        "housing_provider",
        "occurred_time",
        "password",
        "password_hash",
    }
)


def _safe(field: str, value: Any) -> Any:
    if field in SENSITIVE_FIELDS and value is not None:
        return REDACTED
    if isinstance(value, datetime):
        return value.isoformat()
    if isinstance(value, (list, tuple)):
        return list(value)
    return value


def diff(before: Mapping[str, Any], after: Mapping[str, Any]) -> dict[str, dict[str, Any]]:
    """``{field: {"from": old, "to": new}}`` for every field whose value changed, redacted."""
    changes: dict[str, dict[str, Any]] = {}
    for field in sorted(set(before) | set(after)):
        old, new = before.get(field), after.get(field)
        if old != new:
            changes[field] = {"from": _safe(field, old), "to": _safe(field, new)}
    return changes


def redact(values: Mapping[str, Any]) -> dict[str, Any]:
    """A flat record of facts (e.g. a new note's id) with sensitive values redacted."""
    return {k: _safe(k, v) for k, v in values.items()}


def record(
    session: Session,
    officer: str | None,
    action: str,
    case_reference: str | None = None,
    changes: Mapping[str, Any] | None = None,
) -> None:
    """Add one event to the session; it commits with the change it describes."""
    session.add(
        AuditEvent(
            at=datetime.now(UTC),
            officer_username=officer,
            case_reference=case_reference,
            action=action,
            changes=dict(changes) if changes else None,
        )
    )


def flag_bulk_reads(session: Session, officer: str, limit: int, window_minutes: int,
                    now: datetime | None = None) -> bool:
    """Flag (once per window) an officer who read more than ``limit`` cases in full within
    ``window_minutes``: an audit event ``officer.bulk_reads`` and a warning in the log."""
    now = now or datetime.now(UTC)
    since = now - timedelta(minutes=window_minutes)

    def count(action: str) -> int:
        return session.scalar(select(func.count()).select_from(AuditEvent).where(
            AuditEvent.officer_username == officer, AuditEvent.action == action,
            AuditEvent.at >= since)) or 0

    reads = count("case.read")
    if reads <= limit or count("officer.bulk_reads"):
        return False
    record(session, officer, "officer.bulk_reads", None,
           {"reads": reads, "window_minutes": window_minutes, "limit": limit})
    log.warning("bulk case reads flagged officer=%s reads=%d window_minutes=%d", officer, reads,
                window_minutes)
    return True


def record_reads(session: Session, officer: str, action: str, references: Iterable[str]) -> None:
    """One event per case seen (a queue page): a single multi-row INSERT."""
    now = datetime.now(UTC)
    rows = [
        {"at": now, "officer_username": officer, "case_reference": ref, "action": action}
        for ref in references
    ]
    if rows:
        session.execute(insert(AuditEvent), rows)


def query(
    session: Session,
    case_reference: str | None = None,
    officer: str | None = None,
    start: datetime | None = None,
    end: datetime | None = None,
    after_id: int | None = None,
    limit: int = 100,
    *,
    before_id: int | None = None,
    newest_first: bool = False,
) -> list[AuditEvent]:
    """Events matching the filters, oldest first (or ``newest_first``), keyset-paginated on
    the id (``after_id`` forwards, ``before_id`` backwards)."""
    stmt = select(AuditEvent)
    if case_reference:
        stmt = stmt.where(AuditEvent.case_reference == case_reference.upper())
    if officer:
        stmt = stmt.where(AuditEvent.officer_username == officer)
    if start:
        stmt = stmt.where(AuditEvent.at >= start)
    if end:
        stmt = stmt.where(AuditEvent.at < end)
    if after_id is not None:
        stmt = stmt.where(AuditEvent.id > after_id)
    if before_id is not None:
        stmt = stmt.where(AuditEvent.id < before_id)
    order = AuditEvent.id.desc() if newest_first else AuditEvent.id
    return list(session.scalars(stmt.order_by(order).limit(limit)))
