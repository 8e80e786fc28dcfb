"""Rasa replicas starting together on a new PostgreSQL database: the store creates its tables
under an advisory lock, so a second replica waits for the first instead of hitting a unique
violation (which Rasa answers by sleeping 5 s while the gateway already sends it turns)."""

from __future__ import annotations

import os
import subprocess
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import create_engine, inspect, text
from sqlalchemy.engine import make_url

from bot.crypto import generate_key
from bot.launcher import RASA_BIN, RASA_TRACKER
from bot.scratch_db import scratch_database

pytestmark = pytest.mark.postgres
HELPER = Path(__file__).with_name("tracker_tables.py")
PG = os.environ.get("TEST_DATABASE_URL") or "postgresql://postgres@127.0.0.1:5432/postgres"
LOCK = 0x7E110CE  # deploy/rasa/tracker/tellonce_tracker_store.py: _CREATING_TABLES


@pytest.fixture
def database(tmp_path: Path) -> Iterator[str]:
    url, drop = scratch_database("postgresql", tmp_path, PG, prefix="tellonce_tracker")
    try:
        yield url
    finally:
        drop()


def test_a_replica_waits_for_the_one_creating_the_tables(database: str) -> None:
    env = {k: v for k, v in os.environ.items() if k not in ("VIRTUAL_ENV", "PYTHONPATH")}
    env.update(PYTHONPATH=str(RASA_TRACKER), RASA_TELEMETRY_ENABLED="false",
               TRACKER_ENCRYPTION_KEYS=generate_key())
    engine = create_engine(database)
    name = make_url(database).database
    try:
        with engine.connect() as holder:  # another replica, mid-way through creating them
            holder.execute(text("SELECT pg_advisory_lock(:k)"), {"k": LOCK})
            proc = subprocess.Popen([str(RASA_BIN.parent / "python"), str(HELPER), name],  # noqa: S603
                                    env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                                    text=True)
            assert proc.stdout is not None
            assert proc.stdout.readline().strip() == "opening"  # Rasa imported, store opening
            time.sleep(2)  # unlocked, creating the tables takes a fraction of that
            assert proc.poll() is None, proc.communicate()[1][-2000:]
            assert "events" not in inspect(engine).get_table_names()
            holder.execute(text("SELECT pg_advisory_unlock(:k)"), {"k": LOCK})
            out, err = proc.communicate(timeout=60)
        assert proc.returncode == 0, err[-2000:]
        assert out.strip() == "opened"
        assert "Could not create tables" not in err and "UniqueViolation" not in err
        assert "events" in inspect(engine).get_table_names()
    finally:
        engine.dispose()
