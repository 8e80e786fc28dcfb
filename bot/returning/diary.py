"""The diary: a further incident added to the same case, read like a first account (what,
when, where). A new entry re-runs triage (repeat victimisation raises risk, with the reason)
and flags the case as having new information for its officer."""

from __future__ import annotations

from datetime import UTC, date, datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from bot import audit, triage
from bot.cases import URGENT_RANK
from bot.models import Case, CaseRepeatRisk, DiaryEntry
from bot.report import Report

REPEAT = "repeat_or_ongoing"


def entries(session: Session, case: Case) -> list[DiaryEntry]:
    return list(session.scalars(select(DiaryEntry).where(DiaryEntry.case_id == case.id)
                                .order_by(DiaryEntry.added_at, DiaryEntry.id)))


def entry_dict(entry: DiaryEntry) -> dict[str, Any]:
    """The shape of ``GET /api/v1/cases/{ref}`` → ``diary`` (issue 9)."""
    return {
        "occurred_on": entry.occurred_on.isoformat() if entry.occurred_on else None,
        "summary": entry.summary,
        "account": entry.account,
        "added_at": entry.added_at.isoformat(),
        "channel": entry.channel,
        "location": entry.location_text,
        "incident_types": list(entry.incident_types or []),
    }


def _as_report(case: Case, accounts: list[str]) -> Report:
    """The case as a Report, its account followed by every diary entry (for triage)."""
    values = {name: getattr(case, name) for name in Report.model_fields if hasattr(case, name)}
    values["narrative"] = "\n".join(p for p in (case.narrative, *accounts) if p)[:20000]
    values["ongoing"] = True  # it happened again: repeat victimisation
    return Report.model_validate(values)


def retriage(session: Session, case: Case, accounts: list[str]) -> None:
    """Raise the case's risk if the diary says so (never lower it), with the reasons."""
    risk = triage.assess(_as_report(case, accounts))
    reasons = list(dict.fromkeys([*(case.risk_reasons or []), *risk.reasons]))
    raised = session.get(CaseRepeatRisk, case.id)
    before = {"risk_level": case.risk_level, "risk_reasons": list(case.risk_reasons or [])}
    if raised is not None:  # a repeat perpetrator raised it: raise the level it returns to
        if triage.RANK[risk.level] > triage.RANK[raised.base_level]:
            raised.base_level = risk.level
        level = max(case.risk_level, risk.level, key=triage.RANK.__getitem__)
    else:
        level = max(case.risk_level, risk.level, key=triage.RANK.__getitem__)
    after = {"risk_level": level, "risk_reasons": reasons}
    if after != before:
        case.risk_level, case.risk_reasons = level, reasons
        case.risk_rank = URGENT_RANK if case.urgent else triage.RANK[level]
        audit.record(session, None, "case.risk_changed", case.reference,
                     {**audit.diff(before, after), "signal": "diary"})


def add_entry(session: Session, case: Case, *, account: str, summary: str | None,
              occurred_on: date | None, location_text: str | None, incident_types: list[str],
              channel: str, now: datetime | None = None) -> DiaryEntry:
    """Write the entry, re-run triage and flag the case for its officer (the caller commits)."""
    now = now or datetime.now(UTC)
    entry = DiaryEntry(case_id=case.id, account=account[:20000], summary=summary,
                       occurred_on=occurred_on, location_text=location_text,
                       incident_types=sorted(set(incident_types)), channel=channel,
                       added_at=now)
    session.add(entry)
    session.flush()
    retriage(session, case, [e.account or "" for e in entries(session, case)])
    case.new_information_at = now
    case.updated_at = now
    audit.record(session, None, "case.diary_added", case.reference,
                 {"entry_id": entry.id, "channel": channel})
    return entry
