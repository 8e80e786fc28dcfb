"""Coming back through the real actions (validate_return_form, its questions, start and finish)
against a real database: the web asks for the reference and code, SMS knows the number; then
the diary, the status in plain words, and feedback."""

from __future__ import annotations

import asyncio
import json
from concurrent.futures import ThreadPoolExecutor
from typing import Any

from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher
from sqlalchemy import select

from actions.return_form import ActionFinishReturn, ActionStartReturn, ValidateReturnForm
from bot.cases import create_case
from bot.models import Case, CaseAction, DiaryEntry, Feedback, Officer
from bot.passwords import hash_password
from bot.report import Report
from bot.returning.secret import hash_code
from tests.actions.driver import DOMAIN, message

CODE = "482913"


def run(action, tracker: Tracker) -> tuple[list[dict], list[dict]]:  # noqa: ANN001
    dispatcher = CollectingDispatcher()
    with ThreadPoolExecutor(max_workers=1) as pool:
        events = pool.submit(asyncio.run, action.run(dispatcher, tracker, DOMAIN)).result()
    return dispatcher.messages, events


class Back:
    """The resident's side of coming back, as Rasa would drive the form."""

    def __init__(self, sender: str = "w-resident", channel: str = "web",
                 slots: dict[str, Any] | None = None) -> None:
        self.sender, self.channel = sender, channel
        self.slots: dict[str, Any] = dict(slots or {})
        self.last: list[dict] = []
        self.ended = False

    def _tracker(self, latest: dict) -> Tracker:
        events = [{"event": "action", "name": "action_listen"},
                  {"event": "user", "text": latest["text"], "parse_data": latest}]
        return Tracker(self.sender, dict(self.slots), latest, events, False, None,
                       {"name": "return_form"}, "action_listen")

    def _apply(self, events: list[dict]) -> None:
        for e in events:
            if e.get("event") == "slot":
                self.slots[e["name"]] = e["value"]

    def start(self, text: str, intent: str) -> list[dict]:
        _, events = run(ActionStartReturn(), self._tracker(message(text, intent, self.channel)))
        self._apply(events)
        return self.say("/start", "start_report")

    def say(self, text: str, intent: str = "inform") -> list[dict]:
        latest = message(text, intent, self.channel)
        messages, events = run(ValidateReturnForm(), self._tracker(latest))
        self._apply(events)
        slot = self.slots.get("requested_slot")
        if slot:
            from actions.return_form import AskReturnSlot

            ask = next(c for c in AskReturnSlot.__subclasses__() if c.slot_name == slot)
            asked, _ = run(ask(), self._tracker(latest))
            messages += asked
        else:
            done, events = run(ActionFinishReturn(), self._tracker(latest))
            self._apply(events)
            messages += done
            self.ended = any((m.get("custom") or {}).get("ended") for m in done)
        self.last = messages
        return messages

    @property
    def text(self) -> str:
        return " ".join(m.get("text") or "" for m in self.last)

    @property
    def asking(self) -> str | None:
        return self.slots.get("requested_slot")


def case_with_code(db, **fields):  # noqa: ANN001, ANN003, ANN201
    report = Report(narrative="My neighbour shouted racist abuse at me", strands=["race"],
                    incident_types=["verbal_abuse"], perpetrator="neighbour",
                    return_secret_hash=hash_code(CODE), **fields)
    case = create_case(db, report)
    db.commit()
    return case


def test_web_add_to_the_diary_after_the_reference_and_code(db_url, db) -> None:
    case = case_with_code(db)
    before = case.risk_reasons
    b = Back()
    b.start("I want to add to my report", "add_to_report")
    assert b.asking == "return_reference"
    b.say(f"it's {case.reference.lower()}")
    assert b.asking == "return_code"
    b.say("482 913")
    assert b.slots["return_case"] == case.reference and b.asking == "diary_narrative"
    b.say("He did it again yesterday, shouting the same names at me through the letterbox")
    assert b.asking == "diary_narrative"  # anything else?
    b.say("/finished", "finished")
    assert b.asking == "diary_confirm" and "yesterday" in b.text
    b.say("/affirm", "affirm")
    assert b.asking == "diary_location"  # the one thing the entry did not say
    b.say("skip", "skip")
    assert b.ended and "added it to your report" in b.text
    db.expire_all()
    (entry,) = db.scalars(select(DiaryEntry)).all()
    assert entry.occurred_on.isoformat() == "2026-11-24" and "letterbox" in entry.account
    case = db.get(Case, case.id)
    assert case.new_information_at is not None
    assert "repeat_or_ongoing" in case.risk_reasons and "repeat_or_ongoing" not in before


