"""Officers, cases and what hangs off a case (notes, actions, strand/incident side tables)."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from sqlalchemy import (
    JSON,
    Boolean,
    Date,
    ForeignKey,
    Index,
    Integer,
    String,
    case,
    event,
    text,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship
from sqlalchemy.orm import attributes as orm_attributes

from bot.models.types import Base, EncryptedText, utcnow


class Officer(Base):
    __tablename__ = "officers"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    username: Mapped[str] = mapped_column(String(64), unique=True)
    password_hash: Mapped[str] = mapped_column(String(255))
    role: Mapped[str] = mapped_column(String(16), default="officer")
    display_name: Mapped[str | None] = mapped_column(String(120))
    email: Mapped[str | None] = mapped_column(String(255))
    phone: Mapped[str | None] = mapped_column(String(32))
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    # Bumped on password change, deactivation and role change: every bearer token and workspace
    # session minted at an older version stops working at once (bot/casework/accounts.py).
    token_version: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    # The TOTP second factor (bot/totp.py): the shared secret, encrypted; the last time step
    # accepted, so a code is good once.
    totp_secret: Mapped[str | None] = mapped_column(EncryptedText)
    totp_last_step: Mapped[int | None] = mapped_column(Integer)


class Case(Base):
    __tablename__ = "cases"
    __table_args__ = (
        Index("ix_cases_queue", "status", "risk_rank", "created_at"),
        Index("ix_cases_created", "created_at", "id"),
        # insight: covering indexes for counts and rising trends by ward / channel over time
        Index("ix_cases_ward_created", "location_ward", "created_at"),
        Index("ix_cases_channel_created", "channel", "created_at"),
        Index("uq_cases_submission_key", "submission_key", unique=True),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    reference: Mapped[str] = mapped_column(String(24), unique=True)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow, onupdate=utcnow)
    status: Mapped[str] = mapped_column(String(16), default="new", index=True)
    channel: Mapped[str] = mapped_column(String(16), default="web", index=True)
    conversation_id: Mapped[str | None] = mapped_column(String(80), index=True)

    reporter_role: Mapped[str | None] = mapped_column(String(16))
    narrative: Mapped[str | None] = mapped_column(EncryptedText)
    strands: Mapped[list[str]] = mapped_column(JSON, default=list)
    incident_types: Mapped[list[str]] = mapped_column(JSON, default=list)
    occurred_on: Mapped[date | None] = mapped_column(Date)
    occurred_time: Mapped[str | None] = mapped_column(EncryptedText)
    ongoing: Mapped[bool | None] = mapped_column(Boolean)
    location_text: Mapped[str | None] = mapped_column(EncryptedText)
    location_ward: Mapped[str | None] = mapped_column(String(64), index=True)
    location_online: Mapped[bool] = mapped_column(Boolean, default=False)
    perpetrator: Mapped[str | None] = mapped_column(String(16))
    housing: Mapped[str | None] = mapped_column(String(32))
    housing_provider: Mapped[str | None] = mapped_column(EncryptedText)
    injured: Mapped[bool | None] = mapped_column(Boolean)
    danger_now: Mapped[bool] = mapped_column(Boolean, default=False)
    # Sent early by a resident in danger now: top of the queue (risk_rank 3).
    urgent: Mapped[bool] = mapped_column(Boolean, default=False)
    faiths: Mapped[list[str]] = mapped_column(JSON, default=list, nullable=True)
    # Coming back: an Argon2 hash of the secret code shown once at submission (never the code),
    # and when the resident last added something the officer has not yet read.
    return_secret_hash: Mapped[str | None] = mapped_column(String(255))
    new_information_at: Mapped[datetime | None] = mapped_column()
    feedback_requested_at: Mapped[datetime | None] = mapped_column()
    # One case per report: a retried or repeated submission carries the same key.
    submission_key: Mapped[str | None] = mapped_column(String(160))

    # The person it happened to (third-party reports) and safeguarding.
    subject_knows: Mapped[bool | None] = mapped_column(Boolean)
    subject_agrees: Mapped[bool | None] = mapped_column(Boolean)
    subject_contact: Mapped[str | None] = mapped_column(EncryptedText)
    safeguarding: Mapped[str | None] = mapped_column(String(16))
    safeguarding_reasons: Mapped[list[str]] = mapped_column(JSON, default=list, nullable=True)

    # What matters to them, so nobody phones to ask again.
    wishes: Mapped[list[str]] = mapped_column(JSON, default=list, nullable=True)
    wishes_text: Mapped[str | None] = mapped_column(EncryptedText)
    support_wanted: Mapped[bool | None] = mapped_column(Boolean)
    feels_safe_home: Mapped[bool | None] = mapped_column(Boolean)
    access_needs: Mapped[list[str]] = mapped_column(JSON, default=list, nullable=True)
    access_language: Mapped[str | None] = mapped_column(String(64))
    access_other: Mapped[str | None] = mapped_column(EncryptedText)

    anonymous: Mapped[bool] = mapped_column(Boolean, default=True)
    contact_method: Mapped[str | None] = mapped_column(String(16))
    contact_value: Mapped[str | None] = mapped_column(EncryptedText)
    safe_contact_time: Mapped[str | None] = mapped_column(EncryptedText)
    contact_name: Mapped[str | None] = mapped_column(EncryptedText)
    voicemail_ok: Mapped[bool | None] = mapped_column(Boolean)
    # Each sharing choice on its own (None: not asked or skipped); share_consent = any of them.
    consent_police: Mapped[bool | None] = mapped_column(Boolean)
    consent_support: Mapped[bool | None] = mapped_column(Boolean)
    consent_landlord: Mapped[bool | None] = mapped_column(Boolean)
    share_consent: Mapped[bool] = mapped_column(Boolean, default=False)

    risk_level: Mapped[str] = mapped_column(String(16), default="standard", index=True)
    risk_rank: Mapped[int] = mapped_column(Integer, default=0)  # high=2, medium=1: queue order
    risk_reasons: Mapped[list[str]] = mapped_column(JSON, default=list)
    due_by: Mapped[datetime | None] = mapped_column(index=True)
    assigned_officer_id: Mapped[int | None] = mapped_column(ForeignKey("officers.id"), index=True)
    outcome: Mapped[str | None] = mapped_column(String(64))
    closed_at: Mapped[datetime | None] = mapped_column()
    anonymised_at: Mapped[datetime | None] = mapped_column()
    # First contact with the resident (message queued or work started): no longer overdue.
    contacted_at: Mapped[datetime | None] = mapped_column()

    assigned_officer: Mapped[Officer | None] = relationship(lazy="joined")


# The queue's order (risk high first, then oldest, then id): keyset pages are range scans.
Index("ix_cases_risk_age", Case.risk_rank.desc(), Case.created_at, Case.id)
# The overdue filter: only cases nobody has acted on yet, in queue order (partial index, so it
# stays small however many cases are closed). bot.cases.overdue_clause matches its condition.
_UNCONTACTED = "status IN ('new', 'triaged') AND contacted_at IS NULL"
Index("ix_cases_uncontacted", Case.risk_rank.desc(), Case.created_at, Case.id,
      sqlite_where=text(_UNCONTACTED), postgresql_where=text(_UNCONTACTED))
# The working queue (open cases only, the workspace's default view), in queue order.
Index("ix_cases_open_queue", Case.risk_rank.desc(), Case.created_at, Case.id,
      sqlite_where=text("status != 'closed'"), postgresql_where=text("status != 'closed'"))
# The workspace's headline counts (new; overdue), for everyone or one officer's view, as index
# range counts. The overdue one ranges over "due_by of a case nobody has contacted yet", an
# expression the queue never filters on, so this index cannot draw the queue's own overdue
# filter away from ix_cases_uncontacted (bot.casework.reads.queue_counts).
# PostgreSQL: the expression's own columns are INCLUDEd so the count is an index-only scan.
Index("ix_cases_headline", Case.status, case((Case.contacted_at.is_(None), Case.due_by)),
      Case.assigned_officer_id, postgresql_include=["contacted_at", "due_by"])
# The queue filtered by ward (the commonest filter for a ward-based team), in queue order.
Index("ix_cases_ward_queue", Case.location_ward, Case.risk_rank.desc(), Case.created_at, Case.id)


class CaseNote(Base):
    __tablename__ = "case_notes"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id", ondelete="CASCADE"), index=True)
    officer_id: Mapped[int | None] = mapped_column(ForeignKey("officers.id"))
    text: Mapped[str | None] = mapped_column(EncryptedText)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)


class CaseAction(Base):
    """A recorded referral or enforcement action."""

    __tablename__ = "case_actions"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id", ondelete="CASCADE"), index=True)
    officer_id: Mapped[int | None] = mapped_column(ForeignKey("officers.id"))
    kind: Mapped[str] = mapped_column(String(16))  # referral | enforcement
    action: Mapped[str] = mapped_column(String(48))
    detail: Mapped[str | None] = mapped_column(EncryptedText)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)


class CaseStrand(Base):
    """(case, strand) pairs mirrored from ``Case.strands`` on every write, with the case's
    ``created_at``: statistics count strands with a plain indexed GROUP BY (no JSON functions),
    the same on SQLite and PostgreSQL, and the queue can filter by strand through an index."""

    __tablename__ = "case_strands"
    __table_args__ = (Index("ix_case_strands_strand_created", "strand", "created_at", "case_id"),)

    case_id: Mapped[int] = mapped_column(
        ForeignKey("cases.id", ondelete="CASCADE"), primary_key=True
    )
    strand: Mapped[str] = mapped_column(String(32), primary_key=True)
    created_at: Mapped[datetime] = mapped_column()


class CaseIncidentType(Base):
    """(case, incident type) pairs mirrored from ``Case.incident_types`` (see ``CaseStrand``)."""

    __tablename__ = "case_incident_types"
    __table_args__ = (
        Index("ix_case_incident_types_type_created", "incident_type", "created_at", "case_id"),
    )

    case_id: Mapped[int] = mapped_column(
        ForeignKey("cases.id", ondelete="CASCADE"), primary_key=True
    )
    incident_type: Mapped[str] = mapped_column(String(32), primary_key=True)
    created_at: Mapped[datetime] = mapped_column()


def facet_rows(case_id: int, created_at: datetime, strands: list[str] | None,
               incident_types: list[str] | None) -> tuple[list[dict], list[dict]]:
    """The side-table rows for one case (also used by bulk loaders that bypass the ORM)."""
    return (
        [{"case_id": case_id, "strand": s, "created_at": created_at}
         for s in sorted(set(strands or []))],
        [{"case_id": case_id, "incident_type": t, "created_at": created_at}
         for t in sorted(set(incident_types or []))],
    )


def _sync_facets(connection: Any, case: Case, replace: bool) -> None:
    strands, types = facet_rows(case.id, case.created_at, case.strands, case.incident_types)
    if replace:
        connection.execute(CaseStrand.__table__.delete().where(CaseStrand.case_id == case.id))
        connection.execute(
            CaseIncidentType.__table__.delete().where(CaseIncidentType.case_id == case.id)
        )
    if strands:
        connection.execute(CaseStrand.__table__.insert(), strands)
    if types:
        connection.execute(CaseIncidentType.__table__.insert(), types)


@event.listens_for(Case, "after_insert")
def _case_inserted(_mapper: Any, connection: Any, case: Case) -> None:
    _sync_facets(connection, case, replace=False)


@event.listens_for(Case, "after_update")
def _case_updated(_mapper: Any, connection: Any, case: Case) -> None:
    state = orm_attributes.instance_state(case)
    if any(state.attrs[name].history.has_changes()
           for name in ("strands", "incident_types", "created_at")):
        _sync_facets(connection, case, replace=True)
