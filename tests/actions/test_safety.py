"""Danger now and stop, inside and outside the form: 999 first, then the report pauses with
three choices (no question in that turn); stop asks before throwing an account away; questions
mid-form leave the form to the rules (and never eat the resident's account)."""

from __future__ import annotations

from actions.ask import ASK_ACTIONS
from actions.report_form import ValidateReportForm
from actions.safety import ActionDanger, ActionDeleteReport, ActionStop
from tests.actions.driver import Conversation, at, make_tracker, message, run

DANGER = "he's outside my door with a knife"


def danger_message(channel: str = "web") -> dict:
    return message('/danger_now{"said": "' + DANGER + '"}', channel=channel)


def slot_events(events: list[dict]) -> dict:
    return {e["name"]: e["value"] for e in events if e["event"] == "slot"}


def test_danger_gives_call_999_now_first_then_three_choices_and_pauses() -> None:
    messages, events = run(ActionDanger(), make_tracker({}, danger_message(), active_loop=None))
    first = messages[0]["text"]
    assert first.startswith("Call 999 now.")  # unconditional: they have just said they are
    assert "If you are in danger" not in first
    assert "55" in first and "Silent Solution" in first
    assert "Relay UK" in first and "18000" in first and "emergencySMS" in first
    assert "999 BSL" in first
    assert messages[0]["custom"] == {"alert": True}
    assert [b["payload"] for b in messages[1]["buttons"]] == ["/carry_on", "/send_now", "/stop"]
    assert not any("expects" in (m.get("custom") or {}) for m in messages)  # no question
    slots = slot_events(events)
    assert slots["danger_now"] is True and slots["paused"] == "danger" and slots["report_id"]
    assert {"event": "active_loop", "name": None, "timestamp": None} in events
    assert slots["narrative_parts"] == [DANGER]  # the start of the account if nothing else


def test_danger_choices_on_sms_never_say_stop() -> None:
    messages, _ = run(ActionDanger(), make_tracker({}, danger_message("sms"), active_loop=None))
    titles = [b["title"] for m in messages for b in m.get("buttons") or []]
    assert titles[-1] == "Exit"
    assert not any("stop" in t.lower() for t in titles)


def test_danger_while_telling_the_account_keeps_it() -> None:
    slots = {
        "reporter_role": "victim",
        "requested_slot": "narrative",
        "narrative_parts": ["They have been shouting at me for weeks."],
    }
    messages, events = run(ActionDanger(), make_tracker(slots, danger_message()))
    assert messages[0]["text"].startswith("Call 999 now.")
    assert slot_events(events)["narrative_parts"][-1] == DANGER
    assert "kept everything" in messages[1]["text"]


def test_danger_at_another_question_is_kept_beside_the_account() -> None:
    slots = at("location", narrative="A man shouted at me")
    _, events = run(ActionDanger(), make_tracker(slots, danger_message()))
    found = slot_events(events)
    assert found["danger_said"] == [DANGER] and "narrative_parts" not in found


def test_carry_on_resumes_the_form_at_the_same_question_without_reading_it_as_an_answer() -> None:
    slots = {**at("location"), "paused": "danger"}
    latest = message("/carry_on")
    messages, events = run(ValidateReportForm(), make_tracker(slots, latest))
    found = slot_events(events)
    assert found["requested_slot"] == "location" and found["paused"] is None
    assert "location" not in found


def test_the_form_rejects_danger_stop_and_questions_so_rules_answer() -> None:
    for text, intent in (
        (DANGER, "danger_now"),
        ("stop", "stop"),
        ("can I stay anonymous?", "faq_anonymous"),
    ):
        tracker = make_tracker(at("location", report_id="r1"), message(text, intent))
        messages, events = run(ValidateReportForm(), tracker)
        assert events == [] and messages == [], intent


def test_a_long_account_mistaken_for_a_question_is_still_the_account() -> None:
    c = Conversation(slots=at("narrative"))
    text = "my neighbour keeps calling me names and i want to know if this is a hate crime"
    c.say(text, "faq_hate_crime")
    assert c.slots["narrative_parts"] == [text]


def test_stop_with_nothing_told_ends_cleanly() -> None:
    for loop in ("report_form", None):
        messages, events = run(
            ActionStop(), make_tracker({"requested_slot": "reporter_role"}, message("/stop"),
                                       active_loop=loop)
        )
        assert [e["event"] for e in events] == ["active_loop", "reset_slots"]
        assert messages[-1]["custom"] == {"ended": True}
        assert "Nothing was sent" in messages[0]["text"]


def test_stop_after_an_account_asks_send_delete_or_carry_on() -> None:
    slots = at("consent_police")
    messages, events = run(ActionStop(), make_tracker(slots, message("/stop")))
    assert [b["payload"] for b in messages[0]["buttons"]] == [
        "/send_now", "/delete_report", "/carry_on"]
    assert not any((m.get("custom") or {}).get("ended") for m in messages)
    assert slot_events(events)["paused"] == "stop"
    assert "reset_slots" not in [e["event"] for e in events]  # nothing thrown away yet


def test_a_second_stop_after_the_question_deletes() -> None:
    slots = {**at("consent_police"), "paused": "stop"}
    messages, events = run(ActionStop(), make_tracker(slots, message("/stop"), active_loop=None))
    assert "deleted" in messages[0]["text"] and messages[-1]["custom"] == {"ended": True}
    assert "reset_slots" in [e["event"] for e in events]


def test_delete_forgets_everything_and_ends() -> None:
    slots = {**at("consent_police"), "paused": "stop"}
    messages, events = run(ActionDeleteReport(), make_tracker(slots, message("/delete_report"),
                                                              active_loop=None))
    assert "deleted" in messages[0]["text"] and "Nothing was sent" in messages[0]["text"]
    assert [e["event"] for e in events] == ["active_loop", "reset_slots"]


def test_every_question_says_what_it_expects_on_every_channel() -> None:
    for channel in ("web", "sms", "whatsapp"):
        for slot, action in ASK_ACTIONS.items():
            latest = message("x", channel=channel)
            messages, _ = run(action(), make_tracker(at(slot, reporter_role="third_party"),
                                                     latest))
            expects = messages[0]["custom"]["expects"]
            assert expects["slot"] == ("housing" if slot == "housing_provider" else slot)
            assert expects["kind"] in ("text", "date", "location", "choice", "yes_no", "none")
            assert messages[0]["text"]


def test_an_answer_that_sounds_like_a_faq_is_still_an_answer() -> None:
    c = Conversation(slots=at("location"))
    c.say("at the police station", "faq_police")
    assert c.slots["location"]["text"]
    assert c.expects["slot"] != "location"
