"""Feedback on the service: a rating from 1 to 5 and, if they like, why; at the end of a report
and when a case is closed. Supervisors see it by month and channel; officers on the case."""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from bot.models import Case, Feedback
from bot.settings import Settings

RATING = re.compile(r"^\s*([1-5])(?:\s*(?:/\s*5|out of 5|stars?))?\b[\s.,:;!-]*(.*)$", re.I | re.S)


def parse_rating(text: str) -> tuple[int, str | None] | None:
    """'4', '4 - quick and kind', '5/5 thank you' -> (rating, why); anything else None."""
    found = RATING.match(text or "")
    if not found:
        return None
    why = found.group(2).strip()
    return int(found.group(1)), (why[:2000] or None)


def record(session: Session, case: Case | None, rating: int | None, comment: str | None,
           channel: str, stage: str = "report") -> Feedback:
    row = Feedback(case_id=case.id if case else None, rating=rating, comment=comment,
                   channel=channel, stage=stage, created_at=datetime.now(UTC))
    session.add(row)
    session.flush()
    return row


def for_case(session: Session, case: Case) -> list[dict[str, Any]]:
    rows = session.scalars(select(Feedback).where(Feedback.case_id == case.id)
                           .order_by(Feedback.created_at))
    return [{"rating": f.rating, "comment": f.comment, "stage": f.stage, "channel": f.channel,
             "created_at": f.created_at.isoformat()} for f in rows]


def awaiting_closure_rating(session: Session, conversation_id: str, settings: Settings,
                            now: datetime | None = None) -> Case | None:
    """The closed case of this text-channel sender that asked for a rating and has none yet."""
    now = now or datetime.now(UTC)
    since = now - timedelta(days=settings.feedback_reply_days)
    case = session.scalar(select(Case).where(
        Case.conversation_id == conversation_id, Case.status == "closed",
        Case.feedback_requested_at.is_not(None), Case.feedback_requested_at >= since,
    ).order_by(Case.feedback_requested_at.desc()))
    if case is None:
        return None
    given = session.scalar(select(Feedback.id).where(Feedback.case_id == case.id,
                                                     Feedback.stage == "closure"))
    return None if given else case
