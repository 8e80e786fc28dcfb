"""Round 7, fields other than danger: the kinds of miss read in held_out_6_tuned, fresh wording.

Each rule is general (a way of saying who was targeted, what was done, by whom, when), tested
here with sentences written for this file, never copied from a labelled narrative.
"""

from __future__ import annotations

from datetime import datetime

import pytest

from bot.extraction import extract
from bot.extraction.normalize import normalize
from bot.extraction.roles import reporter_role

NOW = datetime(2026, 11, 25, 10, 0)


def role(text: str) -> str | None:
    return reporter_role(normalize(text).lower())


@pytest.mark.parametrize("text", [
    # Told by someone in the reporter's class or group, many words between.
    "A lad in my Year 9 tutor group told me that older boys keep calling him a gyppo",
    "One of the residents at our hostel texted me that a man at the bus stop spat at her",
    # An office-holder about their own institution, not speaking as "we".
    "I'm the treasurer of the gurdwara. Someone has painted 'go home' on our gurdwara gate",
])
def test_third_party(text):
    assert role(text) == "third_party"


@pytest.mark.parametrize("text", [
    # The reporter's own body commented on, a relative there too.
    "Walking my son to nursery, a builder stared at my chest and told my son his mum is fit",
    "Making kissing noises every time I pass with my sister, the men at the car wash",
    # The reporter's own aid: a loose "..., saw the dog" is not a witness.
    "I use a wheelchair. The bus I waited for stopped, saw the chair and drove on",
    "I'm deaf and the cashier mocked my signing, then refused to serve me",
    # Clergy and "we" speak as the congregation.
    "I'm the imam at the mosque; we found our windows smashed this morning",
])
def test_victim(text):
    assert role(text) == "victim"


def test_an_own_aid_still_allows_a_witness():
    text = "I have a guide dog myself, and I saw a man kick a blind woman's cane on the bus"
    assert role(text) == "witness"
