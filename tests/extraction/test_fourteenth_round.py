"""Round 14, fresh wording, for the kinds of phrasing read off the facts set
(``tests/data/facts/narratives_tuning14f.yml``). Happened before: a one-off said against the
writer's own years ("twenty years on this street and never had anything like it"), and repeats
said without "again" ("once a month", "the last time she came in"). Hurt: marks and small
wounds, and "no harm done". When: a weekday with a bare date ("Sunday 19th"), "Tuesday last
week"."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import pytest
import yaml

from bot.extraction import classify, extract
from bot.extraction.normalize import normalize

NOW = datetime(2027, 9, 29, 10, 0)  # a Wednesday
FACTS = Path(__file__).resolve().parents[1] / "data" / "facts" / "narratives_tuning14f.yml"

pytestmark = pytest.mark.usefixtures("rules_only")  # the rules' own answers (conftest.py)


def _low(text: str) -> str:
    return normalize(text).lower()


@pytest.mark.parametrize("text", [
    "I've cycled down Fulham Palace Road every day for ten years and never had anything like it",
    "We have lived on this estate since 1998 and nobody has ever said that to us",
    "the man at the kiosk is always there but he's never bothered me before",
    "I'd not seen that before in all my time working the late shift",
    "it was the first bit of bother I've had since moving to Fulham",
    "never something like this in my life, I am here since many years",
    "She says it's the first time in her life anyone has touched her headscarf",
    "I take my guide dog to that cafe every week and I've never been spoken to like that",
    # the second facts set's kinds (tuning_14i)
    "in fifty years nobody has ever raised a hand to him",
    "no one at the club had ever said a word about my turban",
    "there has never been anything remotely like it on this street",
    "she has shopped there for decades and it's never once happened",
    "never before this happen to me, I am in this country since long time",
    "we've lived here since the eighties without so much as a cross word",
    # the third facts set's kinds (tuning_14j): short texts, second-language English
    "nobody ever talk to me like this before",
    "in 20 years here never this happen to us",
    "1st time anything like it",
    "some random, came out of nowhere",
    "he has been coming in for years and never said anything like that",
])
def test_a_one_off_said_against_the_writers_own_years(text):
    assert classify.ongoing_words(_low(text)) is False


@pytest.mark.parametrize("text", [
    "they refuse to take my wheelchair on the minicab about once a month",
    "she was just the same the last time she came into the library",
    "the older boy has said things to her before, the school has it written down",
    "there are two earlier incidents logged against this neighbour",
    "same fella as in the summer, the one with the grey van",
    "I've been turned away from that club before because of my accent",
    # the opposite of a one-off, though it says "never"
    "it never stops, and I've never had a moment's peace since they moved in",
    "same two lads put our window through in the spring",
    "the same bloke went for him at this stop back in June",
    "he did exactly this when we met them at the cup game",
    "it happened to her on that platform once before",
    "is not first time, same boys in the summer",
    "it's every lunch now at the canteen",
    "they broke the window in june as well, did it in july too",
    "is 3 times this year they write on our wall",
])
def test_a_repeat_said_without_again(text):
    assert classify.ongoing_words(_low(text)) is True


@pytest.mark.parametrize("text", [
    "he squeezed my arm so hard it left red marks",
    "the gravel gave her two little cuts on her hands",
    "there's a scratch on his cheek from her ring",
    "the dog went for him and left puncture holes in his leg",
    "he has a cracked rib from the punch",
    "she was limping by the time she got to the bus stop",
    "my neck is stiff from where he shoved me into the door",
    "his scalp was tender for days after they pulled his hair",
    "the school nurse put ice on it and it came up like an egg",
    "the first aider closed the cut with steri strips",
    "he chipped his front tooth on the kerb",
    "her knee has ached since she fell",
    "his lips were split and swollen",
    "my shoulder hurt so much I couldn't lift the kettle",
    "her arm have pain since",
    "my nose bleed for an hour",
    "he has bump on his head from the stone",
    "neck still aches from where he grabbed me",
])
def test_marks_and_small_wounds_are_hurt(text):
    assert classify.injured(_low(text)) is True


@pytest.mark.parametrize("text", [
    "he threw a can at me, no harm done apart from a wet jacket",
    "they spat at her, no harm to her but she was upset",
    "the milkshake didn't hurt, it was just humiliating",
    "the tea was cold so no burns",
    "he's ok, not a scratch on him, but he won't go back",
    "my son is fine, not a scratch, but he is scared",
    "she said she was okay apart from being shaken",
    "nothing hurt but my pride",
    "the bottle smashed by his feet but he was not hit",
    "no bruising and she's not sore, just upset",
    "she called up to me that she was fine",
    "he spat at me, missed me tho",
    "he's not touched me but he won't go away",
])
def test_no_harm_is_not_hurt(text):
    assert classify.injured(_low(text)) is False


@pytest.mark.parametrize(("text", "day"), [
    ("outside the Lyric on Sunday 19th a man spat at me", "2027-09-19"),
    ("It was Tuesday morning, 28th, at the bus stop", "2027-09-28"),
    ("the latest was Saturday 11th when they knocked his hat off", "2027-09-11"),
    # a weekday and a date that do not agree this month: the month when they do
    ("on Friday 20th he shouted at us", "2027-08-20"),
    ("Tuesday last week a man shoved her chair", "2027-09-21"),
    ("it was friday of last week, by the river", "2027-09-24"),
    # "the" before the date: read as before (the date, not the weekday)
    ("on Friday the 17th a woman pulled my scarf", "2027-09-17"),
    # read off the dates set (tuning_14h)
    ("a couple of days ago a man spat at my daughter", "2027-09-27"),
    ("a week ago today they wrote on our door", "2027-09-22"),
    ("two Saturdays ago outside the Lyric", "2027-09-18"),
    ("Sat 18th at the bus stop he shoved me", "2027-09-18"),
    ("Tuesday 21 Sept, late, in the queue outside the club", "2027-09-21"),
    ("sat nite some lads chucked a drink at us", "2027-09-25"),
    ("fri morning outside the gym he shoved me", "2027-09-24"),
])
def test_a_weekday_with_its_date_and_a_weekday_last_week(text, day):
    assert extract(text, NOW)["occurred_on"] == day


def test_a_one_off_outweighs_two_days_said():
    # the day it was told and the day it happened are two days, not two incidents
    text = ("The nurse saw him on Monday. On Saturday a man at the bus stop pushed him over; he "
            "says in seventy years nobody has ever done that to him.")
    assert extract(text, NOW)["ongoing"] is False
    assert extract("He pushed me on Saturday and again on Monday.", NOW)["ongoing"] is True


@pytest.mark.parametrize(("name", "ongoing_min", "injured_min", "dated_min"), [
    # before round 14: 56 / 45 / 89 (tuning_14f); 14i and 14h were read after 14f's rules
    # (78 / 52 on 14i, 76 dated of 84 on 14h), so each set's figure before is the rules it taught
    ("narratives_tuning14f.yml", 98, 68, 97),
    ("narratives_tuning14i.yml", 98, 67, 83),
    ("narratives_tuning14h.yml", 0, 0, 80),
    # read with 14f's and 14i's rules first: 80 / 40 of 51 / 80 of 85
    ("narratives_tuning14j.yml", 98, 50, 82),
])
def test_the_facts_sets(name, ongoing_min, injured_min, dated_min):
    """How many of each facts set's accounts the rules read rightly: whether it happened
    before, whether anyone was hurt, and the day within one."""
    data = yaml.safe_load((FACTS.parent / name).read_text(encoding="utf-8"))
    now = datetime.fromisoformat(str(data["now"]))
    ongoing = injured = dated = 0
    for item in data["narratives"]:
        low = _low(item["text"])
        got = extract(item["text"], now)
        ongoing += "ongoing" in item and got["ongoing"] == item["ongoing"]
        injured += "injured" in item and classify.injured(low) == item["injured"]
        dated += bool(got["occurred_on"] and item.get("date")) and abs(
            (datetime.fromisoformat(got["occurred_on"])
             - datetime.fromisoformat(str(item["date"]))).days) <= 1
    assert len(data["narratives"]) == 100
    assert ongoing >= ongoing_min and injured >= injured_min and dated >= dated_min


@pytest.mark.parametrize(("text", "place"), [
    # a venue said before a named place, with no preposition in front of the venue
    ("The launderette on Fulham Palace Road won't let me in any more", "launderette on Fulham"),
    ("me and my sister were leaving a bar near the Lyric when he started", "bar near the Lyric"),
    ("someone sprayed paint over our takeaway on Askew Road last night", "takeaway on Askew Road"),
    ("there's a man at the taxi rank by Hammersmith station shouting at drivers", "rank by"),
    ("the newsagent on Munster Road told my son to get out", "newsagent on Munster Road"),
])
def test_a_venue_before_a_named_place_is_part_of_the_place(text, place):
    got = extract(text, NOW)["location"]["text"]
    assert got and place.lower() in got.lower()


def test_a_venue_with_no_named_place_after_it_is_not_made_a_place():
    # "the chemist opposite": no named place follows, so the round-14 pattern adds nothing
    got = extract("I live on Cambridge Grove and the chemist opposite won't serve me", NOW)
    assert "chemist" not in (got["location"]["text"] or "").lower()
    got = extract("The chemist opposite Brook Green won't serve me", NOW)
    assert "chemist opposite brook green" in (got["location"]["text"] or "").lower()


STRANDS_SET = FACTS.parent / "narratives_tuning14g.yml"


@pytest.mark.parametrize(("text", "strand"), [
    # the reason shown, not named
    ("two men holding hands by the river got shouted at by a cyclist", "sexual_orientation"),
    ("the note said no child should have two dads", "sexual_orientation"),
    ("he screamed that they should keep it in the closet", "sexual_orientation"),
    ("my son has a boyfriend and the lads at the bus stop won't leave him alone",
     "sexual_orientation"),
    ("she's been living as a woman for two years and the neighbour still sneers", "transgender"),
    ("he kept pointing at her Adam's apple and laughing", "transgender"),
    ("the guard told her to get out of the women's toilets", "transgender"),
    ("they pulled at the back patch on his jacket and called him a devil worshipper",
     "alternative_subculture"),
    ("she wears eyeliner and band hoodies and the girls call her a freak", "alternative_subculture"),
    ("the boys said they'd cut his liberty spikes off", "alternative_subculture"),
    ("my brother has Down's and the kids copy the way he talks", "disability"),
    ("they mocked my stammer in the queue", "disability"),
    ("the driver refused us even though my dog was in her harness", "disability"),
    ("they tried to pull off his dastar at the crossing", "religion"),
])
def test_a_strand_shown_not_named(text, strand):
    assert strand in classify.strands(_low(text))


@pytest.mark.parametrize("text", [
    "he asked my daughter if her mum has a boyfriend",
    "the witch of a landlady put the rent up again",
])
def test_the_same_words_that_show_no_strand_of_that_kind(text):
    assert "sexual_orientation" not in classify.strands(_low(text))
    assert "alternative_subculture" not in classify.strands(_low(text))


def test_the_strands_set():
    """The rules' strands micro-F1 on it: 0.684 before this round, now at least 0.84."""
    data = yaml.safe_load(STRANDS_SET.read_text(encoding="utf-8"))
    tp = fp = fn = 0
    for item in data["narratives"]:
        want, got = set(item["strands"]), set(classify.strands(_low(item["text"])))
        tp, fp, fn = tp + len(want & got), fp + len(got - want), fn + len(want - got)
    assert len(data["narratives"]) == 100
    assert 2 * tp / (2 * tp + fp + fn) >= 0.84
