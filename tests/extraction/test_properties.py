"""Never crash, whatever arrives: arbitrary unicode, empty text, 100 kB text."""

from __future__ import annotations

from datetime import datetime

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bot.extraction import (
    FIELDS,
    detect_danger,
    extract,
    is_skip,
    parse_date,
    parse_incident_types,
    parse_location,
    parse_perpetrator,
    parse_reporter_role,
    parse_strands,
    parse_yes_no,
)

NOW = datetime(2026, 11, 25, 10, 0)
# Words the rules react to, so generated text reaches the interesting branches too.
WORDS = st.sampled_from(["he's", "outside", "my", "door", "knife", "yday", "14/11", "p***", "on",
                         "King", "st", "the", "mosque", "estate", "Road", "at", "6pm", "n", "ppl",
                         "instagram", "again", "my son", "I saw", "hurt", "not", "'", "*", "&", "2"])
TEXT = st.one_of(st.text(), st.lists(WORDS, max_size=40).map(" ".join))
PARSERS = (is_skip, parse_strands, parse_incident_types, parse_location, parse_perpetrator,
           parse_reporter_role, parse_yes_no, detect_danger)


def _check(result: dict) -> None:
    assert tuple(result) == FIELDS
    assert isinstance(result["strands"], list) and isinstance(result["incident_types"], list)
    assert isinstance(result["danger_now"], bool)
    assert isinstance(result["location"]["online"], bool)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(TEXT)
def test_extract_never_crashes(text):
    _check(extract(text, NOW))


@settings(max_examples=150, deadline=None)
@given(TEXT)
def test_parsers_never_crash(text):
    for parser in PARSERS:
        parser(text)
    day, clock = parse_date(text, NOW)
    assert day is None or day <= NOW.date()
    assert clock is None or (len(clock) == 5 and clock[2] == ":")


def test_empty_and_whitespace():
    for text in ("", " ", "\n\t", "\x00", "\u200b"):
        _check(extract(text, NOW))
        for parser in PARSERS:
            parser(text)
        parse_date(text, NOW)


def test_100_kb_text():
    text = ("my neighbour keeps shouting at me on King Street, yday he had a knife. " * 1500)[:100_000]
    assert len(text) == 100_000
    _check(extract(text, NOW))
    for parser in PARSERS:
        parser(text)
    parse_date(text, NOW)
    assert detect_danger(text) in (True, False)
