"""Round 13, fresh wording. Dates: "at the weekend" (its "at" was cut before the weekend was
recognised, so it gave no day), "on the weekend", "since the weekend", "the night before last".
Happened before: "not the first time", "nothing like this has happened before". Hurt: "it
didn't hurt", "a cut on my hand". Who writes: "the lady next to me got spat on" is a witness's."""

from __future__ import annotations

from datetime import datetime

import pytest

from bot.extraction import extract, parse_date

NOW = datetime(2027, 8, 4, 10, 0)  # a Wednesday

pytestmark = pytest.mark.usefixtures("rules_only")  # the rules' own answers (conftest.py)


@pytest.mark.parametrize(("text", "day"), [
    ("at the weekend some boys outside the Lyric called my wife a terrorist", "2027-07-31"),
    ("It was at the weekend, by the river", "2027-07-31"),
    ("on the weekend a guy in a car yelled slurs at me", "2027-07-31"),
    # there "since" a time, found today: the earlier day said is the incident's
    ("the swastika has been on the bus shelter since the weekend", "2027-07-31"),
    ("the night before last two men kicked my door and shouted at us", "2027-08-02"),
    ("this was night before last at the bus stop", "2027-08-02"),
    # a day said beats the weekend, which is only a period
    ("at the weekend he spat at me and then on Monday he did it again", "2027-08-02"),
])
def test_the_weekend_and_the_night_before_last_give_a_day(text, day):
    assert extract(text, NOW)["occurred_on"] == day


def test_the_same_words_answering_the_date_question():
    assert parse_date("at the weekend", NOW)[0].isoformat() == "2027-07-31"
    assert parse_date("the night before last", NOW)[0].isoformat() == "2027-08-02"


@pytest.mark.parametrize(("text", "ongoing"), [
    # "first time" inside "not the first time" said the opposite
    ("this is not the first time a man has shouted at me outside the shop", True),
    ("it isn't the first time they've written on our gate", True),
    ("it happened once before in the spring, now they've done it to my car", True),
    ("she often says things like that when I walk past", True),
    # "happened before" inside a denial is a first time
    ("nothing like this has ever happened to me before, a man spat at me on the tube", False),
    ("we never had any trouble before with the neighbours until they called us names", False),
])
def test_happened_before_or_a_first_time_read_the_right_way_round(text, ongoing):
    assert extract(text, NOW)["ongoing"] is ongoing


@pytest.mark.parametrize(("text", "injured"), [
    ("he threw his coffee at me, it didn't hurt but I'm shaking", False),
    ("they pushed me into the railings, he didn't hurt me but my coat is ruined", False),
    ("I've got a cut on my hand from where she grabbed my bag", True),
    ("he shoved my dad and he has some cuts on his arm", True),
])
def test_hurt_or_not_said_in_other_words(text, injured):
    assert extract(text, NOW)["injured"] is injured


@pytest.mark.parametrize(("text", "role"), [
    # "me" that only says where the writer stood is not the target
    ("the lady next to me on the tube got spat on for wearing a headscarf", "witness"),
    ("a woman in front of me in the queue was refused service because she is Roma", "witness"),
    ("the boy sitting opposite me on the bus was called a paki", "witness"),
    ("a man sat next to me and called me a dirty muslim", "victim"),
    ("he stood behind me in the queue and shouted that I should go home", "victim"),
])
def test_beside_me_is_where_the_writer_was(text, role):
    assert extract(text, NOW)["reporter_role"] == role
