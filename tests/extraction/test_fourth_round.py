"""The fourth round's rules, one test per kind of miss seen on unseen accounts (issue 11), and the
widened danger-now detection (issue 8). Every text here is new wording written for this file:
none is copied from any labelled set, held out or tuned.
"""

from __future__ import annotations

from datetime import datetime

import pytest
import yaml

from bot.extraction import detect_danger, extract
from bot.extraction.danger import LISTS_FILE

pytestmark = pytest.mark.usefixtures("rules_only")  # the rules' own answers (conftest.py)

NOW = datetime(2026, 11, 25, 10, 0)  # a Wednesday
# Emergency messages come from bot/config/danger.yml: no phone number is written in Python.
EMERGENCY_ONLY = yaml.safe_load(LISTS_FILE.read_text(encoding="utf-8"))["emergency_only"]
NUMBER = EMERGENCY_ONLY[0]


def types(text: str) -> list[str]:
    return extract(text, NOW)["incident_types"]


# Harm to clothing or religious dress, something snatched or thrown: a physical act.
@pytest.mark.parametrize("text", [
    "A woman tore my daughter's headscarf off her at the bus stop and laughed",
    "Outside the chemist two boys snatched the kippah off my grandson's head",
    "a teenager ripped off her niqab on the high street",
    "He had his turban knocked off by a lad on a scooter",
    "someone chucked a drink in my face and shouted abuse about my religion",
    "the man dragged her along by the hair while calling her names",
])
def test_harm_to_dress_or_things_snatched_is_assault(text):
    assert "physical_assault" in types(text)


def test_a_threat_shouted_is_a_threat_not_verbal_abuse():
    got = types("he was screaming that he'd burn our flat down with us inside")
    assert "threats" in got
    assert "verbal_abuse" not in got


def test_words_written_on_a_wall_are_not_spoken_abuse():
    got = types("Someone painted 'gays out' on the wall of our block last night")
    assert got == ["property_damage"]


# Disability shown by what a person uses or needs, not named.
@pytest.mark.parametrize("text", [
    "a man kicked my walking stick away and called me a waste of space",
    "the taxi driver wouldn't take me because of my guide dog",
    "people laugh at my brother when he uses sign language on the bus",
])
def test_disability_shown_by_aid_or_need(text):
    assert "disability" in extract(text, NOW)["strands"]


# Misogyny and sexual harassment without the words the rules used to look for.
@pytest.mark.parametrize("text", [
    "a builder on the scaffolding kept shouting about my body and asking me to smile for him, love",
    "a man on the tube put his hand up my dress and got off at the next stop",
    "my boss says women can't handle pressure and should stay at home",
    "some guy outside the gym keeps touching me and calling me sexy",
])
def test_misogyny_and_sexual_harassment(text):
    assert "sex_gender" in extract(text, NOW)["strands"]


# Witness phrasing read as victim; third-party phrasing read as witness.
@pytest.mark.parametrize("text", [
    "I work in the launderette on Askew Road and a customer called the Polish lady who runs it a "
    "thief who should go home",
    "Was queuing at the post office and saw a man spit at a Sikh man in front of me",
    "Watched some teenagers cut the hair of a goth girl on the 220. I was sat two rows behind.",
    "I'm a moderator of a local forum and someone posts that all Muslims are terrorists",
])
def test_witness_phrasings(text):
    assert extract(text, NOW)["reporter_role"] == "witness"


@pytest.mark.parametrize("text", [
    "My neighbour's son told me that boys at his school pushed him into a wall for being gay",
    "I support adults with learning disabilities and a group of lads on the estate film them and "
    "call them names",
    "One of our residents at the care home came to me crying because a visitor called her a paki",
])
def test_third_party_phrasings(text):
    assert extract(text, NOW)["reporter_role"] == "third_party"


@pytest.mark.parametrize("text", [
    "got told to go back to my own country outside the bank on fulham broadway",
    "got spat at on the platform at barons court last night",
])
def test_elided_i_is_the_victim(text):
    assert extract(text, NOW)["reporter_role"] == "victim"


# Dates: discovered, since, "twice this week", the day they were told.
def test_a_day_said_beats_this_week():
    got = extract("they've thrown stones at my window twice this week, the last time was "
                  "Tuesday night", NOW)
    assert got["occurred_on"] == "2026-11-24"
    assert got["ongoing"] is True


def test_the_day_someone_told_the_reporter_is_not_the_incident():
    got = extract("My sister rang me on Monday to say a man called her a terrorist", NOW)
    assert got["occurred_on"] is None


