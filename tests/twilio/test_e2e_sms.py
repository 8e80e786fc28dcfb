"""A whole report by SMS through POST /twilio/messages with the real Rasa and action servers,
then found through the officer API, with "this number" kept as the case's contact, encrypted."""

from __future__ import annotations

import os
import re
import subprocess
import sys
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

import httpx
import pytest
from sqlalchemy import select, text
from sqlalchemy.orm import sessionmaker

from api.main import create_app
from bot.crypto import pseudonym
from bot.db import make_engine
from bot.models import Case, ChatSession
from bot.settings import PROJECT_ROOT, Settings
from tests.e2e.resident import hold_report
from tests.twilio.conftest import PUBLIC, TOKEN, replies, sign
from tests.twilio.servers import LiveGateway

pytestmark = pytest.mark.e2e

NUMBER = "+447700900" + f"{uuid.uuid4().int % 1000:03d}"
ANSWERS = {
    "reporter_role": "it happened to me",
    # No opt-out word in the resident's own words either: the read-back echoes them.
    "narrative": "Last night at the bus shelter on King Street two men shouted homophobic abuse "
                 "at me and threatened to hurt me",
    "strands": "sexual orientation",
    "incident_types": "threats",
    "occurred_on": "yesterday",
    "location": "King Street",
    "perpetrator": "strangers",
    "injured": "no",
    "ongoing": "no",
    "housing": "skip",
    "safe_contact_time": "after 6pm",
    "wishes": "action against them",
    "access_needs": "no",
    "consent_police": "yes",
    "consent_support": "yes",
}
BUTTONS = {
    "reporter_role": "me",
    "anonymous": "contact me",
    "contact_method": "text message",
    "contact_value": "this number",
    "access_needs": "nothing",
    "consent_police": "yes",
    "consent_support": "yes",
    "confirm_summary": "yes",
}
# What an SMS resident must never be told to send: carrier opt-out words block every later
# message, the case officer's included ("Stop Hate UK" is a name, not an instruction).
OPT_OUT = re.compile(r"\b(stop|stopall|unsubscribe|cancel|end|quit)\b", re.I)


def assert_true_to_sms(transcript: list[dict[str, Any]]) -> None:
    for reply in transcript:
        for message in reply["messages"]:
            text = message["text"].replace("Stop Hate UK", "")
            assert not OPT_OUT.search(text), text
            assert "tap" not in text.lower(), text
_OPTION = re.compile(r"(\d+) for (.+?)(?=, \d+ for |\.?$)")


@pytest.fixture
def sms_gateway(live_stack) -> Iterator[str]:  # noqa: ANN001
    """The live stack's gateway if it has a Twilio token; else a gateway of ours on the same
    database and the same real Rasa (the webhook needs a token to verify signatures)."""
    if live_stack.settings.twilio_auth_token == TOKEN:
        yield live_stack.gateway_url
        return
    settings = Settings(database_url=live_stack.settings.database_url,
                        rasa_url=live_stack.rasa_url, twilio_auth_token=TOKEN,
                        public_base_url=PUBLIC, rasa_timeout_seconds=60)
    gateway = LiveGateway(create_app(settings))
    try:
        yield gateway.url
    finally:
        gateway.close()


def _create_officer(database_url: str, username: str, password: str) -> None:
    """Through the real CLI entry point (``tellonce officer create``)."""
    tellonce = str(Path(sys.executable).parent / "tellonce")
    subprocess.run([tellonce, "officer", "create", "--username", username,  # noqa: S603
                    "--password", password, "--role", "supervisor"],
                   env={**os.environ, "DATABASE_URL": database_url}, check=True,
                   capture_output=True, cwd=PROJECT_ROOT)