def test_a_wrong_reference_and_a_wrong_code_get_the_same_reply(db_url, db) -> None:
    case = case_with_code(db)
    replies = []
    for reference, code in ((case.reference, "111111"), ("HF-XXXXXX", CODE)):
        b = Back(sender=f"w-{code}")
        b.start("what's happening with my case", "case_status")
        b.say(reference)
        b.say(code)
        assert b.asking == "return_reference" and "return_case" not in b.slots
        replies.append(b.text)
    assert replies[0] == replies[1] and "couldn't find a report" in replies[0]
    assert case.reference not in replies[0]


def test_three_wrong_tries_end_kindly(db_url, db) -> None:
    case = case_with_code(db)
    b = Back()
    b.start("feedback", "give_feedback")
    for _ in range(3):
        b.say(case.reference)
        b.say("000000")
    assert b.ended and "Stop Hate UK" in b.text and b.slots.get("return_case") is None


def test_sms_knows_the_number_and_asks_which_case_when_there_are_several(db_url, db) -> None:
    sender = "s-abc123"
    one = case_with_code(db, conversation_id=sender, channel="sms")
    b = Back(sender=sender, channel="sms")
    b.start("what's happening with my case", "case_status")
    assert b.slots["return_case"] == one.reference  # the number stands in for the code
    two = case_with_code(db, conversation_id=sender, channel="sms")
    b = Back(sender=sender, channel="sms")
    b.start("what's happening with my case", "case_status")
    assert b.asking == "return_reference"
    titles = [btn["title"] for m in b.last for btn in m.get("buttons") or []]
    assert set(titles) == {one.reference, two.reference}
    b.say('/choose' + json.dumps({"choice": two.reference}), "choose")
    assert b.slots["return_case"] == two.reference
    assert b.asking == "return_purpose" or b.ended


def test_status_in_plain_words_with_the_officer_and_what_was_done(db_url, db) -> None:
    case = case_with_code(db)
    officer = Officer(username="priya", password_hash=hash_password("x" * 12), role="officer",
                      display_name="Priya Shah", phone="020 7946 0123", email="p@example.org")
    db.add(officer)
    db.flush()
    case = db.get(Case, case.id)
    case.assigned_officer_id, case.status = officer.id, "in_progress"
    db.add(CaseAction(case_id=case.id, officer_id=officer.id, kind="referral", action="police",
                      detail="INTERNAL crime ref 123"))
    db.commit()
    b = Back()
    b.start(case.reference, "come_back")
    b.say(case.reference)
    b.say(CODE)
    b.say('/choose{"choice": "status"}', "choose")
    assert b.ended
    assert "Priya Shah" in b.text and "020 7946 0123" in b.text
    assert "passed to the police" in b.text and "INTERNAL" not in b.text
    assert "complain" in b.text and "ASB Case Review" in b.text


def test_feedback_after_a_report_is_kept_and_skippable(db_url, db) -> None:
    case = case_with_code(db)
    b = Back(slots={"return_case": case.reference, "return_purpose": "feedback",
                    "feedback_stage": "report"})
    b.say("/start", "start_report")
    assert b.asking == "feedback_rating"
    b.say("4, it was quick")
    assert b.ended and "Thank you" in b.text
    skipped = Back(slots={"return_case": case.reference, "return_purpose": "feedback"})
    skipped.say("/start", "start_report")
    skipped.say("skip", "skip")
    assert skipped.ended
    rows = db.scalars(select(Feedback).order_by(Feedback.id)).all()
    assert [(f.rating, f.comment, f.stage) for f in rows] == [(4, "it was quick", "report")]


def test_an_unclear_answer_always_sets_something_and_a_skippable_one_is_left_at_the_second():
    from bot.return_form.flow import unclear

    first = unclear("feedback_rating", {})
    assert first == {"return_unclear": {"feedback_rating": 1}}  # never nothing: no rejection
    second = unclear("feedback_rating", {"return_unclear": first["return_unclear"]})
    assert second["feedback_rating"] == "unknown" and second["return_unclear"] == {}
    # A reference or a code is never skipped for the resident: it is only counted.
    third = unclear("return_code", {"return_unclear": {"return_code": 5}})
    assert third == {"return_unclear": {"return_code": 6}}