def test_last_month_is_not_a_day_and_holidays_are():
    assert extract("last month a neighbour called me a paki", NOW)["occurred_on"] is None
    assert extract("On bonfire night someone threw a firework at our door because we are "
                   "Jewish", NOW)["occurred_on"] == "2026-11-05"


@pytest.mark.parametrize(("text", "day"), [
    ("this weekend someone smashed the windows of our shop", "2026-11-21"),
    ("it happened 3 days back outside the gym", "2026-11-22"),
    ("an hour ago a man spat at me at the bus stop", "2026-11-25"),
])
def test_more_date_phrasings(text, day):
    assert extract(text, NOW)["occurred_on"] == day


def test_danger_now_happens_today():
    got = extract("there's a man outside my flat with a knife shouting that he'll kill the "
                  "foreigner", NOW)
    assert got["danger_now"] is True
    assert got["occurred_on"] == "2026-11-25"


# Symbolic acts: objects left at places of worship, flags.
@pytest.mark.parametrize(("text", "kind"), [
    ("someone tied a pig's head to the gates of the mosque on Sunday", "property_damage"),
    ("a neighbour is flying a swastika flag from his balcony facing the synagogue", "other"),
])
def test_symbolic_acts_have_a_type(text, kind):
    assert kind in types(text)


# Perpetrators known by role, neighbours by address.
@pytest.mark.parametrize(("text", "who"), [
    ("The concierge of our building keeps calling my husband a terrorist", "known"),
    ("a mum at my daughter's school gate told her to go back to Africa", "known"),
    ("a woman I used to work with keeps posting that I'm a tranny", "known"),
    ("the family at number 8 throw rubbish in our garden and call us gypsies", "neighbour"),
    ("people on my landing keep writing 'dyke' on my door", "neighbour"),
    ("lads outside the chicken shop shouted racist abuse at me", "unknown"),
])
def test_perpetrator_by_role_or_address(text, who):
    assert extract(text, NOW)["perpetrator"] == who


def test_the_target_named_by_role_is_not_the_perpetrator():
    text = "a customer called my colleague a stupid cow and threw his coffee at her"
    assert extract(text, NOW)["perpetrator"] == "unknown"


# Places.
def test_bus_keeps_its_article_and_ages_are_not_routes():
    assert extract("two lads on the 283 called me a paki", NOW)["location"]["text"] == "the 283"
    got = extract("a 15 year old was punched in the lift at the leisure centre", NOW)
    assert "15" not in (got["location"]["text"] or "")


def test_a_place_inside_what_was_said_is_not_the_place():
    got = extract("The note said 'Poles out of Fulham' and nothing else", NOW)
    assert got["location"]["text"] is None


def test_things_through_the_letterbox_are_not_a_place_but_outside_the_door_is():
    assert extract("someone pushed dog mess through my letterbox with a note saying paki",
                   NOW)["location"]["text"] is None
    assert extract("he stood outside my door calling me a terrorist",
                   NOW)["location"]["text"] == "outside my door"


# Danger now (issue 8).
@pytest.mark.parametrize("text", [
    "He's waiting at the bottom of the stairs with a knife. I've locked myself in the toilet",
    *EMERGENCY_ONLY, NUMBER + "!!", " " + NUMBER + " ", "SOS!!", "Help me please", "CALL THE POLICE",
    "im shut in the bathroom, they are trying to kick the door in",
    "they're coming up the stairs now",
    "I can hear them at the front door",
    "a man followed me home from the station and is outside now",
    "he's back. he's in the car park shouting",
    "the neighbour has just thrown petrol at our door",
    "some lads following me down the high st calling me a terrorist",
    "locked myself in the toilet",
    "im hiding under the bed, they are in the hallway",
])
def test_danger_now_widened(text):
    assert detect_danger(text) is True


@pytest.mark.parametrize("text", [
    "help",  # Twilio's HELP keyword, not an emergency
    "can you help me report something",
    "last week a man followed me home from the station",
    "he waited outside the school for me every day last term",
    "I was hiding in the toilets at work after they threatened me on Friday",
    "the man who threatened me has been arrested so I'm not in danger any more",
    "I keep thinking they're outside. There's nobody there.",
    "they have been following me on Instagram for months",
    f"I called {NUMBER} when it happened last year",
    "I locked myself in my room for days afterwards",
    "after that I hid in my flat and didn't go out for a week",
])
def test_past_or_reassuring_accounts_are_not_danger_now(text):
    assert detect_danger(text) is False
