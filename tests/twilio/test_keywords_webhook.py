"""Keywords and media over the webhook: STOP is honoured whatever the conversation is doing."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import select
from sqlalchemy.orm import Session

from bot.crypto import pseudonym
from bot.messaging.optout import number_hash
from bot.models import ChatSession, OptOut
from tests.twilio.conftest import NUMBER, say
from tests.twilio.servers import FakeRasa

OPT_OUT = ["STOP", "STOPALL", "UNSUBSCRIBE", "CANCEL", "END", "QUIT", "OPTOUT", "REVOKE"]


def _opted_out(db: Session) -> bool | None:
    db.expire_all()
    row = db.get(OptOut, number_hash(NUMBER))
    return None if row is None else row.opted_out


@pytest.mark.parametrize("word", OPT_OUT)
def test_opt_out_word_is_recorded_and_silences_the_number(
        word: str, client: TestClient, fake_rasa: FakeRasa, db: Session) -> None:
    say(client, "hi")
    reply = say(client, word.lower())
    assert "won't get any more messages" in reply[0] and "START" in reply[0]
    assert "including from your case officer" in reply[0]  # said plainly: it blocks them too
    assert "has not been sent" in reply[0]
    assert _opted_out(db) is True
    # the report in progress is ended without sending (we can no longer ask what they want)
    assert fake_rasa.messages[-1] == "/delete_report"
    # stored as a keyed hash only
    assert [r.number_hash for r in db.scalars(select(OptOut))] == [number_hash(NUMBER)]
    before = len(fake_rasa.requests)
    assert say(client, "hello again") == []  # never messaged until START
    assert say(client, "1") == []
    assert len(fake_rasa.requests) == before


@pytest.mark.parametrize("word", ["START", "UNSTOP", "YES"])
def test_opt_in_word_lifts_the_opt_out(word: str, client: TestClient, fake_rasa: FakeRasa,
                                       db: Session) -> None:
    say(client, "STOP")
    reply = say(client, word)
    assert "can get messages from us again" in reply[0]
    assert _opted_out(db) is False
    assert "Reply 1 for Report" in say(client, "hi")[0]


def test_yes_is_an_ordinary_answer_when_not_opted_out(client: TestClient,
                                                      fake_rasa: FakeRasa) -> None:
    say(client, "YES")
    assert fake_rasa.messages == ["YES"]


def test_opt_out_on_whatsapp_blocks_the_number_on_sms_too(client: TestClient, db: Session) -> None:
    say(client, "STOP", channel="whatsapp")
    assert say(client, "hi", channel="sms") == []


@pytest.mark.parametrize("word", ["HELP", "info"])
def test_help_explains_and_gives_999_and_stop_hate_uk(word: str, client: TestClient,
                                                      fake_rasa: FakeRasa, db: Session) -> None:
    say(client, "hi")
    reply = say(client, word)[0]
    assert "reporting hate crime" in reply and "999" in reply
    assert "Stop Hate UK" in reply and "0800 138 1625" in reply
    assert fake_rasa.messages == ["hi"]  # no turn: the conversation is where it was
    assert "what happened" in say(client, "1")[0]  # options offered before HELP still work


def test_help_still_answers_an_opted_out_number(client: TestClient) -> None:
    say(client, "STOP")
    assert "999" in say(client, "HELP")[0]


@pytest.mark.parametrize("channel", ["sms", "whatsapp"])
def test_exit_ends_the_conversation_and_says_how_to_delete_the_thread(
        channel: str, client: TestClient, fake_rasa: FakeRasa, db: Session) -> None:
    say(client, "hi", channel=channel)
    reply = say(client, "EXIT", channel=channel)[0]
    assert fake_rasa.messages[-1] == "/stop"
    assert "stopped" in reply and "Delete" in reply
    conv = ("wa-" + pseudonym(NUMBER, "whatsapp")) if channel == "whatsapp" else (
        "s-" + pseudonym(NUMBER, "sms"))
    assert db.get(ChatSession, conv).offered_payloads == []
    assert _opted_out(db) is None  # EXIT is not an opt-out


def test_media_only_message_gets_a_clear_reply_without_breaking_the_turn(
        client: TestClient, fake_rasa: FakeRasa) -> None:
    say(client, "hi")
    reply = say(client, "", NumMedia="1", MediaUrl0="https://api.twilio.com/x.jpg",
                MediaContentType0="image/jpeg")
    assert "can't open photos" in reply[0]
    assert fake_rasa.messages == ["hi"]
    assert "what happened" in say(client, "1")[0]  # the offered options survived


def test_media_with_words_reads_the_words_and_says_so(client: TestClient,
                                                      fake_rasa: FakeRasa) -> None:
    reply = say(client, "hello", NumMedia="2")
    assert fake_rasa.messages == ["hello"]
    assert "Reply 1 for Report" in reply[0] and "only read your words" in reply[0]


def test_an_oversized_form_is_refused_before_parsing(client: TestClient,
                                                     fake_rasa: FakeRasa) -> None:
    from tests.twilio.conftest import inbound, post_signed

    r = post_signed(client, "/twilio/messages", inbound("x" * 70_000))
    assert r.status_code == 413 and fake_rasa.requests == []


def test_a_photo_on_whatsapp_reopens_the_window_for_held_officer_messages(
        client: TestClient, db: Session) -> None:
    from bot.models import OutboundMessage

    msg = OutboundMessage(channel="whatsapp", to=NUMBER, body="hello", status="held",
                          to_hash=number_hash(NUMBER))
    db.add(msg)
    db.commit()
    say(client, "", channel="whatsapp", NumMedia="1")
    db.expire_all()
    assert db.get(OutboundMessage, msg.id).status == "pending"
