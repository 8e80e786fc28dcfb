"""The words read back to the resident: short, in their terms, built from slot values only."""

from __future__ import annotations

from datetime import UTC, datetime

from bot.report_form.flow import to_report
from bot.report_form.questions import question
from bot.report_form.readback import read_back, summary, time_phrase, when_phrase, where_phrase
from tests.actions.driver import ANSWERED, at

NOW = datetime(2026, 11, 25, 10, tzinfo=UTC)  # a Wednesday


def test_read_back_of_the_example_account() -> None:
    slots = {
        "reporter_role": "victim",
        "strands": ["race"],
        "incident_types": ["verbal_abuse"],
        "occurred_on": "2026-11-24",
        "occurred_time": "18:00",
        "perpetrator": "unknown",
        "location": {"text": "Uxbridge Road", "ward": None, "online": False},
    }
    assert read_back(slots, NOW) == (
        "Thank you. Here's what I have: yesterday around 6pm on Uxbridge Road; someone you "
        "didn't know shouted racist abuse at you. Is that right?"
    )


def test_read_back_for_a_witness_and_online() -> None:
    slots = {
        "reporter_role": "witness",
        "strands": ["transgender"],
        "incident_types": ["harassment"],
        "location": {"text": None, "ward": None, "online": True},
        "ongoing": True,
    }
    text = read_back(slots, NOW)
    assert "online; someone harassed someone, and it felt transphobic." in text
    assert "It has happened before." in text


def test_nothing_understood_means_no_read_back() -> None:
    assert read_back({"reporter_role": "victim"}, NOW) is None


def test_when_and_where_phrases() -> None:
    assert when_phrase("2026-11-25", None, NOW) == "today"
    assert when_phrase("2026-11-23", "09:30", NOW) == "on Monday around 9:30am"
    assert when_phrase("2026-03-03", None, NOW) == "on 3 March"
    assert when_phrase("2025-12-01", None, NOW) == "on 1 December 2025"
    assert when_phrase("unknown", None, NOW) is None
    assert time_phrase("00:15") == "12:15am"
    assert where_phrase({"text": "King Street"}) == "on King Street"
    assert where_phrase({"text": "Shepherd's Bush station"}) == "at Shepherd's Bush station"
    assert where_phrase({"text": "outside the mosque"}) == "outside the mosque"
    assert where_phrase({"text": "the 94 bus"}) == "on the 94 bus"


def test_summary_lists_every_answer_and_says_not_said_for_skips() -> None:
    slots = {
        **ANSWERED,
        "strands": "unknown",
        "anonymous": False,
        "contact_method": "sms",
        "contact_value": "this_number",
        "safe_contact_time": "after 5",
    }
    text = summary(slots, NOW)
    assert "- Hostility: not said" in text
    assert "- Contact: text message (this number), after 5" in text
    assert "- Where: on King Street" in text
    assert text.endswith("Is this right? If so, I'll send it to the council now.")


def test_placeholders_become_not_said_in_the_report() -> None:
    slots = {
        **ANSWERED,
        "strands": "unknown",
        "perpetrator": "not_said",
        "ongoing": "unknown",
        "occurred_on": "unknown",
        "anonymous": "unknown",
        "contact_method": "email",
    }
    report = to_report(slots, "whatsapp", "wa-x")
    assert report.strands == [] and report.perpetrator is None and report.ongoing is None
    assert report.occurred_on is None
    assert report.anonymous is True and report.contact_method is None  # unsure: stay anonymous
    assert report.channel == "whatsapp" and report.conversation_id == "wa-x"


def test_witness_and_third_party_wording() -> None:
    q = question("perpetrator", at("perpetrator", reporter_role="witness"), "web", NOW)
    assert ("Someone known to them", '/choose{"choice": "known"}') in q.buttons
    q = question("share_consent", at("share_consent", reporter_role="third_party"), "web", NOW)
    assert "support the person" in q.text


def test_sms_sized_questions() -> None:
    """Ordinary questions fit two SMS segments at most, so they read well on a phone."""
    for slot in (
        "strands",
        "occurred_on",
        "location",
        "perpetrator",
        "injured",
        "ongoing",
        "anonymous",
        "contact_method",
        "safe_contact_time",
        "share_consent",
    ):
        assert len(question(slot, at(slot), "sms", NOW).text) <= 160, slot


def test_fallback_words_fit_one_sms() -> None:
    """What is said when an answer was not understood stays short (one SMS each)."""
    from bot.report_form.questions import SUMMARY_RETRIES
    from bot.report_form.unclear import GIVE_UP_TEXT, NO_CONTACT_SKIPPED, NO_CONTACT_UNCLEAR

    for text in (*SUMMARY_RETRIES, NO_CONTACT_SKIPPED, NO_CONTACT_UNCLEAR, GIVE_UP_TEXT):
        assert len(text) <= 160, text
    last_try = question(
        "contact_method", at("contact_method", attempts={"contact_method": 2}), "sms", NOW
    )
    assert len(last_try.text) <= 160 and "Don't contact me" in str(last_try.buttons)
