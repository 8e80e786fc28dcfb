"""Round 6, fields other than danger: the kinds of miss read in held_out_5_tuned, fresh wording.

Each rule is general (a way of saying who was targeted, what was done, by whom), tested here with
sentences written for this file, never copied from a labelled narrative.
"""

from __future__ import annotations

from datetime import datetime

import pytest

from bot.extraction import extract
from bot.extraction.normalize import normalize
from bot.extraction.roles import reporter_role

pytestmark = pytest.mark.usefixtures("rules_only")  # the rules' own answers (conftest.py)

NOW = datetime(2026, 11, 25, 10, 0)


def role(text: str) -> str | None:
    return reporter_role(normalize(text).lower())


@pytest.mark.parametrize("text", [
    # A relative targeted: "calls my ...", a photo of my ... shared.
    "A boy in year 8 calls my nephew a dirty gypsy every lunchtime",
    "Someone put a picture of my sister in her wheelchair on a meme page laughing at her",
    # A carer or office-holder reporting about the people or place they serve.
    "I'm a support worker. Lads on the estate shout 'spastic' at my client when we go to the shop",
    "I'm the caretaker of the community hall. Someone has written 'no Sikhs' across our hall doors",
])
def test_third_party(text):
    assert role(text) == "third_party"


@pytest.mark.parametrize("text", [
    # The reporter placed nearby while someone else is targeted.
    "I'm across the street at the bus stop. Two men are kicking the door of the gurdwara",
    "I have a stall at the Sunday market. A customer keeps shouting at the trader opposite, who "
    "is Turkish, that he should go back",
    "I was behind the till when a man started screaming at the manager about her headscarf",
    "I work at the launderette. A woman came in and spat at the owner, who is Somali",
    # "in my car" is where the reporter sat, not what was hit.
    "Sitting in my car I watched a gang spray a swastika on the synagogue wall",
])
def test_witness(text):
    assert role(text) == "witness"


@pytest.mark.parametrize("text", [
    "Someone keyed my car and wrote 'paki' on the bonnet",
    "They threw paint at my front door again",
    "A man called me a tranny on the tube",
])
def test_still_the_victim(text):
    assert role(text) == "victim"


def types(text: str) -> list[str]:
    return extract(text, NOW)["incident_types"]


@pytest.mark.parametrize(("text", "kind"), [
    # Physical: a flame held to someone, water thrown on a relative, a phone taken.
    ("Two girls held a lighter to her fringe on the way home from school", "physical_assault"),
    ("The woman upstairs tipped a bucket of water over my dad and called him a Paki",
     "physical_assault"),
    ("They've grabbed his phone and are laughing at his stammer", "physical_assault"),
    # Damage: written on it, painted across, windows put through, keyed, knocked over,
    # belongings thrown out, something poured on a doorstep, a shed broken.
    ("Somebody broke our garden shed and scrawled 'Polish scum' on it", "property_damage"),
    ("'TRANNY' was sprayed all over our shop shutter", "property_damage"),
    ("the same kids put my kitchen window thru last night shouting gyppo", "property_damage"),
    ("a man threw a bottle through their bedroom window because they are Jewish",
     "property_damage"),
    ("someone keyd my van and wrote a swear word about Muslims", "property_damage"),
    ("He knocked all the shelves over in my shop shouting about Sikhs", "property_damage"),
    ("The landlord is throwing my belongings out of the flat because I'm gay",
     "property_damage"),
    ("At night someone tipped bleach all over our front doorstep, we are the only black family",
     "property_damage"),
    # Threats: a blade, thrown in the canal, back to finish it, "we burn you".
    ("He showed me a blade in his pocket and called me a dyke", "threats"),
    ("They said they'd push him in the canal if they saw him in his kippah again", "threats"),
    ("said he would be back to finish me off, the f***ing paki", "threats"),
    ("They wrote on the door: Jews leave or we burn you", "threats"),
])
def test_incident_types_found(text, kind):
    assert kind in types(text)


@pytest.mark.parametrize(("text", "kind"), [
    # Pushing or kicking a thing is not an assault; setting fire only threatened is no damage.
    ("I pushed the sofa against the door while they shouted about Roma", "physical_assault"),
    ("He kicked her stall over and said Chinese people eat cats", "physical_assault"),
    ("He said he'll set fire to my car if I fly the rainbow flag", "property_damage"),
    ("They held a lighter near my hair, a bit of hair burnt but I'm OK", "property_damage"),
])
def test_incident_types_not_found(text, kind):
    assert kind not in types(text)


