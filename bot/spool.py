"""Reports kept safely while the database is unavailable: written (encrypted) to a spool folder
with their reference already chosen, and written as cases, exactly once each (the submission
key), as soon as the database is back (the outbox worker drains the spool on every poll)."""

from __future__ import annotations

import hashlib
import logging
import os
from pathlib import Path

from sqlalchemy.exc import DBAPIError, OperationalError
from sqlalchemy.orm import Session, sessionmaker

from bot import crypto
from bot.report import Report
from bot.settings import Settings, get_settings

log = logging.getLogger("tellonce.spool")
UNAVAILABLE = (OperationalError, DBAPIError, ConnectionError, TimeoutError)


def folder(settings: Settings | None = None) -> Path:
    path = Path((settings or get_settings()).spool_dir)
    path.mkdir(parents=True, exist_ok=True)
    return path


def _name(report: Report) -> str:
    return hashlib.sha256((report.submission_key or "").encode()).hexdigest()[:40] + ".report"


def keep(report: Report, settings: Settings | None = None) -> Path:
    """Write the report, encrypted with the field keys, atomically (one file per submission:
    a second attempt of the same report replaces the first, it does not add one)."""
    if not report.submission_key or not report.reference:
        raise ValueError("a spooled report needs its submission key and its reference")
    target = folder(settings) / _name(report)
    tmp = target.with_suffix(".tmp")
    tmp.write_text(crypto.encrypt(report.model_dump_json()), encoding="utf-8")
    os.replace(tmp, target)
    return target


def pending(settings: Settings | None = None) -> list[Path]:
    return sorted(folder(settings).glob("*.report"))


def drain(sessions: sessionmaker[Session], settings: Settings | None = None) -> int:
    """Write every kept report as its case (idempotent by submission key); a file is removed
    only after its case is committed. Returns how many were written."""
    from bot.submission import submit

    written = 0
    for path in pending(settings):
        try:
            report = Report.model_validate_json(crypto.decrypt(path.read_text(encoding="utf-8")))
        except Exception as exc:  # noqa: BLE001 - keep the file for a person to look at
            log.error("spooled report unreadable file=%s error=%s", path.name,
                      type(exc).__name__)
            continue
        try:
            with sessions() as session, session.begin():
                submit(session, report, settings)
        except UNAVAILABLE as exc:
            log.warning("database still unavailable for the spool: %s", type(exc).__name__)
            break
        path.unlink(missing_ok=True)
        written += 1
        log.info("spooled report written as its case")
    return written
