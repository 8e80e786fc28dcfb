"""The report form's one validation action: it reads the answer to the question being asked,
pre-fills from the account, and decides which question comes next (only what is missing)."""

from __future__ import annotations

import logging
import uuid
from abc import ABC, abstractmethod
from typing import Any

from rasa_sdk import Tracker
from rasa_sdk.events import EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.forms import FormValidationAction
from rasa_sdk.types import DomainDict

from actions.common import channel_of, intent_of, is_fresh_answer, now_of, off_loop, slots_of
from bot.report_form.answers import Answer, interpret
from bot.report_form.flow import required_slots
from bot.report_form.unclear import not_understood, skipped

log = logging.getLogger(__name__)
ALWAYS_INTERRUPT = {"stop", "danger_now"}
DANGER_CONFIDENCE = 0.8
OTHER_SLOT_DANGER_CONFIDENCE = 0.95  # numbers and addresses typed as answers look alike
# Intents that bring the form back after a pause: they answer nothing, the question is re-asked.
RESUMING = {"carry_on", "start_report"}
QUESTION_WORDS = {
    "what",
    "whats",
    "what's",
    "how",
    "can",
    "could",
    "do",
    "does",
    "is",
    "will",
    "who",
    "should",
    "are",
    "am",
    "why",
    "would",
    "when",
}


class RetryingFormValidation(FormValidationAction, ABC):
    """A form validation action that interprets each answer itself and, when it cannot,
    follows bot.report_form.unclear: re-ask rephrased, then move on (the report still goes
    in), except the final check, which is never taken as a yes."""

    @abstractmethod
    async def understand(
        self, slot: str, dispatcher: CollectingDispatcher, tracker: Tracker
    ) -> dict[str, Any] | None:
        """Slot updates for the latest message as an answer to ``slot``; None if not understood."""

    def is_interruption(self, slot: str, tracker: Tracker) -> bool:
        """Messages the form leaves to the rules (stop, danger, questions about the service)."""
        intent, confidence = intent_of(tracker)
        text = (tracker.latest_message or {}).get("text") or ""
        if intent in ALWAYS_INTERRUPT and not text.startswith("/"):
            # The gateway already turned its stop words and every danger phrase its rules know
            # into /stop and /danger_now. The NLU model alone interrupts only when it is sure,
            # and a stop only when it is short: "I want it to stop" answers "what would help?".
            sure = confidence >= DANGER_CONFIDENCE
            if intent == "stop":
                return sure and slot != "wishes" and len(text.split()) <= 4
            return sure and (slot == "narrative" or confidence >= OTHER_SLOT_DANGER_CONFIDENCE)
        if intent in ALWAYS_INTERRUPT:
            return True
        if not (intent or "").startswith("faq_") or confidence < 0.6:
            return False
        if text.startswith("/"):
            return True
        # Only something phrased as a question counts ("at the police station" answers "where?"),
        # and inside the free account only a short one.
        words = text.lower().split()
        asked = "?" in text or (bool(words) and words[0] in QUESTION_WORDS)
        return asked and (slot != "narrative" or len(words) <= 15)

    def failed(
        self, slot: str, dispatcher: CollectingDispatcher, tracker: Tracker
    ) -> dict[str, Any]:
        """Not understood: say so kindly (or let the rephrased question say it)."""
        fallback = not_understood(slot, slots_of(tracker), channel_of(tracker))
        if fallback.text:
            dispatcher.utter_message(text=fallback.text)
        return fallback.updates

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> list[EventType]:
        slot = tracker.get_slot("requested_slot")
        updates: dict[str, Any] = {}
        if not tracker.get_slot("report_id"):
            updates["report_id"] = uuid.uuid4().hex  # one case per report, however sent
        resuming = intent_of(tracker)[0] in RESUMING
        if tracker.get_slot("paused") or resuming:
            # Always a slot set when resuming, even unpaused ("I want to report a hate crime"
            # typed as the account): with nothing set Rasa rejects the form, and no rule
            # follows a rejected form, so every later message met the kind fallback.
            updates["paused"] = None
        if slot and is_fresh_answer(tracker) and not resuming:
            if self.is_interruption(slot, tracker):
                return []  # nothing validated: Rasa rejects the form and the rules answer
            result = await self.understand(slot, dispatcher, tracker)
            if result is None:
                updates.update(self.failed(slot, dispatcher, tracker))
            elif fallback := skipped(slot, result, slots_of(tracker), channel_of(tracker)):
                dispatcher.utter_message(text=fallback.text)
                updates.update(fallback.updates)
            else:
                updates.update(result)
                attempts = dict(tracker.get_slot("attempts") or {})
                if attempts.pop(slot, None) is not None:
                    updates["attempts"] = attempts
        tracker.slots.update(updates)
        required = await self.required_slots(self.domain_slots(domain), dispatcher, tracker, domain)
        next_slot = next((s for s in required if tracker.slots.get(s) is None), None)
        return [SlotSet(k, v) for k, v in updates.items()] + [SlotSet("requested_slot", next_slot)]


class ValidateReportForm(RetryingFormValidation):
    """``validate_report_form``: the TellOnce report."""

    def name(self) -> str:
        return "validate_report_form"

    async def required_slots(
        self,
        domain_slots: list[str],
        dispatcher: CollectingDispatcher,
        tracker: Tracker,
        domain: DomainDict,
    ) -> list[str]:
        return required_slots(slots_of(tracker))

    async def understand(
        self, slot: str, dispatcher: CollectingDispatcher, tracker: Tracker
    ) -> dict[str, Any] | None:
        answer = Answer.from_message(tracker.latest_message or {})
        # Extraction (spaCy) and date parsing are CPU work: keep them off the event loop.
        return await off_loop(
            interpret, slot, answer, slots_of(tracker), channel_of(tracker), now_of(tracker)
        )
