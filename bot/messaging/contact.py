""""Contact me on this number" without the number ever reaching Rasa.

On SMS/WhatsApp the bot may offer "this number"; the actions then store the placeholder
``this_number`` as the case's contact value. Only the gateway knows the number: after each turn
it fills the placeholder in, encrypted, and only when the resident agreed to be contacted by
phone, SMS or WhatsApp; otherwise the placeholder is removed.
"""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from bot.models import Case, utcnow

THIS_NUMBER = "this_number"
PHONE_METHODS = {"phone", "sms", "whatsapp"}
RECENT = timedelta(hours=2)


def fill_this_number(db: Session, conversation_id: str, number: str) -> int:
    """Resolve the placeholder on this conversation's recent cases; returns how many changed.
    The caller commits."""
    cases = db.scalars(
        select(Case).where(Case.conversation_id == conversation_id,
                           Case.created_at >= utcnow() - RECENT)
    ).all()
    changed = 0
    for case in cases:
        if (case.contact_value or "").strip().lower() != THIS_NUMBER:
            continue
        agreed = not case.anonymous and case.contact_method in PHONE_METHODS
        case.contact_value = number if agreed else None
        changed += 1
    return changed
