"""Questions about contact: anonymous or not, how, a name to ask for, when it is safe, and
what would help them talk with us (an interpreter, BSL, easy read)."""

from __future__ import annotations

from datetime import datetime

from bot.report_form.questions.base import (
    Question,
    Slots,
    choose,
    is_other,
    multi,
    skip_button,
    title,
    words,
)
from bot.taxonomy import ACCESS_NEEDS

METHODS = ("phone", "sms", "whatsapp", "email")


def _attempts(slots: Slots, slot: str) -> int:
    """How many answers to ``slot`` in a row were not understood."""
    attempts = slots.get("attempts")
    return int(attempts.get(slot, 0)) if isinstance(attempts, dict) else 0


def anonymous(slots: Slots, channel: str, now: datetime) -> Question:
    return Question("anonymous", words("ask.anonymous", channel), "yes_no", [
        (title("anonymous.contact_me", channel), "/deny"),
        (title("anonymous.stay_anonymous", channel), "/affirm"),
    ])


def contact_method(slots: Slots, channel: str, now: datetime) -> Question:
    buttons = [(title(f"contact.{m}", channel), choose(m)) for m in METHODS]
    if _attempts(slots, "contact_method") >= 2:  # last try: plain buttons, then anonymous
        return Question("contact_method", words("ask.contact_method_last", channel), "choice",
                        [*buttons, (title("contact.none_short", channel), choose("none"))])
    return Question("contact_method", words("ask.contact_method", channel), "choice",
                    [*buttons, (title("contact.none", channel), choose("none"))])


def contact_value(slots: Slots, channel: str, now: datetime) -> Question:
    if slots.get("contact_method") == "email":
        return Question("contact_value", words("ask.contact_value_email", channel), "text",
                        [skip_button(channel)])
    if channel in ("sms", "whatsapp"):
        return Question("contact_value", words("ask.contact_value_this", channel), "text",
                        [(title("contact.this_number", channel), choose("this_number")),
                         skip_button(channel)])
    return Question("contact_value", words("ask.contact_value_phone", channel), "text",
                    [skip_button(channel)])


def contact_name(slots: Slots, channel: str, now: datetime) -> Question:
    return Question("contact_name", words("ask.contact_name", channel), "text",
                    [skip_button(channel)])


def safe_contact_time(slots: Slots, channel: str, now: datetime) -> Question:
    if slots.get("contact_method") == "phone":
        return Question("safe_contact_time", words("ask.safe_call_time", channel), "text", [
            (title("contact.any_time_voicemail", channel), choose("any_time_voicemail")),
            (title("contact.any_time_no_voicemail", channel), choose("any_time_no_voicemail")),
            skip_button(channel),
        ])
    return Question("safe_contact_time", words("ask.safe_contact_time", channel), "text",
                    [(title("contact.any_time", channel), choose("any time")),
                     skip_button(channel)])


def access_needs(slots: Slots, channel: str, now: datetime) -> Question:
    key = "ask.access_needs_other" if is_other(slots) else "ask.access_needs"
    options = [(n, title(f"access.{n}", channel)) for n in ACCESS_NEEDS]
    q = multi("access_needs", slots, channel, options, words(key, channel))
    if not slots.get("picked"):  # "no, nothing" first: the commonest answer is one tap
        q.buttons = [(title("access.none", channel), choose("none")),
                     *[b for b in q.buttons if b[1] != "/skip"]]
    return q


def access_language(slots: Slots, channel: str, now: datetime) -> Question:
    return Question("access_language", words("ask.access_language", channel), "text",
                    [skip_button(channel)])


CONTACT = {
    "anonymous": anonymous,
    "contact_method": contact_method,
    "contact_value": contact_value,
    "contact_name": contact_name,
    "safe_contact_time": safe_contact_time,
    "access_needs": access_needs,
    "access_language": access_language,
}
