"""Safe at every turn (issue 8), on the real Rasa and action servers through POST /chat: the
danger path (999 and 55 first, no question in that turn, "send now" writes one urgent high-risk
case at the top of the queue and tells the duty contact), a confirmed stop, support chosen by
faith, consent split three ways and obeyed by the packet, and a third-party report."""

from __future__ import annotations

import uuid
from typing import Any

import pytest
from sqlalchemy import select
from sqlalchemy.orm import sessionmaker

from bot.db import make_engine
from bot.models import Case, OutboundMessage
from tests.e2e.resident import hold_report, pick
from tests.e2e.stack import DUTY_EMAIL, REFERENCE

pytestmark = pytest.mark.e2e

DANGER = "He's waiting at the bottom of the stairs with a knife. I've locked myself in the toilet"
SUPERVISOR = "safety_e2e_supervisor"


def text_of(reply: dict[str, Any]) -> str:
    return " ".join(m["text"] for m in reply["messages"])


def chatter(live_stack) -> Any:  # noqa: ANN001
    sender = f"s8_{uuid.uuid4().hex[:12]}"
    return lambda message: live_stack.chat(sender, message)


def cases(live_stack) -> list[Case]:  # noqa: ANN001
    engine = make_engine(live_stack.settings.database_url)
    try:
        with sessionmaker(bind=engine)() as db:
            return list(db.scalars(select(Case)))
    finally:
        engine.dispose()


def start_account(send, account: str) -> dict[str, Any]:  # noqa: ANN001
    send("hi")
    reply = send("/start_report")
    reply = send(pick(reply, "me"))
    assert reply["expects"]["slot"] == "narrative"
    return send(account)


def test_danger_now_pauses_and_send_now_writes_one_urgent_case_on_top(live_stack) -> None:
    send = chatter(live_stack)
    reply = start_account(send, "My neighbour has been shouting racist abuse at me for weeks.")
    reply = send(DANGER)
    first = reply["messages"][0]
    assert first["text"].startswith("Call 999 now.") and first["alert"] is True
    assert "55" in first["text"] and "Relay UK" in first["text"] and "18000" in first["text"]
    assert reply["expects"]["slot"] is None  # no form question in the same turn
    assert "anything else" not in text_of(reply).lower()
    titles = [b["title"] for m in reply["messages"] for b in m["buttons"]]
    assert titles == ["I'm safe now, carry on", "Send what I've told you now", "Stop"]

    before = {c.reference for c in cases(live_stack)}
    reply = send(pick(reply, "Send what I've told you now"))
    assert reply["ended"] is True
    reference = REFERENCE.search(text_of(reply)).group(0)
    assert "urgent" in text_of(reply) and "999" in text_of(reply)
    assert reply["messages"][0]["alert"] is True

    written = [c for c in cases(live_stack) if c.reference not in before]
    assert [c.reference for c in written] == [reference]  # exactly one case
    case = live_stack.officer_get(SUPERVISOR, f"/api/v1/cases/{reference}").json()
    assert case["urgent"] is True and case["danger_now"] is True
    assert case["risk"]["level"] == "high" and "danger_now" in case["risk"]["reasons"]
    assert DANGER in case["narrative"] and "racist abuse" in case["narrative"]
    top = live_stack.officer_get(SUPERVISOR, "/api/v1/cases").json()["items"][0]
    assert top["reference"] == reference  # the top of the queue
    engine = make_engine(live_stack.settings.database_url)
    with sessionmaker(bind=engine)() as db:
        notes = list(db.scalars(select(OutboundMessage).where(
            OutboundMessage.case_id == written[0].id, OutboundMessage.purpose == "duty")))
    engine.dispose()
    assert [(n.channel, n.to) for n in notes] == [("email", DUTY_EMAIL)]
    assert reference in notes[0].body and DANGER not in notes[0].body


def test_a_bare_999_gets_the_danger_reply_and_carry_on_resumes(live_stack) -> None:
    send = chatter(live_stack)
    send("hi")
    reply = send("999")
    assert reply["messages"][0]["text"].startswith("Call 999 now.")
    reply = send(pick(reply, "I'm safe now"))
    assert reply["expects"]["slot"] == "reporter_role"  # the report starts, with nothing lost


def test_stop_asks_first_and_delete_sends_nothing(live_stack) -> None:
    send = chatter(live_stack)
    start_account(send, "Two teenagers shouted abuse at me on the Goldhawk Road yesterday.")
    before = len(cases(live_stack))
    reply = send("stop")
    assert [b["title"] for m in reply["messages"] for b in m["buttons"]] == [
        "Send what I've told you", "Delete it", "Carry on"]
    assert reply["ended"] is False
    reply = send(pick(reply, "Delete it"))
    assert reply["ended"] is True and "Nothing was sent" in text_of(reply)
    assert len(cases(live_stack)) == before


