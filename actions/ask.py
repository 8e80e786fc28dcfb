"""``action_ask_<slot>`` for every form question: the words depend on state (read-back, summary,
'anything else to add?', contact method, channel), so each is built by bot.report_form.questions
and sent with its ``expects`` payload."""

from __future__ import annotations

from abc import ABC, abstractmethod
from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.events import SlotSet
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from actions.common import ask, channel_of, now_of, slots_of
from bot.report_form.questions import question

ASKED_SLOTS = (
    "reporter_role",
    "narrative",
    "confirm_understanding",
    "strands",
    "incident_types",
    "occurred_on",
    "location",
    "perpetrator",
    "housing",
    "housing_provider",
    "injured",
    "ongoing",
    "anonymous",
    "contact_method",
    "contact_value",
    "safe_contact_time",
    "share_consent",
    "confirm_summary",
)


class AskSlot(Action, ABC):
    """Asks the form question for ``slot()``."""

    @abstractmethod
    def slot(self) -> str: ...

    def name(self) -> str:
        return f"action_ask_{self.slot()}"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> list[dict[str, Any]]:
        asked = question(self.slot(), slots_of(tracker), channel_of(tracker), now_of(tracker))
        ask(dispatcher, asked)
        if asked.said_left is None:
            return []
        return [SlotSet("questions_said", asked.said_left)]


def _ask_class(slot_name: str) -> type[AskSlot]:
    """A named module-level subclass (the action server pickles actions by qualified name)."""
    title = "Ask" + "".join(part.capitalize() for part in slot_name.split("_"))
    cls = type(title, (AskSlot,), {"slot": lambda self: slot_name, "__module__": __name__})
    cls.__qualname__ = title
    globals()[title] = cls
    return cls


ASK_ACTIONS = {slot: _ask_class(slot) for slot in ASKED_SLOTS}
