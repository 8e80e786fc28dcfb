"""Coming back: find the report (reference and secret; on SMS and WhatsApp the number stands
in), then what they came for: add to the diary, hear what is happening, or give feedback."""

from __future__ import annotations

from typing import Any

from bot.report_form.flow import is_placeholder, placeholder

Slots = dict[str, Any]
PURPOSES = ("add", "status", "feedback")
# Every slot this form owns (reset when it ends).
SLOTS = ("return_purpose", "return_reference", "return_code", "return_case", "return_choices",
         "return_failures", "diary_parts", "diary_narrative", "diary_confirm", "diary_found",
         "diary_occurred_on", "diary_occurred_time", "diary_location", "feedback_rating",
         "feedback_comment", "feedback_stage", "return_unclear")
# Questions a resident may leave: after this many answers not understood, they are skipped.
SKIPPABLE = ("feedback_rating", "feedback_comment", "diary_occurred_on", "diary_location")
MAX_UNCLEAR = 2


def unclear(slot: str, slots: Slots) -> Slots:
    """Slot updates after an answer to ``slot`` that was not understood. Something is always
    set, so Rasa never rejects the form (which left the kind fallback answering itself until
    Rasa's circuit breaker); a question that may be left is skipped at the second miss."""
    misses = dict(slots.get("return_unclear") or {})
    misses[slot] = misses.get(slot, 0) + 1
    if slot in SKIPPABLE and misses[slot] >= MAX_UNCLEAR:
        misses.pop(slot)
        return {"return_unclear": misses, slot: placeholder(slot)}
    return {"return_unclear": misses}


def required_slots(slots: Slots) -> list[str]:
    required: list[str] = []
    if not slots.get("return_case"):
        required.append("return_reference")
        if slots.get("return_reference") and not is_placeholder(slots.get("return_reference")):
            required.append("return_code")
        return required  # nothing else until the report is found
    required.append("return_purpose")
    purpose = slots.get("return_purpose")
    if purpose == "add":
        required += ["diary_narrative", "diary_confirm"]
        found = slots.get("diary_found") or {}
        if slots.get("diary_confirm") == "yes":
            if not found.get("occurred_on"):
                required.append("diary_occurred_on")
            location = found.get("location") or {}
            if not (location.get("text") or location.get("online")):
                required.append("diary_location")
    elif purpose == "feedback":
        required.append("feedback_rating")
        rating = slots.get("feedback_rating")
        if isinstance(rating, int):
            required.append("feedback_comment")
    return required
