"""Throw-away databases for tests and benchmarks: a fresh SQLite file or a fresh PostgreSQL
database on the server of ``pg_url``, returned with the function that drops it."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from pathlib import Path

from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url


def scratch_database(
    backend: str, tmp_dir: Path, pg_url: str | None = None, prefix: str = "tellonce_test"
) -> tuple[str, Callable[[], None]]:
    """Create an empty database; return its SQLAlchemy URL and a ``drop()`` for afterwards."""
    name = f"{prefix}_{uuid.uuid4().hex[:12]}"
    if backend == "sqlite":
        path = tmp_dir / f"{name}.db"
        return f"sqlite:///{path}", lambda: path.unlink(missing_ok=True)
    if not pg_url:
        raise ValueError("a PostgreSQL server URL is needed for a postgresql scratch database")
    admin_url = make_url(pg_url).set(drivername="postgresql+psycopg")
    admin = create_engine(admin_url, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))

    def drop() -> None:
        with admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()

    return admin_url.set(database=name).render_as_string(hide_password=False), drop
