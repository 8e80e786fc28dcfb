"""Danger now, round 13 (``danger_still.py``): an incident still going on, said by what is
happening, read off ``tests/data/danger/narratives_tuning13d.yml`` (60 live dangers told every
way, 40 look-alikes). The sentences here are new, written for the kinds of phrasing."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from bot.extraction import detect_danger
from bot.extraction.danger import rules_danger

SET = Path(__file__).resolve().parents[1] / "data" / "danger" / "narratives_tuning13d.yml"

LIVE = [
    "the lad who threw the bottle at my head in the park is still standing by the gate",
    "hes still sat in the car across the road watching my door",
    "I am still inside the toilet, he is shouting outside it",
    "the woman from upstairs is there now with two men",
    "a girl being punched outside the chippy by three boys",
    "four men kicking a guy near the station and shouting about his turban",
    "they've got her cornered by the bins",
    "racists banging on my door",
    "they've pulled up behind me at the lights again, same car",
    "that van has been behind us since the roundabout",
    "he has just turned up at my work and is waiting by the entrance",
    "he's moved seats to sit right behind me",
    "the lift doors won't open and the man is still in here with me",
    "my daughter hasn't come home and the boys said they'd get her",
    "I can't find my son, they threatened him this morning",
    "please please someone, he's trying the handle",
    "someone do something she is on the ground",
    "I've pressed the panic button, he's behind the counter",
    "he picks up a brick and says he'll put it through my window",
]
CALM = [
    "he was still standing there when the police arrived last night",
    "for about a month a man has been sitting on the wall shouting at us",
    "it's been parked outside my house since saturday",
    "people keep kicking my bins over, every week",
    "the graffiti is still there on the bridge",
    "he still lives next door and I'm scared of him",
    "can someone help me with the form please",
    "please can someone call me back about my report next week",
    "I saw men kicking a lad in the park last summer",
    "the police never came back to me",
    "he won't leave me alone, it's been going on for months",
    "my son came home upset yesterday",
]


@pytest.mark.parametrize("text", LIVE)
def test_a_presence_or_an_act_still_going_on_is_danger(text):
    assert rules_danger(text)
    assert detect_danger(text)


@pytest.mark.parametrize("text", CALM)
def test_the_same_words_told_as_history_or_a_request_are_not(text):
    assert not rules_danger(text)


def test_the_round_13_danger_set():
    """The rules find 58 of its 60 live dangers (56 more than the 30 before) and no look-alike."""
    items = yaml.safe_load(SET.read_text(encoding="utf-8"))["narratives"]
    live = [i for i in items if i["danger"]]
    calm = [i for i in items if not i["danger"]]
    assert (len(live), len(calm)) == (60, 40)
    assert sum(rules_danger(i["text"]) for i in live) >= 58
    assert not [i["id"] for i in calm if rules_danger(i["text"])]
    assert sum(detect_danger(i["text"]) for i in live) >= 58
