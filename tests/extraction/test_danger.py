"""Danger *now* detection: every present danger caught, past events not."""

from __future__ import annotations

import pytest

from bot.extraction import detect_danger

DANGER_NOW = [
    "he's outside my door",
    "hes outside my door",
    "they have a knife",
    "he's got a knife",
    "I'm going to be hurt",
    "they're trying to get in",
    "theyre tryin 2 get in",
    "they r trying 2 get in, kicking the door",
    "there's a man with a knife on the estate now",
    "HELP someone is following me right now",
    "im hiding in the bathroom he is banging on the door",
    "they said they will come back tonight and kill us",
    "the gang are outside my house again now",
    "please help me",
    "I'm in danger",
]
NOT_NOW = [
    "last week he threatened to kill me",
    "Two weeks ago a man pulled a knife on me at the station",
    "Last month a man threatened me with a knife because of my religion",
    "he stood outside my door last Tuesday shouting",
    "my neighbour was banging on the walls yesterday",
    "a man shouted racist abuse at me on the bus",
    "",
    "I want to report a hate incident",
]


@pytest.mark.parametrize("text", DANGER_NOW)
def test_danger_now_is_caught(text):
    assert detect_danger(text) is True


@pytest.mark.parametrize("text", NOT_NOW)
def test_past_events_are_not_danger_now(text):
    assert detect_danger(text) is False


def test_none_and_non_text_are_safe():
    assert detect_danger(None) is False
    assert detect_danger(123) is False  # type: ignore[arg-type]