def test_a_kicked_wheelchair_is_still_an_assault():
    assert "physical_assault" in types("a lad kicked her wheelchair and called her a cripple")


def perp(text: str) -> str | None:
    return extract(text, NOW)["perpetrator"]


@pytest.mark.parametrize(("text", "who"), [
    ("my ex gf keeps turning up at my work calling me a dyke", "known"),
    ("The landlord came round and called my wife a dirty Arab", "known"),
    ("In the group chat for our five-a-side team someone posted a monkey gif at me", "known"),
    ("it was a bloke from my old job who spat at me and called me a faggot", "known"),
    ("The mum who keeps calling my girl a terrorist was shouting again at the school gate",
     "known"),
    ("Our postman who drops off the parcels every morning says Polish people are scum", "known"),
    ("The warden locked us out of the lounge because of my husband's turban", "known"),
    ("the lads from the top floor keep calling me a paki on the stairs", "neighbour"),
    ("its the woman from downstairs again banging and shouting about gypsies", "neighbour"),
    # The neighbour named as the one reported for, a colleague as the one served, a guess.
    ("I'm writing for my neighbour, a girl on a scooter pulled his kippah off on the High Street",
     "unknown"),
    ("A shopper refused to be served by my colleague because she's black and swore at her",
     "unknown"),
    ("A fake account keeps posting about my autism; I think it's a girl from my class but I "
     "can't prove it", "unknown"),
])
def test_perpetrator(text, who):
    assert perp(text) == who


def strands(text: str) -> list[str]:
    return extract(text, NOW)["strands"]


@pytest.mark.parametrize(("text", "strand"), [
    ("The guard kept watching me and said you lot are thieves. My husband is from Somalia",
     "race"),
    ("Men at the car wash whistled at me and one asked if I was up for it", "sex_gender"),
    ("the van driver whistled and made noises about her body as she walked past", "sex_gender"),
    ("two lads shouted 'dykes' and then 'f*cking d*kes' at me and my wife", "sexual_orientation"),
    ("Her mum said she'd throw her out for dressing like a girl, he is 15", "transgender"),
    ("They laugh at my grandmother when she goes to the temple for pooja", "religion"),
])
def test_strand_found(text, strand):
    assert strand in strands(text)


@pytest.mark.parametrize(("text", "strand"), [
    # Being scared to go home is not "go home"; dressed in black is not skin colour.
    ("I'm too scared to go home since they called me a poof outside the chippy", "race"),
    ("Since the boys called me a freak for dressing in black I stay in", "race"),
])
def test_strand_not_found(text, strand):
    assert strand not in strands(text)


@pytest.mark.parametrize(("text", "place"), [
    ("a woman spat at me outside the launderette on Fulham Palace Road", "outside the launderette"),
    ("The lads waiting outside our gurdwara shouted at the children", "outside our gurdwara"),
])
def test_outside_a_venue_keeps_outside(text, place):
    assert place in extract(text, NOW)["location"]["text"]


def day(text: str) -> str | None:
    return extract(text, NOW)["occurred_on"]


def test_this_am_is_today():
    assert day("found a swastika scratched on my car this am") == "2026-11-25"


def test_a_calm_right_now_is_no_date():
    assert day("We're fine right now. For weeks the boys on the corner have called us pakis") is None
    assert day("I'm safe right now, but last month they wrote 'gays die' on our door") is None


def test_a_worry_about_tonight_is_not_the_day():
    text = "He spat at me on the bus on Friday. I'm dreading tonight in case he's on it again"
    assert day(text) == "2026-11-20"


def test_a_happening_now_is_still_today():
    assert day("right now a man is screaming at the imam about Muslims") == "2026-11-25"


@pytest.mark.parametrize(("text", "kind"), [
    ("A lad kept following me round the market calling me a gyppo", "harassment"),
    ("some man followed her all the way to the station muttering about Jews", "harassment"),
    ("Someone wrote 'no blacks' on our bins in May and they did it again this weekend",
     "harassment"),
    ("The manager locked us out of the prayer room because we are Muslim", "other"),
])
def test_harassment_and_exclusion(text, kind):
    assert kind in types(text)


def test_rooms_of_a_shared_building_are_places():
    text = "The warden shouted at me in the meeting room that Romanians steal"
    assert "meeting room" in extract(text, NOW)["location"]["text"]
