"""The second tuning round's rules: xenophobia as race, more ways of saying who reports,
short place names, discovery dates, danger said in new words. Texts here are fresh (none from
the held-out set), so these tests pin behaviour without leaking the held-out narratives.
"""

from __future__ import annotations

from datetime import datetime

import pytest

from bot.extraction import detect_danger, extract
from bot.extraction.normalize import normalize
from bot.extraction.roles import reporter_role

pytestmark = pytest.mark.usefixtures("rules_only")  # the rules' own answers (conftest.py)

NOW = datetime(2026, 11, 25, 10, 0)


def role(text: str) -> str | None:
    return reporter_role(normalize(text).lower())


@pytest.mark.parametrize("text", [
    "a woman at the till told me to go back to Latvia",
    "they keep saying Kurds are all criminals",
    "he shouted that I should speak English or get out",
    "my neighbour says illegals like me should be sent back on a boat",
    "someone wrote Ukrainians out on the bus shelter",
])
def test_nationality_and_xenophobic_abuse_is_race(text):
    assert "race" in extract(text, NOW)["strands"]


@pytest.mark.parametrize("text", [
    "go back to bed, I said to my son",  # not a country
    "we went back to the kitchen",
])
def test_going_back_somewhere_ordinary_is_not_race(text):
    assert "race" not in extract(text, NOW)["strands"]


def test_white_city_is_a_place_not_a_race():
    r = extract("a man on the White City estate called me a goth freak", NOW)
    assert r["strands"] == ["alternative_subculture"]


@pytest.mark.parametrize(("text", "want"), [
    ("one of my students was called a terrorist at the gates", "third_party"),
    ("my in-laws were told to go home by a man on the bus", "third_party"),
    ("my twins are always being picked on by older girls", "third_party"),
    ("Ms Khan asked me to report this, she was spat at on Monday", "third_party"),
    ("me and my brother were chased and called pakis", "victim"),
    ("my neighbours kids keep throwing stones at me", "victim"),
    ("nothing happened to me but a man was punched outside the chippy", "witness"),
    ("A young girl was shoved off her bike by two lads shouting abuse", "witness"),
    ("I want to make a report", None),
    ("don't know", None),
])
def test_reporter_role_phrasings(text, want):
    assert role(text) == want


@pytest.mark.parametrize(("text", "piece"), [
    ("it happened on the Askew last night", "askew"),
    ("people on the Edward Woods keep shouting at me", "edward woods"),
    ("they spat at me outside our synagogue", "synagogue"),
    ("a man threw eggs at me on the Central line", "central line"),
    ("at the barber's they refused to cut my hair because I'm trans", "barber"),
])
def test_places_said_the_way_residents_say_them(text, piece):
    got = extract(text, NOW)["location"]["text"] or ""
    assert piece in got.lower()


def test_short_estate_name_gets_its_ward():
    assert extract("kids on the Edward Woods called me a monkey", NOW)["location"]["ward"] \
        == "Shepherd's Bush Green"


def test_a_stop_you_got_off_at_is_not_the_place():
    r = extract("on the 94 bus a man called me a slag, I got off at Goldhawk Road", NOW)
    assert "94" in r["location"]["text"]


def test_the_day_something_was_found_is_not_the_day_it_was_done():
    r = extract("They sprayed it on our van on Friday night. I found it on Saturday morning.", NOW)
    assert r["occurred_on"] == "2026-11-20"


def test_every_weekday_is_no_date():
    assert extract("they shout at me every monday", NOW)["occurred_on"] is None


@pytest.mark.parametrize("text", [
    "please send someone, they won't let her leave the shop",
    "a man is punching my dad in the street rn",
    "come quick there's a fight at the bus stop and they're shouting about muslims",
])
def test_danger_said_in_new_words(text):
    assert detect_danger(text) is True


@pytest.mark.parametrize("text", [
    "the lads at school are hitting him every day",  # habitual, not happening as typed
    "I was in a hurry so I didn't report it",
    "last week they were surrounding my car",
])
def test_not_danger_now(text):
    assert detect_danger(text) is False


def test_not_badly_hurt_is_still_hurt():
    assert extract("I wasn't badly hurt but my arm is bruised", NOW)["injured"] is True
    assert extract("thankfully not hurt at all", NOW)["injured"] is False


def test_stranger_job_roles_and_pub_landlords_are_unknown():
    assert extract("the landlord of the pub called me a poof", NOW)["perpetrator"] == "unknown"
    assert extract("my landlord called me a poof", NOW)["perpetrator"] == "known"
    assert extract("a lady in the queue called me a paki", NOW)["perpetrator"] == "unknown"
