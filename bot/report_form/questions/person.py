"""Questions about the person it happened to (third-party reports) and what would help them:
asked so the officer never has to phone and ask again."""

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
    yes_no_buttons,
)
from bot.taxonomy import WISHES


def subject_knows(slots: Slots, channel: str, now: datetime) -> Question:
    q = Question("subject_knows", words("ask.subject_knows", channel), "yes_no",
                 yes_no_buttons(channel))
    q.intro = words("section.the_person", channel)
    return q


def subject_agrees(slots: Slots, channel: str, now: datetime) -> Question:
    return Question("subject_agrees", words("ask.subject_agrees", channel), "yes_no",
                    yes_no_buttons(channel))


def subject_contact(slots: Slots, channel: str, now: datetime) -> Question:
    return Question("subject_contact", words("ask.subject_contact", channel), "text",
                    [skip_button(channel)])


def safeguarding(slots: Slots, channel: str, now: datetime) -> Question:
    options = [(title(f"safeguarding.{k}", channel), choose(k)) for k in ("child", "adult", "none")]
    return Question("safeguarding", words("ask.safeguarding", channel), "choice",
                    [*options, skip_button(channel)])


def wishes(slots: Slots, channel: str, now: datetime) -> Question:
    other = is_other(slots)
    names = {k: title(f"wishes.{k}", channel) for k in WISHES}
    if other:
        names["support"] = title("wishes.support_other", channel)
    q = multi("wishes", slots, channel, list(names.items()),
              words("ask.wishes_other" if other else "ask.wishes", channel))
    if not slots.get("picked"):
        q.intro = words("section.what_matters", channel)
    return q


def feels_safe(slots: Slots, channel: str, now: datetime) -> Question:
    key = "ask.feels_safe_other" if is_other(slots) else "ask.feels_safe"
    return Question("feels_safe", words(key, channel), "yes_no", yes_no_buttons(channel))


PERSON = {
    "subject_knows": subject_knows,
    "subject_agrees": subject_agrees,
    "subject_contact": subject_contact,
    "safeguarding": safeguarding,
    "wishes": wishes,
    "feels_safe": feels_safe,
}
