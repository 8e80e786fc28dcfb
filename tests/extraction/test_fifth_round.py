"""Round 5 (issue 11): one test per kind of miss fixed in roles, strands, incident types, dates
and perpetrators. Every text is new wording written for this file, not copied from a labelled
set (the danger-now cases are in test_fifth_round_danger.py)."""

from __future__ import annotations

from datetime import datetime

import pytest

from bot.extraction import extract

pytestmark = pytest.mark.usefixtures("rules_only")  # the rules' own answers (conftest.py)

NOW = datetime(2026, 11, 25, 10, 0)  # a Wednesday


@pytest.mark.parametrize(("text", "role"), [
    ("I'm not Jewish myself but I noticed someone had scratched a swastika into the synagogue "
     "sign on my street", "witness"),
    ("The woman downstairs keeps saying my country is full of thieves and my son is upset",
     "victim"),
    ("Our back window was cracked by a stone and the note said foreigners out", "victim"),
    ("The lady I look after has dementia and a man at the bus stop called her a mong",
     "third_party"),
    ("One of our regulars at the launderette got called a batty boy outside last night",
     "third_party"),
    ("Spotted a banner on the footbridge saying Britain for the British this morning",
     "witness"),
    ("My 9 year old was told by another child that Muslims are bombers", "third_party"),
])
def test_roles(text, role):
    assert extract(text, NOW)["reporter_role"] == role


@pytest.mark.parametrize(("text", "strand"), [
    ("A man kicked my assistance dog and laughed at me at the crossing", "disability"),
    ("Kids keep tapping my white cane away from me on the way to the shops", "disability"),
    ("They shouted at my carer and me to get off the pavement", "disability"),
    ("A van driver leaned out and shouted nice legs and made kissing noises at me", "sex_gender"),
    ("A colleague keeps calling me 'it' in front of the customers", "transgender"),
    ("The pharmacist refused to use my name and told me to use the men's toilet", "transgender"),
    ("Some lads on the green called my uncle a gyppo", "race"),
    ("A man on the tube called us 'curry munchers'", "race"),
    ("He called me a stupid Bengali and walked off", "race"),
    ("Drunk men call me a tramp and kick my sleeping bag", "other"),
])
def test_strands(text, strand):
    assert strand in extract(text, NOW)["strands"]


@pytest.mark.parametrize(("text", "kind"), [
    ("Two boys snatched his walking stick off him outside the library", "physical_assault"),
    ("She tipped her coffee over me on the bus because of my headscarf", "physical_assault"),
    ("A man kept rubbing himself up against me on the crowded platform", "physical_assault"),
    ("They have been chucking stones at our front windows all week", "property_damage"),
    ("Someone tore down the pride flag from our balcony", "property_damage"),
    ("Somebody poured bleach over my plants and wrote 'go home' on our fence", "property_damage"),
    ("Some lads tried to get into my flat and were banging on the door", "threats"),
    ("The bouncer stopped us going in and said no Pakistanis", "other"),
])
def test_incident_types(text, kind):
    assert kind in extract(text, NOW)["incident_types"]


def test_knock_and_run_is_not_a_threat():
    got = extract("Every night their kids bang on my door and run, calling me a psycho", NOW)
    assert "threats" not in got["incident_types"]


@pytest.mark.parametrize(("text", "day"), [
    ("My neighbour told me yesterday that on Saturday a man spat at her", "2026-11-21"),
    ("The doorman said 'not tonight lads, no Travellers'. It was on the 12th.", "2026-11-12"),
    ("He threatened me over the fence yesterday. I'm too scared to go out today.",
     "2026-11-24"),
    ("A group called me a paki on the 2nd of November. My teacher showed us the video on "
     "Monday.", "2026-11-02"),
])
def test_dates(text, day):
    assert extract(text, NOW)["occurred_on"] == day


def test_this_week_alone_is_no_day():
    assert extract("Had loads of abusive DMs this week calling me a dyke", NOW)["occurred_on"] is None


@pytest.mark.parametrize(("text", "who"), [
    ("This old guy on the platform called me a chink", "unknown"),
    ("The minicab driver refused to take my guide dog and swore at me", "unknown"),
    ("The builders on the scaffolding whistle and shout at me every day", "unknown"),
    ("A group from my year keep posting memes calling me a retard", "known"),
    ("Someone in the office whatsapp group posted a joke about trannies and tagged me", "known"),
    ("My aunt posted in the family chat that gay people are sick", "known"),
    ("A teacher, of all people, keeps mocking my accent in class", "known"),
])
def test_perpetrators(text, who):
    assert extract(text, NOW)["perpetrator"] == who


@pytest.mark.parametrize(("text", "hurt"), [
    ("Two men jumped me by the canal and broke my nose", True),
    ("Their dog bit my leg and I had to get a tetanus jab", True),
    ("She shoved my daughter off the swing and she came home with a cut knee", True),
    ("He threw a can at me. I'm fine, just shaken", False),
])
def test_injury_said_in_other_words(text, hurt):
    assert extract(text, NOW)["injured"] is hurt


@pytest.mark.parametrize("text", [
    "After Diwali the man opposite started calling us 'curry people' over the wall",
    "My niece has been called a terrorist by girls on her course",
    "Since the photo went round everyone's laughing at me in the canteen",
])
def test_repetition_said_in_other_words_is_ongoing(text):
    assert extract(text, NOW)["ongoing"] is True


@pytest.mark.parametrize(("text", "piece"), [
    ("Three boys tried to force their way into my flat shouting that I'm a freak", "my flat"),
    ("I'm hiding in the bedroom, he is kicking the door calling me a poof", "the bedroom"),
])
def test_rooms_and_homes_entered_are_places(text, piece):
    assert piece in (extract(text, NOW)["location"]["text"] or "").lower()


@pytest.mark.parametrize(("text", "kind"), [
    ("For about six weeks the lads on the corner have been calling my son a terrorist",
     "harassment"),
    ("I've had dozens of messages calling me a dyke since I posted about Pride", "harassment"),
    ("The same boys were outside the shop again shouting at my dad", "harassment"),
    ("They said they would come back and finish the job", "threats"),
    ("Someone posted my home address in the group with a picture of my door", "threats"),
    ("He wrote that somebody should teach me a lesson", "threats"),
    ("My supervisor say me 'you Polish are lazy' every shift", "verbal_abuse"),
])
def test_more_incident_types(text, kind):
    assert kind in extract(text, NOW)["incident_types"]


def test_stickers_saying_things_are_not_spoken_abuse():
    got = extract("Stickers have gone up on every lamp post along the river path saying 'white "
                  "lives matter'", NOW)
    assert "verbal_abuse" not in got["incident_types"]
    assert "other" in got["incident_types"]
