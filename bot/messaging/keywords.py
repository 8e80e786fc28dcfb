"""Carrier and service keywords on SMS/WhatsApp, and the fixed replies they get.

STOP and the other carrier opt-out words must be honoured whatever the conversation is doing;
HELP must always say how to get help now; EXIT ends the report and says how to clear the phone.
"""

from __future__ import annotations

import re
from enum import StrEnum

from bot import signposting
from bot.settings import Settings

OPT_OUT_WORDS = {"STOP", "STOPALL", "UNSUBSCRIBE", "CANCEL", "END", "QUIT", "OPTOUT", "REVOKE"}
OPT_IN_WORDS = {"START", "UNSTOP", "YES"}
HELP_WORDS = {"HELP", "INFO"}
EXIT_WORDS = {"EXIT"}
_NORMALISE = re.compile(r"[^A-Z]")


class Keyword(StrEnum):
    OPT_OUT = "opt_out"
    OPT_IN = "opt_in"
    HELP = "help"
    EXIT = "exit"


def classify(body: str) -> Keyword | None:
    """A keyword only when it is the whole message ("stop", "STOP.", " Stop "), never mid-text."""
    word = _NORMALISE.sub("", (body or "").strip().upper())
    if not word or len((body or "").split()) != 1:
        return None
    if word in OPT_OUT_WORDS:
        return Keyword.OPT_OUT
    if word in OPT_IN_WORDS:
        return Keyword.OPT_IN
    if word in HELP_WORDS:
        return Keyword.HELP
    if word in EXIT_WORDS:
        return Keyword.EXIT
    return None


def _stop_hate_line() -> str:
    sp = signposting.directory().get("stop_hate_uk")
    return f"Stop Hate UK, 24/7: {sp.phone}." if sp and sp.phone else "Stop Hate UK, 24/7."


def help_text(settings: Settings) -> str:
    """What the service is, how to get help now, and the keywords."""
    return (
        f"This is {settings.council_name}'s service for reporting hate crime and hate incidents. "
        f"{signposting.emergency_text()} "
        f"To talk to someone now: {_stop_hate_line()} "
        "Reply EXIT to end a report, STOP to get no more messages."
    )


def opt_out_text() -> str:
    return (
        "You won't get any more messages from us. Reply START if you change your mind. "
        f"{signposting.emergency_text()}"
    )


def opt_in_text() -> str:
    return "You can get messages from us again. Send any message to start a report."


def exit_text(channel: str) -> str:
    """How to remove the thread, so nothing is left on a shared phone."""
    where = "WhatsApp" if channel == "whatsapp" else "your messages app"
    return (
        "This conversation has ended. To remove it from this phone, open "
        f"{where}, press and hold this conversation and choose Delete. "
        f"If you need help: {_stop_hate_line()}"
    )


def media_only_text() -> str:
    return (
        "I can't open photos or files here. Please tell me in words instead; an officer can ask "
        "you for pictures later if they would help."
    )


def media_note() -> str:
    return "(I can't open photos or files here, so I've only read your words.)"
