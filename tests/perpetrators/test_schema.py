"""Migration 0011perp creates exactly what the perpetrator models declare, and the match key
is a secret like the others (refused when missing or short outside development)."""

from __future__ import annotations

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext

from bot.db import make_engine
from bot.models import Base
from bot.settings import InsecureSettings, Settings

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


def test_a_missing_or_short_match_key_is_refused_outside_development(monkeypatch):
    monkeypatch.delenv("PERPETRATOR_MATCH_KEY")
    with pytest.raises(InsecureSettings, match="missing PERPETRATOR_MATCH_KEY"):
        Settings(environment="production")
    monkeypatch.setenv("PERPETRATOR_MATCH_KEY", "short")
    with pytest.raises(InsecureSettings, match="PERPETRATOR_MATCH_KEY"):
        Settings(environment="production")
