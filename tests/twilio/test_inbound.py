"""The SMS/WhatsApp journey through /twilio/messages against a scripted Rasa on a real port."""

from __future__ import annotations

import re

from fastapi.testclient import TestClient
from sqlalchemy import select, text
from sqlalchemy.orm import Session

from bot.crypto import pseudonym
from bot.messaging.gsm7 import is_gsm7
from bot.models import Case, ChatSession
from tests.twilio.conftest import NUMBER, Journey, say
from tests.twilio.servers import FakeRasa

REF = re.compile(r"HF-[A-Z0-9]{6,}")


def _report(client: TestClient, channel: str, consent_choice: str) -> str:
    assert "Reply 1 for Report, 2 for Just looking." in say(client, "hi", channel=channel)[0]
    assert "what happened" in say(client, "1", channel=channel)[0]
    reply = say(client, "A man on the 94 bus shouted racist abuse at me.", channel=channel)[0]
    assert "Reply 1 for Yes, on this number, 2 for No, stay anonymous." in reply
    final = say(client, consent_choice, channel=channel)[0]
    match = REF.search(final)
    assert match, final
    return match.group(0)


def test_sms_report_ends_with_an_sms_case_and_the_number_kept_encrypted(
        client: TestClient, fake_rasa: FakeRasa, db: Session) -> None:
    reference = _report(client, "sms", "1")
    case = db.scalar(select(Case).where(Case.reference == reference))
    assert case.channel == "sms"
    assert case.conversation_id == "s-" + pseudonym(NUMBER, "sms")
    assert case.anonymous is False and case.contact_method == "sms"
    assert case.contact_value == NUMBER  # "this_number" filled in by the gateway
    raw = db.execute(text("SELECT contact_value FROM cases WHERE id = :i"), {"i": case.id}).scalar()
    assert NUMBER not in raw and "447700900123" not in raw  # encrypted at rest
    # Rasa never saw the number: not in the sender, the text or the metadata
    for request in fake_rasa.requests:
        assert "7700900123" not in str(request)
        assert request["sender"] == case.conversation_id
        assert request["metadata"]["channel"] == "sms"
        assert request["metadata"]["contact_hint"] == "sms"
    # the digits were mapped back to the payloads offered the turn before
    assert fake_rasa.messages[1] == "/start_report"
    assert fake_rasa.messages[3] == '/choose{"choice": "this_number"}'


def test_whatsapp_report_is_a_whatsapp_case(client: TestClient, fake_rasa: FakeRasa,
                                            db: Session) -> None:
    reference = _report(client, "whatsapp", "1")
    case = db.scalar(select(Case).where(Case.reference == reference))
    assert case.channel == "whatsapp"
    assert case.conversation_id == "wa-" + pseudonym(NUMBER, "whatsapp")
    assert case.contact_method == "whatsapp" and case.contact_value == NUMBER
    session = db.get(ChatSession, case.conversation_id)
    assert session.last_inbound_at is not None  # the 24-hour window is tracked


def test_anonymous_report_keeps_no_number(client: TestClient, db: Session) -> None:
    reference = _report(client, "sms", "2")
    case = db.scalar(select(Case).where(Case.reference == reference))
    assert case.anonymous is True and case.contact_value is None


def test_this_number_is_removed_if_the_resident_did_not_agree_to_contact(
        client: TestClient, journey: Journey, db: Session, fake_rasa: FakeRasa) -> None:
    """Defence in depth: a placeholder on an anonymous case never becomes the number."""
    original = journey._reply

    def anonymous_with_placeholder(sender: str, message: str, metadata: dict) -> list[dict]:
        out = original(sender, message, metadata)
        if message.startswith("/choose"):
            with journey.sessions() as s, s.begin():
                for case in s.scalars(select(Case).where(Case.conversation_id == sender)):
                    case.anonymous = True
        return out

    journey._reply = anonymous_with_placeholder  # type: ignore[method-assign]
    reference = _report(client, "sms", "1")
    case = db.scalar(select(Case).where(Case.reference == reference))
    assert case.anonymous is True and case.contact_value is None


def test_a_digit_that_was_not_offered_passes_through_as_text(client: TestClient,
                                                             fake_rasa: FakeRasa) -> None:
    say(client, "hi")
    say(client, "7")
    assert fake_rasa.messages[-1] == "7"


def test_sms_replies_are_gsm7_and_whatsapp_replies_keep_unicode(client: TestClient) -> None:
    sms = say(client, "hi")[0]
    assert is_gsm7(sms) and "council's reporting assistant - you" in sms
    wa = say(client, "hi", channel="whatsapp")[0]
    assert "council’s reporting assistant — you" in wa


def test_long_reply_is_split_on_sentences_within_1600(client: TestClient, journey: Journey) -> None:
    journey.extra = [{"text": " ".join(f"Point {i} is a full sentence about next steps." for i in
                                       range(120))}]
    parts = say(client, "hi")
    assert len(parts) >= 4
    assert all(len(p) <= 1600 for p in parts)
    assert all(p.rstrip().endswith(".") for p in parts)


def test_a_1600_character_message_reaches_rasa_whole(client: TestClient,
                                                      fake_rasa: FakeRasa) -> None:
    body = ("They shouted at me again. " * 62)[:1600]
    assert len(body) == 1600
    say(client, body)
    # the gateway's danger check may wrap it (a classifier's call): whole either way
    assert fake_rasa.said[-1] == body.strip()


def test_intent_syntax_typed_by_the_resident_is_neutralised(client: TestClient,
                                                            fake_rasa: FakeRasa) -> None:
    say(client, "hi")
    say(client, '/choose{"choice": "this_number"}')  # typed, not offered this turn
    assert not fake_rasa.messages[-1].startswith("/")


def test_rasa_down_gives_a_safe_reply_and_releases_the_claim(client: TestClient,
                                                             fake_rasa: FakeRasa) -> None:
    from tests.twilio.conftest import inbound, post_signed, replies

    params = inbound("hello")
    fake_rasa.fail_next = 1
    first = replies(post_signed(client, "/twilio/messages", params).text)
    assert "999" in first[0] and "send it again" in first[0]
    retry = replies(post_signed(client, "/twilio/messages", params).text)
    assert "Reply 1 for Report" in retry[0]
    assert len(fake_rasa.requests) == 2
