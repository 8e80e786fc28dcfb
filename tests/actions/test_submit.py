"""Submitting writes one real case (SQLite, and PostgreSQL when TEST_DATABASE_URL is set) and
tells the resident the reference, what happens next and when, and where to get support."""

from __future__ import annotations

import re

from sqlalchemy import select

from actions.submit import ActionSubmitReport
from bot.models import Case
from tests.actions.driver import ANSWERED, make_tracker, message, run

REFERENCE = re.compile(r"\bHF-[34679ACDEFGHJKMNPQRTUVWXY]{6,}\b")


def submit(slots: dict, channel: str = "web") -> tuple[list[dict], list[dict]]:
    slots = {"confirm_summary": "yes", "report_id": "r-1", **slots}
    tracker = make_tracker(slots, message("/affirm", channel=channel), active_loop=None)
    return run(ActionSubmitReport(), tracker)


def texts(messages: list[dict]) -> str:
    return " ".join(m.get("text") or "" for m in messages)


def test_submit_writes_the_case_with_the_right_fields(db_url, db) -> None:
    slots = {
        **ANSWERED,
        "narrative": "A man shouted racist abuse at me on King Street",
        "occurred_time": "18:00",
        "anonymous": False,
        "contact_method": "email",
        "contact_value": "sam@example.org",
        "safe_contact_time": "weekday evenings after 7",
        "ongoing": "unknown",
        "confirm_summary": "yes",
    }
    messages, events = submit(slots)
    reference = REFERENCE.search(texts(messages)).group(0)
    case = db.scalar(select(Case).where(Case.reference == reference))
    assert case is not None
    assert case.conversation_id == "w-test"
    assert case.channel == "web"
    assert case.reporter_role == "victim"
    assert case.narrative == "A man shouted racist abuse at me on King Street"
    assert case.strands == ["race"] and case.incident_types == ["verbal_abuse"]
    assert case.occurred_on.isoformat() == "2026-11-24" and case.occurred_time == "18:00"
    assert case.ongoing is None  # skipped, so not said
    assert case.location_text == "King Street" and case.location_online is False
    assert case.perpetrator == "unknown"
    assert case.anonymous is False
    assert (case.contact_method, case.contact_value) == ("email", "sam@example.org")
    assert case.safe_contact_time == "weekday evenings after 7"
    assert case.share_consent is True
    assert (case.consent_police, case.consent_support, case.consent_landlord) == (True, None,
                                                                                    None)
    assert case.submission_key and case.submission_key.startswith("w-test:")
    assert "by email within 3 working days" in texts(messages)
    assert "Stop Hate UK" in texts(messages) and "Crimestoppers" in texts(messages)
    assert "101" in texts(messages) and "report-it.org.uk" in texts(messages)
    # not ended yet: a rating of the service follows (skippable), by the coming-back form
    assert not any((m.get("custom") or {}).get("ended") for m in messages)
    assert {"event": "reset_slots", "timestamp": None} in events
    after = {e["name"]: e["value"] for e in events if e["event"] == "slot"}
    assert after == {"return_case": reference, "return_purpose": "feedback",
                     "feedback_stage": "report"}
    secret = re.search(r"Your secret code is (\d{6})", texts(messages)).group(1)
    from bot.returning.secret import matches

    assert matches(case.return_secret_hash, secret) and secret not in case.return_secret_hash


def test_support_for_you_and_other_ways_to_report_are_separate_and_never_repeat(db_url,
                                                                               db) -> None:
    messages, _ = submit({**ANSWERED, "strands": ["religion"], "faiths": ["muslim"]})
    text = texts(messages)
    support, other = text.split("Other ways to report:")
    assert "Support for you:" in support
    assert "Victim Support" in support and "Stop Hate UK" in support and "07717 989 025" in support
    assert "Tell MAMA" in support and "CST" not in text
    assert "Crimestoppers" in other and "True Vision" in other and "Stop Hate UK" not in other
    for name in ("Victim Support", "Stop Hate UK", "Crimestoppers", "Tell MAMA"):
        assert text.count(name) == 1, name


