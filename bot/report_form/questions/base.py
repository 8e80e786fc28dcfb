"""The ``Question`` a form slot is asked with, and the small helpers every builder shares."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any

from bot.wording import say

Slots = dict[str, Any]
# expects.kind values the gateway and the page understand (docs/architecture.md)
KINDS = ("text", "date", "location", "choice", "yes_no", "none")


def choose(value: str) -> str:
    """A button payload in Rasa intent syntax."""
    return "/choose" + json.dumps({"choice": value})


def correct(field_name: str) -> str:
    return "/correct" + json.dumps({"field": field_name})


def words(key: str, channel: str, **values: Any) -> str:
    """A sentence of the report form (bot/wording/report.yml)."""
    return say(f"report.{key}", channel, **values)


def title(key: str, channel: str) -> str:
    """A button title or a thing's name (bot/wording/choices.yml)."""
    return say(f"choices.{key}", channel)


def skip_button(channel: str) -> tuple[str, str]:
    return title("common.skip", channel), "/skip"


def yes_no_buttons(channel: str, yes: str = "common.yes", no: str = "common.no",
                   skip: bool = True) -> list[tuple[str, str]]:
    buttons = [(title(yes, channel), "/affirm"), (title(no, channel), "/deny")]
    return [*buttons, skip_button(channel)] if skip else buttons


def is_other(slots: Slots) -> bool:
    """The report is about someone else (a third party's): 'them', not 'you'."""
    return slots.get("reporter_role") == "third_party"


@dataclass
class Question:
    slot: str
    text: str
    kind: str = "text"
    buttons: list[tuple[str, str]] = field(default_factory=list)
    said_left: int | None = None  # "N questions left" said now (kept so it never goes up)
    intro: str = ""  # said before the count and the question (the start of a section)

    @property
    def custom(self) -> dict[str, Any]:
        expects_slot = "housing" if self.slot == "housing_provider" else self.slot
        return {"expects": {"slot": expects_slot, "kind": self.kind}}


def multi(slot: str, slots: Slots, channel: str, options: list[tuple[str, str]],
          first: str) -> Question:
    """A choose-several question: buttons for what is not picked yet, then Done."""
    names = dict(options)
    picked = [p for p in slots.get("picked") or [] if p in names]
    remaining = [(names[k][:1].upper() + names[k][1:], choose(k)) for k, _ in options
                 if k not in picked]
    if picked:
        text = words("ask.picked", channel, picked=", ".join(names[p] for p in picked))
        return Question(slot, text, "choice", [*remaining, (title("common.done", channel),
                                                             "/finished")])
    return Question(slot, first, "choice", [*remaining, skip_button(channel)])
