"""Round 7, danger now: the kinds of miss read in held_out_6_tuned, each in fresh wording.

An incident still going on, said by its signs (a buzzer pressed, "minutes ago", "just" done, a
plea to come, "getting off where we do"); each kind has look-alikes that must stay calm.
"""

from __future__ import annotations

import pytest

from bot.extraction import detect_danger

pytestmark = pytest.mark.usefixtures("rules_only")  # the rules' own answers (conftest.py)


@pytest.mark.parametrize("text", [
    # Someone at the door, said by its signal.
    "the lad who threatened my husband keeps ringing our doorbell",
    "Somebody is buzzing the intercom over and over and I don't know who it is",
    "He won't stop pressing the buzzer, he knows I'm in",
    # Minutes ago: the incident is the now, even in the past tense.
    "Ten minutes ago two men threw a bottle at my window. They are shouting in the car park",
    "a couple of mins ago she messaged that she knows my address and someone is at my door",
    # Just done to someone, even where the clause says how long it has gone on.
    "They have been mocking my hijab since we got on and one of them just ripped it",
    "The boys on the platform just spat at my little brother",
    # A plea for someone to come to the resident.
    "Could somebody come and get us from the launderette on Uxbridge Road?",
    "can the police meet me at the station please, they're still behind me",
    # Getting off where the resident does.
    "The man calling me a terrorist says he's getting off where I get off",
    "they're getting off with us at the next stop",
])
def test_live_incidents_alarm(text):
    assert detect_danger(text)


@pytest.mark.parametrize("text", [
    # A door signal told as a habit or the past.
    "Every night for weeks kids keep ringing my doorbell and running off, calling me a paki",
    "Last Tuesday someone kept pressing the buzzer at 3am",
    "The buzzer on my block has been broken for months",
    # "Minutes ago" with nothing hostile going on.
    "I got home a few minutes ago and found the letter",
    # "just" as "only", or with a past day named.
    "Yesterday he just pushed past me and called me a cripple",
    "I just wanted to say the graffiti is gone",
    # Asking to meet about the report.
    "Can someone meet me next week to talk it through?",
    "Could an officer come to my flat to take a statement?",
    "I shouted but he was gone before I could get to him",
    # Getting off, told as the past.
    "Last night on the bus they said they were getting off where I got off, but they didn't",
])
def test_look_alikes_stay_calm(text):
    assert not detect_danger(text)
