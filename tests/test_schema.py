"""Alembic migrations create exactly what the models declare (every table, column and index),
on SQLite and PostgreSQL: a model change without its migration fails here."""

from __future__ import annotations

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext

from bot.db import make_engine
from bot.models import AuditBase, Base


def _names(diff) -> set[str]:  # noqa: ANN001
    """Every table a diff entry touches."""
    found, stack = set(), [diff]
    while stack:
        item = stack.pop()
        if isinstance(item, (list, tuple)):
            stack.extend(item)
        for attr in ("table", "name"):
            value = getattr(item, attr, None)
            value = getattr(value, "name", value)
            if isinstance(value, str):
                found.add(value)
        if isinstance(item, str):
            found.add(item)
    return found


def _without_reflected_expressions(diffs: list) -> list:
    """PostgreSQL reflects an expression index (ix_cases_headline's CASE) in its own spelling,
    so Alembic reports it removed and added under the same name: that pair means it exists."""
    def index_name(d, op):  # noqa: ANN001
        return d[1].name if isinstance(d, tuple) and d[0] == op else None
    removed = {index_name(d, "remove_index") for d in diffs} - {None}
    added = {index_name(d, "add_index") for d in diffs} - {None}
    both = removed & added
    return [d for d in diffs if index_name(d, "remove_index") not in both
            and index_name(d, "add_index") not in both or not isinstance(d, tuple)]


def test_migrations_match_the_models(db_url) -> None:
    engine = make_engine(db_url)
    with engine.connect() as conn:
        context = MigrationContext.configure(conn)
        cases = _without_reflected_expressions(compare_metadata(context, Base.metadata))
        audit = compare_metadata(context, AuditBase.metadata)
    engine.dispose()
    audit_tables = set(AuditBase.metadata.tables)
    assert [d for d in cases if not _names(d) & audit_tables] == []
    assert [d for d in audit if _names(d) & audit_tables] == []
