"""Every question the form asks: its words (from bot/wording), its buttons and what the
gateway should expect. The words depend on state (the read-back, the role, the contact method,
the channel), so each question is built from slot values by one small function per slot."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from bot.report_form.flow import COUNTED_SKIP, questions_left
from bot.report_form.questions.base import Question, Slots, choose, correct, words
from bot.report_form.questions.contact import CONTACT
from bot.report_form.questions.facts import FACTS
from bot.report_form.questions.person import PERSON
from bot.report_form.questions.sharing import SHARING

__all__ = ["BUILDERS", "Question", "choose", "correct", "question", "retry_hint"]

Builder = Callable[[Slots, str, datetime], Question]
BUILDERS: dict[str, Builder] = {**FACTS, **PERSON, **CONTACT, **SHARING}
# The most questions a count may announce: a small honest number, or nothing (CONVERSATION.md 3).
MOST_ANNOUNCED = 6
RETRY_KEYS = {"reporter_role", "strands", "faiths", "incident_types", "occurred_on", "location",
              "perpetrator", "housing", "contact_method", "confirm_understanding"}
YES_NO_SLOTS = {"injured", "ongoing", "subject_knows", "subject_agrees", "feels_safe",
                "anonymous", "consent_police", "consent_support", "consent_landlord"}


def base_question(slot: str, slots: Slots, channel: str, now: datetime) -> Question:
    """The question for ``slot`` without the 'N questions left' prefix."""
    builder = BUILDERS.get(slot)
    if builder is None:
        raise KeyError(slot)
    return builder(slots, channel, now)


def retry_hint(slot: str, slots: Slots, channel: str = "web") -> str:
    """What to say when an answer was not understood (kind, with an example)."""
    if slot == "contact_value":
        method = slots.get("contact_method")
        kind = {"email": "email", "sms": "mobile", "whatsapp": "mobile"}.get(method, "phone")
        return words(f"retry.contact_value_{kind}", channel)
    if slot in RETRY_KEYS:
        return words(f"retry.{slot}", channel)
    if slot in YES_NO_SLOTS:
        return words("retry.yes_no", channel)
    return words("retry.default", channel)


def question(slot: str, slots: Slots, channel: str, now: datetime) -> Question:
    """The question, with 'N quick questions left' when more than two and few enough to say.

    The number said is the most there can be (undecided branches counted open), so it only goes
    down; "up to" says when it may be fewer. It is said only when it is small (at most six),
    and lower than the last number said in this report, so never repeated or raised.
    """
    q = base_question(slot, slots, channel, now)
    count = ""
    if slot == "confirm_summary":
        q.said_left = 0  # past the summary (corrections) no count is said again
    elif slot not in COUNTED_SKIP and not slots.get("picked"):
        most = questions_left(slots, branches_open=True)
        said = slots.get("questions_said")
        if 2 < most <= MOST_ANNOUNCED and (not isinstance(said, int) or most < said):
            exact = questions_left(slots) == most
            count = words("count.exact" if exact else "count.most", channel, n=most)
            q.said_left = most
    q.text = " ".join(p for p in (q.intro, count, q.text) if p)
    q.intro = ""
    return q
