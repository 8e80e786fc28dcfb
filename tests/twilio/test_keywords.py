"""Keyword recognition and the fixed replies."""

from __future__ import annotations

import pytest

from bot.messaging.keywords import Keyword, classify, exit_text, help_text
from bot.settings import Settings

OPT_OUT = ["STOP", "STOPALL", "UNSUBSCRIBE", "CANCEL", "END", "QUIT", "OPTOUT", "REVOKE"]


@pytest.mark.parametrize("word", OPT_OUT)
def test_every_carrier_opt_out_word(word: str) -> None:
    assert classify(word) is Keyword.OPT_OUT
    assert classify(f" {word.lower()}. ") is Keyword.OPT_OUT


@pytest.mark.parametrize(("word", "kind"), [("START", Keyword.OPT_IN), ("UNSTOP", Keyword.OPT_IN),
                                            ("YES", Keyword.OPT_IN), ("HELP", Keyword.HELP),
                                            ("info", Keyword.HELP), ("Exit", Keyword.EXIT)])
def test_other_keywords(word: str, kind: Keyword) -> None:
    assert classify(word) is kind


@pytest.mark.parametrize("text", ["please stop him", "stop it now", "help me", "the end", "",
                                  "stopping", "1"])
def test_keywords_only_as_the_whole_message(text: str) -> None:
    assert classify(text) is None


def test_help_gives_999_and_stop_hate_uk() -> None:
    text = help_text(Settings())
    assert "999" in text and "Stop Hate UK" in text and "0800 138 1625" in text


def test_exit_says_how_to_delete_the_thread() -> None:
    assert "Delete" in exit_text("sms") and "WhatsApp" in exit_text("whatsapp")
