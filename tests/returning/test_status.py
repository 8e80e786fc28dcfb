"""The resident's status reply and perpetrator enforcement: once enforcement is recorded against
a perpetrator linked to their case, the reply says in plain words that the council has taken
action against the person responsible, and never what was done or against whom."""

from __future__ import annotations

from datetime import date

from bot import perpetrators
from bot.models import Case, Officer
from bot.returning.status import status_text
from bot.settings import get_settings
from bot.wording import say
from tests.officer.conftest import make_case, make_officer  # noqa: F401 - fixtures

ACTION = say("returning.status.done_action", "web")
NAME, ADDRESS = "Dennis Quarrington", "Flat 9, 14 Fulham Court"


def reply(s, case: Case, channel: str = "web") -> str:  # noqa: ANN001
    return status_text(s, s.get(Case, case.id), get_settings(), channel)


def linked_record(s, officer: Officer, *cases: Case):  # noqa: ANN001, ANN201
    officer = s.get(Officer, officer.id)
    record = perpetrators.create_record(s, officer, perpetrators.RecordInput(
        name=NAME, address=ADDRESS, tenancy="council_tenant", notes="served at the door"))
    for case in cases:
        perpetrators.link_case(s, s.get(Case, case.id), record, officer, "same flat")
    s.commit()
    return record


def test_the_words_say_action_was_taken_and_nothing_more():
    assert ACTION == "The council has taken action against the person responsible."
    assert say("returning.status.done_action", "sms") == ACTION


def test_enforcement_against_a_linked_perpetrator_is_told_to_the_resident(
        session_factory, make_case, make_officer):  # noqa: F811
    officer = make_officer("officer")
    mine, other = make_case(assigned=officer), make_case(assigned=officer)
    with session_factory() as s:
        record = linked_record(s, officer, mine, other)
        assert ACTION not in reply(s, mine)  # linked, but nothing done yet
        perpetrators.record_enforcement(s, record, s.get(Officer, officer.id),
                                        "community_protection_warning", date(2026, 11, 30),
                                        "served at the flat", "warned about the stairs")
        s.commit()
        for case in (mine, other):
            for channel in ("web", "sms"):
                words = reply(s, case, channel)
                assert words.count(ACTION) == 1, words
                for secret in (NAME, "Quarrington", "Fulham Court", "community protection",
                               "warning", "served", "stairs", "tenant"):
                    assert secret.lower() not in words.lower(), secret


def test_no_action_is_claimed_without_a_link_or_after_unlinking(
        session_factory, make_case, make_officer):  # noqa: F811
    officer = make_officer("officer")
    linked, unrelated = make_case(assigned=officer), make_case(assigned=officer)
    with session_factory() as s:
        record = linked_record(s, officer, linked)
        perpetrators.record_enforcement(s, record, s.get(Officer, officer.id), "police_referral",
                                        date(2026, 11, 30), None, None)
        s.commit()
        assert ACTION in reply(s, linked)
        assert ACTION not in reply(s, unrelated)
        perpetrators.unlink_case(s, s.get(Case, linked.id), record, s.get(Officer, officer.id),
                                 "a different flat after all")
        s.commit()
        assert ACTION not in reply(s, linked)
