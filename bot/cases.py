"""The case store: create cases from reports and render them for officers."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

from sqlalchemy import ColumnElement, and_, bindparam, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from bot import safeguarding, triage
from bot.models import Case
from bot.references import new_reference
from bot.report import Report
from bot.settings import Settings, get_settings


def add_working_days(start: datetime, days: int) -> datetime:
    """``days`` working days (Mon-Fri) after ``start``; bank holidays are not modelled."""
    current = start
    added = 0
    while added < days:
        current += timedelta(days=1)
        if current.weekday() < 5:
            added += 1
    return current


URGENT_RANK = 3  # above every high-risk case: a resident in danger sent their report early


def case_for_submission(session: Session, key: str | None) -> Case | None:
    """The case already written for this submission key (a retried or repeated send)."""
    if not key:
        return None
    return session.scalar(select(Case).where(Case.submission_key == key))


def create_case(session: Session, report: Report, settings: Settings | None = None) -> Case:
    """Write one case with a fresh unique reference, its risk and its response target.

    Idempotent per ``report.submission_key``: the same report sent again returns its case.
    """
    settings = settings or get_settings()
    existing = case_for_submission(session, report.submission_key)
    if existing is not None:
        return existing
    concern = safeguarding.assess(report.safeguarding, report.narrative)
    if concern.kind and report.safeguarding is None:
        report = report.model_copy(update={"safeguarding": concern.kind})
    risk = triage.assess(report)
    now = datetime.now(UTC)
    days = settings.response_days_high if risk.level == "high" else settings.response_days_standard
    data = report.model_dump(exclude={"reference"})
    chosen = report.reference
    for _ in range(10):
        case = Case(
            reference=chosen or new_reference(settings.reference_prefix),
            created_at=now,
            risk_level=risk.level,
            risk_rank=URGENT_RANK if report.urgent else risk.rank,
            risk_reasons=risk.reasons,
            safeguarding_reasons=concern.reasons,
            due_by=add_working_days(now, days),
            **data,
        )
        try:
            with session.begin_nested():
                session.add(case)
                session.flush()
            return case
        except IntegrityError:  # a reference collision (try another) or the same report racing
            existing = case_for_submission(session, report.submission_key)
            if existing is not None:
                return existing
            chosen = None  # the kept reference was taken meanwhile (vanishingly rare)
            continue
    raise RuntimeError("could not allocate a unique case reference")


# Statuses in which nobody has yet acted for the resident: past its target, such a case is overdue.
UNCONTACTED_STATUSES = ("new", "triaged")


def is_overdue(case: Case, now: datetime | None = None) -> bool:
    """Past its response target (``due_by``) and not yet contacted: still ``new``/``triaged``,
    no message queued to the resident (``contacted_at``), not closed."""
    now = now or datetime.now(UTC)
    return (
        case.status in UNCONTACTED_STATUSES
        and case.contacted_at is None
        and case.due_by is not None
        and case.due_by < now
    )


def overdue_clause(now: datetime | None = None) -> ColumnElement[bool]:
    """``is_overdue`` as a SQL condition for queue filters (uses the ``due_by`` index)."""
    now = now or datetime.now(UTC)
    # statuses rendered inline: SQLite uses the partial index ix_cases_uncontacted only when it
    # can see the query's condition implies the index's, which a bound parameter hides
    statuses = bindparam("uncontacted_statuses", list(UNCONTACTED_STATUSES), expanding=True,
                         literal_execute=True)
    return and_(
        Case.status.in_(statuses),
        Case.contacted_at.is_(None),
        Case.due_by.is_not(None),
        Case.due_by < now,
    )


def mark_contacted(case: Case, now: datetime | None = None) -> None:
    """Record the first contact with the resident (a queued message, or work starting)."""
    if case.contacted_at is None:
        case.contacted_at = now or datetime.now(UTC)


def consent_of(case: Case) -> dict[str, bool | None]:
    """Each sharing choice as the resident made it (None: not asked, or skipped)."""
    return {"police": case.consent_police, "support": case.consent_support,
            "landlord": case.consent_landlord}


def get_case(session: Session, reference: str) -> Case | None:
    return session.scalar(select(Case).where(Case.reference == reference.upper()))


def case_to_dict(case: Case) -> dict[str, Any]:
    """The officer view of a case (field names fixed by the foundation issue)."""
    return {
        "reference": case.reference,
        "created_at": case.created_at.isoformat(),
        "status": case.status,
        "channel": case.channel,
        "reporter_role": case.reporter_role,
        "narrative": case.narrative,
        "strands": list(case.strands or []),
        "incident_types": list(case.incident_types or []),
        "occurred_on": case.occurred_on.isoformat() if case.occurred_on else None,
        "occurred_time": case.occurred_time,
        "ongoing": case.ongoing,
        "location": {
            "text": case.location_text,
            "ward": case.location_ward,
            "online": bool(case.location_online),
        },
        "perpetrator": case.perpetrator,
        "housing": {"tenure": case.housing, "provider": case.housing_provider},
        "injured": case.injured,
        "danger_now": bool(case.danger_now),
        "urgent": bool(case.urgent),
        "faiths": list(case.faiths or []),
        "anonymous": bool(case.anonymous),
        "contact": {
            "method": case.contact_method,
            "value": case.contact_value,
            "safe_time": case.safe_contact_time,
            "name": case.contact_name,
            "voicemail_ok": case.voicemail_ok,
        },
        "share_consent": bool(case.share_consent),
        "consent": consent_of(case),
        "wishes": {
            "outcomes": list(case.wishes or []),
            "in_their_words": case.wishes_text,
            "support_wanted": case.support_wanted,
        },
        "feels_safe_at_home": case.feels_safe_home,
        "access_needs": {
            "needs": list(case.access_needs or []),
            "language": case.access_language,
            "other": case.access_other,
        },
        "subject": (
            {"knows": case.subject_knows, "agrees_to_contact": case.subject_agrees,
             "contact": case.subject_contact}
            if case.reporter_role == "third_party" else None
        ),
        "safeguarding": {"concern": case.safeguarding,
                         "reasons": list(case.safeguarding_reasons or [])},
        "new_information": case.new_information_at is not None,
        "new_information_at": case.new_information_at.isoformat()
        if case.new_information_at else None,
        "risk": {
            "level": case.risk_level,
            "reasons": list(case.risk_reasons or []),
            "suggest_cmarac": triage.suggests_cmarac(case.risk_level),
        },
        "due_by": case.due_by.isoformat() if case.due_by else None,
        "overdue": is_overdue(case),
        "assigned_officer": case.assigned_officer.username if case.assigned_officer else None,
        "outcome": case.outcome,
    }
