"""Shared fixtures: test secrets, and a fresh migrated database per run on SQLite and, when
TEST_DATABASE_URL is set, on PostgreSQL too (a new database created and dropped per run)."""

from __future__ import annotations

import json
import os
import secrets
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from cryptography.fernet import Fernet
from sqlalchemy.orm import Session, sessionmaker

from bot.db import make_engine, reset_caches
from bot.migrations import upgrade_head
from bot.models import Base
from bot.scratch_db import scratch_database
from tests.scheduling import GroupedScheduling, check

pytest_plugins = ["tests.e2e.fixtures"]

ROOT = Path(__file__).resolve().parent.parent
TEST_KEYS = {
    "ENVIRONMENT": "test",
    # Argon2 at its cheapest for the suite (thousands of hashes); production strength is
    # checked in tests/security/test_password_cost.py.
    "ARGON2_TIME_COST": "1",
    "ARGON2_MEMORY_KIB": "1024",
    "CODE_ARGON2_TIME_COST": "1",
    "CODE_ARGON2_MEMORY_KIB": "1024",
    "SECRET_KEY": secrets.token_urlsafe(48),
    "PSEUDONYM_KEY": secrets.token_urlsafe(48),
    "PERPETRATOR_MATCH_KEY": secrets.token_urlsafe(48),
    "FIELD_ENCRYPTION_KEYS": json.dumps([Fernet.generate_key().decode()]),
}


def pytest_configure(config: pytest.Config) -> None:
    os.environ.update(TEST_KEYS)
    reset_caches()


@pytest.hookimpl(tryfirst=True, optionalhook=True)  # optional: runs without xdist too
def pytest_xdist_make_scheduler(config: pytest.Config, log: Any) -> Any:
    """``--dist loadgroup`` by file (tests/scheduling.py: pytest 9 drops xdist's own groups)."""
    return GroupedScheduling(config, log) if config.getvalue("dist") == "loadgroup" else None


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    for item in items:
        check(Path(str(item.fspath)).relative_to(ROOT).as_posix(),
              list(getattr(item, "fixturenames", ())))


def backends() -> list[str]:
    return ["sqlite", "postgresql"] if os.environ.get("TEST_DATABASE_URL") else ["sqlite"]


def migrate(url: str) -> None:
    upgrade_head(url)


def create_fresh_database(backend: str, tmp_dir: Path) -> tuple[str, Callable[[], None]]:
    """Return (url, drop) for a brand-new empty database of that backend."""
    return scratch_database(backend, tmp_dir, os.environ.get("TEST_DATABASE_URL"))


@pytest.fixture(scope="session", params=backends())
def database_url(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """A fresh, migrated database for this run (one per backend), dropped afterwards."""
    url, drop = create_fresh_database(request.param, tmp_path_factory.mktemp("db"))
    migrate(url)
    yield url
    reset_caches()
    drop()


@pytest.fixture
def db_url(database_url: str, monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    """Point settings at the test database and empty every table after the test."""
    monkeypatch.setenv("DATABASE_URL", database_url)
    reset_caches()
    yield database_url
    engine = make_engine(database_url)
    with engine.begin() as conn:
        for table in reversed(Base.metadata.sorted_tables):
            conn.execute(table.delete())
    engine.dispose()
    reset_caches()


@pytest.fixture
def session_factory(db_url: str) -> Iterator[sessionmaker[Session]]:
    engine = make_engine(db_url)
    yield sessionmaker(bind=engine, expire_on_commit=False)
    engine.dispose()


@pytest.fixture
def db(session_factory: sessionmaker[Session]) -> Iterator[Session]:
    with session_factory() as session:
        yield session
