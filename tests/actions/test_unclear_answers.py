"""Kind fallbacks where a wrong guess would hurt: the final check is never taken as a yes, and
contact details that never come make the report honestly anonymous."""

from __future__ import annotations

from datetime import UTC, datetime

from sqlalchemy import select

from actions.report_form import ValidateReportForm
from actions.submit import ActionSubmitReport
from bot.models import Case
from bot.report_form.to_report import to_report
from tests.actions.driver import ANSWERED, Conversation, at, make_tracker, message, run

NOW = datetime(2026, 11, 25, 10, tzinfo=UTC)
UNCLEAR = ("hmm", "banana", "well", "purple", "erm")


def titles(c: Conversation) -> list[str]:
    return [b["title"] for m in c.last for b in m.get("buttons") or []]


def test_unclear_answers_at_the_summary_never_send_the_report() -> None:
    c = Conversation(slots=at("confirm_summary"))
    answered = {k: v for k, v in c.slots.items() if k in ANSWERED}
    texts = []
    for unclear in UNCLEAR:
        c.say(unclear)
        assert c.slots.get("confirm_summary") is None, unclear
        assert c.slots["requested_slot"] == "confirm_summary"
        assert c.expects == {"slot": "confirm_summary", "kind": "yes_no"}
        assert titles(c) == ["Yes, send it", "Change something", "Stop, don't send"]
        assert c.button("Stop") == "/stop"
        texts.append(c.text)
    assert "Stop Hate UK" in texts[2] and "nothing is lost" in texts[2]
    # never the same words twice in a row, nor three times among the first three
    assert len(set(texts[:3])) == 3
    assert all(a != b for a, b in zip(texts, texts[1:], strict=False))
    assert {k: c.slots[k] for k in answered} == answered  # nothing lost
    c.say(c.button("Yes, send it"))
    assert c.slots["confirm_summary"] == "yes"
    assert c.slots["requested_slot"] is None


def test_change_something_after_an_unclear_answer_starts_afresh() -> None:
    c = Conversation(slots=at("confirm_summary"))
    c.say("hmm")
    c.say(c.button("Change something"))
    assert "What should I change" in c.text
    assert "confirm_summary" not in (c.slots.get("attempts") or {})
    c.say(c.button("When"))
    c.say("last Friday")
    assert c.slots["occurred_on"] == "2026-11-20"
    assert "Here's your report" in c.text  # the whole summary again, not a retry line


def test_stop_at_the_summary_is_left_to_the_stop_rule() -> None:
    slots = {**at("confirm_summary"), "attempts": {"confirm_summary": 2}}
    tracker = make_tracker(slots, message("/stop"))
    messages, events = run(ValidateReportForm(), tracker)
    assert events == [] and messages == []  # rejected: Rasa's rule runs action_stop


def test_a_hedged_yes_at_the_summary_is_a_correction_not_a_send() -> None:
    c = Conversation(slots=at("confirm_summary", occurred_on="2026-11-20"))
    c.say("yes but it was on Tuesday", "affirm")
    assert c.slots.get("confirm_summary") is None
    assert c.slots["occurred_on"] == "2026-11-24"
    assert c.expects["slot"] == "confirm_summary"
    c.say("yes but something is off", "affirm")
    assert c.slots.get("confirm_summary") is None
    assert "What should I change" in c.text


def test_submit_refuses_a_report_without_a_yes(db_url, db) -> None:
    tracker = make_tracker(dict(ANSWERED), message("/submit_report"), active_loop=None)
    messages, events = run(ActionSubmitReport(), tracker)
    assert events == []
    assert "haven't sent anything" in messages[0]["text"]
    assert messages[0]["buttons"] == [{"title": "Check my report", "payload": "/start_report"}]
    assert db.scalar(select(Case)) is None


def test_unclear_contact_method_asks_with_buttons_then_stays_anonymous() -> None:
    c = Conversation(slots=at("anonymous"))
    c.say("/deny")
    assert c.slots["anonymous"] is False and c.expects["slot"] == "contact_method"
    first = c.text
    c.say("banana")
    assert c.expects["slot"] == "contact_method" and "Sorry" in c.text
    second = c.text
    c.say("purple")
    assert c.expects == {"slot": "contact_method", "kind": "choice"}
    assert "Don't contact me" in titles(c)
    assert len({first, second, c.text}) == 3  # rephrased each time
    c.say("erm")
    assert c.slots["anonymous"] is True
    assert c.slots["contact_method"] is None
    assert "anonymous" in c.text and "won't contact you" in c.text
    assert c.expects["slot"] == "consent_police"
    report = to_report(c.slots)
    assert report.anonymous is True and report.contact_method is None


def test_dont_contact_me_on_the_last_try_is_recorded_as_said() -> None:
    c = Conversation(slots=at("contact_method", anonymous=False))
    c.say("banana")
    c.say("purple")
    c.say(c.button("Don't contact me"))
    assert c.slots["anonymous"] is False and c.slots["contact_method"] == "none"
    assert "contact_method" not in c.slots["attempts"]
    assert c.expects["slot"] == "access_needs"


def test_skipping_contact_details_makes_the_report_anonymous_and_says_so() -> None:
    c = Conversation(slots=at("contact_value", anonymous=False, contact_method="phone"))
    c.say("skip", "skip")
    assert c.slots["anonymous"] is True and c.slots["contact_method"] is None
    assert "anonymous" in c.text
    assert c.expects["slot"] == "consent_police"


def test_two_bad_numbers_make_the_report_anonymous() -> None:
    c = Conversation(slots=at("contact_value", anonymous=False, contact_method="phone"))
    c.say("12345")
    assert c.slots.get("anonymous") is False and "UK mobile or landline" in c.text
    c.say("0123")
    assert c.slots["anonymous"] is True and c.slots["contact_value"] is None
    assert "won't contact you" in c.text


def test_next_steps_never_promise_contact_without_details(db_url, db) -> None:
    slots = {**ANSWERED, "anonymous": False, "contact_method": "phone", "confirm_summary": "yes"}
    tracker = make_tracker(slots, message("/affirm"), active_loop=None)
    messages, _ = run(ActionSubmitReport(), tracker)
    text = " ".join(m.get("text") or "" for m in messages)
    assert "will contact you by phone" not in text
    assert "come back with your reference" in text


def test_an_unclear_read_back_moves_on_and_promises_the_summary() -> None:
    c = Conversation(slots=at("confirm_understanding"))
    c.say("banana")
    assert c.expects["slot"] == "confirm_understanding" and "Sorry" in c.text
    c.say("purple")
    assert c.slots["confirm_understanding"] == "unknown"
    assert "before anything is sent" in c.text
    assert c.expects["slot"] != "confirm_understanding"


def test_asking_to_report_as_the_account_re_asks_it_and_is_never_rejected() -> None:
    """'I want to report a hate crime' typed where the account goes: Rasa must not reject the
    form (no rule follows a rejected form: every later message met the kind fallback)."""
    c = Conversation()
    c.start()
    c.say("/choose" + '{"choice": "victim"}')
    assert c.slots["requested_slot"] == "narrative"
    before = dict(c.slots)
    c.say("I want to report a hate crime", "start_report")
    assert c.slots["requested_slot"] == "narrative"  # the same question, asked again
    assert c.expects == {"slot": "narrative", "kind": "text"}
    assert c.slots.get("narrative") == before.get("narrative")  # not taken as the account
    c.say("A man on the 220 bus called me a paki and spat at me yesterday")
    assert "220 bus" in str(c.slots.get("narrative_parts") or c.slots.get("narrative"))
