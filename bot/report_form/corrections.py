"""Corrections in free text ("no, it was Tuesday", "it was on King Street", "the date is wrong"):
update just the field they are about, or clear a named field so the form asks it again."""

from __future__ import annotations

import re
from datetime import datetime
from typing import Any

from bot.report_form import understand

Slots = dict[str, Any]
DEPENDENTS = {
    "occurred_on": ("occurred_on", "occurred_time"),
    "perpetrator": ("perpetrator", "housing", "housing_provider"),
    "anonymous": ("anonymous", "contact_method", "contact_value", "safe_contact_time"),
    "contact_method": ("contact_method", "contact_value", "safe_contact_time"),
    "strands": ("strands", "picked"),
    "incident_types": ("incident_types", "picked"),
}
FIELD_WORDS = (
    ("occurred_on", r"\b(date|day|when|time)\b"),
    ("location", r"\b(where|place|location|street|road|address)\b"),
    ("perpetrator", r"\b(who|person|people)\b"),
    ("strands", r"\b(hostility|why|reason|because)\b"),
    ("incident_types", r"\b(what happened|type)\b"),
    ("injured", r"\b(hurt|injur\w*)\b"),
    ("anonymous", r"\b(contact|anonymous|email|phone|number)\b"),
    ("share_consent", r"\b(shar\w*|police)\b"),
    ("reporter_role", r"\b(role|it was me|not me)\b"),
)


def clear_field(field: str) -> Slots:
    """Forget ``field`` (and what depends on it) so the form asks it again."""
    if field == "location":
        return {"location": None}
    return {name: ([] if name == "picked" else None) for name in DEPENDENTS.get(field, (field,))}


def correction(text: str, slots: Slots, now: datetime) -> Slots:
    """Updates for the fields the text gives a new value for; else clear a field it names.

    The text is read as a (short) account, so only what it plainly says changes: "no, it was
    Tuesday" changes the date and nothing else.
    """
    found = understand.extract(text, now)
    updates: Slots = {}
    if found.get("occurred_on"):
        updates["occurred_on"] = found["occurred_on"]
        if found.get("occurred_time"):  # "it was Tuesday" keeps the time they gave
            updates["occurred_time"] = found["occurred_time"]
    place = found.get("location") or {}
    if place.get("text") or place.get("online"):
        updates["location"] = {
            "text": place.get("text"),
            "ward": place.get("ward"),
            "online": bool(place.get("online")),
        }
    if found.get("perpetrator") and found["perpetrator"] != slots.get("perpetrator"):
        updates.update(clear_field("perpetrator"))
        updates["perpetrator"] = found["perpetrator"]
    adding = re.search(r"\b(also|as well|too|and)\b", text, re.I)
    for slot in ("strands", "incident_types"):
        if found.get(slot):
            before = slots.get(slot) if adding and isinstance(slots.get(slot), list) else []
            updates[slot] = sorted({*before, *found[slot]})
    if len(text.split()) <= 6:
        role = understand.reporter_role(text)
        if role and role != slots.get("reporter_role"):
            updates["reporter_role"] = role
    if updates:
        return updates
    for field, pattern in FIELD_WORDS:
        if re.search(pattern, text, re.I):
            return clear_field(field)
    return {}
