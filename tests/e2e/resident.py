"""A scripted resident that answers whatever the bot is asking (driven by ``expects.slot``),
so end-to-end tests follow the real dialogue rather than a hard-coded order."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from tests.e2e.stack import REFERENCE

YES = re.compile(r"^(yes|yeah|that's right|correct|that is right|looks right)", re.I)


def pick(reply: dict[str, Any], wanted: str) -> str | None:
    """The payload of an offered button whose title contains ``wanted`` (case-insensitive)."""
    for message in reply["messages"]:
        for button in message.get("buttons") or []:
            if wanted.lower() in button["title"].lower():
                return button["payload"]
    return None


def hold_report(
    send: Callable[[str], dict[str, Any]],
    answers: dict[str, str],
    buttons: dict[str, str],
    max_turns: int = 40,
) -> tuple[str, list[dict[str, Any]]]:
    """Talk until a case reference appears; return it and the transcript of bot replies.

    ``answers`` maps a slot to free text; ``buttons`` maps a slot to a button title to press.
    The narrative is sent once; when the bot asks for more, the resident says it's all.
    """
    transcript: list[dict[str, Any]] = []
    reply = send("hi")
    transcript.append(reply)
    start = pick(reply, "report")
    reply = send(start or "I want to report something")
    transcript.append(reply)
    told: set[str] = set()
    for _ in range(max_turns):
        text = " ".join(m["text"] for m in reply["messages"])
        found = REFERENCE.search(text)
        if found:
            return found.group(0), transcript
        slot = reply["expects"]["slot"]
        if slot in told and slot == "narrative":
            message = pick(reply, "everything") or pick(reply, "done") or "that's everything"
        elif slot in buttons and pick(reply, buttons[slot]):
            message = pick(reply, buttons[slot])
        elif slot in answers:
            message = answers[slot]
        else:  # a yes/no read-back or anything unforeseen: agree if we can
            message = pick(reply, "yes") or pick(reply, "right") or "yes"
        told.add(slot)
        reply = send(message)
        transcript.append(reply)
    raise AssertionError(f"no reference after {max_turns} turns; last reply: {reply}")
