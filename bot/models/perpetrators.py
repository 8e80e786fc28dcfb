"""Perpetrator records, their links to cases, the enforcement taken against them, the risk a
repeat perpetrator adds to a case, and the place keys that group incidents into hotspots.

Everything that identifies a person is ``EncryptedText``; matching goes through the keyed
hashes in ``perpetrator_identifiers`` (docs/perpetrators.md).
"""

from __future__ import annotations

import json
import logging
from datetime import date, datetime
from typing import Any

from sqlalchemy import Date, ForeignKey, Index, Integer, String, event, text
from sqlalchemy.orm import Mapped, mapped_column
from sqlalchemy.orm import attributes as orm_attributes

from bot import hotspot_keys
from bot.models.cases import Case
from bot.models.types import Base, EncryptedText, utcnow

logger = logging.getLogger(__name__)
TENANCIES = ("council_tenant", "housing_association", "private", "unknown")


class Perpetrator(Base):
    """One person (or group) reported, across every case that names them."""

    __tablename__ = "perpetrators"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow, onupdate=utcnow)
    created_by_officer_id: Mapped[int | None] = mapped_column(ForeignKey("officers.id"))
    description: Mapped[str | None] = mapped_column(EncryptedText)
    name: Mapped[str | None] = mapped_column(EncryptedText)
    aliases_json: Mapped[str | None] = mapped_column("aliases", EncryptedText)
    address: Mapped[str | None] = mapped_column(EncryptedText)
    tenancy: Mapped[str] = mapped_column(String(32), default="unknown")
    online_handles_json: Mapped[str | None] = mapped_column("online_handles", EncryptedText)
    notes: Mapped[str | None] = mapped_column(EncryptedText)
    # Since when no case has been linked (retention counts from here); None while linked.
    unlinked_since: Mapped[datetime | None] = mapped_column(index=True)

    @property
    def aliases(self) -> list[str]:
        return json.loads(self.aliases_json) if self.aliases_json else []

    @aliases.setter
    def aliases(self, value: list[str]) -> None:
        self.aliases_json = json.dumps(list(value)) if value else None

    @property
    def online_handles(self) -> list[dict[str, str]]:
        return json.loads(self.online_handles_json) if self.online_handles_json else []

    @online_handles.setter
    def online_handles(self, value: list[dict[str, str]]) -> None:
        self.online_handles_json = json.dumps(list(value)) if value else None


class PerpetratorIdentifier(Base):
    """A keyed hash of one normalised identifier (address key, name or alias, handle)."""

    __tablename__ = "perpetrator_identifiers"
    __table_args__ = (Index("ix_perpetrator_identifiers_match", "kind", "digest"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    perpetrator_id: Mapped[int] = mapped_column(
        ForeignKey("perpetrators.id", ondelete="CASCADE"), index=True
    )
    kind: Mapped[str] = mapped_column(String(16))
    digest: Mapped[str] = mapped_column(String(64))


_ACTIVE = "unlinked_at IS NULL"


class CasePerpetratorLink(Base):
    """An officer's decision that a case concerns a record, and (later) its undoing. Reasons are
    encrypted here rather than written into the append-only audit log, so they leave with the
    record under its own retention rule."""

    __tablename__ = "case_perpetrator_links"
    __table_args__ = (
        Index("uq_case_perpetrator_active", "case_id", "perpetrator_id", unique=True,
              sqlite_where=text(_ACTIVE), postgresql_where=text(_ACTIVE)),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id", ondelete="CASCADE"), index=True)
    perpetrator_id: Mapped[int] = mapped_column(
        ForeignKey("perpetrators.id", ondelete="CASCADE"), index=True
    )
    linked_at: Mapped[datetime] = mapped_column(default=utcnow)
    linked_by_officer_id: Mapped[int | None] = mapped_column(ForeignKey("officers.id"))
    link_reason: Mapped[str | None] = mapped_column(EncryptedText)
    unlinked_at: Mapped[datetime | None] = mapped_column()
    unlinked_by_officer_id: Mapped[int | None] = mapped_column(ForeignKey("officers.id"))
    unlink_reason: Mapped[str | None] = mapped_column(EncryptedText)


class PerpetratorEnforcement(Base):
    """Action taken against a perpetrator (shown on every linked case). When the record is
    deleted the row stays, anonymous (no perpetrator, outcome or notes), for accountability."""

    __tablename__ = "perpetrator_enforcement"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    perpetrator_id: Mapped[int | None] = mapped_column(
        ForeignKey("perpetrators.id", ondelete="SET NULL"), index=True
    )
    type: Mapped[str] = mapped_column(String(40))
    taken_on: Mapped[date] = mapped_column(Date)
    outcome: Mapped[str | None] = mapped_column(EncryptedText)
    notes: Mapped[str | None] = mapped_column(EncryptedText)
    officer_id: Mapped[int | None] = mapped_column(ForeignKey("officers.id"))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)


class CaseRepeatRisk(Base):
    """A case whose risk a repeat perpetrator raised: the level it had before (restored when
    the signal goes) and how many reports the record is linked to."""

    __tablename__ = "case_repeat_risk"

    case_id: Mapped[int] = mapped_column(
        ForeignKey("cases.id", ondelete="CASCADE"), primary_key=True
    )
    base_level: Mapped[str] = mapped_column(String(16))
    linked_reports: Mapped[int] = mapped_column(Integer)
    raised_at: Mapped[datetime] = mapped_column(default=utcnow)


class CasePlace(Base):
    """Keyed hashes of a case's place text and estate, written when the case is, so hotspots
    group incidents by place without decrypting any case (``bot.hotspots``)."""

    __tablename__ = "case_places"
    __table_args__ = (Index("ix_case_places_window", "created_at", "kind", "digest"),)

    case_id: Mapped[int] = mapped_column(
        ForeignKey("cases.id", ondelete="CASCADE"), primary_key=True
    )
    kind: Mapped[str] = mapped_column(String(8), primary_key=True)  # place | estate
    digest: Mapped[str] = mapped_column(String(64))
    created_at: Mapped[datetime] = mapped_column()


def place_rows(case_id: int, created_at: datetime, location_text: str | None,
               online: bool) -> list[dict[str, Any]]:
    """The ``case_places`` rows of one case (also used by the backfill). A failure here must
    never lose a resident's report: it is logged (no content) and the case has no place keys."""
    try:
        digests = hotspot_keys.place_digests(location_text, online)
    except Exception:  # noqa: BLE001 - statistics must not block a report
        logger.exception("could not compute place keys for case id %s", case_id)
        return []
    return [{"case_id": case_id, "kind": kind, "digest": value, "created_at": created_at}
            for kind, value in digests.items()]


@event.listens_for(Case, "after_insert")
def _case_places_inserted(_mapper: Any, connection: Any, case: Case) -> None:
    rows = place_rows(case.id, case.created_at, case.location_text, bool(case.location_online))
    if rows:
        connection.execute(CasePlace.__table__.insert(), rows)


@event.listens_for(Case, "after_update")
def _case_places_updated(_mapper: Any, connection: Any, case: Case) -> None:
    state = orm_attributes.instance_state(case)
    if any(state.attrs[name].history.has_changes()
           for name in ("location_text", "location_online", "created_at")):
        connection.execute(CasePlace.__table__.delete().where(CasePlace.case_id == case.id))
        rows = place_rows(case.id, case.created_at, case.location_text,
                          bool(case.location_online))
        if rows:
            connection.execute(CasePlace.__table__.insert(), rows)
