"""Queueing a message from the case officer to the resident (the transactional outbox).

The message is written as a ``pending`` ``OutboundMessage`` in the same transaction as the
audit event; the Twilio worker (bot/messaging/worker.py) delivers SMS and WhatsApp. Every
message ends with the case officer's name and direct contact details; once the case is closed
it also says how to complain and how to ask for an ASB Case Review (Community Trigger).
"""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from bot.messaging.optout import normalise_number
from bot.models import Case, Officer, OutboundMessage
from bot.settings import Settings
from bot.wording import say

MESSAGE_CHANNELS = {"sms": "sms", "whatsapp": "whatsapp", "email": "email"}
# A UK mobile in E.164 (bot/report_form/answers/contact.py takes only these for texts): never a
# premium-rate or forwarding number the council would pay for.
UK_MOBILE_E164 = re.compile(r"\+447(?:[1-57-9]\d{8}|624\d{6})")
DAY = timedelta(hours=24)


class CannotMessage(Exception):
    """This resident cannot be messaged (the reason is safe to show the officer)."""


class MessageLimitReached(CannotMessage):
    """The day's cap of messages on this case, or signed by this officer, is reached."""


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
    if method in ("sms", "whatsapp") and \
            not UK_MOBILE_E164.fullmatch(normalise_number(case.contact_value)):
        raise CannotMessage("The number on the case is not a UK mobile number, so no text or "
                            "WhatsApp message can go to it: phone or email the resident instead "
                            "if they gave a way.")
    return MESSAGE_CHANNELS[method]


def check_daily_caps(session: Session, case: Case, officer: Officer, settings: Settings,
                     now: datetime) -> None:
    """At most MESSAGES_PER_CASE_PER_DAY on a case and MESSAGES_PER_OFFICER_PER_DAY signed by
    one officer in any 24 hours: a stolen account or a mistake cannot flood a resident."""
    since = now - DAY
    recent = select(func.count()).select_from(OutboundMessage).where(
        OutboundMessage.purpose == "resident", OutboundMessage.created_at >= since)
    on_case = session.scalar(recent.where(OutboundMessage.case_id == case.id)) or 0
    if on_case >= settings.messages_per_case_per_day:
        raise MessageLimitReached(
            f"This case has had {on_case} messages to the resident in the last 24 hours, the "
            f"most allowed ({settings.messages_per_case_per_day}). Phone them, or send it "
            "tomorrow.")
    by_officer = session.scalar(recent.where(OutboundMessage.officer_id == officer.id)) or 0
    if by_officer >= settings.messages_per_officer_per_day:
        raise MessageLimitReached(
            f"{by_officer} messages signed by {officer.username} have been queued in the last "
            f"24 hours, the most allowed ({settings.messages_per_officer_per_day}). Ask a "
            "supervisor if this is a real need.")


def queue_message(session: Session, case: Case, text: str, settings: Settings,
                  now: datetime | None = None) -> OutboundMessage:
    """Write the pending message (the caller commits); raises CannotMessage with the reason."""
    channel = check_reachable(case)
    if case.assigned_officer is None:
        raise CannotMessage("Assign the case first: messages carry the case officer's name and "
                            "direct contact details.")
    now = now or datetime.now(UTC)
    check_daily_caps(session, case, case.assigned_officer, settings, now)
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
