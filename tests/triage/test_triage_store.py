"""Triage as stored by the case store: risk JSON, response targets, overdue (SQL and Python)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from sqlalchemy import select

from bot.cases import case_to_dict, create_case, is_overdue, mark_contacted, overdue_clause
from bot.models import Case, CaseIncidentType, CaseStrand
from bot.report import Report


def test_case_json_carries_risk_reasons_and_cmarac_hint(db) -> None:
    case = create_case(db, Report(narrative="he came at me with a knife", strands=["race"]))
    db.commit()
    risk = case_to_dict(case)["risk"]
    assert risk == {"level": "high", "reasons": ["weapon"], "suggest_cmarac": True}
    low = case_to_dict(create_case(db, Report(strands=["race"])))["risk"]
    assert low == {"level": "standard", "reasons": [], "suggest_cmarac": False}


def test_response_target_is_working_days_from_settings(db, monkeypatch) -> None:
    high = create_case(db, Report(danger_now=True))
    standard = create_case(db, Report())
    # high: 1 working day, others 3 (Mon-Fri); weekends are skipped
    assert 1 <= (high.due_by - high.created_at).days <= 3
    assert 3 <= (standard.due_by - standard.created_at).days <= 5
    assert high.due_by.weekday() < 5 and standard.due_by.weekday() < 5
    monkeypatch.setenv("RESPONSE_DAYS_STANDARD", "10")
    from bot.settings import Settings

    later = create_case(db, Report(), Settings())
    # ten weekdays after the day it came in, whatever day of the week that was
    days = (later.due_by.date() - later.created_at.date()).days
    weekdays = sum((later.created_at.date() + timedelta(n)).weekday() < 5
                   for n in range(1, days + 1))
    assert weekdays == 10 and later.due_by.weekday() < 5


def _overdue_refs(db, now: datetime) -> set[str]:
    return set(db.scalars(select(Case.reference).where(overdue_clause(now))))


def test_overdue_in_python_and_sql_agree(db) -> None:
    now = datetime.now(UTC)
    past, future = now - timedelta(hours=1), now + timedelta(days=1)
    cases = {
        "late_new": dict(status="new", due_by=past),
        "late_triaged": dict(status="triaged", due_by=past),
        "late_started": dict(status="in_progress", due_by=past),
        "late_closed": dict(status="closed", due_by=past),
        "late_contacted": dict(status="new", due_by=past, contacted_at=past),
        "on_time": dict(status="new", due_by=future),
    }
    made = {}
    for name, fields in cases.items():
        case = create_case(db, Report())
        for key, value in fields.items():
            setattr(case, key, value)
        made[name] = case
    db.commit()
    expected = {made["late_new"].reference, made["late_triaged"].reference}
    assert _overdue_refs(db, now) == expected
    assert {c.reference for c in made.values() if is_overdue(c, now)} == expected
    assert case_to_dict(made["late_new"])["overdue"] is True
    assert case_to_dict(made["on_time"])["overdue"] is False

    mark_contacted(made["late_new"], now)
    db.commit()
    assert _overdue_refs(db, now) == {made["late_triaged"].reference}
    assert not is_overdue(made["late_new"], now)


def test_strand_and_incident_side_tables_follow_the_case(db) -> None:
    case = create_case(db, Report(strands=["race", "religion"], incident_types=["threats"]))
    db.commit()
    strands = lambda: set(db.scalars(select(CaseStrand.strand).where(CaseStrand.case_id == case.id)))  # noqa: E731
    types = lambda: set(db.scalars(select(CaseIncidentType.incident_type).where(CaseIncidentType.case_id == case.id)))  # noqa: E731
    assert strands() == {"race", "religion"}
    assert types() == {"threats"}
    row = db.scalar(select(CaseStrand).where(CaseStrand.case_id == case.id).limit(1))
    assert row.created_at == case.created_at

    case.strands = ["disability"]
    case.incident_types = []
    db.commit()
    assert strands() == {"disability"}
    assert types() == set()

    db.delete(case)
    db.commit()
    assert db.scalar(select(CaseStrand).where(CaseStrand.case_id == case.id)) is None
