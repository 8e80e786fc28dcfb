"""At-most-once processing per MessageSid: a row is claimed (primary key) before any work.

A retry or replay of a finished message gets the stored reply back (no second turn, no second
case); a duplicate that arrives while the first is still running gets an empty reply; a claim
whose processing failed is deleted so Twilio's retry can succeed; a claim left behind by a
crashed process is taken over after ``STALE``.
"""

from __future__ import annotations

from datetime import timedelta
from enum import StrEnum

from sqlalchemy import delete, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session, sessionmaker

from bot.models import InboundClaim, utcnow

STALE = timedelta(seconds=60)


class ClaimState(StrEnum):
    CLAIMED = "claimed"  # ours: process it
    DONE = "done"  # already answered: replay the stored reply
    BUSY = "busy"  # someone else is processing it right now


def claim(sessions: sessionmaker[Session], sid: str) -> tuple[ClaimState, str | None]:
    for _ in range(3):
        try:
            with sessions() as db, db.begin():
                db.add(InboundClaim(message_sid=sid, status="processing", claimed_at=utcnow()))
            return ClaimState.CLAIMED, None
        except IntegrityError:
            pass
        with sessions() as db, db.begin():
            row = db.get(InboundClaim, sid)
            if row is None:
                continue  # released between our insert and this read: try again
            if row.status == "done":
                return ClaimState.DONE, row.response
            now = utcnow()
            taken = db.execute(
                update(InboundClaim)
                .where(InboundClaim.message_sid == sid, InboundClaim.status == "processing",
                       InboundClaim.claimed_at < now - STALE)
                .values(claimed_at=now)
                .execution_options(synchronize_session=False)
            )
            return (ClaimState.CLAIMED if taken.rowcount == 1 else ClaimState.BUSY), None
    return ClaimState.BUSY, None


def complete(sessions: sessionmaker[Session], sid: str, response: str) -> None:
    with sessions() as db, db.begin():
        row = db.get(InboundClaim, sid)
        if row is not None:
            row.status = "done"
            row.response = response


def release(sessions: sessionmaker[Session], sid: str) -> None:
    with sessions() as db, db.begin():
        db.execute(
            delete(InboundClaim)
            .where(InboundClaim.message_sid == sid, InboundClaim.status == "processing")
            .execution_options(synchronize_session=False)
        )
