"""Delivery status from Twilio's callbacks, stored on the outbox row and shown on the case."""

from __future__ import annotations

from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from bot.messaging import optout
from bot.messaging.outbound import OPTED_OUT_CODE, describe
from bot.models import OutboundMessage, utcnow

# Callbacks can arrive out of order ("delivered" before "sent"): never move a status backwards.
RANK = {
    "accepted": 0, "scheduled": 0, "queued": 1, "sending": 2, "sent": 3,
    "delivered": 4, "undelivered": 4, "failed": 4, "canceled": 4, "read": 5,
}
FAILED = {"failed", "undelivered"}


def apply_callback(db: Session, message_sid: str, status: str, error_code: str | None) -> bool:
    """Record one callback; False if no outbox row has that sid. The caller commits."""
    status = (status or "").strip().lower()
    if status not in RANK:
        return True  # not a status we track (e.g. "receiving"): acknowledged, ignored
    row = db.scalar(select(OutboundMessage).where(OutboundMessage.provider_sid == message_sid))
    if row is None:
        return False
    if RANK[status] < RANK.get(row.status, -1):
        return True
    row.status = status
    row.updated_at = utcnow()
    code = int(error_code) if error_code and error_code.isdigit() else None
    if status in FAILED or code:
        row.error = describe(code, f"Twilio reported {status}")
    if code == OPTED_OUT_CODE and row.to:
        optout.set_opted_out(db, row.to, True)
    return True


def apply_to_claim(db: Session, ref: str, message_sid: str, status: str,
                   error_code: str | None) -> bool:
    """A callback for a send whose worker died before recording it (``ref`` is the row id and
    attempt from the callback URL): the row, still claimed by that attempt, takes the sid and
    status, so it is not claimed and sent again when the lease ends. The caller commits."""
    row_id, _, attempt = ref.partition(".")
    if not (row_id.isdigit() and attempt.isdigit()) or status.strip().lower() not in RANK:
        return False
    row = db.get(OutboundMessage, int(row_id))
    if row is None or row.status != "claimed" or row.attempts != int(attempt):
        return False
    if db.scalar(select(OutboundMessage.id).where(OutboundMessage.provider_sid == message_sid)):
        return False
    row.provider_sid = message_sid
    row.next_attempt_at = None
    if row.to:
        row.to_hash = optout.number_hash(row.to)
    row.status = "accepted"  # below every Twilio status: apply_callback moves it on
    db.flush()
    return apply_callback(db, message_sid, status, error_code)


def messages_for_case(db: Session, case_id: int) -> list[dict[str, Any]]:
    """The case's outbound messages with delivery status and any failure (for the officer API)."""
    rows = db.scalars(
        select(OutboundMessage).where(OutboundMessage.case_id == case_id)
        .order_by(OutboundMessage.created_at, OutboundMessage.id)
    ).all()
    return [
        {
            "id": r.id,
            "channel": r.channel,
            "status": r.status,
            "sent_as": r.sent_as,
            "error": r.error,
            "attempts": r.attempts,
            "next_attempt_at": r.next_attempt_at.isoformat() if r.next_attempt_at else None,
            "created_at": r.created_at.isoformat(),
            "updated_at": r.updated_at.isoformat() if r.updated_at else None,
        }
        for r in rows
    ]
