"""The third tuning round's rules: a named platform beats the places inside a post, numbered buses
beat "the bus", abbreviated road names, "followed me from" is a place, and who did it (fellow
targets, damage found afterwards, quoted "always"). Texts are fresh: none from any held-out set.
"""

from __future__ import annotations

from datetime import datetime

import pytest

from bot.extraction import extract
from bot.extraction.classify import perpetrator

pytestmark = pytest.mark.usefixtures("rules_only")  # the rules' own answers (conftest.py)

NOW = datetime(2026, 11, 25, 10, 0)


def place(text: str) -> str | None:
    return extract(text, NOW)["location"]["text"]


@pytest.mark.parametrize(("text", "platform"), [
    ("a man on Snapchat keeps saying the Somalis on Bloemfontein Road should be deported", "snapchat"),
    ("my manager shared a cartoon of me as a monkey on the work whatsapp group", "whatsapp"),
])
def test_named_platform_before_any_place_is_where_it_happened(text, platform):
    got = extract(text, NOW)["location"]
    assert platform in (got["text"] or "").lower()
    assert got["online"] is True


def test_place_said_before_the_platform_still_wins():
    assert "askew" in (place("At the bus stop on Askew Road a man filmed me for TikTok") or "").lower()


def test_numbered_bus_beats_the_bare_bus():
    assert "49" in (place("a woman on the bus called me a cripple, it was the 49 bus to Clapham") or "")


def test_ordinal_is_not_a_bus_route():
    got = place("a man followed me out of the library, the second time this week")
    assert got is not None and "second" not in got.lower()


@pytest.mark.parametrize(("text", "piece"), [
    ("a guy spat at me on north end rd", "north end rd"),
    ("some lads shouted at us on uxbridge rd last night", "uxbridge rd"),
])
def test_abbreviated_known_roads_are_found(text, piece):
    assert piece in (place(text) or "").lower()


def test_followed_from_a_station_is_a_place_but_being_from_a_country_is_not():
    assert "goldhawk" in (place("a man followed me from Goldhawk Road station to my door") or "").lower()
    assert place("I'm from Poland and a man shouted at me") is None


@pytest.mark.parametrize(("text", "want"), [
    ("the security guard told me your lot always steal", "unknown"),
    ("a leaflet saying Jews out came through my door, my neighbours got them too", "unknown"),
    ("another parent at pick-up called my son a retard", "known"),
    ("the same guys keep spamming my stream with slurs", "unknown"),
    ("a visitor's husband called me a monkey on the ward", "unknown"),
    ("my neighbour keeps calling me a paki", "neighbour"),
])
def test_perpetrator_phrasings(text, want):
    assert extract(text, NOW)["perpetrator"] == want


def test_damage_found_afterwards_is_unknown_but_no_incident_says_nothing():
    assert perpetrator("we found the door smashed", ["property_damage"]) == "unknown"
    assert perpetrator("they kicked him in the head", ["physical_assault"]) is None
    assert perpetrator("i want to report something") is None
