"""Sending a report: one case per report (idempotent by its submission key), and, for a
resident in danger who sent it early, the duty contact told at once through the outbox."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy.orm import Session

from bot import spool
from bot.cases import create_case
from bot.db import session_scope
from bot.messaging.duty import notify_duty
from bot.references import new_reference
from bot.report import Report
from bot.returning.ready_codes import READY_CODES
from bot.settings import Settings, get_settings


@dataclass(frozen=True)
class Submitted:
    reference: str
    risk_level: str
    urgent: bool
    kept: bool = False  # the database was down: kept in the spool, sent when it is back


def submit(session: Session, report: Report, settings: Settings | None = None) -> Submitted:
    """Write the case (or find the one this report already made); the caller commits."""
    settings = settings or get_settings()
    case = create_case(session, report, settings)
    if report.urgent and case.id is not None:
        notify_duty(session, case, settings)
    return Submitted(case.reference, case.risk_level, bool(case.urgent))


def save_report(report: Report) -> Submitted:
    """Blocking: call it in a worker thread, never on the action server's event loop. With the
    database unavailable the report is kept in the spool (its reference chosen now) and the
    outbox worker writes it as soon as the database is back, once."""
    try:
        with session_scope() as session:
            return submit(session, report)
    except spool.UNAVAILABLE:
        if not report.submission_key:
            raise
        settings = get_settings()
        kept = report if report.reference else report.model_copy(
            update={"reference": new_reference(settings.reference_prefix)})
        spool.keep(kept, settings)
        return Submitted(kept.reference or "", "unknown", kept.urgent, kept=True)


def with_secret(report: Report) -> tuple[Report, str]:
    """A fresh secret code for coming back, and the report carrying only its Argon2 hash
    (blocking when no hashed code is ready: Argon2 costs CPU and memory on purpose)."""
    code, hashed = READY_CODES.take()
    return report.model_copy(update={"return_secret_hash": hashed}), code
