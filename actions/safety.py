"""Safety first, at any point: danger now (call the emergency number now, then the report
pauses with three choices), stopping (which asks before throwing an account away), sending
what was told so far, and deleting it."""

from __future__ import annotations

import logging
import uuid
from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.events import ActiveLoop, AllSlotsReset, SlotSet
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from actions.common import channel_of, end, off_loop, slots_of, tell
from bot.report_form.flow import has_account
from bot.report_form.submitted import next_steps, support_text
from bot.report_form.to_report import to_report
from bot.submission import save_report, with_secret
from bot.wording import say

log = logging.getLogger(__name__)
FORM = "report_form"


def _said(tracker: Tracker) -> str | None:
    """What the resident wrote: the gateway passes it as the ``said`` entity of /danger_now."""
    for entity in (tracker.latest_message or {}).get("entities") or []:
        if entity.get("entity") == "said" and entity.get("value"):
            return str(entity["value"])
    text = (tracker.latest_message or {}).get("text") or ""
    return None if not text or text.startswith("/") else text


def pause_buttons(paused: str, channel: str) -> list[tuple[str, str]]:
    """The choices while a report is paused: after danger, or after a stop."""
    if paused == "danger":
        return [(say("safety.danger.buttons.carry_on", channel), "/carry_on"),
                (say("safety.danger.buttons.send_now", channel), "/send_now"),
                (say("safety.danger.buttons.stop", channel), "/stop")]
    return [(say("safety.stop.buttons.send", channel), "/send_now"),
            (say("safety.stop.buttons.delete", channel), "/delete_report"),
            (say("safety.stop.buttons.carry_on", channel), "/carry_on")]


def report_id(tracker: Tracker) -> list[dict[str, Any]]:
    """Give the report its id now if it has none (one case per report, however it is sent)."""
    return [] if tracker.get_slot("report_id") else [SlotSet("report_id", uuid.uuid4().hex)]


def paused_form(tracker: Tracker) -> str:
    """Which form 'carry on' brings back (a featurised slot the rules read)."""
    active = (tracker.active_loop or {}).get("name")
    return active if active in ("report_form", "return_form") else "report_form"


class ActionDanger(Action):
    """Danger now: call the emergency number now, how to call without speaking, text relay; then
    the report pauses (no question in this turn) with three choices. What they said is kept."""

    def name(self) -> str:
        return "action_danger"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> list[dict[str, Any]]:
        channel = channel_of(tracker)
        lines = [say(f"safety.danger.{k}", channel) for k in ("call_now", "cant_speak", "deaf")]
        tell(dispatcher, "\n".join(lines), alert=True)
        events: list[dict[str, Any]] = [SlotSet("danger_now", True), *report_id(tracker)]
        said = _said(tracker)
        if said and len(said.split()) >= 3:  # an account, not just "999" or "help me"
            if tracker.get_slot("requested_slot") == "narrative" or not has_account(
                    slots_of(tracker)):
                parts = list(tracker.get_slot("narrative_parts") or [])
                events.append(SlotSet("narrative_parts", [*parts, said[:2000]]))
            else:
                kept = list(tracker.get_slot("danger_said") or [])
                events.append(SlotSet("danger_said", [*kept, said[:2000]]))
        kept = "kept" if has_account(slots_of(tracker)) else "kept_nothing_yet"
        tell(dispatcher, say(f"safety.danger.{kept}", channel), pause_buttons("danger", channel))
        return [*events, SlotSet("paused", "danger"), SlotSet("paused_form", paused_form(tracker)),
                ActiveLoop(None)]


class ActionStop(Action):
    """Stop or exit anywhere. With an account given, ask first: send it, delete it, or carry
    on. With nothing given (or asked already), end cleanly and forget it."""

    def name(self) -> str:
        return "action_stop"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> list[dict[str, Any]]:
        channel = channel_of(tracker)
        slots = slots_of(tracker)
        if has_account(slots) and tracker.get_slot("paused") != "stop":
            tell(dispatcher, say("safety.stop.ask", channel), pause_buttons("stop", channel))
            return [SlotSet("paused", "stop"), SlotSet("paused_form", "report_form"),
                    *report_id(tracker), ActiveLoop(None)]
        key = "deleted" if has_account(slots) else "nothing_to_send"
        tell(dispatcher, " ".join([say(f"safety.stop.{key}", channel),
                                   say("safety.stop.someone_to_talk_to", channel)]))
        end(dispatcher)
        return [ActiveLoop(None), AllSlotsReset()]


class ActionDeleteReport(Action):
    """'Delete it': everything told so far is forgotten and nothing is sent."""

    def name(self) -> str:
        return "action_delete_report"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> list[dict[str, Any]]:
        channel = channel_of(tracker)
        key = "deleted" if has_account(slots_of(tracker)) else "nothing_to_send"
        tell(dispatcher, " ".join([say(f"safety.stop.{key}", channel),
                                   say("safety.stop.someone_to_talk_to", channel)]))
        end(dispatcher)
        return [ActiveLoop(None), AllSlotsReset()]


class ActionSendNow(Action):
    """'Send what I've told you': one case now from whatever was said. After danger it is
    urgent (risk high, top of the queue, the duty contact told); the account includes what
    they said in danger."""

    def name(self) -> str:
        return "action_send_now"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> list[dict[str, Any]]:
        channel = channel_of(tracker)
        slots = slots_of(tracker)
        if not has_account(slots):
            tell(dispatcher, say("safety.send_now.nothing_yet", channel))
            return []
        if not slots.get("report_id"):
            slots["report_id"] = uuid.uuid4().hex
        urgent = bool(slots.get("danger_now"))
        report, code = await off_loop(with_secret, to_report(slots, channel, tracker.sender_id,
                                                             urgent=urgent))
        try:
            done = await off_loop(save_report, report)
        except Exception as exc:  # noqa: BLE001 - keep their answers, let them try again
            log.error("report not sent early: %s", type(exc).__name__)
            tell(dispatcher, say("safety.send_now.failed", channel),
                 [(say("safety.send_now.buttons.retry", channel), "/send_now")])
            return [SlotSet("report_id", slots["report_id"])]
        log.info("case sent early (urgent %s, risk %s, channel %s)", done.urgent,
                 done.risk_level, report.channel)
        secret = say("returning.secret", channel, code=code)
        if urgent:
            tell(dispatcher, say("safety.send_now.urgent", channel, reference=done.reference),
                 alert=True)
            tell(dispatcher, secret)
        else:
            tell(dispatcher, say("safety.send_now.sent", channel, reference=done.reference)
                 + " " + secret)
            tell(dispatcher, next_steps(report, done.risk_level, channel))
        tell(dispatcher, support_text(report, channel))
        end(dispatcher)
        return [ActiveLoop(None), AllSlotsReset()]
