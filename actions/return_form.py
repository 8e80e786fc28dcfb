"""Coming back (issue 9): ``validate_return_form``, its questions, how it starts and how it
ends. The domain work (checking the secret, the diary, status, feedback) is in bot/returning."""

from __future__ import annotations

import logging
from abc import ABC, abstractmethod
from datetime import date
from typing import Any

from rasa_sdk import Action, FormValidationAction, Tracker
from rasa_sdk.events import EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from actions.common import (
    ask,
    channel_of,
    end,
    intent_of,
    is_fresh_answer,
    now_of,
    off_loop,
    slots_of,
    tell,
)
from actions.report_form import ALWAYS_INTERRUPT
from bot.db import session_scope
from bot.models import Case
from bot.report_form.answers.common import Answer
from bot.report_form.flow import known
from bot.return_form.answers import interpret
from bot.return_form.flow import SLOTS, required_slots, unclear
from bot.return_form.questions import BUILDERS, diary_summary, question
from bot.returning import diary, feedback, guard
from bot.returning.status import status_text
from bot.settings import get_settings
from bot.wording import say

log = logging.getLogger(__name__)
FORM = "return_form"
MAX_FAILED_CHECKS = 3  # in one conversation; the guard also limits per case and per sender
TEXT = ("sms", "whatsapp")
PURPOSE_OF = {"add_to_report": "add", "case_status": "status", "give_feedback": "feedback"}


def _sender_cases(conversation_id: str) -> list[str]:
    with session_scope() as session:
        return [c.reference for c in guard.cases_of_sender(session, conversation_id)]


def _check(reference: str, code: str, conversation_id: str) -> str | None:
    with session_scope() as session:
        found = guard.check(session, reference, code, conversation_id)
        return found.case.reference if found.case else None


class ValidateReturnForm(FormValidationAction):
    def name(self) -> str:
        return "validate_return_form"

    async def required_slots(self, domain_slots: list[str], dispatcher: CollectingDispatcher,
                             tracker: Tracker, domain: DomainDict) -> list[str]:
        slots = slots_of(tracker)
        if int(slots.get("return_failures") or 0) >= MAX_FAILED_CHECKS:
            return []
        return required_slots(slots)

    async def _found_by_number(self, tracker: Tracker, updates: dict[str, Any]) -> None:
        """SMS and WhatsApp: the verified number stands in for the secret."""
        if channel_of(tracker) not in TEXT or tracker.get_slot("return_case"):
            return
        mine = await off_loop(_sender_cases, tracker.sender_id)
        reference = updates.get("return_reference", tracker.get_slot("return_reference"))
        if reference in mine or (len(mine) == 1 and not reference):
            updates["return_case"] = reference if reference in mine else mine[0]
        elif len(mine) > 1 and not reference:
            updates["return_choices"] = mine

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker,
                  domain: DomainDict) -> list[EventType]:
        slot = tracker.get_slot("requested_slot")
        channel = channel_of(tracker)
        updates: dict[str, Any] = {}
        intent, _ = intent_of(tracker)
        if slot and is_fresh_answer(tracker) and intent not in ("carry_on",):
            if intent in ALWAYS_INTERRUPT:
                return []  # the rules answer (danger now, stop)
            answer = Answer.from_message(tracker.latest_message or {})
            result = await off_loop(interpret, slot, answer, slots_of(tracker), channel,
                                    now_of(tracker))
            if result is None:
                updates.update(unclear(slot, slots_of(tracker)))
                if updates.get(slot) is None:  # asked again, rephrased by the prefix
                    dispatcher.utter_message(text=say("report.retry.prefix", channel))
            else:
                updates.update(result)
        await self._found_by_number(tracker, updates)
        code = updates.get("return_code")
        if code and not tracker.get_slot("return_case"):
            reference = tracker.get_slot("return_reference") or ""
            found = await off_loop(_check, reference, code, tracker.sender_id)
            if found:
                updates["return_case"] = found
            else:  # word for word the same, whatever was wrong
                failures = int(tracker.get_slot("return_failures") or 0) + 1
                updates.update(return_reference=None, return_code=None,
                               return_failures=failures)
                if failures < MAX_FAILED_CHECKS:
                    dispatcher.utter_message(text=say("returning.not_found", channel))
        tracker.slots.update(updates)
        required = await self.required_slots([], dispatcher, tracker, domain)
        next_slot = next((s for s in required if tracker.slots.get(s) is None), None)
        return [SlotSet(k, v) for k, v in updates.items()] + [SlotSet("requested_slot", next_slot)]


