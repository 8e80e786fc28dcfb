"""Form-answer parsers: short answers to a single question."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from bot.extraction import (
    is_skip,
    parse_date,
    parse_incident_types,
    parse_location,
    parse_perpetrator,
    parse_reporter_role,
    parse_strands,
    parse_yes_no,
)

NOW = datetime(2026, 11, 25, 10, 0)  # a Wednesday


@pytest.mark.parametrize("text", ["skip", "Skip.", "I don't know", "i dont know", "dunno", "idk",
                                  "rather not say", "I'd rather not say", "prefer not to say",
                                  "not sure", "no idea", "pass"])
def test_skip_answers(text):
    assert is_skip(text) is True


@pytest.mark.parametrize("text", ["yesterday", "on the bus", "no", "my neighbour", ""])
def test_not_skip(text):
    assert is_skip(text) is False


@pytest.mark.parametrize(("text", "want"), [
    ("yes", True), ("Yeah", True), ("yep", True), ("y", True), ("ok", True), ("that's right", True),
    ("no", False), ("Nope", False), ("nah", False), ("n", False), ("not really", False),
    ("skip", None), ("maybe", None), ("", None),
])
def test_yes_no(text, want):
    assert parse_yes_no(text) is want


@pytest.mark.parametrize(("text", "want"), [
    ("race", ["race"]), ("religion and race", ["race", "religion"]), ("because I'm gay", ["sexual_orientation"]),
    ("my disability", ["disability"]), ("i'm trans", ["transgender"]), ("misogyny", ["sex_gender"]),
    ("because I'm a goth", ["alternative_subculture"]), ("something else", ["other"]),
    ("they called me a p***", ["race"]), ("skip", []),
])
def test_strands(text, want):
    assert parse_strands(text) == want


@pytest.mark.parametrize(("text", "want"), [
    ("they hit me", ["physical_assault"]), ("shouting and threats", ["verbal_abuse", "threats"]),
    ("smashed my window", ["property_damage"]), ("on instagram", ["online_abuse"]),
    ("it keeps happening, he follows me", ["harassment"]), ("i don't know", []),
])
def test_incident_types(text, want):
    assert parse_incident_types(text) == want


@pytest.mark.parametrize(("text", "want_date", "want_time"), [
    ("yesterday", date(2026, 11, 24), None),
    ("yday about 6pm", date(2026, 11, 24), "18:00"),
    ("tuesday", date(2026, 11, 24), None),
    ("last thurs", date(2026, 11, 19), None),
    ("14/11", date(2026, 11, 14), None),
    ("2 days ago at 18:30", date(2026, 11, 23), "18:30"),
    ("3rd March", date(2026, 3, 3), None),
    ("today", date(2026, 11, 25), None),
    ("this morning", date(2026, 11, 25), None),
    ("dunno", None, None),
    ("", None, None),
])
def test_dates(text, want_date, want_time):
    assert parse_date(text, NOW) == (want_date, want_time)


def test_dates_are_never_in_the_future():
    day, _ = parse_date("friday", NOW)
    assert day == date(2026, 11, 20)
    day, _ = parse_date("25th December", NOW)
    assert day == date(2025, 12, 25)


def test_location_known_place_gets_ward():
    loc = parse_location("outside shepherds bush station")
    assert loc is not None
    assert "shepherds bush" in loc["text"].lower()
    assert loc["ward"] == "Shepherd's Bush Green"
    assert loc["online"] is False


def test_location_road_and_shop_in_lower_case():
    loc = parse_location("in tesco on king st")
    assert loc == {"text": "Tesco on King St", "ward": "Hammersmith Broadway", "online": False}


def test_location_online_platform():
    loc = parse_location("instagram")
    assert loc is not None and loc["online"] is True and loc["text"] == "Instagram"


def test_location_unknown_short_answer_is_kept_as_said():
    loc = parse_location("the laundrette by my house")
    assert loc is not None and "laundrette" in loc["text"]


def test_location_skip_is_none():
    assert parse_location("rather not say") is None
    assert parse_location("") is None


@pytest.mark.parametrize(("text", "want"), [
    ("my neighbour", "neighbour"), ("the man next door", "neighbour"), ("a stranger", "unknown"),
    ("no", "unknown"), ("my landlord", "known"), ("someone I know from work", "known"),
    ("a group of lads", "unknown"), ("skip", None),
])
def test_perpetrator(text, want):
    assert parse_perpetrator(text) == want


@pytest.mark.parametrize(("text", "want"), [
    ("me", "victim"), ("it happened to me", "victim"), ("I saw it", "witness"),
    ("I was a witness", "witness"), ("my son", "third_party"), ("someone else", "third_party"),
    ("I'm his carer", "third_party"), ("rather not say", None),
])
def test_reporter_role(text, want):
    assert parse_reporter_role(text) == want
