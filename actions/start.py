"""Starting a report from an account typed straight away ("a man shouted at me on the bus..."):
the message becomes the first part of the narrative, so it is never asked for again."""

from __future__ import annotations

from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.events import SlotSet
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from actions.common import off_loop
from bot.report_form import understand


class ActionStartFromAccount(Action):
    def name(self) -> str:
        return "action_start_from_account"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> list[dict[str, Any]]:
        text = ((tracker.latest_message or {}).get("text") or "").strip()
        dispatcher.utter_message(
            text="I'm sorry that happened. I can take a report now; you can stay "
            "anonymous, and you can type stop at any time."
        )
        if not text or text.startswith("/"):
            return []
        events: list[dict[str, Any]] = [SlotSet("narrative_parts", [text[:20000]])]
        role = await off_loop(understand.reporter_role, text)
        if role:
            events.append(SlotSet("reporter_role", role))
        return events