class AskReturnSlot(Action, ABC):
    """Asks one of the coming-back questions (``action_ask_<slot>``)."""

    @property
    @abstractmethod
    def slot_name(self) -> str: ...

    def name(self) -> str:
        return f"action_ask_{self.slot_name}"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker,
                  domain: DomainDict) -> list[dict[str, Any]]:
        ask(dispatcher, question(self.slot_name, slots_of(tracker), channel_of(tracker),
                                 now_of(tracker)))
        return []


for _slot in BUILDERS:
    _title = "AskReturn" + "".join(p.capitalize() for p in _slot.split("_"))
    _cls = type(_title, (AskReturnSlot,), {"slot_name": _slot, "__module__": __name__})
    _cls.__qualname__ = _title
    globals()[_title] = _cls


class ActionStartReturn(Action):
    """'Add to my report', 'what's happening?', 'feedback', or a bare reference: start coming
    back. A report already found in this conversation is not asked for again."""

    def name(self) -> str:
        return "action_start_return"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker,
                  domain: DomainDict) -> list[dict[str, Any]]:
        intent, _ = intent_of(tracker)
        entities = {e.get("entity"): e.get("value")
                    for e in (tracker.latest_message or {}).get("entities") or []}
        kept = tracker.get_slot("return_case")
        events = [SlotSet(s, None) for s in SLOTS if s != "return_case"]
        events.append(SlotSet("return_purpose", PURPOSE_OF.get(intent)))
        if isinstance(entities.get("reference"), str) and entities["reference"] != kept:
            events += [SlotSet("return_case", None),
                       SlotSet("return_reference", entities["reference"].upper())]
        return events


def _reset() -> list[dict[str, Any]]:
    return [SlotSet(s, None) for s in SLOTS if s != "return_case"] + [
        SlotSet("requested_slot", None)]


def _finish(slots: dict[str, Any], channel: str, now: Any) -> list[str]:
    """The domain work at the end (blocking: runs in a worker thread); returns what to say."""
    reference = slots.get("return_case")
    settings = get_settings()
    with session_scope() as session:
        case = session.query(Case).filter(Case.reference == reference).one_or_none()
        if case is None:
            return [say("returning.gave_up", channel)]
        purpose = slots.get("return_purpose")
        if purpose == "status":
            text = status_text(session, case, settings, channel)
            from bot import audit

            audit.record(session, None, "resident.status_read", case.reference,
                         {"channel": channel})
            return [text]
        if purpose == "add":
            if slots.get("diary_confirm") != "yes" or not slots.get("diary_narrative"):
                return [say("returning.diary_not_added", channel)]
            found = dict(slots.get("diary_found") or {})
            if known(slots.get("diary_occurred_on")):
                found["occurred_on"] = slots["diary_occurred_on"]
            if isinstance(slots.get("diary_location"), dict):
                found["location"] = slots["diary_location"]
            day = found.get("occurred_on")
            place = found.get("location") or {}
            diary.add_entry(session, case, account=slots["diary_narrative"],
                            summary=diary_summary(found, now, "web"),
                            occurred_on=date.fromisoformat(day) if isinstance(day, str) else None,
                            location_text=place.get("text") or ("online" if place.get("online")
                                                                else None),
                            incident_types=list(found.get("incident_types") or []),
                            channel=channel)
            return [say("returning.diary_added", channel, reference=case.reference)]
        if purpose == "feedback":
            rating = slots.get("feedback_rating")
            comment = slots.get("feedback_comment")
            if isinstance(rating, int) or known(comment):
                feedback.record(session, case, rating if isinstance(rating, int) else None,
                                comment if known(comment) else None, channel,
                                slots.get("feedback_stage") or "report")
            return [say("returning.thanks", channel)]
    return []


class ActionFinishReturn(Action):
    """The end of coming back: the status, the diary entry saved, or the feedback kept."""

    def name(self) -> str:
        return "action_finish_return"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker,
                  domain: DomainDict) -> list[dict[str, Any]]:
        slots = slots_of(tracker)
        channel = channel_of(tracker)
        if not slots.get("return_case"):
            tell(dispatcher, say("returning.gave_up", channel))
            end(dispatcher)
            return _reset()
        try:
            texts = await off_loop(_finish, slots, channel, now_of(tracker))
        except Exception as exc:  # noqa: BLE001 - keep what they said; they can try again
            log.error("coming back failed: %s", type(exc).__name__)
            tell(dispatcher, say("submitted.save_failed", channel))
            return []
        for text in texts:
            tell(dispatcher, text)
        end(dispatcher)
        return _reset()
