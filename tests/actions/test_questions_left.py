"""'N quick questions left' is honest and only goes down, even when branches open (a
neighbour's housing association, contact details)."""

from __future__ import annotations

import re

from bot.report_form.flow import questions_left
from tests.actions.driver import Conversation, at

LEFT = re.compile(r"(Up to )?(\d+) quick questions left")
ORDINARY_SKIP = {"reporter_role", "narrative", "confirm_understanding", "confirm_summary"}
# Every branch opens: neighbour -> housing association -> which one; contact by phone.
ANSWERS = {
    "strands": "race",
    "incident_types": "threats",
    "occurred_on": "yesterday",
    "location": "King Street",
    "perpetrator": '/choose{"choice": "neighbour"}',
    "housing": '/choose{"choice": "housing_association"}',
    "housing_provider": "Peabody",
    "ongoing": "/deny",
    "anonymous": "/deny",
    "contact_method": '/choose{"choice": "phone"}',
    "contact_value": "07700 900123",
    "safe_contact_time": "any time",
    "share_consent": "/affirm",
    "confirm_summary": "/affirm",
}


def test_branches_certain_from_the_answers_are_counted() -> None:
    base = at("anonymous")
    assert questions_left(base) == 2  # anonymous, sharing
    assert questions_left(base, branches_open=True) == 5  # + method, number, time
    chose = {**base, "anonymous": False, "contact_method": "phone"}
    assert questions_left(chose) == questions_left(chose, branches_open=True) == 3
    assert questions_left({**base, "anonymous": True}, branches_open=True) == 1


def test_undecided_injury_question_counts_only_as_possible() -> None:
    slots = at("incident_types")
    # possible: hurt, a neighbour's housing and housing association, contact method/number/time
    assert questions_left(slots, branches_open=True) - questions_left(slots) == 6
    # skipped: one question fewer, but the injury question is now certain
    skipped = {**slots, "incident_types": "unknown"}
    assert questions_left(skipped) == questions_left(slots)
    assert questions_left({**slots, "incident_types": ["threats"]}) == questions_left(slots) - 1


def test_the_number_said_never_goes_up_and_is_never_too_low() -> None:
    c = Conversation()
    c.start()
    c.say('/choose{"choice": "victim"}')
    c.say("something happened and I'm upset", "report_incident")
    c.say("/finished")
    said: list[tuple[int, bool, int]] = []  # (number, exact, index in c.asked)
    for _ in range(30):
        slot = c.slots.get("requested_slot")
        if not slot:
            break
        found = LEFT.search(c.text)
        if found:
            said.append((int(found.group(2)), not found.group(1), len(c.asked) - 1))
        c.say(ANSWERS[slot])
    assert c.slots["confirm_summary"] == "yes"
    assert {"housing", "housing_provider", "contact_value", "safe_contact_time"} <= set(c.asked)
    assert len(said) >= 3, said
    numbers = [n for n, _, _ in said]
    assert numbers == sorted(set(numbers), reverse=True), numbers  # strictly down
    for number, exact, index in said:
        still_asked = [s for s in c.asked[index:] if s not in ORDINARY_SKIP]
        assert len(still_asked) <= number, (number, still_asked)
        if exact:
            assert len(still_asked) == number, (number, still_asked)
        assert number > 2


def test_a_question_asked_again_does_not_repeat_the_count() -> None:
    c = Conversation(slots=at("strands"))
    c.say("race")
    assert c.expects["slot"] == "incident_types" and LEFT.search(c.text)
    c.say("banana")
    assert c.expects["slot"] == "incident_types" and not LEFT.search(c.text)


def test_no_count_during_a_correction_after_the_summary() -> None:
    c = Conversation(slots=at("confirm_summary"))
    c.say("/deny")
    assert c.slots["questions_said"] == 0
    c.say(c.button("Who did it"))
    assert c.expects["slot"] == "perpetrator"
    assert not LEFT.search(c.text)
