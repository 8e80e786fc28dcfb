"""Deleting conversations from Rasa's SQL tracker store (``settings.tracker_database_url``).

Rasa keeps every message's raw text in its ``events`` table (Rasa 3.6 ``SQLTrackerStore``:
``id, sender_id, type_name, timestamp, intent_name, action_name, data``) and has no API to
delete a conversation, so retention and erasure delete the rows directly. The sender id is
``Case.conversation_id``. We never import Rasa: it runs in its own environment.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime
from pathlib import Path

from sqlalchemy import (
    Column,
    Engine,
    Float,
    Integer,
    MetaData,
    String,
    Table,
    create_engine,
    func,
    inspect,
    select,
)
from sqlalchemy.engine import make_url

_metadata = MetaData()
events = Table(
    "events",
    _metadata,
    Column("id", Integer, primary_key=True),
    Column("sender_id", String(255), nullable=False, index=True),
    Column("timestamp", Float),
)
_BATCH = 500


def tracker_url(url: str) -> str:
    """The SQLAlchemy URL with our PostgreSQL driver (Rasa's own config may say psycopg2)."""
    parsed = make_url(url)
    if parsed.drivername in ("postgresql", "postgres", "postgresql+psycopg2"):
        parsed = parsed.set(drivername="postgresql+psycopg")
    return parsed.render_as_string(hide_password=False)


def _engine(url: str) -> Engine:
    """A short-lived engine that changes nothing about Rasa's database (no PRAGMAs)."""
    url = tracker_url(url)
    if url.startswith("sqlite"):
        return create_engine(url, connect_args={"timeout": 30})
    return create_engine(url, pool_pre_ping=True)


def _sqlite_file_missing(url: str) -> bool:
    parsed = make_url(url)
    return parsed.get_backend_name() == "sqlite" and bool(parsed.database) and \
        parsed.database != ":memory:" and not Path(parsed.database).exists()


def delete_conversations(url: str, sender_ids: Iterable[str | None],
                         before: datetime | None = None, engine: Engine | None = None) -> int:
    """Delete the tracker events of these senders (only those older than ``before`` if given);
    returns the number of events deleted. A tracker store Rasa never created holds nothing;
    any other database error is raised, so a caller never reports a deletion that did not
    happen."""
    senders = sorted({s for s in sender_ids if s})
    if not senders or (engine is None and _sqlite_file_missing(url)):
        return 0
    own = engine is None
    engine = engine or _engine(url)
    try:
        if not inspect(engine).has_table("events"):
            return 0
        deleted = 0
        with engine.begin() as conn:
            for i in range(0, len(senders), _BATCH):
                stmt = events.delete().where(events.c.sender_id.in_(senders[i:i + _BATCH]))
                if before is not None:
                    stmt = stmt.where(events.c.timestamp < before.timestamp())
                deleted += conn.execute(stmt).rowcount or 0
        return deleted
    finally:
        if own:
            engine.dispose()


def old_events_by_sender(url: str, before: datetime) -> dict[str, int]:
    """``{sender_id: number of events older than before}`` across the whole tracker store (a
    scan of ``events``: Rasa indexes only ``sender_id``; fine for a daily job)."""
    if _sqlite_file_missing(url):
        return {}
    engine = _engine(url)
    try:
        if not inspect(engine).has_table("events"):
            return {}
        stmt = (select(events.c.sender_id, func.count())
                .where(events.c.timestamp < before.timestamp()).group_by(events.c.sender_id))
        with engine.connect() as conn:
            return {sender: n for sender, n in conn.execute(stmt).all()}
    finally:
        engine.dispose()


def delete_old_events(url: str, sender_ids: Iterable[str], before: datetime) -> int:
    """Delete these senders' events older than ``before``, one short transaction per batch of
    senders (Rasa keeps writing meanwhile; SQLite has one writer at a time)."""
    senders = sorted(set(sender_ids))
    if not senders or _sqlite_file_missing(url):
        return 0
    engine = _engine(url)
    try:
        return sum(delete_conversations(url, senders[i:i + _BATCH], before, engine=engine)
                   for i in range(0, len(senders), _BATCH))
    finally:
        engine.dispose()


def count_events(url: str, sender_id: str) -> int:
    """How many events a sender has (for checks and tests)."""
    if _sqlite_file_missing(url):
        return 0
    engine = _engine(url)
    try:
        if not inspect(engine).has_table("events"):
            return 0
        with engine.connect() as conn:
            return conn.scalar(select(func.count()).select_from(events)
                               .where(events.c.sender_id == sender_id)) or 0
    finally:
        engine.dispose()
