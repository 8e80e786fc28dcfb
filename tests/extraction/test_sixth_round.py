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
