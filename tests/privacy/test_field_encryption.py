"""housing_provider and occurred_time are encrypted at rest like the other sensitive fields, and
migration 0015privacy encrypts rows written before it (and its downgrade decrypts them), on
SQLite and PostgreSQL."""

from __future__ import annotations

from pathlib import Path

import pytest
from alembic import command
from sqlalchemy import select, text
from sqlalchemy.orm import Session

from bot.cases import create_case
from bot.db import make_engine
from bot.migrations import alembic_config
from bot.models import Case
from bot.report import Report
from tests.conftest import backends, create_fresh_database, migrate

PROVIDER = "Notting Hill Genesis, Flat 4 Threlkeld House"
TIME = "18:30"


def _raw(url: str) -> tuple[str | None, str | None]:
    engine = make_engine(url)
    try:
        with engine.connect() as conn:
            return conn.execute(text("SELECT housing_provider, occurred_time FROM cases")).one()
    finally:
        engine.dispose()


@pytest.mark.parametrize("backend", backends())
def test_new_rows_are_encrypted_and_old_rows_are_migrated(backend: str, tmp_path: Path) -> None:
    database_url, drop = create_fresh_database(backend, tmp_path)
    try:
        migrate(database_url)
        check(database_url)
    finally:
        drop()


def check(database_url: str) -> None:
    engine = make_engine(database_url)
    with Session(engine) as s:
        case = create_case(s, Report(reporter_role="victim", narrative="abuse",
                                     housing="social_rent", housing_provider=PROVIDER,
                                     occurred_time=TIME))
        s.commit()
        reference = case.reference
    engine.dispose()
    provider, time = _raw(database_url)
    assert PROVIDER not in provider and TIME not in time, "stored in clear"
    assert provider.startswith("gAAAA") and time.startswith("gAAAA")

    config = alembic_config(database_url)
    command.downgrade(config, "0010workspace")
    assert _raw(database_url) == (PROVIDER, TIME)  # what the old code stored
    command.upgrade(config, "head")
    provider, time = _raw(database_url)
    assert provider.startswith("gAAAA") and PROVIDER not in provider
    engine = make_engine(database_url)
    with Session(engine) as s:
        case = s.scalar(select(Case).where(Case.reference == reference))
        assert (case.housing_provider, case.occurred_time) == (PROVIDER, TIME)
    engine.dispose()
