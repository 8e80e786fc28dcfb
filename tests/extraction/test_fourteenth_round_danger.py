"""Danger now, round 14 (``danger_going.py``): harm going on told mid-sentence, and signs of the
moment, read off ``tests/data/danger/narratives_tuning14d.yml`` (60 live dangers, 40
look-alikes). The sentences here are new, written for the kinds of phrasing."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from bot.extraction import detect_danger
from bot.extraction.danger import rules_danger
from bot.extraction.danger_going import going_on_now
from bot.extraction.normalize import normalize

SET = Path(__file__).resolve().parents[1] / "data" / "danger" / "narratives_tuning14d.yml"

LIVE = [
    # doing it now, whoever does it, after what came before
    "a woman at the bus stop is screaming at my daughter about her headscarf",
    "they knocked his cap off and they're punching him by the bins",
    "he's pulling the flowers out of the pots and throwing them at my mum",
    # still at it
    "lads outside the chippy chanting at the family in the window. still going",
    "still following me along the towpath",
    "being chased by two men on bikes across the green",
    # what it leaves now, fire
    "someone lit paper and pushed it under the flat door. smoke coming in through the gap",
    "my dad's lying on the pavement outside the launderette and the lads are stood over him",
    # held, shut in, hemmed in
    "he's holding my brother against the railings by the throat",
    "the landlord has locked us in the basement room and turned the lights off",
    "a man has been stood over me on the platform for five minutes calling me a terrorist",
    "a van right on our tail since the roundabout, two of them in it shouting at the kids",
    "i moved carriages and he followed, still muttering about poofs",
    "three of them are trying the back door and the window by the sink",
    "they've kicked the front door in",
    "two men setting a staffie on my son in the playground",
    # someone there with the means
    "there's a group of men sitting in a car outside the synagogue gates filming people",
    "the one who threatened us has a petrol can in his hand",
    # asking someone to go now
    "can someone go round to my nan's, they're banging on her window",
    "someone come to the community centre they have surrounded the door",
]

CALM = [
    # the same words told as history, a habit, seen, said or feared
    "last night a woman at the bus stop was screaming at my daughter about her headscarf",
    "every week they're throwing eggs at our windows and laughing",
    "yesterday he was holding my brother against the railings by the throat",
    "i saw them kicking him last month and nobody did anything",
    "he said they're kicking anyone who looks foreign",
    "if they're outside again tonight I don't know what I'll do",
    "I'm scared they're setting their dogs on people in the park",
    "there's a man who sits on the wall opposite every evening",
    "the graffiti is still there after three weeks",
    "it's still happening every time I go to the shop",
    "still going to report it even though it was months ago",
    "could someone come and talk to me about the letter next week",
    "can someone go round to see my mum sometime, she wants to make a statement",
    "last year somebody put something burning through our letterbox, smoke coming under the door",
    "they were trying the door handles on every car in the street on Tuesday",
    "she's safe now, they've gone, but earlier they were kicking him",
    "he was bleeding when he got home but he's fine now",
    "the account keeps posting that they're coming for us",
]


@pytest.mark.parametrize("text", LIVE)
def test_harm_going_on_as_written_is_danger(text):
    assert going_on_now(normalize(text).lower())
    assert rules_danger(text)
    assert detect_danger(text)


@pytest.mark.parametrize("text", CALM)
def test_the_same_signs_told_as_history_a_habit_or_a_fear_are_not_this_rule(text):
    assert not going_on_now(normalize(text).lower())


def test_the_round_14_danger_set():
    """The rules find 59 of its 60 live dangers (41 before this round) and no look-alike."""
    items = yaml.safe_load(SET.read_text(encoding="utf-8"))["narratives"]
    live = [i for i in items if i["danger"]]
    calm = [i for i in items if not i["danger"]]
    assert (len(live), len(calm)) == (60, 40)
    assert sum(rules_danger(i["text"]) for i in live) >= 59
    assert not [i["id"] for i in calm if rules_danger(i["text"])]
    assert sum(detect_danger(i["text"]) for i in live) >= 59


def test_a_buzzer_or_a_wait_said_with_a_contraction_is_read_as_without():
    # round 14 mend in danger_live / danger_still: "he's ringing" was missed, "he is ringing" not
    assert rules_danger("he's ringing the bell over and over and shouting")
    assert rules_danger("they're waiting in the car park for me")
