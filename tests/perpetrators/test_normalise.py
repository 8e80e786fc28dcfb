"""Identifier normalisation: what a record stores and what an account names meet as one key."""

from __future__ import annotations

import secrets

import pytest

from bot.hotspot_keys import estate_of, place_key
from bot.identifiers import (
    address_candidates,
    address_keys,
    handle_candidates,
    normalise_handle,
    normalise_name,
    normalise_platform,
)
from bot.perpetrators import keys


def test_a_record_address_gives_the_building_key_without_flat_postcode_or_town():
    found = address_keys("Flat 3, 14 Fulham Ct, London SW6 7XX")
    assert "14 fulham court" in found
    assert not any("london" in k or "sw6" in k or "7xx" in k for k in found)


@pytest.mark.parametrize("record, account", [
    ("14 Fulham Court", "my neighbour at 14 fulham court keeps shouting at us"),
    ("22 Askew Rd, Hammersmith", "it was the man from 22 Askew Road again"),
    ("Flat 12 Edward Woods Estate", "he lives in flat 12 on Edward Woods Estate."),
    ("14 Broadway", "outside no. 14 Broadway"),
    ("7 St. Peter's Grove", "at 7 st peters grove"),
])
def test_an_account_naming_the_address_meets_the_record_key(record, account):
    assert address_keys(record) & address_candidates(account)


@pytest.mark.parametrize("record, account", [
    ("14 Fulham Court", "14 Fulham Road"),
    ("14 Fulham Court", "114 fulham court"),
    ("14 Fulham Court", "it happened at 14:00 near Fulham Court"),
    ("3 Court Lane", "the 3 of them came to court"),
])
def test_near_misses_do_not_meet(record, account):
    assert not address_keys(record) & address_candidates(account)


def test_handles_names_and_platforms_fold_to_one_form():
    assert normalise_handle("https://www.instagram.com/J.Smith99/") == "j.smith99"
    assert normalise_handle("@J.Smith99") == "j.smith99"
    assert normalise_name("Mr. Dave O'Neil") == "dave oneil"
    assert normalise_platform("IG") == normalise_platform("Instagram") == "instagram"
    assert handle_candidates("he posts as @J.Smith99. on insta; mail me at jo@example.com "
                             "or tiktok.com/@bad_guy") == {"j.smith99", "bad_guy"}


def test_keyed_hashes_depend_on_kind_and_key(monkeypatch):
    assert keys.digest("name", "dave") != keys.digest("address", "dave")
    before = keys.digest("name", "dave")
    monkeypatch.setenv("PERPETRATOR_MATCH_KEY", secrets.token_urlsafe(48))
    from bot.settings import get_settings

    get_settings.cache_clear()
    try:
        assert keys.digest("name", "dave") != before
    finally:
        get_settings.cache_clear()


def test_place_keys_ignore_where_relative_to_the_place_and_find_estates():
    assert place_key("outside 14 Fulham Court") == place_key("14 fulham court")
    assert estate_of("by the Clem Attlee")[1] == "Clem Attlee Estate"
    assert estate_of("the playground on the White City estate")[0] == "white city"
    assert estate_of("near the Maystar Estate") == ("maystar", "Maystar Estate")
    assert estate_of("Uxbridge Road bus stop") is None
