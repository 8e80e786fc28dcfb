"""The kind fallback outside the form varies its words and always offers buttons and a person."""

from __future__ import annotations

from actions.kind_fallback import ActionFallback, fallbacks_in_a_row
from tests.actions.driver import make_tracker, message, run


def turn(events: list[dict], text: str) -> list[dict]:
    """One more resident message, answered by the fallback (as Rasa records it)."""
    return [
        *events,
        {"event": "user", "text": text, "parse_data": message(text, "nlu_fallback")},
        {"event": "action", "name": "action_fallback"},
        {"event": "bot", "text": "..."},
        {"event": "action", "name": "action_listen"},
    ]


def fallback_text(history: list[dict], text: str) -> dict:
    tracker = make_tracker({}, message(text, "nlu_fallback"), active_loop=None)
    tracker.events = [*history, *tracker.events]
    messages, events = run(ActionFallback(), tracker)
    # Then it listens: as Rasa's core fallback inside a form it would else be predicted again.
    assert [(e["event"], e["name"]) for e in events] == [("followup", "action_listen")]
    return messages[0]


def test_three_fallbacks_in_a_row_never_repeat_and_offer_a_person() -> None:
    history: list[dict] = [{"event": "action", "name": "utter_greet"}]
    seen = []
    for text in ("purple", "monkey", "dishwasher"):
        reply = fallback_text(history, text)
        assert [b["payload"] for b in reply["buttons"]][0] == "/start_report"
        seen.append(reply["text"])
        history = turn(history, text)
    assert len(set(seen)) == 3
    assert "Stop Hate UK" in seen[0] and "Stop Hate UK" in seen[2]
    assert "my fault" in seen[0]


def test_the_count_restarts_after_anything_else() -> None:
    history = turn(turn([], "a"), "b")
    assert fallbacks_in_a_row(history) == 2
    history += [{"event": "action", "name": "utter_faq_anonymous"}]
    assert fallbacks_in_a_row(history) == 0
    assert "my fault" in fallback_text(history, "c")["text"]


def test_inside_a_form_the_fallback_clears_the_rejection_and_asks_again() -> None:
    """Rasa's core fallback after a rejected form: without a fresh ActiveLoop the form is never
    predicted again and every later message meets the fallback (a dead end)."""
    tracker = make_tracker({"requested_slot": "location"}, message("hmm", "affirm"),
                           active_loop="report_form")
    messages, events = run(ActionFallback(), tracker)
    assert [(e["event"], e["name"]) for e in events] == [("active_loop", "report_form"),
                                                       ("followup", "report_form")]
    assert messages[0]["text"] == "Sorry, I didn't quite get that."
    assert not messages[0].get("buttons")  # the form's own question follows, with its buttons
