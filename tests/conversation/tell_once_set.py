"""Play the report form (the real validation and ask actions) over every labelled narrative and
count the fact questions asked after the account, and the redundant ones (asking for something
the account plainly said, by its labels)."""

from __future__ import annotations

import statistics
from dataclasses import dataclass, field
from datetime import UTC, datetime

from bot.extraction.learned.data import model_text
from bot.extraction.parts import DATA_DIR, HELD_OUT, load
from tests.actions.driver import Conversation

FACTS = ("strands", "faiths", "incident_types", "occurred_on", "location", "perpetrator",
         "housing", "housing_provider", "injured", "ongoing")
ROLE_BUTTON = {"victim": '/choose{"choice": "victim"}', "witness": '/choose{"choice": "witness"}',
               "third_party": '/choose{"choice": "third_party"}'}


def said_in_account(slot: str, item: dict) -> bool:
    """Whether the labels say the account gave the answer to ``slot``."""
    if slot in ("strands", "incident_types"):
        return bool(item.get("strands" if slot == "strands" else "types"))
    if slot == "occurred_on":
        return item.get("date") is not None
    if slot == "location":
        return item.get("place") is not None or bool(item.get("online"))
    if slot == "perpetrator":
        return item.get("perpetrator") is not None
    if slot == "faiths":
        return item.get("faith") is not None
    return slot in ("injured", "ongoing") and slot in item


@dataclass
class Tally:
    asked: list[int] = field(default_factory=list)
    redundant: int = 0
    facts: int = 0
    by_slot: dict[str, int] = field(default_factory=dict)

    @property
    def median(self) -> float:
        return statistics.median(self.asked)

    @property
    def redundant_share(self) -> float:
        return self.redundant / self.facts if self.facts else 0.0


def play(item: dict, now: datetime | None = None) -> list[str]:
    """The slots asked after the account, answering each with 'skip' (and yes to the checks).

    ``now`` is the labelled file's moment of reporting, so relative dates read as labelled."""
    c = Conversation() if now is None else Conversation(now=now.replace(tzinfo=UTC).isoformat())
    c.start()
    c.say(ROLE_BUTTON.get(item.get("role"), "/skip"))
    c.say(item["text"], "report_incident")
    if c.slots.get("requested_slot") == "narrative":
        c.say("/finished")
    start = len(c.asked)
    for _ in range(40):
        slot = c.slots.get("requested_slot")
        if slot is None or slot == "confirm_summary":
            break
        c.say("/affirm" if slot == "confirm_understanding" else "skip", "skip"
              if slot != "confirm_understanding" else "affirm")
    return c.asked[start - 1:]


def tally(parts: tuple[str, ...] | None = None) -> Tally:
    result = Tally()
    for part, now, item in load(DATA_DIR):
        if parts and part not in parts:
            continue
        facts = [s for s in play(item, now) if s in FACTS]
        result.asked.append(len(facts))
        result.facts += len(facts)
        for slot in facts:
            if said_in_account(slot, item):
                result.redundant += 1
                result.by_slot[slot] = result.by_slot.get(slot, 0) + 1
    return result


class CrossValidated:
    """The trained classifiers, but for a tuned narrative the scores of the model that never saw
    it (the build's cross-validated scores): the form's figures over the tuned parts must not
    come from a model that learned their answers. Held-out accounts get the real model's."""

    def __init__(self, real, cv: dict) -> None:
        self.real, self.misses = real, 0
        self.by_text = {model_text(str(item["text"])): cv[str(item["id"])]
                        for part, _, item in load(DATA_DIR)
                        if part != HELD_OUT and str(item["id"]) in cv}

    def scores(self, text: str, normalized: bool = False, places=None, hints=None) -> dict:
        found = self.by_text.get(model_text(text))  # normalising is idempotent
        if found is None:
            self.misses += 1
            return self.real.scores(text, normalized, places, hints)
        return found