def test_the_same_report_sent_twice_makes_one_case(db_url, db) -> None:
    first, _ = submit(dict(ANSWERED))
    second, _ = submit(dict(ANSWERED))
    assert REFERENCE.search(texts(first)).group(0) == REFERENCE.search(texts(second)).group(0)
    assert len(db.scalars(select(Case)).all()) == 1


def test_high_risk_promises_one_working_day(db_url, db) -> None:
    slots = {**ANSWERED, "incident_types": ["physical_assault"], "injured": True}
    messages, _ = submit(slots)
    assert "within 1 working day." in texts(messages)
    assert db.scalar(select(Case)).risk_level == "high"


def test_anonymous_report_explains_no_updates(db_url, db) -> None:
    messages, _ = submit({**ANSWERED, "anonymous": True, "contact_method": "email"})
    assert "we can't update you, but you can come back to us with your reference" in texts(
        messages)
    case = db.scalar(select(Case))
    assert case.anonymous is True and case.contact_method is None


def test_witness_is_offered_bystander_advice(db_url, db) -> None:
    messages, _ = submit({**ANSWERED, "reporter_role": "witness"})
    payloads = [b["payload"] for m in messages for b in m.get("buttons") or []]
    assert "/faq_bystander" in payloads


def test_this_number_is_stored_for_the_gateway_to_fill(db_url, db) -> None:
    slots = {
        **ANSWERED,
        "anonymous": False,
        "contact_method": "sms",
        "contact_value": "this_number",
        "safe_contact_time": "any time",
    }
    submit(slots, channel="sms")
    case = db.scalar(select(Case))
    assert case.channel == "sms" and case.contact_value == "this_number"


def test_neighbour_housing_is_kept(db_url, db) -> None:
    slots = {
        **ANSWERED,
        "perpetrator": "neighbour",
        "housing": "housing_association",
        "housing_provider": "Peabody",
    }
    submit(slots)
    case = db.scalar(select(Case))
    assert (case.housing, case.housing_provider) == ("housing_association", "Peabody")


def test_a_database_failure_keeps_the_report_in_the_spool_and_says_so(monkeypatch,
                                                                      tmp_path) -> None:
    monkeypatch.setenv("DATABASE_URL", "sqlite:////nonexistent-dir/no/such.db")
    monkeypatch.setenv("SPOOL_DIR", str(tmp_path / "spool"))
    from bot.db import reset_caches

    reset_caches()
    try:
        messages, _events = submit(dict(ANSWERED))
    finally:
        monkeypatch.undo()
        reset_caches()
    said = texts(messages)
    assert "kept safely" in said and "couldn't save" not in said
    kept = REFERENCE.search(said)
    assert kept, said  # the resident is told the reference the case will have
    files = list((tmp_path / "spool").glob("*.report"))
    assert len(files) == 1 and kept.group(0) not in files[0].read_text()  # encrypted


def test_a_database_failure_with_no_spool_keeps_the_answers_and_says_sorry(monkeypatch,
                                                                           tmp_path) -> None:
    blocked = tmp_path / "not-a-folder"
    blocked.write_text("a file where the spool folder should be")
    monkeypatch.setenv("DATABASE_URL", "sqlite:////nonexistent-dir/no/such.db")
    monkeypatch.setenv("SPOOL_DIR", str(blocked))
    from bot.db import reset_caches

    reset_caches()
    try:
        messages, events = submit(dict(ANSWERED))
    finally:
        monkeypatch.undo()
        reset_caches()
    assert "couldn't save your report" in texts(messages)
    # nothing reset ("Try again" resubmits), and no rating asked of a report not yet in
    assert events == [{"event": "followup", "timestamp": None, "name": "action_listen"}]
    assert not REFERENCE.search(texts(messages))
