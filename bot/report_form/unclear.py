"""What the form does when an answer was not understood (CONVERSATION.md: kind fallback).

Most questions are re-asked once, then left out so the report still goes in. Two are
different: the final check is never taken as a yes (the report waits, with buttons and a
person to talk to), and contact details that never come make the report honestly anonymous
rather than 'not anonymous, no way to reach you'.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from bot.report_form.flow import placeholder
from bot.report_form.questions import retry_hint

Slots = dict[str, Any]
# How many unclear answers each question gets before we move on (default 2).
TRIES = {"contact_method": 3}
NEVER_GIVE_UP = {"confirm_summary"}
CONTACT_SLOTS = {"contact_method", "contact_value"}
GIVE_UP_TEXT = (
    "No problem, I'll leave that out and we'll carry on. If you'd rather talk to someone, "
    "Stop Hate UK is there 24/7 on 0800 138 1625."
)
GIVE_UP_READ_BACK = (
    "No problem, let's carry on. You'll see the whole report before anything is sent."
)
NO_CONTACT_SKIPPED = (
    "OK. Without contact details we can't get in touch, so your report will be anonymous. "
    "You can change that when I show you your report."
)
NO_CONTACT_UNCLEAR = (
    "Sorry, I couldn't work that out, so I'll keep your report anonymous and we won't "
    "contact you. You can change that when I show you your report."
)


@dataclass
class Fallback:
    """What to say (None: the re-asked question says it) and the slot updates to make."""

    text: str | None
    updates: Slots = field(default_factory=dict)


def no_contact(attempts: Slots, unclear: bool) -> Fallback:
    """No usable contact details: the report is anonymous, and the resident is told so."""
    left = {k: v for k, v in attempts.items() if k not in CONTACT_SLOTS}
    return Fallback(
        NO_CONTACT_UNCLEAR if unclear else NO_CONTACT_SKIPPED,
        {
            "anonymous": True,
            "contact_method": None,
            "contact_value": None,
            "safe_contact_time": None,
            "attempts": left,
        },
    )


def not_understood(slot: str, slots: Slots) -> Fallback:
    """The answer to ``slot`` was not understood: re-ask (rephrased), or move on."""
    attempts = dict(slots.get("attempts") or {})
    attempts[slot] = count = int(attempts.get(slot, 0)) + 1
    if slot in NEVER_GIVE_UP:
        return Fallback(None, {slot: None, "attempts": attempts})
    if count >= TRIES.get(slot, 2):
        if slot in CONTACT_SLOTS:
            return no_contact(attempts, unclear=True)
        attempts.pop(slot)  # asked afresh if a correction brings it back
        return Fallback(
            GIVE_UP_READ_BACK if slot == "confirm_understanding" else GIVE_UP_TEXT,
            {slot: placeholder(slot), "attempts": attempts, "picked": [], "correcting": None},
        )
    if count >= 2:  # the question itself is rephrased with buttons for the last try
        return Fallback(None, {slot: None, "attempts": attempts})
    return Fallback(
        f"Sorry, I didn't quite get that. {retry_hint(slot, slots)}",
        {slot: None, "attempts": attempts},
    )


def skipped(slot: str, updates: Slots, slots: Slots) -> Fallback | None:
    """A skipped contact question makes the report anonymous (said plainly); else None."""
    if slot in CONTACT_SLOTS and updates.get(slot) == placeholder(slot):
        return no_contact(dict(slots.get("attempts") or {}), unclear=False)
    return None
