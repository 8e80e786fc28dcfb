"""Round-4 contract additions: ``faiths`` and ``confidence`` in extract(), ``parse_faith`` and
``is_repeat`` (docs/architecture.md, "Extraction contract"). Fresh texts only.
"""

from __future__ import annotations

from datetime import datetime

import pytest

from bot.extraction import FAITHS, FIELDS, extract, is_repeat, parse_faith
from bot.extraction.confidence import CONFIDENCE_FIELDS
from bot.extraction.extract import empty_result

NOW = datetime(2026, 11, 25, 10, 0)


def test_new_keys_come_last_and_everything_else_is_unchanged():
    assert FIELDS[-2:] == ("faiths", "confidence")
    assert FIELDS[:-2] == ("reporter_role", "strands", "incident_types", "occurred_on",
                           "occurred_time", "ongoing", "location", "perpetrator", "injured",
                           "danger_now")
    got = extract("a man pulled my hijab on the bus yesterday and called me a terrorist", NOW)
    assert tuple(got) == FIELDS
    assert set(got["confidence"]) == set(CONFIDENCE_FIELDS)


def test_empty_text_has_no_faith_and_zero_confidence():
    got = extract("", NOW)
    assert got == empty_result()
    assert got["faiths"] == []
    assert set(got["confidence"].values()) == {0.0}


@pytest.mark.parametrize(("text", "faiths"), [
    ("a man pulled at my hijab outside the station and called me a terrorist", ["muslim"]),
    ("someone sprayed a swastika on the synagogue door", ["jewish"]),
    ("kids knocked off my son's patka at the park and called him a religious freak", ["sikh"]),
    ("they shouted abuse at the worshippers leaving the gurdwara", ["sikh"]),
    ("a man spat at my wife for wearing a bindi and said our religion is disgusting", ["hindu"]),
    ("someone smashed the windows of the church and wrote anti christian slogans", ["christian"]),
    ("called my mum a terrorist because of her headscarf and her faith", ["muslim"]),
    ("a man shouted that Jews control everything and pushed me", ["jewish"]),
    ("a man shouted that all religion is poison at the Buddhist centre", ["other"]),
])
def test_faith_targeted(text, faiths):
    got = extract(text, NOW)
    assert "religion" in got["strands"]
    assert got["faiths"] == faiths
    assert set(got["faiths"]) <= set(FAITHS)


def test_no_faith_without_the_religion_strand_or_a_cue():
    assert extract("a man called me a paki on King Street", NOW)["faiths"] == []
    assert extract("someone shouted abuse about my religion on the bus", NOW)["faiths"] == []


def test_antisemitic_abuse_is_the_religion_strand():
    got = extract("a group of lads did nazi salutes at my son and called him a dirty yid", NOW)
    assert "religion" in got["strands"]
    assert got["faiths"] == ["jewish"]


@pytest.mark.parametrize(("answer", "faiths"), [
    ("muslim", ["muslim"]), ("I'm Jewish", ["jewish"]), ("sikh", ["sikh"]), ("Hindu", ["hindu"]),
    ("christian", ["christian"]), ("catholic", ["christian"]), ("Buddhist", ["other"]),
    ("another faith", ["other"]), ("none", []), ("not religious", []), ("", []),
    (None, []), ("skip", []),
])
def test_parse_faith(answer, faiths):
    assert parse_faith(answer) == faiths


def test_confidence_is_zero_for_missing_values_and_in_range_otherwise():
    got = extract("yesterday a neighbour called me a racist name outside my flat", NOW)
    for field in CONFIDENCE_FIELDS:
        value = got["confidence"][field]
        assert 0.0 <= value <= 1.0
    assert got["confidence"]["injured"] == 0.0  # not said
    assert got["injured"] is None
    assert got["confidence"]["reporter_role"] > 0.0


def test_an_explicit_account_is_confident_enough_to_skip_questions():
    got = extract("Yesterday a man on the 94 bus on Uxbridge Road called me a racist name", NOW)
    assert got["confidence"]["occurred_on"] >= 0.8
    assert got["confidence"]["reporter_role"] >= 0.8


ACCOUNT = ("Yesterday about 6pm outside the library on Askew Road two men called me a dirty "
           "immigrant and one of them pushed me into the road. I grazed my hands.")


@pytest.mark.parametrize("text", [
    ACCOUNT,
    ACCOUNT.upper(),
    ACCOUNT.replace(".", "").replace(",", ""),
    ACCOUNT + " " + ACCOUNT,
    ACCOUNT.replace("two men", "2 men").replace("the road", "the street"),
    "  " + ACCOUNT + "\n",
    ACCOUNT.split(". ")[0],  # the first half sent again
])
def test_repeats_are_recognised(text):
    assert is_repeat(text, ["something else first", ACCOUNT]) is True


@pytest.mark.parametrize("text", [
    "also he came back on Tuesday",
    ACCOUNT + " Also he came back on Tuesday and threatened my son.",
    "I want to add that it was racist and I think they live on the estate",
    "yes",
    "",
])
def test_new_details_are_not_repeats(text):
    assert is_repeat(text, [ACCOUNT]) is False


def test_is_repeat_never_raises():
    assert is_repeat(None, [ACCOUNT]) is False  # type: ignore[arg-type]
    assert is_repeat(ACCOUNT, []) is False
    assert is_repeat(ACCOUNT, None) is False  # type: ignore[arg-type]
    assert is_repeat("x" * 100_000, [ACCOUNT]) is False
    assert is_repeat("hi", ["hi"]) is True
