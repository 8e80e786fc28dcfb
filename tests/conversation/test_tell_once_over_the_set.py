"""Tell it once, over the whole labelled set (issue 11, "Redundant questions"): the report form
played with the real validation and ask actions (no Rasa) on every narrative, each question
after the account skipped. Few fact questions are asked, almost none for something the account
plainly said, and none for something the extractor found."""

from __future__ import annotations

import copy
import importlib

import pytest

import bot.extraction as extraction
from bot.extraction import extract
from bot.extraction.learned.calibrate import cv_scores_for_current
from bot.extraction.learned.model import get_model
from bot.extraction.parts import FRESH, HELD_OUT, load
from tests.actions.driver import Conversation
from tests.conversation.tell_once_set import (
    DATA_DIR,
    FACTS,
    CrossValidated,
    Tally,
    play,
    said_in_account,
)


def _found(slot: str, got: dict) -> bool:
    """Whether extract() gave a value the form could have pre-filled for ``slot``."""
    if slot == "location":
        return bool(got["location"]["text"] or got["location"]["online"])
    return slot in got and got[slot] not in (None, [], "")


@pytest.fixture(scope="module")
def honest_model():
    """extract() with cross-validated classifier scores for the tuned parts (CrossValidated)."""
    real, cv = get_model(), cv_scores_for_current()
    assert real is not None and cv, "make train-extractor first"
    model = CrossValidated(real, cv)
    patch = pytest.MonkeyPatch()
    # the module, not the function of the same name that bot.extraction exports
    patch.setattr(importlib.import_module("bot.extraction.extract"), "get_model", lambda: model)
    yield model
    patch.undo()


@pytest.fixture(scope="module")
def played(honest_model) -> list[tuple[str, dict, list[str], dict]]:
    """(part, item, fact slots asked after the account, extract() of it) per narrative: the
    extraction the form itself made of the account, kept as it was made (reading each account
    a second time was a fifth of this fixture's time)."""
    seen: dict[str, dict] = {}

    def remembered(text, now, *args, **kwargs):
        result = extract(text, now, *args, **kwargs)
        seen[text] = copy.deepcopy(result)
        return result

    patch = pytest.MonkeyPatch()
    patch.setattr(extraction, "extract", remembered)  # the form looks it up at each call
    out = []
    try:
        for part, now, item in load(DATA_DIR):
            seen.clear()
            asked = [s for s in play(item, now) if s in FACTS]
            text = str(item["text"])
            out.append((part, item, asked, seen[text] if text in seen else extract(text, now)))
    finally:
        patch.undo()
    return out


def test_the_tuned_accounts_were_read_with_scores_of_a_model_that_never_saw_them(played,
                                                                                 honest_model):
    held_out = sum(1 for part, *_ in played if part == HELD_OUT)
    assert len(honest_model.by_text) >= len(played) - held_out - 5  # a few texts repeat
    # each held-out account reaches the real model once (the form; `played` keeps its reading)
    assert honest_model.misses <= held_out + 10


def _tally(played, keep) -> Tally:
    result = Tally()
    for part, item, asked, _got in played:
        if not keep(part):
            continue
        result.asked.append(len(asked))
        result.facts += len(asked)
        for slot in asked:
            if said_in_account(slot, item):
                result.redundant += 1
                result.by_slot[slot] = result.by_slot.get(slot, 0) + 1
    return result


@pytest.fixture(scope="module")
def tally(played) -> Tally:
    """The parts the rules were fitted on: where issue 11's 5 % is met."""
    return _tally(played, lambda part: part != HELD_OUT and part not in FRESH)


def test_the_whole_labelled_set_is_played(played):
    assert len(played) >= 1900


def test_median_fact_questions_after_the_account_is_at_most_two(played):
    assert _tally(played, lambda part: True).median <= 2


def test_at_most_five_percent_of_fact_questions_ask_what_the_account_said(tally):
    assert tally.facts > 300  # the form does ask: the share is over a real count
    assert tally.redundant_share <= 0.05, tally.by_slot


# On text like the unseen, issue 11's 5 % is NOT met (docs/extraction.md, "Tell it once over
# the set", round 14): ceilings at what round 14 measured at its end (fresh 18.1 % of 1,953 on
# 2,690 accounts; held_out_14 20.5 % of 78, at its first score 23.8 % of 84; round 13: fresh
# 20.0 %, held_out_13 23.2 %), with a question's room on the held-out set, so the share can
# only fall.
UNSEEN_CEILINGS = {"fresh": 0.19, "held out": 0.22}


@pytest.mark.parametrize("group", list(UNSEEN_CEILINGS))
def test_on_accounts_no_rule_was_written_from_the_share_does_not_grow(played, group):
    keep = (lambda part: part in FRESH) if group == "fresh" else (lambda part: part == HELD_OUT)
    result = _tally(played, keep)
    # the form does ask: the share is over a real count (held_out_14: 78 questions)
    assert result.facts > (300 if group == "fresh" else 50)
    assert result.redundant_share <= UNSEEN_CEILINGS[group]


def test_nothing_the_extractor_found_is_asked(played):
    asked_anyway = [(item["id"], slot) for _part, item, asked, got in played for slot in asked
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
