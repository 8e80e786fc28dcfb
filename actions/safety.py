"""Safety first, at any point: danger now (999 before anything else) and a clean stop."""

from __future__ import annotations

from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.events import ActiveLoop, AllSlotsReset, SlotSet
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from actions.common import end
from bot.signposting import directory, emergency_text

FORM = "report_form"


def _said(tracker: Tracker) -> str | None:
    """What the resident wrote: the gateway passes it as the ``said`` entity of /danger_now."""
    for entity in (tracker.latest_message or {}).get("entities") or []:
        if entity.get("entity") == "said" and entity.get("value"):
            return str(entity["value"])
    text = (tracker.latest_message or {}).get("text") or ""
    return None if not text or text.startswith("/") else text


def stop_hate_line() -> str:
    item = directory().get("stop_hate_uk")
    return f"Stop Hate UK is there 24/7 on {item.phone}." if item and item.phone else ""


class ActionDanger(Action):
    """Danger now: 999 and text relay first, then an offer to carry on (the form resumes).
    While the account is being told, what they said is kept as part of it."""

    def name(self) -> str:
        return "action_danger"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> list[dict[str, Any]]:
        dispatcher.utter_message(text=emergency_text())
        events: list[dict[str, Any]] = [SlotSet("danger_now", True)]
        in_form = (tracker.active_loop or {}).get("name") == FORM
        said = _said(tracker)
        if in_form and tracker.get_slot("requested_slot") == "narrative" and said:
            parts = list(tracker.get_slot("narrative_parts") or [])
            events.append(SlotSet("narrative_parts", [*parts, said]))
        if in_form:
            dispatcher.utter_message(
                text="Please get safe first. When you can, we'll carry on with your "
                "report here, or type stop to end it."
            )
        else:
            dispatcher.utter_message(
                text="Please get safe first. When you're ready, I can take your report.",
                buttons=[
                    {"title": "Start a report", "payload": "/start_report"},
                    {"title": "Stop", "payload": "/stop"},
                ],
            )
        return events


class ActionStop(Action):
    """Stop or cancel anywhere: the form ends, everything collected is forgotten."""

    def name(self) -> str:
        return "action_stop"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> list[dict[str, Any]]:
        dispatcher.utter_message(
            text=f"OK, I've stopped and cleared anything not yet sent. {stop_hate_line()} "
            "You can start again any time.".replace("  ", " ")
        )
        end(dispatcher)
        return [ActiveLoop(None), AllSlotsReset()]