def test_stop_then_send_what_i_told_you_writes_a_case(live_stack) -> None:
    send = chatter(live_stack)
    start_account(send, "Someone spray painted a slur on my car outside my flat last night.")
    reply = send("cancel")
    reply = send(pick(reply, "Send what I've told you"))
    reference = REFERENCE.search(text_of(reply)).group(0)
    case = live_stack.officer_get(SUPERVISOR, f"/api/v1/cases/{reference}").json()
    assert case["urgent"] is False and "spray painted" in case["narrative"]


@pytest.mark.parametrize(("account", "faith", "named", "not_named"), [
    ("Yesterday a man pulled at my hijab on Uxbridge Road and called me a terrorist because "
     "I am Muslim.", "Muslim", "Tell MAMA", "CST"),
    ("Yesterday someone shouted antisemitic abuse at me outside the synagogue on Brook Green "
     "because I am Jewish.", "Jewish", "CST", "Tell MAMA"),
])
def test_support_is_chosen_by_faith(live_stack, account, faith, named, not_named) -> None:
    send = chatter(live_stack)
    reference, transcript = hold_report(
        send,
        {"narrative": account, "wishes": "just to have it on record", "ongoing": "no"},
        {"reporter_role": "me", "faiths": faith, "anonymous": "anonymous",
         "consent_police": "no", "confirm_summary": "yes", "strands": "Done"},
    )
    after = text_of(transcript[-1])
    support, other = after.split("Other ways to report:")
    assert named in support and not_named not in after
    assert "Victim Support" in support and "Stop Hate UK" in support
    assert "Stop Hate UK" not in other  # each service listed once
    case = live_stack.officer_get(SUPERVISOR, f"/api/v1/cases/{reference}").json()
    assert case["faiths"] == [faith.lower()]


def test_consent_is_asked_three_ways_and_the_packet_obeys_each(live_stack) -> None:
    send = chatter(live_stack)
    reference, transcript = hold_report(
        send,
        {"narrative": "My neighbour at number 12 keeps calling me racist names on the stairs. "
                      "It happened again yesterday.",
         "wishes": "I want the council to take action against him",
         "contact_value": "resident.consent@example.org", "safe_contact_time": "evenings",
         "housing": "council"},
        {"reporter_role": "me", "perpetrator": "neighbour", "feels_safe": "No",
         "anonymous": "contact me", "contact_method": "Email", "access_needs": "nothing",
         "consent_police": "No, not the police", "consent_support": "Yes", "housing": "council",
         "consent_landlord": "Yes", "confirm_summary": "yes"},
    )
    asked = [r["expects"]["slot"] for r in transcript]
    assert {"consent_police", "consent_support", "consent_landlord"} <= set(asked)
    police_question = next(text_of(r) for r in transcript
                           if r["expects"]["slot"] == "consent_police")
    assert "serious risk" in police_question and "without your agreement" in police_question
    case = live_stack.officer_get(SUPERVISOR, f"/api/v1/cases/{reference}").json()
    assert case["consent"] == {"police": False, "support": True, "landlord": True}
    assert case["feels_safe_at_home"] is False and "unsafe_at_home" in case["risk"]["reasons"]
    assert case["wishes"]["outcomes"] == ["action_against"]
    path = f"/api/v1/cases/{reference}/referral"
    assert live_stack.officer_get(SUPERVISOR, path, to="police").status_code == 403
    assert live_stack.officer_get(SUPERVISOR, path, to="victim_support").status_code == 200
    packet = live_stack.officer_get(SUPERVISOR, path, to="housing_provider").json()
    assert packet["needs"]["wishes"] == ["action_against"]


def test_a_third_party_report_keeps_the_persons_details(live_stack) -> None:
    send = chatter(live_stack)
    reference, transcript = hold_report(
        send,
        {"narrative": "My mum has dementia and a man at the bus stop on King Street shouted at "
                      "her and pushed her yesterday because she wears a turban.",
         "subject_contact": "call her on 020 7946 0011 in the mornings",
         "wishes": "make it stop", "injured": "no"},
        {"reporter_role": "someone else", "subject_knows": "Yes", "subject_agrees": "Yes",
         "anonymous": "anonymous", "consent_police": "yes", "consent_support": "yes",
         "confirm_summary": "yes", "faiths": "Sikh"},
    )
    asked = [r["expects"]["slot"] for r in transcript]
    assert {"subject_knows", "subject_agrees", "subject_contact"} <= set(asked)
    case = live_stack.officer_get(SUPERVISOR, f"/api/v1/cases/{reference}").json()
    assert case["reporter_role"] == "third_party"
    assert case["subject"] == {"knows": True, "agrees_to_contact": True,
                               "contact": "call her on 020 7946 0011 in the mornings"}
    assert case["safeguarding"]["concern"] == "adult"  # dementia in the account
    assert "safeguarding" in case["risk"]["reasons"]
    assert "Tell MAMA" not in text_of(transcript[-1]) and "CST" not in text_of(transcript[-1])
