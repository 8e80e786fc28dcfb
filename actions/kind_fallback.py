"""Not understood outside the form: the bot's fault, said kindly, with buttons and a person to
talk to, and never the same words twice in a row (CONVERSATION.md: kind fallback)."""

from __future__ import annotations

from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

NAME = "action_fallback"
TEXTS = (
    "Sorry, I didn't understand that, and that's my fault. I can take a report of a hate crime "
    "or hate incident, or answer questions about reporting. If you'd rather talk to a person, "
    "Stop Hate UK is there 24/7 on 0800 138 1625.",
    "Sorry, I still didn't get that. You can tap a button below, or just tell me what happened.",
    "I'm sorry I'm not getting this right. To talk to a person now, call Stop Hate UK 24/7 on "
    "0800 138 1625. Or tap a button when you're ready.",
)
BUTTONS = [
    {"title": "Start a report", "payload": "/start_report"},
    {"title": "What counts as hate?", "payload": "/faq_hate_crime"},
    {"title": "Other ways to report", "payload": "/faq_other_ways"},
]


def fallbacks_in_a_row(events: list[dict[str, Any]]) -> int:
    """How many fallbacks answered the resident's last messages, with nothing else between."""
    count = 0
    for event in reversed(events):
        if event.get("event") != "action" or event.get("name") == "action_listen":
            continue
        if event.get("name") != NAME:
            break
        count += 1
    return count


class ActionFallback(Action):
    def name(self) -> str:
        return NAME

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> list[dict[str, Any]]:
        text = TEXTS[fallbacks_in_a_row(tracker.events) % len(TEXTS)]
        dispatcher.utter_message(text=text, buttons=BUTTONS)
        return []
