"""Erasure on request, with four eyes: one supervisor asks with a reason, a different supervisor
approves, and only then is the case's personal data erased (``bot.retention.erase_case``). It is
refused while the case is open with a police or multi-agency (CMARAC) referral: a legal hold,
since the partner may need the account. On SQLite the space the erased data used is overwritten
(``PRAGMA secure_delete`` on every connection, bot/db.py) and the write-ahead log emptied, so the
old bytes cannot be read back from the file.
"""

from __future__ import annotations

from datetime import UTC, datetime

from sqlalchemy import select, text
from sqlalchemy.orm import Session

from bot import audit
from bot.casework.access import require_role
from bot.casework.errors import AccessDenied, WorkflowError
from bot.models import Case, CaseAction, ErasureRequest, Officer
from bot.retention import Scrubbed, erase_case
from bot.settings import Settings

# Referrals that put an open case on legal hold (bot.workflow.REFERRALS keys).
HOLDING_REFERRALS = ("police", "cmarac")


def legal_hold(session: Session, case: Case) -> str | None:
    """Why the case may not be erased now, or None."""
    if case.status == "closed":
        return None
    held = session.scalars(select(CaseAction.action).where(
        CaseAction.case_id == case.id, CaseAction.kind == "referral",
        CaseAction.action.in_(HOLDING_REFERRALS))).first()
    if held is None:
        return None
    partner = "the police" if held == "police" else "CMARAC"
    return (f"The case is open with a referral to {partner}: it is on legal hold and cannot be "
            "erased until the referral is concluded and the case closed.")


def pending_request(session: Session, case: Case) -> ErasureRequest | None:
    return session.scalar(select(ErasureRequest).where(
        ErasureRequest.case_id == case.id, ErasureRequest.status == "pending"))


def request_erasure(session: Session, supervisor: Officer, case: Case,
                    reason: str) -> ErasureRequest:
    """Record a supervisor's request (the reason is stored encrypted, audited as redacted)."""
    require_role(supervisor, "supervisor")
    if case.anonymised_at is not None:
        raise WorkflowError("The case's personal data has already been removed.")
    hold = legal_hold(session, case)
    if hold:
        raise WorkflowError(hold)
    if pending_request(session, case) is not None:
        raise WorkflowError("An erasure request for this case is already waiting for approval.")
    request = ErasureRequest(case_id=case.id, reason=reason.strip(),
                             requested_by_id=supervisor.id, status="pending")
    session.add(request)
    audit.record(session, supervisor.username, "case.erasure_requested", case.reference,
                 {"reason": audit.REDACTED})
    session.commit()
    return request


def approve_erasure(session: Session, supervisor: Officer, case: Case,
                    settings: Settings) -> tuple[Scrubbed, ErasureRequest]:
    """A second supervisor approves the pending request: the case is erased at once."""
    require_role(supervisor, "supervisor")
    request = pending_request(session, case)
    if request is None:
        raise WorkflowError("Erasure needs a request with a reason first "
                            "(POST .../erasure), then a second supervisor's approval.")
    if request.requested_by_id == supervisor.id:
        raise AccessDenied("A different supervisor must approve the erasure you asked for.")
    hold = legal_hold(session, case)
    if hold:
        raise WorkflowError(hold)
    now = datetime.now(UTC)
    done = erase_case(session, case, settings, officer=supervisor.username)
    request.status, request.decided_by_id, request.decided_at = "approved", supervisor.id, now
    requester = session.get(Officer, request.requested_by_id)
    audit.record(session, supervisor.username, "case.erasure_approved", case.reference,
                 {"requested_by": requester.username if requester else None})
    session.commit()
    reclaim_space(session)
    return done, request


def reclaim_space(session: Session) -> None:
    """SQLite: move the erased pages out of the write-ahead log and empty it (secure_delete
    already zeroed the freed space). PostgreSQL leaves dead tuples to autovacuum: see
    docs/privacy.md."""
    if session.get_bind().dialect.name == "sqlite":
        session.execute(text("PRAGMA wal_checkpoint(TRUNCATE)"))
        session.commit()
