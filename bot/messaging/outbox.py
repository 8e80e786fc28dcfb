"""Queueing a message from the case officer to the resident (the transactional outbox).

The message is written as a ``pending`` ``OutboundMessage`` in the same transaction as the
audit event; the Twilio worker (bot/messaging/worker.py) delivers SMS and WhatsApp. Every
message ends with the case officer's name and direct contact details; once the case is closed
it also says how to complain and how to ask for an ASB Case Review (Community Trigger).
"""

from __future__ import annotations

from datetime import UTC, datetime
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml
from sqlalchemy import select
from sqlalchemy.orm import Session

from bot.models import Case, Officer, OutboundMessage
from bot.settings import Settings
from bot.wording import say

MESSAGE_CHANNELS = {"sms": "sms", "whatsapp": "whatsapp", "email": "email"}


class CannotMessage(Exception):
    """This resident cannot be messaged (the reason is safe to show the officer)."""


@lru_cache
def _council(path: Path) -> dict[str, Any]:
    raw = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    return raw.get("council") or {}


def council_section(settings: Settings) -> dict[str, Any]:
    return _council(settings.reference_data_dir / "signposts.yml")


def signature(officer: Officer, settings: Settings, channel: str = "sms") -> str:
    """The case officer's name and direct contact details (raises if there are none)."""
    direct = [say("officer_messages.direct_line", channel, phone=officer.phone)
              if officer.phone else "",
              say("officer_messages.email", channel, email=officer.email) if officer.email else ""]
    direct = [d for d in direct if d]
    if not direct:
        raise CannotMessage(
            f"The case officer ({officer.username}) has no direct phone or email on their "
            "account, so the resident could not reply to them: an admin must add one."
        )
    name = officer.display_name or officer.username
    head = say("officer_messages.signature", channel, name=name)
    return head + "\n" + "\n".join(direct)


def closure_footer(settings: Settings, channel: str = "sms") -> str:
    """How to complain and how to ask for an ASB Case Review, from the council's directory."""
    council = council_section(settings)
    complaints = council.get("complaints") or {}
    trigger = council.get("community_trigger") or {}

    def reach(item: dict[str, Any]) -> str:
        ways = [str(item[k]) for k in ("phone", "email", "url") if item.get(k)]
        return f" ({', '.join(ways)})" if ways else ""

    review = say("officer_messages.case_review", channel, reach=reach(trigger))
    if trigger.get("threshold"):
        review += say("officer_messages.case_review_threshold", channel,
                      threshold=trigger["threshold"])
    else:
        review += "."
    return "\n".join([
        say("officer_messages.closed", channel),
        say("officer_messages.complain", channel, reach=reach(complaints)),
        review,
    ])


def compose(case: Case, officer: Officer, text: str, settings: Settings) -> str:
    channel = case.contact_method if case.contact_method in ("sms", "whatsapp") else "web"
    parts = [text.strip(), signature(officer, settings, channel)]
    if case.status == "closed":
        parts.append(closure_footer(settings, channel))
    return "\n\n".join(parts)


def check_reachable(case: Case) -> str:
    """The outbox channel for this resident, or CannotMessage with the reason."""
    if case.anonymous:
        raise CannotMessage("The resident chose to stay anonymous: there is no way to message "
                            "them, and no attempt may be made to find out who they are.")
    method = case.contact_method
    if method in (None, "none") or not case.contact_value:
        raise CannotMessage("The resident did not give a way to contact them.")
    if method == "phone":
        raise CannotMessage("The resident asked to be phoned, not messaged: call them at the "
                            "safe time on the case.")
    return MESSAGE_CHANNELS[method]


def queue_message(session: Session, case: Case, text: str, settings: Settings,
                  now: datetime | None = None) -> OutboundMessage:
    """Write the pending message (the caller commits); raises CannotMessage with the reason."""
    channel = check_reachable(case)
    if case.assigned_officer is None:
        raise CannotMessage("Assign the case first: messages carry the case officer's name and "
                            "direct contact details.")
    now = now or datetime.now(UTC)
    row = OutboundMessage(
        case_id=case.id,
        officer_id=case.assigned_officer.id,
        channel=channel,
        to=case.contact_value,
        body=compose(case, case.assigned_officer, text, settings),
        status="pending",
        attempts=0,
        next_attempt_at=now,
        created_at=now,
        updated_at=now,
    )
    session.add(row)  # the case counts as contacted once the worker's send is accepted
    session.flush()
    return row


def messages_for_case(session: Session, case: Case) -> list[dict[str, Any]]:
    """The case's messages with delivery status, newest last (bodies decrypted for officers)."""
    rows = session.execute(
        select(OutboundMessage, Officer.username)
        .outerjoin(Officer, Officer.id == OutboundMessage.officer_id)
        .where(OutboundMessage.case_id == case.id)
        .order_by(OutboundMessage.id)
    ).all()
    return [message_dict(row, username) for row, username in rows]


def message_dict(row: OutboundMessage, officer: str | None) -> dict[str, Any]:
    return {
        "id": row.id,
        "channel": row.channel,
        "status": row.status,
        "body": row.body,
        "officer": officer,
        "purpose": getattr(row, "purpose", "resident"),
        "sent_as": getattr(row, "sent_as", None),
        "error": row.error,
        "attempts": row.attempts,
        "created_at": row.created_at,
        "updated_at": row.updated_at,
    }