def test_whole_sms_report_reaches_the_officer_api(live_stack, sms_gateway: str) -> None:  # noqa: ANN001
    engine = make_engine(live_stack.settings.database_url)
    sessions = sessionmaker(bind=engine, expire_on_commit=False)
    conversation_id = "s-" + pseudonym(NUMBER, "sms")

    def send(body: str) -> dict[str, Any]:
        params = {"MessageSid": "SM" + uuid.uuid4().hex, "AccountSid": "AC" + "0" * 32,
                  "From": NUMBER, "To": "+442000000000", "Body": body, "NumMedia": "0"}
        r = httpx.post(sms_gateway + "/twilio/messages", content=urlencode(params), timeout=60,
                       headers={"Content-Type": "application/x-www-form-urlencoded",
                                "X-Twilio-Signature": sign(PUBLIC + "/twilio/messages", params)})
        assert r.status_code == 200, r.text
        parts = replies(r.text)
        assert parts, "every turn gets a reply"
        for part in parts:
            assert len(part) <= 1600
            assert part.isascii() or all(ch not in part for ch in "’“”—…")  # GSM-7 bodies
        body_text = "\n".join(parts)
        buttons = [{"title": t.strip(), "payload": n}
                   for line in body_text.splitlines() if line.startswith("Reply ")
                   for n, t in _OPTION.findall(line[len("Reply "):])]
        with sessions() as db:
            row = db.get(ChatSession, conversation_id)
            slot = row.expects_slot if row else None
        return {"messages": [{"text": body_text, "buttons": buttons}], "expects": {"slot": slot}}

    reference, transcript = hold_report(send, ANSWERS, BUTTONS, max_turns=50)
    assert "999" in transcript[0]["messages"][0]["text"]
    assert_true_to_sms(transcript)

    _create_officer(live_stack.settings.database_url, "sms_e2e_supervisor",
                    "correct horse battery staple")
    token = live_stack.officer_token("sms_e2e_supervisor", "correct horse battery staple")
    case = httpx.get(f"{live_stack.gateway_url}/api/v1/cases/{reference}",
                     headers={"Authorization": f"Bearer {token}"}, timeout=10).json()
    assert case["channel"] == "sms"
    assert case["anonymous"] is False
    assert case["contact"]["method"] == "sms"
    assert case["contact"]["value"] == NUMBER  # "this number", filled in by the gateway
    assert "sexual_orientation" in case["strands"]
    assert case["consent"] == {"police": True, "support": True, "landlord": None}
    support = " ".join(m["text"] for r in transcript[-1:] for m in r["messages"])
    assert "Galop hate crime helpline" in support and "020 7704 2040" in support
    with sessions() as db:
        stored = db.scalar(select(Case).where(Case.reference == reference))
        assert stored.conversation_id == conversation_id
        raw = db.execute(text("SELECT contact_value FROM cases WHERE reference = :r"),
                         {"r": reference}).scalar()
    assert NUMBER[1:] not in raw  # encrypted at rest
    engine.dispose()
    # the number never reached Rasa's tracker store
    tracker = make_engine(live_stack.settings.tracker_database_url)
    with tracker.connect() as conn:
        dump = " ".join(str(r) for r in conn.execute(text("SELECT * FROM events")))
    tracker.dispose()
    assert conversation_id in dump and NUMBER[1:] not in dump


def test_sms_danger_and_exit_are_true_to_the_channel(live_stack, sms_gateway: str) -> None:  # noqa: ANN001
    """Danger now and EXIT by SMS: 999 first, numbered choices, never an opt-out word; EXIT
    asks before throwing an account away, and 'delete' ends with how to clear the thread."""
    number = "+447700901" + f"{uuid.uuid4().int % 1000:03d}"

    def send(body: str) -> str:
        params = {"MessageSid": "SM" + uuid.uuid4().hex, "AccountSid": "AC" + "0" * 32,
                  "From": number, "To": "+442000000000", "Body": body, "NumMedia": "0"}
        r = httpx.post(sms_gateway + "/twilio/messages", content=urlencode(params), timeout=60,
                       headers={"Content-Type": "application/x-www-form-urlencoded",
                                "X-Twilio-Signature": sign(PUBLIC + "/twilio/messages", params)})
        assert r.status_code == 200, r.text
        return "\n".join(replies(r.text))

    said = [send("hi"), send("1")]  # greeting, then "Start a report"
    said.append(send("1"))  # it happened to me
    said.append(send("the man upstairs keeps banging on my door shouting racist abuse"))
    danger = send("he's outside my door right now with a knife")
    said.append(danger)
    assert danger.startswith("Call 999 now.") and "55" in danger
    assert "Reply 1 for I'm safe now, carry on, 2 for Send what I've told you now, 3 for Exit" \
        in danger
    said.append(send("1"))  # safe now: the report carries on
    asked = send("EXIT")
    said.append(asked)
    assert "Send what I've told you" in asked and "Delete it" in asked
    assert "To remove it from this phone" not in asked  # nothing ended yet
    bye = send("2")  # delete it
    said.append(bye)
    assert "deleted" in bye and "To remove it from this phone" in bye
    for reply in said:
        cleaned = reply.replace("Stop Hate UK", "")
        assert not OPT_OUT.search(cleaned), reply
        assert "tap" not in cleaned.lower(), reply
