"""Messaging the resident from a case: the exact preview, and queueing through the outbox.

The preview is built by the same functions the outbox and the Twilio worker use (``compose``,
``neutral_body``, GSM-7 and the 1,600-character split), so what the officer reads is what the
resident's phone shows.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy.orm import Session

from bot import audit, workflow
from bot.messaging.gsm7 import to_gsm7
from bot.messaging.outbound import neutral_body
from bot.messaging.outbox import (
    CannotMessage,
    check_reachable,
    compose,
    message_dict,
    queue_message,
)
from bot.messaging.render import split_body
from bot.models import Case
from bot.models import Officer as OfficerRow
from bot.settings import Settings

MAX_TEXT = 1000  # the API's limit (MessageIn.text)


@dataclass(frozen=True)
class Preview:
    """What the resident will receive, part by part, and how it travels."""

    channel: str
    to: str | None
    body: str
    parts: list[str]
    note: str | None


def _sender(case: Case) -> OfficerRow:
    if case.assigned_officer is None:
        raise CannotMessage("Assign the case first: messages carry the case officer's name and "
                            "direct contact details.")
    return case.assigned_officer


def preview_message(case: Case, text: str, settings: Settings) -> Preview:
    """Exactly what ``send_message`` would deliver; CannotMessage with the reason if nothing."""
    channel = check_reachable(case)
    body = neutral_body(compose(case, _sender(case), text, settings), settings)
    if channel == "sms":
        body = to_gsm7(body)
    note = None
    if channel == "whatsapp":
        note = ("If the resident has not written on WhatsApp in the last 24 hours, WhatsApp "
                "only allows the council's approved template first; this text follows when "
                "they reply.")
    elif channel == "email":
        note = "Sent by e-mail to the address the resident gave."
    return Preview(channel=channel, to=case.contact_value, body=body,
                   parts=split_body(body), note=note)


def send_message(session: Session, officer: OfficerRow, case: Case, text: str,
                 settings: Settings) -> dict[str, Any]:
    """Queue the message (pending outbox row) with its audit event, in one commit."""
    workflow.check_can_work(officer, case)
    row = queue_message(session, case, text, settings)
    audit.record(session, officer.username, "message.queued", case.reference,
                 audit.redact({"message_id": row.id, "channel": row.channel, "body": row.body}))
    session.commit()
    return message_dict(row, case.assigned_officer.username if case.assigned_officer else None)


def preview_for(session: Session, officer: OfficerRow, case: Case, text: str,
                settings: Settings) -> Preview:
    """The preview an officer about to send sees (they must be able to work the case); shown
    the resident's contact details, so recorded as message.previewed (no text in the log)."""
    workflow.check_can_work(officer, case)
    preview = preview_message(case, text, settings)
    audit.record(session, officer.username, "message.previewed", case.reference,
                 {"channel": preview.channel})
    session.commit()
    return preview
