"""Not understood outside the form: the bot's fault, said kindly, with buttons and a person to
talk to, and never the same words twice in a row (CONVERSATION.md: kind fallback). While a
report is paused (danger, or a stop), the choices are offered again instead."""

from __future__ import annotations

from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.events import ActiveLoop, FollowupAction
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from actions.common import channel_of, tell
from actions.safety import pause_buttons
from bot.wording import count, say

NAME = "action_fallback"
BUTTONS = [("common.start_report", "/start_report"), ("common.what_counts", "/faq_hate_crime"),
           ("common.other_ways", "/faq_other_ways")]


def fallbacks_in_a_row(events: list[dict[str, Any]]) -> int:
    """How many fallbacks answered the resident's last messages, with nothing else between."""
    total = 0
    for event in reversed(events):
        if event.get("event") != "action" or event.get("name") == "action_listen":
            continue
        if event.get("name") != NAME:
            break
        total += 1
    return total


class ActionFallback(Action):
    def name(self) -> str:
        return NAME

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> list[dict[str, Any]]:
        channel = channel_of(tracker)
        paused = tracker.get_slot("paused")
        if paused in ("danger", "stop"):
            tell(dispatcher, say("safety.stop.still_paused", channel),
                 pause_buttons(paused, channel))
            return []
        form = (tracker.active_loop or {}).get("name")
        if form:
            # Rasa rejected the form and no rule answered: say sorry, clear the rejection
            # (without it Rasa never runs the form again: a dead end) and ask its question again.
            tell(dispatcher, say("report.retry.prefix", channel))
            return [ActiveLoop(form), FollowupAction(form)]
        index = fallbacks_in_a_row(tracker.events) % count("chat.fallback")
        tell(dispatcher, say(f"chat.fallback.{index}", channel),
             [(say(f"choices.{title}", channel), payload) for title, payload in BUTTONS])
        # Then wait for the resident: as Rasa's core fallback, this can be predicted again
        # straight after itself (nothing in the rules follows it inside a form), once per
        # prediction until Rasa's circuit breaker, each time with another apology.
        return [FollowupAction("action_listen")]
