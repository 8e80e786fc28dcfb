"""``tellonce seed``: realistic synthetic cases, consistent side tables, planted trends."""

from __future__ import annotations

import re
from datetime import UTC, date, datetime

from sqlalchemy import func, select
from typer.testing import CliRunner

from bot import stats
from bot.models import Case, CaseIncidentType, CaseStrand, Officer
from bot.references import ALPHABET
from bot.seed import seed_cases
from bot.settings import Settings

NOW = datetime(2026, 11, 20, 12, tzinfo=UTC)


def test_seeded_cases_have_the_shape_of_real_ones(db) -> None:
    settings = Settings()
    result = seed_cases(db, settings, 1500, now=NOW, chunk=400)
    assert result.cases == 1500
    cases = db.scalars(select(Case)).all()
    assert len(cases) == 1500
    refs = {c.reference for c in cases}
    assert len(refs) == 1500
    assert all(re.fullmatch(rf"HF-[{ALPHABET}]{{6}}", r) for r in refs)
    created = [c.created_at for c in cases]
    assert min(created) >= datetime(2025, 5, 1, tzinfo=UTC) and max(created) <= NOW
    assert {c.status for c in cases} == {"new", "triaged", "in_progress", "closed"}
    assert {c.risk_level for c in cases} == {"standard", "medium", "high"}
    assert {c.channel for c in cases} == {"web", "sms", "whatsapp"}
    assert len({c.location_ward for c in cases if c.location_ward}) == 21
    closed = [c for c in cases if c.status == "closed"]
    assert all(c.closed_at and c.outcome and c.assigned_officer_id for c in closed)
    assert all(c.assigned_officer_id is None for c in cases if c.status == "new")
    assert cases[0].narrative and "@" not in cases[0].narrative  # encrypted field round-trips
    # the side tables mirror the JSON lists exactly
    assert db.scalar(select(func.count()).select_from(CaseStrand)) == sum(len(c.strands) for c in cases)
    assert db.scalar(select(func.count()).select_from(CaseIncidentType)) == sum(
        len(c.incident_types) for c in cases)
    assert db.scalar(select(func.count()).select_from(Officer)) == 12
    # the planted trends are what the insight endpoint finds
    rising = {(r.dimension, r.key) for r in stats.rising(db, settings, date(2026, 11, 20))}
    assert {("strand", "religion"), ("strand", "transgender"), ("ward", "White City")} <= rising
    assert ("strand", "race") not in rising


def test_cli_seed(db_url, db) -> None:
    from bot.cli import app

    result = CliRunner().invoke(app, ["seed", "--cases", "40"])
    assert result.exit_code == 0, result.output
    assert "seeded 40 cases" in result.output
    assert db.scalar(select(func.count()).select_from(Case)) == 40
    again = CliRunner().invoke(app, ["seed", "--cases", "10", "--seed", "7"])
    assert again.exit_code == 0
    assert db.scalar(select(func.count()).select_from(Case)) == 50
    assert db.scalar(select(func.count()).select_from(Officer)) == 12  # officers reused
