"""When an officer closes a case, the resident hears it on their channel, with how to complain,
how to ask for an ASB Case Review, and a request to rate how the case was handled."""

from __future__ import annotations

from datetime import UTC, datetime

from sqlalchemy.orm import Session

from bot.messaging.outbox import CannotMessage, queue_message
from bot.models import Case
from bot.settings import Settings
from bot.wording import say


def on_closed(session: Session, case: Case, settings: Settings) -> bool:
    """Queue the closing message (the caller commits); False when the resident cannot be
    messaged (anonymous, no contact, by phone only, or no case officer with contact details)."""
    channel = case.contact_method if case.contact_method in ("sms", "whatsapp") else "web"
    try:
        queue_message(session, case, say("returning.closure_ask", channel), settings)
    except CannotMessage:
        return False
    case.feedback_requested_at = datetime.now(UTC)
    return True
