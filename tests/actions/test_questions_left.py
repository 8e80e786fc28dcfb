"""'N quick questions left' is honest, small (never more than six is announced) and only goes
down, even when branches open (a neighbour's housing association, contact details)."""

from __future__ import annotations

import re

from bot.report_form.flow import questions_left
from bot.report_form.questions import MOST_ANNOUNCED
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
    "wishes": "I want it to stop",
    "feels_safe": "/affirm",
    "anonymous": "/deny",
    "contact_method": '/choose{"choice": "phone"}',
    "contact_value": "07700 900123",
    "contact_name": "Sam",
    "safe_contact_time": "after 6pm, no voicemail",
    "access_needs": "I need an interpreter",
    "access_language": "Polish",
    "consent_police": "/affirm",
    "consent_support": "/deny",
    "consent_landlord": "/affirm",
    "confirm_summary": "/affirm",
}


def test_branches_certain_from_the_answers_are_counted() -> None:
    base = at("anonymous")
    assert questions_left(base) == 2  # anonymous, police
    # + method, number, a name to ask for, safe time, access needs, language, support
    assert questions_left(base, branches_open=True) == 9
    chose = {**base, "anonymous": False, "contact_method": "phone"}
    assert questions_left(chose) == 6  # number, name, time, access, police, support
    assert questions_left(chose, branches_open=True) == 7  # + the interpreter's language
    assert questions_left({**base, "anonymous": True}, branches_open=True) == 1


def test_undecided_injury_question_counts_only_as_possible() -> None:
    slots = at("incident_types")
    # possible: hurt, a neighbour's housing, which association, the landlord, safe at home, and
    # contact (method, number, name, time, access, language, support)
    assert questions_left(slots, branches_open=True) - questions_left(slots) == 12
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
    assert {"housing", "housing_provider", "contact_value", "safe_contact_time",
            "access_language", "consent_landlord"} <= set(c.asked)
    assert len(said) >= 2, said
    assert said[0][0] <= MOST_ANNOUNCED  # the opening count is small
    numbers = [n for n, _, _ in said]
    assert numbers == sorted(set(numbers), reverse=True), numbers  # strictly down
    for number, exact, index in said:
        still_asked = [s for s in c.asked[index:] if s not in ORDINARY_SKIP]
        assert len(still_asked) <= number, (number, still_asked)
        if exact:
            assert len(still_asked) == number, (number, still_asked)
        assert number > 2


def test_a_question_asked_again_does_not_repeat_the_count() -> None:
    c = Conversation(slots=at("contact_method", anonymous=False))
    c.say('/choose{"choice": "email"}')
    assert c.expects["slot"] == "contact_value" and LEFT.search(c.text)
    c.say("banana")
    assert c.expects["slot"] == "contact_value" and not LEFT.search(c.text)


def test_a_big_number_is_never_announced() -> None:
    c = Conversation(slots=at("strands"))
    c.say("race")
    assert c.expects["slot"] == "incident_types" and not LEFT.search(c.text)


def test_no_count_during_a_correction_after_the_summary() -> None:
    c = Conversation(slots=at("confirm_summary"))
    c.say("/deny")
    assert c.slots["questions_said"] == 0
    c.say(c.button("Who did it"))
    assert c.expects["slot"] == "perpetrator"
    assert not LEFT.search(c.text)
