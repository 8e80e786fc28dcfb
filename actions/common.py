"""Helpers every action shares: request metadata (channel, moment of reporting), sending a
question with its ``expects`` payload, and running blocking work off the event loop."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime
from typing import Any, TypeVar

from anyio import to_thread
from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher

from bot.report_form.questions import Question

T = TypeVar("T")
CHANNELS = ("web", "sms", "whatsapp")
# Actions that may run between a user message and the form without consuming the message.
QUIET_ACTIONS = {
    "action_listen",
    "action_extract_slots",
    "report_form",
    "validate_report_form",
    "return_form",
    "validate_return_form",
    "action_session_start",
}


def metadata(tracker: Tracker) -> dict[str, Any]:
    meta = (tracker.latest_message or {}).get("metadata")
    return meta if isinstance(meta, dict) else {}


def channel_of(tracker: Tracker) -> str:
    """The resident's channel from the gateway's metadata ("web" when missing)."""
    channel = metadata(tracker).get("channel")
    return channel if channel in CHANNELS else "web"


def now_of(tracker: Tracker) -> datetime:
    """The moment of reporting from the metadata (dates like 'yesterday' resolve against it)."""
    raw = metadata(tracker).get("now")
    if isinstance(raw, str):
        try:
            parsed = datetime.fromisoformat(raw.replace("Z", "+00:00"))
            return parsed if parsed.tzinfo else parsed.replace(tzinfo=UTC)
        except ValueError:
            pass
    return datetime.now(UTC)


def slots_of(tracker: Tracker) -> dict[str, Any]:
    return dict(tracker.slots)


def ask(dispatcher: CollectingDispatcher, question: Question) -> None:
    """Send a question: text + buttons, and the custom ``expects`` payload for the gateway."""
    dispatcher.utter_message(
        text=question.text,
        buttons=[{"title": title, "payload": payload} for title, payload in question.buttons],
        json_message=question.custom,
    )


def tell(dispatcher: CollectingDispatcher, text: str,
         buttons: list[tuple[str, str]] | None = None, alert: bool = False) -> None:
    """Send one message; ``alert`` marks it for the page to announce at once (danger now)."""
    dispatcher.utter_message(
        text=text,
        buttons=[{"title": title, "payload": payload} for title, payload in buttons or []],
        json_message={"alert": True} if alert else None,
    )


def end(dispatcher: CollectingDispatcher) -> None:
    """Mark the conversation as over for the gateway (the last message of the turn)."""
    dispatcher.utter_message(json_message={"ended": True})


def intent_of(tracker: Tracker) -> tuple[str | None, float]:
    intent = (tracker.latest_message or {}).get("intent") or {}
    return intent.get("name"), float(intent.get("confidence") or 0.0)


def is_fresh_answer(tracker: Tracker) -> bool:
    """True when nothing has answered the latest user message yet (no FAQ, no safety message):
    after an interruption the form is re-run, and must not read the same message again."""
    for event in reversed(tracker.events):
        kind = event.get("event")
        if kind == "user":
            return True
        if kind in ("bot", "action_execution_rejected"):
            return False
        if kind == "action" and event.get("name") not in QUIET_ACTIONS:
            return False
    return False


async def off_loop[T](func: Callable[..., T], *args: Any) -> T:
    """Run blocking work (database, spaCy) in a worker thread, not on the action server's loop."""
    return await to_thread.run_sync(func, *args)
