"""Turning one resident message into slot updates for the question being asked.

``interpret(slot, answer, slots, channel, now)`` returns the slot updates, or ``None`` when the
message did not answer the question (the form then re-asks kindly, and gives up after two tries).
"""

from __future__ import annotations

from datetime import datetime

from bot.report_form.answers import contact, facts, needs
from bot.report_form.answers.common import Answer, Slots, free_text, is_skip, yes_no
from bot.report_form.flow import placeholder
from bot.taxonomy import INCIDENT_TYPES, STRANDS

__all__ = ["Answer", "interpret"]

CHECKS = ("confirm_understanding", "confirm_summary")
YES_NO = ("injured", "ongoing", "subject_knows", "subject_agrees", "feels_safe",
          "consent_police", "consent_support", "consent_landlord")
FREE_TEXT = {"housing_provider": 120, "subject_contact": 255}


def interpret(slot: str, answer: Answer, slots: Slots, channel: str, now: datetime) -> Slots | None:
    """Slot updates for ``answer`` to the question for ``slot``, or None if not understood."""
    if slot not in ("narrative", *CHECKS) and is_skip(answer):
        return {slot: placeholder(slot), "picked": []}
    if slot == "narrative":
        return facts.narrative(answer, slots, now)
    if slot in CHECKS:
        return facts.confirm(slot, answer, slots, now)
    if slot in ("strands", "incident_types"):
        return facts.several(slot, answer, slots, STRANDS if slot == "strands" else INCIDENT_TYPES)
    if slot in YES_NO:
        said = yes_no(answer)
        return None if said is None else {slot: said}
    if slot in FREE_TEXT:
        value = free_text(answer, FREE_TEXT[slot])
        return {slot: value} if value else None
    readers = {
        "reporter_role": lambda: facts.reporter_role(answer, slots, now),
        "occurred_on": lambda: facts.occurred(answer, now),
        "location": lambda: facts.location(answer),
        "perpetrator": lambda: facts.perpetrator(answer),
        "housing": lambda: facts.housing(answer),
        "faiths": lambda: needs.faiths(answer),
        "safeguarding": lambda: needs.safeguarding(answer),
        "wishes": lambda: needs.wishes(answer, slots),
        "access_needs": lambda: needs.access_needs(answer, slots),
        "access_language": lambda: needs.access_language(answer),
        "anonymous": lambda: contact.anonymous(answer),
        "contact_method": lambda: contact.contact_method(answer),
        "contact_value": lambda: contact.contact_value(answer, slots, channel),
        "contact_name": lambda: contact.contact_name(answer),
        "safe_contact_time": lambda: contact.safe_contact_time(answer, slots),
    }
    reader = readers.get(slot)
    return reader() if reader else None
