"""Migration 0011perp creates exactly what the perpetrator models declare, and the match key
is a secret like the others (refused when default outside development)."""

from __future__ import annotations

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from pydantic import ValidationError

from bot.db import make_engine
from bot.models import Base
from bot.settings import DEV_SECRET, Settings

TABLES = {"perpetrators", "perpetrator_identifiers", "case_perpetrator_links",
          "perpetrator_enforcement", "case_repeat_risk", "case_places"}


def _table_of(diff) -> str | None:
    for item in diff if isinstance(diff, list) else [diff]:
        for part in item if isinstance(item, tuple) else (item,):
            table = getattr(part, "table", None)
            name = getattr(table, "name", None) or getattr(part, "name", None)
            if isinstance(part, str) and part in TABLES:
                return part
            if name in TABLES:
                return name
    return None


def test_migration_matches_the_models(db_url):
    engine = make_engine(db_url)
    with engine.connect() as conn:
        diffs = compare_metadata(MigrationContext.configure(conn), Base.metadata)
    engine.dispose()
    ours = [d for d in diffs if _table_of(d)]
    assert ours == []
    with make_engine(db_url).connect() as conn:
        from sqlalchemy import inspect

        assert TABLES <= set(inspect(conn).get_table_names())


def test_default_match_key_is_refused_outside_development(monkeypatch):
    monkeypatch.setenv("PERPETRATOR_MATCH_KEY", DEV_SECRET)
    with pytest.raises(ValidationError, match="PERPETRATOR_MATCH_KEY"):
        Settings(environment="production")
    monkeypatch.setenv("PERPETRATOR_MATCH_KEY", "short")
    with pytest.raises(ValidationError, match="PERPETRATOR_MATCH_KEY"):
        Settings(environment="production")
    assert Settings(environment="development", perpetrator_match_key=DEV_SECRET)
