"""The coming-back form's questions, their buttons and what the gateway should expect."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import Any

from bot.report_form.questions.base import Question, choose, skip_button, title
from bot.report_form.readback import what_phrase, when_phrase, where_phrase
from bot.wording import say

Slots = dict[str, Any]


def _w(key: str, channel: str, **values: Any) -> str:
    return say(f"returning.{key}", channel, **values)


def return_reference(slots: Slots, channel: str, now: datetime) -> Question:
    choices = [c for c in slots.get("return_choices") or [] if isinstance(c, str)]
    if choices:
        return Question("return_reference", _w("which_case", channel), "choice",
                        [(ref, choose(ref)) for ref in choices])
    return Question("return_reference", _w("ask_reference", channel))


def return_code(slots: Slots, channel: str, now: datetime) -> Question:
    return Question("return_code", _w("ask_code", channel))


def return_purpose(slots: Slots, channel: str, now: datetime) -> Question:
    buttons = [(_w(f"buttons.{p}", channel), choose(p)) for p in ("add", "status", "feedback")]
    text = " ".join([_w("found", channel, reference=slots.get("return_case")),
                     _w("what_next", channel)])
    return Question("return_purpose", text, "choice", buttons)


def diary_narrative(slots: Slots, channel: str, now: datetime) -> Question:
    if slots.get("diary_parts"):
        return Question("diary_narrative", _w("diary_more", channel), "text",
                        [(title("common.thats_everything", channel), "/finished")])
    return Question("diary_narrative", _w("diary_ask", channel))


def diary_summary(found: dict[str, Any], now: datetime, channel: str) -> str | None:
    """'yesterday on King Street; someone you didn't know shouted abuse at you'."""
    slots = {"reporter_role": "victim", "strands": found.get("strands") or [],
             "incident_types": found.get("incident_types") or [],
             "perpetrator": found.get("perpetrator")}
    when = when_phrase(found.get("occurred_on"), found.get("occurred_time"), now, channel)
    where = where_phrase(found.get("location"), channel)
    setting = " ".join(p for p in (when, where) if p)
    parts = [p for p in (setting, what_phrase(slots, channel)) if p]
    return "; ".join(parts) or None


def diary_confirm(slots: Slots, channel: str, now: datetime) -> Question:
    body = diary_summary(slots.get("diary_found") or {}, now, channel)
    text = _w("diary_read_back", channel, body=body) if body else _w(
        "diary_read_back_nothing", channel)
    return Question("diary_confirm", text, "yes_no", [
        (title("common.yes_right", channel), "/affirm"), (title("common.not_quite", channel),
                                                          "/deny")])


def diary_occurred_on(slots: Slots, channel: str, now: datetime) -> Question:
    return Question("diary_occurred_on", _w("diary_when", channel), "date", [
        (title("common.today", channel), choose("today")),
        (title("common.yesterday", channel), choose("yesterday")), skip_button(channel)])


def diary_location(slots: Slots, channel: str, now: datetime) -> Question:
    return Question("diary_location", _w("diary_where", channel), "location",
                    [(title("common.online", channel), choose("online")), skip_button(channel)])


def feedback_rating(slots: Slots, channel: str, now: datetime) -> Question:
    key = "rate_case" if slots.get("feedback_stage") == "closure" else "rate"
    return Question("feedback_rating", _w(key, channel), "choice",
                    [(str(n), choose(str(n))) for n in range(1, 6)] + [skip_button(channel)])


def feedback_comment(slots: Slots, channel: str, now: datetime) -> Question:
    return Question("feedback_comment", _w("rate_why", channel), "text", [skip_button(channel)])


BUILDERS: dict[str, Callable[[Slots, str, datetime], Question]] = {
    "return_reference": return_reference,
    "return_code": return_code,
    "return_purpose": return_purpose,
    "diary_narrative": diary_narrative,
    "diary_confirm": diary_confirm,
    "diary_occurred_on": diary_occurred_on,
    "diary_location": diary_location,
    "feedback_rating": feedback_rating,
    "feedback_comment": feedback_comment,
}


def question(slot: str, slots: Slots, channel: str, now: datetime) -> Question:
    return BUILDERS[slot](slots, channel, now)
