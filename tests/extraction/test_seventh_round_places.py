"""Round 7, places (continued from ``test_seventh_round.py``, split to keep files short): a
lower-case road after "of", and the reporter's own place of worship said with no preposition.
Fresh wording, never copied from a labelled narrative.
"""

from __future__ import annotations

from datetime import datetime

import pytest

from bot.extraction import extract

pytestmark = pytest.mark.usefixtures("rules_only")  # the rules' own answers (conftest.py)

NOW = datetime(2026, 11, 25, 10, 0)


def place(text: str) -> str | None:
    return extract(text, NOW)["location"]["text"]


@pytest.mark.parametrize(("text", "expected"), [
    ("they were waiting at the top of cathnor road and called me a paki", "Cathnor Road"),
    ("our gurdwara gates were kicked in last night", "our gurdwara"),
    ("my synagogue had 'Free Palestine, kill Jews' sprayed across it", "my synagogue"),
])
def test_place(text, expected):
    assert place(text) == expected


def test_a_place_of_worship_in_what_was_said_does_not_win():
    text = ("He lives at number 4 on Dalling Road and shouted that the mosque should be bombed, "
            "outside my flat on Dalling Road")
    assert "Dalling Road" in (place(text) or "")
