"""Fixed messages outside the report (greeting, small talk, answers about the service), each an
action so its words come from bot/wording in the resident's channel variant."""

from __future__ import annotations

from abc import ABC, abstractmethod
from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from actions.common import channel_of, tell
from actions.safety import pause_buttons
from bot.settings import get_settings
from bot.wording import say

START = ("common.start_report", "/start_report")
# action name -> (wording key, buttons as (choices key, payload))
SAYINGS: dict[str, tuple[str, list[tuple[str, str]]]] = {
    "action_greet": ("chat.greet", [START, ("common.what_counts", "/faq_hate_crime"),
                                    ("common.other_ways", "/faq_other_ways")]),
    "action_goodbye": ("chat.goodbye", []),
    "action_welcome": ("chat.welcome", []),
    "action_offer_report": ("chat.offer_report", [START, ("common.not_now", "/goodbye")]),
    "action_faq_hate_crime": ("faq.hate_crime", []),
    "action_faq_anonymous": ("faq.anonymous", []),
    "action_faq_police": ("faq.police", []),
    "action_faq_someone_else": ("faq.someone_else", []),
    "action_faq_next_steps": ("faq.next_steps", []),
    "action_faq_other_ways": ("faq.other_ways", []),
    "action_faq_bystander": ("faq.bystander", []),
}


def values() -> dict[str, Any]:
    settings = get_settings()
    return {"days_high": settings.response_days_high,
            "days_standard": settings.response_days_standard}


class SayAction(Action, ABC):
    """Says one catalogue entry (``SAYINGS[name]``) with its buttons."""

    @abstractmethod
    def name(self) -> str: ...

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker,
                  domain: DomainDict) -> list[dict[str, Any]]:
        channel = channel_of(tracker)
        paused = tracker.get_slot("paused")
        if self.name() == "action_offer_report" and paused in ("danger", "stop"):
            # a "yes" while the report is paused: offer the same three choices again
            tell(dispatcher, say("safety.stop.still_paused", channel),
                 pause_buttons(paused, channel))
            return []
        key, buttons = SAYINGS[self.name()]
        tell(dispatcher, say(key, channel, **values()),
             [(say(f"choices.{title}", channel), payload) for title, payload in buttons])
        return []


def _say_class(action_name: str) -> type[SayAction]:
    """A named module-level subclass (the action server pickles actions by qualified name)."""
    title = "".join(part.capitalize() for part in action_name.split("_"))
    cls = type(title, (SayAction,), {"name": lambda self: action_name, "__module__": __name__})
    cls.__qualname__ = title
    globals()[title] = cls
    return cls


SAY_ACTIONS = {name: _say_class(name) for name in SAYINGS}
