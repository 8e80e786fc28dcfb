"""Plays Rasa's part of the form loop against the real actions (rasa_sdk Trackers and
CollectingDispatcher), so tests follow the dialogue exactly as the action server sees it."""

from __future__ import annotations

import asyncio
import json
import re
import threading
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml
from rasa_sdk import Action, Tracker
from rasa_sdk.executor import CollectingDispatcher

from actions.ask import ASK_ACTIONS
from actions.report_form import ValidateReportForm

ROOT = Path(__file__).resolve().parents[2]
DOMAIN: dict[str, Any] = yaml.safe_load((ROOT / "domain.yml").read_text())
NOW = "2026-11-25T10:00:00+00:00"  # a Wednesday
PAYLOAD = re.compile(r"^/(\w+)(\{.*\})?$")


def message(
    text: str, intent: str | None = None, channel: str = "web", confidence: float = 1.0,
    now: str = NOW,
) -> dict[str, Any]:
    """A parsed user message as Rasa would send it (payload syntax gives intent and entities)."""
    entities: list[dict[str, Any]] = []
    found = PAYLOAD.match(text)
    if found:
        intent = found.group(1)
        for key, value in json.loads(found.group(2) or "{}").items():
            entities.append({"entity": key, "value": value})
    return {
        "text": text,
        "intent": {"name": intent or "inform", "confidence": confidence},
        "entities": entities,
        "metadata": {"channel": channel, "now": now},
    }


def make_tracker(
    slots: dict[str, Any],
    latest: dict[str, Any],
    after_user: list[dict[str, Any]] | None = None,
    active_loop: str | None = "report_form",
) -> Tracker:
    events = [
        {"event": "action", "name": "action_listen"},
        {"event": "user", "text": latest["text"], "parse_data": latest},
        *(after_user or []),
    ]
    loop = {"name": active_loop} if active_loop else {}
    return Tracker("w-test", dict(slots), latest, events, False, None, loop, "action_listen")


class _Loop:
    """One event loop in its own thread for every action the driver runs, as the action server
    keeps one: the main thread may already run a loop (Playwright's sync API keeps one for the
    whole session). Starting a loop and a thread per action cost the played set a minute."""

    def __init__(self) -> None:
        self._loop: asyncio.AbstractEventLoop | None = None
        self._lock = threading.Lock()

    def run(self, coroutine: Any) -> Any:
        with self._lock:
            if self._loop is None:
                self._loop = asyncio.new_event_loop()
                threading.Thread(target=self._loop.run_forever, name="actions-driver",
                                 daemon=True).start()
        return asyncio.run_coroutine_threadsafe(coroutine, self._loop).result()


_LOOP = _Loop()


def run(action: Action, tracker: Tracker) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    dispatcher = CollectingDispatcher()
    events = _LOOP.run(action.run(dispatcher, tracker, DOMAIN))
    return dispatcher.messages, events


@dataclass
class Conversation:
    """The resident's side of a form conversation; ``asked`` lists every question's slot."""

    channel: str = "web"
    slots: dict[str, Any] = field(default_factory=dict)
    now: str = NOW  # the moment of reporting the actions read dates against
    asked: list[str] = field(default_factory=list)
    last: list[dict[str, Any]] = field(default_factory=list)

    def apply(self, events: list[dict[str, Any]]) -> None:
        for event in events:
            if event.get("event") == "slot":
                self.slots[event["name"]] = event["value"]

    def _validate_and_ask(self, latest: dict[str, Any]) -> list[dict[str, Any]]:
        tracker = make_tracker(self.slots, latest)
        messages, events = run(ValidateReportForm(), tracker)
        # Rasa rejects the form when a slot was asked and nothing but requested_slot is set
        # (rasa/core/actions/forms.py, FormAction.validate): its rules take over (FAQ, stop,
        # danger), and with no rule the resident meets the kind fallback.
        validated = [e for e in events if e.get("event") == "slot"
                     and e.get("name") != "requested_slot"]
        if not events or (self.slots.get("requested_slot") and not validated):
            self.last = messages
            return messages
        self.apply(events)
        slot = self.slots.get("requested_slot")
        if slot:
            asked, ask_events = run(ASK_ACTIONS[slot](), make_tracker(self.slots, latest))
            self.apply(ask_events)
            messages += asked
            self.asked.append(slot)
        self.last = messages
        return messages

    def start(self) -> list[dict[str, Any]]:
        return self._validate_and_ask(message("/start_report", now=self.now))

    def say(self, text: str, intent: str | None = None) -> list[dict[str, Any]]:
        return self._validate_and_ask(message(text, intent, self.channel, now=self.now))

    @property
    def expects(self) -> dict[str, Any] | None:
        for m in reversed(self.last):
            if isinstance(m.get("custom"), dict) and "expects" in m["custom"]:
                return m["custom"]["expects"]
        return None

    @property
    def text(self) -> str:
        return " ".join(m.get("text") or "" for m in self.last)

    def button(self, title_part: str) -> str:
        for m in self.last:
            for b in m.get("buttons") or []:
                if title_part.lower() in b["title"].lower():
                    return b["payload"]
        raise AssertionError(f"no button {title_part!r} in {self.last}")


ANSWERED: dict[str, Any] = {
    "reporter_role": "victim",
    "narrative": "Someone shouted at me on King Street",
    "confirm_understanding": "yes",
    "strands": ["race"],
    "incident_types": ["verbal_abuse"],
    "occurred_on": "2026-11-24",
    "location": {"text": "King Street", "ward": None, "online": False},
    "perpetrator": "unknown",
    "ongoing": False,
    "wishes": ["record_only"],
    "anonymous": True,
    "consent_police": True,
}


def at(slot: str, **overrides: Any) -> dict[str, Any]:
    """Slots of a form that has reached ``slot``: everything before it answered."""
    from bot.report_form.flow import required_slots

    slots = {**ANSWERED, **overrides}
    order = required_slots(slots)
    before = order[: order.index(slot)] if slot in order else order
    kept = {k: v for k, v in slots.items() if k in before or k in overrides}
    return {**kept, "requested_slot": slot}
