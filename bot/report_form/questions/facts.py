"""Questions about what happened: the role, the account and its read-back, and the facts the
account did not give (each asked only when missing)."""

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
from bot.report_form.readback import read_back
from bot.taxonomy import FAITHS, INCIDENT_TYPES, STRANDS


def reporter_role(slots: Slots, channel: str, now: datetime) -> Question:
    return Question("reporter_role", words("ask.reporter_role", channel), "choice", [
        (title("role.victim", channel), choose("victim")),
        (title("role.witness", channel), choose("witness")),
        (title("role.third_party", channel), choose("third_party")),
        skip_button(channel),
    ])


def narrative(slots: Slots, channel: str, now: datetime) -> Question:
    if slots.get("narrative_parts"):
        return Question("narrative", words("ask.narrative_more", channel), "text",
                        [(title("common.thats_everything", channel), "/finished")])
    return Question("narrative", words("ask.narrative_first", channel))


def confirm_understanding(slots: Slots, channel: str, now: datetime) -> Question:
    if slots.get("correcting") == "confirm_understanding":
        return Question("confirm_understanding", words("ask.correcting", channel))
    text = read_back(slots, now, channel) or words("ask.read_back_nothing", channel)
    return Question("confirm_understanding", text, "yes_no", yes_no_buttons(
        channel, "common.yes_right", "common.not_quite", skip=False))


def strands(slots: Slots, channel: str, now: datetime) -> Question:
    options = [(s, title(f"strand.{s}", channel)) for s in STRANDS]
    return multi("strands", slots, channel, options, words("ask.strands", channel))


def faiths(slots: Slots, channel: str, now: datetime) -> Question:
    key = "ask.faiths_other" if is_other(slots) else "ask.faiths"
    buttons = [(title(f"faith.{f}", channel), choose(f)) for f in FAITHS]
    return Question("faiths", words(key, channel), "choice", [*buttons, skip_button(channel)])


def incident_types(slots: Slots, channel: str, now: datetime) -> Question:
    options = [(t, title(f"incident.{t}", channel)) for t in INCIDENT_TYPES]
    return multi("incident_types", slots, channel, options, words("ask.incident_types", channel))


def occurred_on(slots: Slots, channel: str, now: datetime) -> Question:
    key = "ask.occurred_on_last" if slots.get("ongoing") is True else "ask.occurred_on"
    return Question("occurred_on", words(key, channel), "date", [
        (title("common.today", channel), choose("today")),
        (title("common.yesterday", channel), choose("yesterday")),
        skip_button(channel),
    ])


def location(slots: Slots, channel: str, now: datetime) -> Question:
    return Question("location", words("ask.location", channel), "location",
                    [(title("common.online", channel), choose("online")), skip_button(channel)])


def perpetrator(slots: Slots, channel: str, now: datetime) -> Question:
    known_to = "known_you" if slots.get("reporter_role") in (None, "victim") else "known_them"
    return Question("perpetrator", words("ask.perpetrator", channel), "choice", [
        (title("perpetrator.neighbour", channel), choose("neighbour")),
        (title(f"perpetrator.{known_to}", channel), choose("known")),
        (title("perpetrator.unknown", channel), choose("unknown")),
        skip_button(channel),
    ])


def housing(slots: Slots, channel: str, now: datetime) -> Question:
    tenures = ("council", "housing_association", "private_rent", "owner")
    buttons = [(title(f"housing.{t}", channel), choose(t)) for t in tenures]
    return Question("housing", words("ask.housing", channel), "choice",
                    [*buttons, skip_button(channel)])


def housing_provider(slots: Slots, channel: str, now: datetime) -> Question:
    return Question("housing_provider", words("ask.housing_provider", channel), "text",
                    [skip_button(channel)])


def injured(slots: Slots, channel: str, now: datetime) -> Question:
    return Question("injured", words("ask.injured", channel), "yes_no", yes_no_buttons(channel))


def ongoing(slots: Slots, channel: str, now: datetime) -> Question:
    key = "ask.ongoing_other" if is_other(slots) else "ask.ongoing"
    return Question("ongoing", words(key, channel), "yes_no", yes_no_buttons(channel))


FACTS = {
    "reporter_role": reporter_role,
    "narrative": narrative,
    "confirm_understanding": confirm_understanding,
    "strands": strands,
    "faiths": faiths,
    "incident_types": incident_types,
    "occurred_on": occurred_on,
    "location": location,
    "perpetrator": perpetrator,
    "housing": housing,
    "housing_provider": housing_provider,
    "injured": injured,
    "ongoing": ongoing,
}
