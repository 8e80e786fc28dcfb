"""Round 6, danger now: the kinds of miss read in held_out_5_tuned, each in fresh wording.

Every alarm here has look-alikes that must stay calm (past, habit, a fear then denied, a threat
only reported as said).
"""

from __future__ import annotations

import pytest

from bot.extraction import detect_danger

pytestmark = pytest.mark.usefixtures("rules_only")  # the rules' own answers (conftest.py)


@pytest.mark.parametrize("text", [
    # Someone else sheltering now, told by the person who reports for them.
    "My gran rang me, she has barricaded herself in the kitchen because the men are at her gate",
    "My brother's shut himself in the bedroom, they've smashed the front window",
    # A person who is still there.
    "The caretaker kicked my door and he is still there shouting",
    "that man is still around the corner by the bins",
    # Throwing things out of a home, said in the present.
    "He's chucking my clothes out of the window and calling me a gypsy",
    # Coming up the stairs, the person named with where they come from.
    "boys from the top floor running up the stairs with a bat",
    "some men from the pub coming down our stairwell now",
])
def test_new_present_dangers(text):
    assert detect_danger(text)


@pytest.mark.parametrize("text", [
    # Sheltering told as the past or a habit.
    "She locked herself in the loo for an hour last Friday after he called her a slag",
    "Staying in behind a locked door has become my life since they wrote on my wall",
    "These days I barricade myself in every night after work",
    # Still there, said of a thing.
    "The swastika is still there on the bus shelter",
    "The eggs they threw are still there on my door",
    # A threat only reported as said, told as the past.
    "He texted that he was coming round to deal with me. That was in October",
    # A fear, then denied a little later.
    "I keep imagining they're waiting outside. It's been like that since June. Nobody is there",
    # Coming up the stairs as the past.
    "Last week the lads from flat 9 came up the stairs and spat at my door",
])
def test_look_alikes_stay_calm(text):
    assert not detect_danger(text)


def test_a_reported_threat_with_now_still_alarms():
    assert detect_danger("he says he's coming over now to do me in")
