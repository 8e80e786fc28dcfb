"""A report sent while the database is unavailable is kept (encrypted, its reference chosen),
the resident is told so, and it becomes exactly one case when the database is back, however
often it was sent or the drain ran."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from bot import spool
from bot.db import reset_caches
from bot.models import Case
from bot.report import Report
from bot.settings import Settings
from bot.submission import save_report

SECRET_WORDS = "a distinctive sentence about the stairwell"


@pytest.fixture
def down(db_url, tmp_path, monkeypatch) -> Settings:
    """The configured database cannot be reached (nothing listens on port 1)."""
    monkeypatch.setenv("DATABASE_URL", "postgresql://postgres@127.0.0.1:1/nowhere")
    monkeypatch.setenv("SPOOL_DIR", str(tmp_path / "spool"))
    reset_caches()
    yield Settings()
    monkeypatch.undo()
    reset_caches()


def report() -> Report:
    return Report(narrative=SECRET_WORDS, submission_key="w-abc:report-1", danger_now=True,
                  urgent=True)


def test_kept_while_down_then_written_once(down: Settings, session_factory, db) -> None:
    first = save_report(report())
    again = save_report(report())  # the resident pressed send twice; Rasa retried
    assert first.kept and again.kept and first.reference.startswith("HF-")
    files = spool.pending(down)
    assert len(files) == 1  # one file per submission
    assert SECRET_WORDS not in files[0].read_text()  # encrypted at rest
    assert spool.drain(session_factory, down) == 1
    assert spool.drain(session_factory, down) == 0
    cases = db.scalars(select(Case)).all()
    assert [c.reference for c in cases] == [again.reference]
    assert cases[0].narrative == SECRET_WORDS and cases[0].urgent is True
    # and a late retry of the same report, now the database is back, finds the same case
    from bot.submission import submit

    assert submit(db, report().model_copy(update={"reference": None})).reference \
        == again.reference


def test_a_drain_that_meets_the_database_down_keeps_the_file(down: Settings) -> None:
    save_report(report())
    from sqlalchemy import create_engine
    from sqlalchemy.orm import sessionmaker

    dead = sessionmaker(bind=create_engine("postgresql://postgres@127.0.0.1:1/nowhere"))
    assert spool.drain(dead, down) == 0
    assert len(spool.pending(down)) == 1
