"""Carrier and service keywords on SMS/WhatsApp, and the fixed replies they get.

STOP and the other carrier opt-out words must be honoured whatever the conversation is doing,
and the reply says plainly that they block the case officer's messages too, and how to undo it
(START). HELP must always say how to get help now; EXIT ends the report (asking first if an
account was given) and says how to clear the phone. The words are in bot/wording/texting.yml.
"""

from __future__ import annotations

import re
from enum import StrEnum

from bot.settings import Settings
from bot.wording import say

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


def help_text(settings: Settings, channel: str = "sms") -> str:
    """What the service is, how to get help now, and the keywords."""
    return say("texting.help", channel)


def opt_out_text(channel: str = "sms") -> str:
    return say("texting.opted_out", channel)


def opt_in_text(channel: str = "sms") -> str:
    return say("texting.opted_in", channel)


def exit_text(channel: str) -> str:
    """How to remove the thread, so nothing is left on a shared phone."""
    app = say("texting.exit_app_whatsapp" if channel == "whatsapp" else "texting.exit_app_sms",
              channel)
    return say("texting.exit", channel, app=app)


def media_only_text(channel: str = "sms") -> str:
    return say("texting.media_only", channel)


def media_note(channel: str = "sms") -> str:
    return say("texting.media_note", channel)


def sorry_text(channel: str = "sms") -> str:
    return say("texting.sorry", channel)
