"""Danger now and stop, inside and outside the form; questions mid-form leave the form to the
rules (and never eat the resident's account)."""

from __future__ import annotations

from actions.ask import ASK_ACTIONS
from actions.report_form import ValidateReportForm
from actions.safety import ActionDanger, ActionStop
from tests.actions.driver import Conversation, at, make_tracker, message, run

DANGER = "he's outside my door with a knife"


def danger_message() -> dict:
    return message('/danger_now{"said": "' + DANGER + '"}')


def test_danger_outside_the_form_gives_999_first_then_offers_to_report() -> None:
    messages, events = run(ActionDanger(), make_tracker({}, danger_message(), active_loop=None))
    assert "999" in messages[0]["text"] and "18000" in messages[0]["text"]
    assert [b["payload"] for b in messages[1]["buttons"]] == ["/start_report", "/stop"]
    assert {"event": "slot", "name": "danger_now", "value": True, "timestamp": None} in events


def test_danger_while_telling_the_account_keeps_it_and_the_form_goes_on() -> None:
    slots = {
        "reporter_role": "victim",
        "requested_slot": "narrative",
        "narrative_parts": ["They have been shouting at me for weeks."],
    }
    latest = danger_message()
    messages, events = run(ActionDanger(), make_tracker(slots, latest))
    assert "999" in messages[0]["text"]
    c = Conversation(slots=dict(slots))
    c.apply(events)
    assert c.slots["narrative_parts"][-1] == DANGER
    assert c.slots["danger_now"] is True
    # The form resumes after the safety message: the same message is not read as an answer.
    after = [{"event": "action", "name": "action_danger"}, {"event": "bot", "text": "..."}]
    messages, events = run(ValidateReportForm(), make_tracker(c.slots, latest, after))
    assert events == [
        {"event": "slot", "name": "requested_slot", "value": "narrative", "timestamp": None}
    ]
    asked, _ = run(ASK_ACTIONS["narrative"](), make_tracker(c.slots, latest))
    assert asked[0]["custom"]["expects"]["slot"] == "narrative"


def test_danger_in_another_question_does_not_touch_the_account() -> None:
    slots = at("location")
    _, events = run(ActionDanger(), make_tracker(slots, danger_message()))
    assert [e["name"] for e in events] == ["danger_now"]


def test_the_form_rejects_danger_stop_and_questions_so_rules_answer() -> None:
    for text, intent in (
        (DANGER, "danger_now"),
        ("stop", "stop"),
        ("can I stay anonymous?", "faq_anonymous"),
    ):
        tracker = make_tracker(at("location"), message(text, intent))
        messages, events = run(ValidateReportForm(), tracker)
        assert events == [] and messages == [], intent


def test_a_long_account_mistaken_for_a_question_is_still_the_account() -> None:
    c = Conversation(slots=at("narrative"))
    text = "my neighbour keeps calling me names and i want to know if this is a hate crime"
    c.say(text, "faq_hate_crime")
    assert c.slots["narrative_parts"] == [text]


def test_stop_ends_cleanly_anywhere() -> None:
    for loop in ("report_form", None):
        messages, events = run(
            ActionStop(), make_tracker(at("share_consent"), message("/stop"), active_loop=loop)
        )
        kinds = [e["event"] for e in events]
        assert kinds == ["active_loop", "reset_slots"]
        assert events[0]["name"] is None
        assert messages[-1]["custom"] == {"ended": True}
        assert "stopped" in messages[0]["text"]


def test_every_question_says_what_it_expects() -> None:
    for slot, action in ASK_ACTIONS.items():
        messages, _ = run(action(), make_tracker(at(slot), message("x")))
        expects = messages[0]["custom"]["expects"]
        assert expects["slot"] == ("housing" if slot == "housing_provider" else slot)
        assert expects["kind"] in ("text", "date", "location", "choice", "yes_no", "none")
        assert messages[0]["text"]


def test_an_answer_that_sounds_like_a_faq_is_still_an_answer() -> None:
    c = Conversation(slots=at("location"))
    c.say("at the police station", "faq_police")
    assert c.slots["location"]["text"]
    assert c.expects["slot"] != "location"
