"""Coming back (issue 9), the whole journey on the real Rasa and action servers, with the real
outbox worker delivering to a local SMTP relay and a local stand-in for Twilio's API:

1. a web report (email contact) and an SMS report (this number);
2. the web resident comes back and adds two diary entries;
3. an officer assigns both, messages one by email and one by SMS, and closes them;
4. the residents check the status (seeing the officer's contact details) and give feedback;
5. the officer API shows all of it on each case.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
import time
import uuid
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

import httpx
import pytest

from bot.settings import PROJECT_ROOT
from tests.e2e.resident import hold_report, pick
from tests.e2e.stack import REFERENCE
from tests.twilio.conftest import PUBLIC, replies, sign

pytestmark = pytest.mark.e2e

EMAIL = "returning.resident@example.org"
OFFICER = "back_officer"
PASSWORD = "correct horse battery staple"
CODE = re.compile(r"Your secret code is (\d{6})")
WEB_ANSWERS = {
    "narrative": "My neighbour at number 12 keeps shouting racist abuse at me on the stairs. "
                 "The last time was yesterday.",
    "wishes": "I want it to stop",
    "contact_value": EMAIL,
    "safe_contact_time": "weekdays",
    "housing": "council",
}
WEB_BUTTONS = {"reporter_role": "me", "perpetrator": "neighbour", "feels_safe": "Yes",
               "anonymous": "contact me", "contact_method": "Email", "access_needs": "nothing",
               "consent_police": "yes", "consent_support": "yes", "consent_landlord": "yes",
               "confirm_summary": "yes", "housing": "council"}


def text_of(reply: dict[str, Any]) -> str:
    return " ".join(m["text"] for m in reply["messages"])


def wait_for(predicate, what: str, timeout: float = 30.0) -> Any:  # noqa: ANN001
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        found = predicate()
        if found:
            return found
        time.sleep(0.3)
    raise AssertionError(f"timed out waiting for {what}")


class Officer:
    def __init__(self, live) -> None:  # noqa: ANN001
        self.live = live
        # with direct contact details, which residents see on every message and status reply
        subprocess.run([str(Path(sys.executable).parent / "tellonce"), "officer", "create",  # noqa: S603
                        "--username", OFFICER, "--password", PASSWORD, "--role", "officer",
                        "--display-name", "Priya Shah", "--phone", "020 7946 0123",
                        "--email", "priya.shah@council.example"],
                       cwd=PROJECT_ROOT, check=True, capture_output=True,
                       env={**os.environ, "DATABASE_URL": live.settings.database_url})
        self.token = live.officer_token(OFFICER, PASSWORD)

    def call(self, method: str, path: str, **kw: Any) -> httpx.Response:
        return httpx.request(method, f"{self.live.gateway_url}/api/v1{path}", timeout=20,
                             headers={"Authorization": f"Bearer {self.token}"}, **kw)

    def work(self, reference: str, message: str) -> None:
        assert self.call("POST", f"/cases/{reference}/assign").status_code == 200
        for status in ("triaged", "in_progress"):
            r = self.call("POST", f"/cases/{reference}/status", json={"status": status})
            assert r.status_code == 200, r.text
        r = self.call("POST", f"/cases/{reference}/messages", json={"text": message})
        assert r.status_code == 201, r.text

    def close(self, reference: str) -> None:
        r = self.call("POST", f"/cases/{reference}/status",
                      json={"status": "closed", "outcome": "resolved"})
        assert r.status_code == 200, r.text


def sms_sender(live, number: str):  # noqa: ANN001, ANN201
    def send(body: str) -> str:
        params = {"MessageSid": "SM" + uuid.uuid4().hex, "AccountSid": "AC" + "0" * 32,
                  "From": number, "To": "+442000000000", "Body": body, "NumMedia": "0"}
        r = httpx.post(live.gateway_url + "/twilio/messages", content=urlencode(params),
                       timeout=60,
                       headers={"Content-Type": "application/x-www-form-urlencoded",
                                "X-Twilio-Signature": sign(PUBLIC + "/twilio/messages", params)})
        assert r.status_code == 200, r.text
        return "\n".join(replies(r.text))
    return send


def test_report_come_back_diary_officer_status_feedback(live_stack) -> None:
    # 1. A web report with email contact: reference and secret code, shown once.
    web = f"cb_{uuid.uuid4().hex[:12]}"
    reference, transcript = hold_report(lambda t: live_stack.chat(web, t), WEB_ANSWERS,
                                        WEB_BUTTONS, max_turns=50)
    code = CODE.search(text_of(transcript[-1])).group(1)
    rate = transcript[-1]
    assert rate["expects"]["slot"] == "feedback_rating"  # then a skippable rating
    done = live_stack.chat(web, pick(rate, "5"))
    done = live_stack.chat(web, "it was easy to do")
    assert done["ended"] is True and "Thank you" in text_of(done)

    # 2. Back on a new page load: two diary entries, after the reference and the code.
    back = f"cb_{uuid.uuid4().hex[:12]}"
    say = lambda t: live_stack.chat(back, t)  # noqa: E731
    reply = say("hi")
    reply = say("I want to add to my report")
    assert reply["expects"]["slot"] == "return_reference"
    reply = say(reference)
    assert reply["expects"]["slot"] == "return_code"
    wrong = say("000000")
    assert "couldn't find a report" in text_of(wrong)
    say(reference)
    reply = say(code)
    assert reply["expects"]["slot"] == "diary_narrative"
    for account in ("This morning he banged on my door shouting the same names.",
                    "Tonight he left a note under my door calling me a monkey."):
        if reply["expects"]["slot"] != "diary_narrative":
            reply = say("it happened again, add to my report")
        assert reply["expects"]["slot"] == "diary_narrative", reply
        reply = say(account)
        reply = say(pick(reply, "everything") or "that's everything")
        assert reply["expects"]["slot"] == "diary_confirm"
        reply = say(pick(reply, "Yes"))
        while reply["expects"]["slot"] in ("diary_occurred_on", "diary_location"):
            reply = say(pick(reply, "Today") or pick(reply, "Skip") or "skip")
        assert "added it to your report" in text_of(reply), reply

    # 3. An SMS resident reports too (contact by this number).
    number = "+447700902" + f"{uuid.uuid4().int % 1000:03d}"
    sms = sms_sender(live_stack, number)
    said = [sms("hi"), sms("1"), sms("1")]
    said.append(sms("Yesterday a man on the 220 bus shouted homophobic abuse at me"))
    for _ in range(30):
        last = said[-1]
        if REFERENCE.search(last):
            break
        answer = "1"
        if "anything else" in last.lower():
            answer = "1"
        elif "stay anonymous" in last.lower():
            answer = "1"  # "No, you can contact me"
        elif "How should" in last:
            answer = "2"  # text message
        elif "number you're writing from" in last:
            answer = "1"
        elif "safe to contact" in last:
            answer = "1"
        elif "Here's your report" in last:
            answer = "1"
        elif "Reply 1 for" not in last:
            answer = "skip"
        said.append(sms(answer))
    sms_reference = REFERENCE.search(said[-1]).group(0)
    sms("skip")  # no rating now

    # 4. The officer works both cases: email to one, SMS to the other, then closes them.
    officer = Officer(live_stack)
    sent_before = len(live_stack.twilio_api.created)
    officer.work(reference, "I have spoken to your landlord, who will visit this week.")
    officer.work(sms_reference, "I have reported this to the bus company.")
    mail = wait_for(lambda: live_stack.relay.inbox.to(EMAIL), "the email")
    assert len(mail) == 1
    body = mail[0].get_payload(decode=True).decode()
    assert body.startswith("A message from") and "spoken to your landlord" in body
    assert "Priya Shah" in body and "020 7946 0123" in body
    texts = wait_for(lambda: live_stack.twilio_api.created[sent_before:], "the SMS")
    assert [t["To"] for t in texts] == [number] and "bus company" in texts[0]["Body"]
    case = officer.call("GET", f"/cases/{reference}").json()
    assert case["overdue"] is False  # contacted once the relay accepted it
    officer.close(reference)
    officer.close(sms_reference)
    wait_for(lambda: len(live_stack.relay.inbox.to(EMAIL)) == 2, "the closing email")
    closing = live_stack.relay.inbox.to(EMAIL)[1].get_payload(decode=True).decode()
    assert "Your case is now closed" in closing and "Community Trigger" in closing
    assert "1 (very poorly) to 5 (very well)" in closing
    wait_for(lambda: len(live_stack.twilio_api.created) >= sent_before + 2, "the closing SMS")
    thanks = sms("4 the officer kept me informed")
    assert "Thank you for your feedback" in thanks

    # 5. The web resident checks the status: plain words and the officer's contact details.
    status = f"cb_{uuid.uuid4().hex[:12]}"
    live_stack.chat(status, "hi")
    live_stack.chat(status, "what's happening with my case")
    live_stack.chat(status, reference)
    reply = live_stack.chat(status, code)
    if reply["expects"]["slot"] == "return_purpose":
        reply = live_stack.chat(status, pick(reply, "happening"))
    words = text_of(reply)
    assert "Your case is now closed" in words and "Priya Shah" in words
    assert "020 7946 0123" in words and "priya.shah@council.example" in words
    assert "added 2 more incident(s)" in words and "complain" in words
    assert "spoken to your landlord" not in words  # never internal words or message bodies
    # The SMS resident's number stands in for the code.
    sms("what's happening with my case")
    sms_status = sms("2") if "Which report" in said[-1] else said[-1]
    del sms_status

    # 6. The officer API shows all of it on one case.
    case = officer.call("GET", f"/cases/{reference}").json()
    assert [e["account"] for e in case["diary"]] == [
        "This morning he banged on my door shouting the same names.",
        "Tonight he left a note under my door calling me a monkey."]
    assert case["feedback"][0]["rating"] == 5 and case["feedback"][0]["stage"] == "report"
    assert "repeat_or_ongoing" in case["risk"]["reasons"]
    sms_case = officer.call("GET", f"/cases/{sms_reference}").json()
    assert [(f["rating"], f["stage"]) for f in sms_case["feedback"]] == [(4, "closure")]
    messages = officer.call("GET", f"/cases/{reference}/messages").json()
    assert {m["status"] for m in messages} == {"sent"} and len(messages) == 2


def test_a_greeting_at_the_feedback_question_is_asked_again_once_then_skipped(live_stack):
    """Not a rating: one kind re-ask (never the fallback answering itself until Rasa's circuit
    breaker, ten apologies in one turn), then the rating is left and the report stays sent."""
    web = f"fb_{uuid.uuid4().hex[:12]}"
    reference, transcript = hold_report(lambda t: live_stack.chat(web, t), WEB_ANSWERS,
                                        WEB_BUTTONS, max_turns=50)
    assert transcript[-1]["expects"]["slot"] == "feedback_rating"
    again = live_stack.chat(web, "hi")
    texts = [m["text"] for m in again["messages"]]
    assert len(texts) <= 2, texts
    assert again["expects"]["slot"] == "feedback_rating"
    assert "1 is very hard" in " ".join(texts)  # the same question, asked again
    left = live_stack.chat(web, "hello?")
    assert left["expects"]["slot"] != "feedback_rating"
    assert len(left["messages"]) <= 2
    after = live_stack.chat(web, "hi")
    assert pick(after, "report") is not None  # back at the start, a new report one tap away
    assert REFERENCE.search(text_of(transcript[-1])).group(0) == reference
