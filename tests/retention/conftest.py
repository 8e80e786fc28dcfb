"""A Rasa tracker store per test: a SQLite file written by Rasa 3.6 itself, and (with
TEST_DATABASE_URL) a PostgreSQL database whose ``events`` table has Rasa 3.6's schema."""

from __future__ import annotations

import json
import os
import subprocess
import tempfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

from bot.db import reset_caches
from bot.scratch_db import scratch_database

ROOT = Path(__file__).resolve().parents[2]
RASA_PYTHON = ROOT / ".venv-rasa" / "bin" / "python"
HELPER = Path(__file__).with_name("rasa_tracker.py")

# Rasa 3.6 rasa/core/tracker_store.py SQLTrackerStore.SQLEvent, as PostgreSQL DDL.
RASA_EVENTS_DDL = """
CREATE SEQUENCE events_seq;
CREATE TABLE events (
    id INTEGER NOT NULL DEFAULT nextval('events_seq') PRIMARY KEY,
    sender_id VARCHAR(255) NOT NULL,
    type_name VARCHAR(255) NOT NULL,
    timestamp FLOAT,
    intent_name VARCHAR(255),
    action_name VARCHAR(255),
    data TEXT
);
CREATE INDEX ix_events_sender_id ON events (sender_id);
"""


@dataclass
class Tracker:
    """A tracker database: its URL and a way to fill it with conversations."""

    backend: str
    url: str
    fill: Callable[[list[dict]], None]


def _rasa(*args: str) -> str:
    done = subprocess.run([str(RASA_PYTHON), str(HELPER), *args], capture_output=True,
                          text=True, timeout=120, check=False)
    assert done.returncode == 0, done.stderr[-2000:]
    return done.stdout.strip()


def rasa_event_count(path: str, sender: str) -> int:
    """How many events Rasa itself retrieves for the sender."""
    return int(_rasa("count", path, sender))


def _backends() -> list[str]:
    return ["sqlite", "postgresql"] if os.environ.get("TEST_DATABASE_URL") else ["sqlite"]


@pytest.fixture(scope="session")
def pg_tracker_url() -> Iterator[str | None]:
    """One PostgreSQL tracker database for the run (emptied by each test)."""
    if not os.environ.get("TEST_DATABASE_URL"):
        yield None
        return
    raw_url, drop = scratch_database("postgresql", Path(tempfile.gettempdir()),
                                     os.environ["TEST_DATABASE_URL"], prefix="tellonce_tracker")
    url = make_url(raw_url)
    engine = create_engine(url)
    with engine.begin() as conn:
        conn.exec_driver_sql(RASA_EVENTS_DDL)
    engine.dispose()
    # as Rasa's endpoints would name it: plain postgresql:// (our code picks the driver)
    yield url.set(drivername="postgresql").render_as_string(hide_password=False)
    drop()


def _pg_fill(url: str) -> Callable[[list[dict]], None]:
    def fill(specs: list[dict]) -> None:
        rows = []
        for spec in specs:
            for i, said in enumerate(spec["texts"]):
                ts = spec["timestamp"] + i
                rows += [
                    {"s": spec["sender"], "t": "user", "ts": ts, "i": "inform", "a": None,
                     "d": json.dumps({"event": "user", "timestamp": ts, "text": said})},
                    {"s": spec["sender"], "t": "action", "ts": ts + 0.5, "i": None,
                     "a": "utter_ask_narrative",
                     "d": json.dumps({"event": "action", "name": "utter_ask_narrative"})},
                ]
        engine = create_engine(make_url(url).set(drivername="postgresql+psycopg"))
        with engine.begin() as conn:
            conn.execute(text("INSERT INTO events (sender_id, type_name, timestamp, intent_name,"
                              " action_name, data) VALUES (:s, :t, :ts, :i, :a, :d)"), rows)
        engine.dispose()

    return fill


@pytest.fixture(params=_backends())
def tracker(request: pytest.FixtureRequest, tmp_path: Path, pg_tracker_url: str | None,
            monkeypatch: pytest.MonkeyPatch) -> Iterator[Tracker]:
    """A tracker store, and TRACKER_DATABASE_URL pointing at it."""
    if request.param == "sqlite":
        path = str(tmp_path / "rasa_tracker.db")
        result = Tracker("sqlite", f"sqlite:///{path}",
                         lambda specs: _rasa("save", path, json.dumps(specs)))
    else:
        assert pg_tracker_url is not None
        result = Tracker("postgresql", pg_tracker_url, _pg_fill(pg_tracker_url))
    monkeypatch.setenv("TRACKER_DATABASE_URL", result.url)
    reset_caches()  # settings built from now on see this tracker store
    yield result
    if request.param == "postgresql":
        engine = create_engine(make_url(result.url).set(drivername="postgresql+psycopg"))
        with engine.begin() as conn:
            conn.execute(text("DELETE FROM events"))
        engine.dispose()
