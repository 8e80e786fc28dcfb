"""Creating and reading perpetrator records, and the possible matches an officer may see.

Matching never searches clear text: each record's identifiers are stored as keyed hashes
(``keys.py``) and compared by equality. Linking a match is always an officer's decision.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import delete, func, insert, select
from sqlalchemy.orm import Session

from bot import audit
from bot.models import Case, CasePerpetratorLink, Officer, Perpetrator, PerpetratorIdentifier
from bot.perpetrators import keys
from bot.perpetrators.access import visible_ids
from bot.workflow import OfficerLike

MATCH_REASONS = {
    keys.ADDRESS: "same address",
    keys.NAME: "same name or alias",
    keys.HANDLE: "same online handle",
    keys.HANDLE_ANY: "same handle on another platform",
}
ACCOUNT_REASONS = {
    "address": "the account names an address on this record",
    "handle": "the account names an online handle on this record",
}


@dataclass
class RecordInput:
    """What an officer may say about a person (all optional, already validated)."""

    description: str | None = None
    name: str | None = None
    aliases: list[str] = field(default_factory=list)
    address: str | None = None
    tenancy: str = "unknown"
    online_handles: list[dict[str, str]] = field(default_factory=list)
    notes: str | None = None


def write_identifiers(session: Session, record: Perpetrator) -> int:
    """Replace the record's keyed hashes with those of its current identifiers."""
    session.execute(delete(PerpetratorIdentifier)
                    .where(PerpetratorIdentifier.perpetrator_id == record.id))
    pairs = keys.record_identifiers(record.name, record.aliases, record.address,
                                    record.online_handles)
    if pairs:
        session.execute(insert(PerpetratorIdentifier), [
            {"perpetrator_id": record.id, "kind": kind, "digest": value}
            for kind, value in sorted(pairs)
        ])
    return len(pairs)


def rehash_all(session: Session, batch_size: int = 500) -> tuple[int, int]:
    """Re-hash every record under the current match key, committing per batch."""
    records = identifiers = last = 0
    while True:
        batch = list(session.scalars(select(Perpetrator).where(Perpetrator.id > last)
                                     .order_by(Perpetrator.id).limit(batch_size)))
        if not batch:
            return records, identifiers
        for record in batch:
            identifiers += write_identifiers(session, record)
        session.commit()
        records += len(batch)
        last = batch[-1].id


def create_record(session: Session, officer: Officer, data: RecordInput) -> Perpetrator:
    """A new record by this officer, hashed for matching and audited (the caller commits)."""
    now = datetime.now(UTC)
    record = Perpetrator(
        created_at=now, updated_at=now, created_by_officer_id=officer.id,
        description=data.description, name=data.name, address=data.address,
        tenancy=data.tenancy, notes=data.notes, unlinked_since=now,
    )
    record.aliases = data.aliases
    record.online_handles = data.online_handles
    session.add(record)
    session.flush()
    write_identifiers(session, record)
    given = sorted(k for k, v in vars(data).items() if v not in (None, [], "unknown"))
    audit.record(session, officer.username, "perpetrator.created",
                 changes={"perpetrator_id": record.id, "fields": given, "tenancy": data.tenancy})
    return record


def audit_matches_shown(session: Session, officer: OfficerLike, record: Perpetrator,
                        matches: list[dict[str, Any]]) -> None:
    """Showing a possible match is a read of the other record: audited."""
    audit.record(session, officer.username, "perpetrator.match_shown",
                 changes={"perpetrator_id": record.id,
                          "perpetrator_ids": [m["id"] for m in matches]})


def _reasons(kinds: set[str], table: dict[str, str]) -> str:
    if keys.HANDLE in kinds:
        kinds = kinds - {keys.HANDLE_ANY}
    order = list(table)
    return "; ".join(table[k] for k in sorted(kinds, key=order.index))


def record_matches(session: Session, record: Perpetrator,
                   officer: OfficerLike) -> list[dict[str, Any]]:
    """Other records sharing an identifier with this one, that the officer may see."""
    mine = select(PerpetratorIdentifier.digest).where(
        PerpetratorIdentifier.perpetrator_id == record.id)
    rows = session.execute(
        select(PerpetratorIdentifier.perpetrator_id, PerpetratorIdentifier.kind)
        .where(PerpetratorIdentifier.digest.in_(mine),
               PerpetratorIdentifier.perpetrator_id != record.id)
    ).all()
    return _matches(session, officer, rows, MATCH_REASONS)


def case_matches(session: Session, case: Case, officer: OfficerLike) -> list[dict[str, Any]]:
    """Records whose address or handle the case's account names (narrative or place text),
    not already linked to it, that the officer may see. Computed at read time from the
    decrypted account, so a record created after the report still matches."""
    found = keys.account_identifiers(case.narrative, case.location_text)
    if not found:
        return []
    by_digest = {value: what for (_kind, value), what in found.items()}
    linked = select(CasePerpetratorLink.perpetrator_id).where(
        CasePerpetratorLink.case_id == case.id, CasePerpetratorLink.unlinked_at.is_(None))
    rows = session.execute(
        select(PerpetratorIdentifier.perpetrator_id, PerpetratorIdentifier.digest)
        .where(PerpetratorIdentifier.digest.in_(list(by_digest)),
               PerpetratorIdentifier.perpetrator_id.not_in(linked))
    ).all()
    return _matches(session, officer, [(pid, by_digest[d]) for pid, d in rows], ACCOUNT_REASONS)


def _matches(session: Session, officer: OfficerLike, rows: Any,
             reasons: dict[str, str]) -> list[dict[str, Any]]:
    kinds: dict[int, set[str]] = {}
    for record_id, kind in rows:
        kinds.setdefault(record_id, set()).add(kind)
    allowed = visible_ids(session, officer, kinds)
    return [{"id": rid, "reason": _reasons(kinds[rid], reasons)}
            for rid in sorted(kinds) if rid in allowed]


def active_link_counts(session: Session, record_ids: list[int]) -> dict[int, int]:
    """How many cases each record is linked to now."""
    if not record_ids:
        return {}
    rows = session.execute(
        select(CasePerpetratorLink.perpetrator_id, func.count())
        .where(CasePerpetratorLink.perpetrator_id.in_(record_ids),
               CasePerpetratorLink.unlinked_at.is_(None))
        .group_by(CasePerpetratorLink.perpetrator_id)
    ).all()
    return dict(rows)


def usernames(session: Session, ids: set[int | None]) -> dict[int, str]:
    ids = {i for i in ids if i is not None}
    if not ids:
        return {}
    rows = session.execute(select(Officer.id, Officer.username).where(Officer.id.in_(ids)))
    return {i: u for i, u in rows}
