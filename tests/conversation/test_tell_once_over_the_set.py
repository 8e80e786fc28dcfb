"""Tell it once, over the whole labelled set (issue 11, "Redundant questions"): the report form
played with the real validation and ask actions (no Rasa) on every narrative, each question
after the account skipped. Few fact questions are asked, almost none for something the account
plainly said, and none for something the extractor found."""

from __future__ import annotations

import pytest

from bot.extraction import extract
from bot.extraction.parts import load
from tests.actions.driver import Conversation
from tests.conversation.tell_once_set import DATA_DIR, FACTS, Tally, play, said_in_account


def _found(slot: str, got: dict) -> bool:
    """Whether extract() gave a value the form could have pre-filled for ``slot``."""
    if slot == "location":
        return bool(got["location"]["text"] or got["location"]["online"])
    return slot in got and got[slot] not in (None, [], "")


@pytest.fixture(scope="module")
def played() -> list[tuple[dict, list[str], dict]]:
    """(item, fact slots asked after the account, extract() of the account) per narrative."""
    out = []
    for _part, now, item in load(DATA_DIR):
        asked = [s for s in play(item) if s in FACTS]
        out.append((item, asked, extract(str(item["text"]), now)))
    return out


@pytest.fixture(scope="module")
def tally(played) -> Tally:
    result = Tally()
    for item, asked, _got in played:
        result.asked.append(len(asked))
        result.facts += len(asked)
        for slot in asked:
            if said_in_account(slot, item):
                result.redundant += 1
                result.by_slot[slot] = result.by_slot.get(slot, 0) + 1
    return result


def test_the_whole_labelled_set_is_played(played):
    assert len(played) >= 476


def test_median_fact_questions_after_the_account_is_at_most_two(tally):
    assert tally.median <= 2


def test_at_most_five_percent_of_fact_questions_ask_what_the_account_said(tally):
    assert tally.facts > 300  # the form does ask: the share is over a real count
    assert tally.redundant_share <= 0.05, tally.by_slot


def test_nothing_the_extractor_found_is_asked(played):
    asked_anyway = [(item["id"], slot) for item, asked, got in played for slot in asked
                    if _found(slot, got)]
    assert asked_anyway == []


def test_an_injury_read_from_the_account_is_confirmed_in_the_read_back_not_asked():
    c = Conversation()
    c.start()
    c.say('/choose{"choice": "victim"}')
    c.say("Yesterday a man threw his drink at me on King Street and called me a paki. I'm "
          "fine, just shaken.", "report_incident")
    if c.slots.get("requested_slot") == "narrative":
        c.say("/finished")
    assert c.slots.get("injured") is False
    assert c.slots.get("requested_slot") == "confirm_understanding"
    assert "Nobody was hurt." in c.text
    assert "injured" not in c.asked
