"""Starting a report from an account typed straight away ("a man shouted at me on the bus..."):
the message becomes part of the narrative, so it is never asked for again. After a pause
(danger, or a stop) more of the account is added to what was already told."""

from __future__ import annotations

from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.events import SlotSet
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from actions.common import channel_of, off_loop, tell
from bot.report_form import understand
from bot.wording import say


class ActionStartFromAccount(Action):
    def name(self) -> str:
        return "action_start_from_account"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> list[dict[str, Any]]:
        text = ((tracker.latest_message or {}).get("text") or "").strip()
        parts = list(tracker.get_slot("narrative_parts") or [])
        if not parts:
            tell(dispatcher, say("report.start_from_account", channel_of(tracker)))
        if not text or text.startswith("/"):
            return []
        events: list[dict[str, Any]] = [SlotSet("narrative_parts", [*parts, text[:20000]]),
                                        SlotSet("paused", None)]
        if not tracker.get_slot("reporter_role"):
            role = await off_loop(understand.reporter_role, text)
            if role:
                events.append(SlotSet("reporter_role", role))
        return events
