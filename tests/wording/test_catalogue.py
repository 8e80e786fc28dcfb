"""The wording catalogue (bot/wording/*.yml): every entry renders on every channel, and what
SMS and WhatsApp residents read is true to their channel (reply with a number, never "tap";
EXIT, never an opt-out word as an instruction)."""

from __future__ import annotations

import re
import string

import pytest

from bot.wording import CHANNELS, TEXT_CHANNELS, WordingError, catalogue, keys, raw, say
from bot.wording.catalogue import variant

OPT_OUT = re.compile(r"\b(stop|stopall|unsubscribe|cancel|end|quit|optout|revoke)\b", re.I)
# Entries that explain what STOP does (the reply to STOP and to HELP): they name it on purpose.
EXPLAINS_STOP = {"texting.help", "texting.opted_out"}
SCREEN_WORDS = re.compile(r"\b(tap|click|press the|button)\b", re.I)


def placeholders(template: str) -> set[str]:
    return {field.split(".")[0].split("[")[0]
            for _, field, _, _ in string.Formatter().parse(template) if field}


def rendered(key: str, channel: str) -> str:
    template = variant(raw(key), channel)
    values = {name: f"<{name}>" for name in placeholders(template) - {"sp", "council", "borough"}}
    return say(key, channel, **values)


@pytest.mark.parametrize("channel", CHANNELS)
def test_every_entry_renders_on_every_channel(channel: str) -> None:
    assert len(keys()) > 200
    for key in keys():
        text = rendered(key, channel)
        assert "{" not in text and "}" not in text, key
        assert "None" not in text, key


@pytest.mark.parametrize("channel", TEXT_CHANNELS)
def test_text_channels_never_tap_and_never_say_an_opt_out_word(channel: str) -> None:
    for key in keys():
        text = rendered(key, channel).replace("Stop Hate UK", "")
        assert not SCREEN_WORDS.search(text), (key, text)
        if key not in EXPLAINS_STOP:
            assert not OPT_OUT.search(text), (key, text)


def test_the_web_may_say_tap_but_texting_has_its_own_variant() -> None:
    entry = raw("report.ask.narrative_more")
    assert "tap" in variant(entry, "web")
    assert "reply 1" in variant(entry, "sms") and variant(entry, "whatsapp") == variant(entry, "sms")


def test_a_missing_key_or_placeholder_fails_loudly() -> None:
    with pytest.raises(WordingError):
        say("no.such.key")
    with pytest.raises(WordingError):
        say("submitted.thanks", "web")  # needs {reference}


def test_signpost_numbers_are_filled_from_the_directory() -> None:
    from bot.signposting import directory

    d = directory()
    assert d["stop_hate_uk"].phone in say("chat.fallback.0")
    assert d["silent_solution"].keys in say("safety.danger.cant_speak")
    assert d["relay_uk_999"].phone in say("safety.danger.deaf")


def test_yes_and_no_keys_are_text_not_booleans() -> None:
    assert "choices.common.yes" in catalogue() and "report.summary.no" in catalogue()
