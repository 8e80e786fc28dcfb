"""Telling the configured duty contact about an urgent report (danger now, sent early), through
the outbox like every other message, so it is retried and audited the same way. The note names
the case reference and nothing the resident said."""

from __future__ import annotations

from datetime import UTC, datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from bot.messaging.optout import normalise_number
from bot.models import Case, OutboundMessage
from bot.settings import Settings
from bot.wording import say


def duty_addresses(settings: Settings) -> list[tuple[str, str]]:
    """(channel, address) for every configured duty contact."""
    out = []
    if settings.duty_contact_email:
        out.append(("email", settings.duty_contact_email.strip()))
    if settings.duty_contact_sms:
        out.append(("sms", normalise_number(settings.duty_contact_sms)))
    return out


def notify_duty(session: Session, case: Case, settings: Settings) -> list[OutboundMessage]:
    """Queue one note per duty contact, once per case (a repeated send adds nothing)."""
    already = session.scalar(select(OutboundMessage.id).where(
        OutboundMessage.case_id == case.id, OutboundMessage.officer_id.is_(None),
        OutboundMessage.purpose == "duty"))
    if already is not None:
        return []
    now = datetime.now(UTC)
    rows = []
    body = say("officer_messages.duty_urgent", "sms", reference=case.reference)
    for channel, address in duty_addresses(settings):
        row = OutboundMessage(case_id=case.id, officer_id=None, channel=channel, to=address,
                              body=body, status="pending", attempts=0, next_attempt_at=now,
                              created_at=now, updated_at=now, purpose="duty")
        session.add(row)
        rows.append(row)
    session.flush()
    return rows
