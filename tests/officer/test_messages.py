"""Messaging the resident: queued pending on their channel, with the officer's signature."""

from __future__ import annotations

from sqlalchemy import select, text

from bot.models import Case, OutboundMessage


def send(client, auth, officer, case, words="We have spoken to the housing officer."):
    return client.post(f"/api/v1/cases/{case.reference}/messages", json={"text": words},
                       headers=auth(officer))


def test_message_is_queued_pending_with_name_and_direct_contact(client, make_officer, make_case,
                                                                auth, session_factory):
    me = make_officer(display_name="Priya Shah", phone="020 7946 0123",
                      email="priya.shah@lbhf.example")
    case = make_case(assigned=me, contact_method="whatsapp")
    r = send(client, auth, me, case)
    assert r.status_code == 201, r.text
    msg = r.json()
    assert msg["status"] == "pending"
    assert msg["channel"] == "whatsapp"
    assert msg["body"].startswith("We have spoken to the housing officer.")
    assert "Priya Shah" in msg["body"]
    assert "020 7946 0123" in msg["body"] and "priya.shah@lbhf.example" in msg["body"]
    assert "Community Trigger" not in msg["body"]
    with session_factory() as s:
        row = s.scalar(select(OutboundMessage))
        assert row.to == "+447700900123"
        raw = s.execute(text("SELECT body, \"to\" FROM outbound_messages")).one()
        assert "housing officer" not in raw[0] and "+4477" not in raw[1]
        # queued is not contact: the case is contacted once the worker's send is accepted
        assert s.scalar(select(Case.contacted_at)) is None
    listing = client.get(f"/api/v1/cases/{case.reference}/messages", headers=auth(me)).json()
    assert [(m["id"], m["status"]) for m in listing] == [(msg["id"], "pending")]


def test_closing_message_says_how_to_complain_and_ask_for_a_case_review(client, make_officer,
                                                                       make_case, auth):
    me = make_officer()
    case = make_case(assigned=me, stored={"status": "closed", "outcome": "resolved"})
    body = send(client, auth, me, case, "Your case is resolved.").json()["body"]
    assert "complain" in body
    assert "ASB Case Review (Community Trigger)" in body
    assert "1 report of a hate incident" in body  # the threshold, from signposts.yml


def test_anonymous_and_unreachable_residents_get_a_clear_409(client, make_officer, make_case,
                                                             auth):
    me = make_officer()
    cases = {
        "anonymous": make_case(assigned=me, anonymous=True),
        "did not give a way": make_case(assigned=me, contact_method="none", contact_value=None),
        "asked to be phoned": make_case(assigned=me, contact_method="phone"),
    }
    for reason, case in cases.items():
        r = send(client, auth, me, case)
        assert r.status_code == 409
        assert reason in r.json()["detail"]


def test_message_needs_a_case_officer_with_direct_contact(client, make_officer, make_case, auth):
    supervisor = make_officer("supervisor")
    unassigned = make_case()
    r = send(client, auth, supervisor, unassigned)
    assert r.status_code == 409
    assert "Assign the case first" in r.json()["detail"]
    silent = make_officer(phone=None, email=None)
    case = make_case(assigned=silent)
    r = send(client, auth, supervisor, case)
    assert r.status_code == 409
    assert "no direct phone or email" in r.json()["detail"]


def test_messages_are_capped_per_case_and_per_officer_per_day(make_officer, make_case, auth,
                                                               session_factory):
    from datetime import timedelta

    from fastapi.testclient import TestClient
    from sqlalchemy import func, update

    from api.main import create_app
    from bot.models import utcnow
    from bot.settings import get_settings

    settings = get_settings().model_copy(update={"messages_per_case_per_day": 2,
                                                 "messages_per_officer_per_day": 3})
    with TestClient(create_app(settings)) as client:
        me = make_officer()
        first, second = make_case(assigned=me), make_case(assigned=me)
        assert [send(client, auth, me, first).status_code for _ in range(2)] == [201, 201]
        r = send(client, auth, me, first)
        assert r.status_code == 429
        assert "2 messages to the resident in the last 24 hours" in r.json()["detail"]
        assert send(client, auth, me, second).status_code == 201  # the officer's third
        r = send(client, auth, me, second)
        assert r.status_code == 429
        assert f"3 messages signed by {me.username}" in r.json()["detail"]
        with session_factory() as s:
            assert s.scalar(select(func.count()).select_from(OutboundMessage)) == 3
            s.execute(update(OutboundMessage).values(created_at=utcnow() - timedelta(hours=25)))
            s.commit()
        assert send(client, auth, me, first).status_code == 201  # a new day


def test_texts_go_only_to_a_uk_mobile(client, make_officer, make_case, auth):
    me = make_officer()
    for number in ("+448712345678", "+447012345678", "+442071234567", "+15551234567"):
        case = make_case(assigned=me, contact_method="sms", contact_value=number)
        r = send(client, auth, me, case)
        assert r.status_code == 409, number
        assert "not a UK mobile number" in r.json()["detail"]
    ok = make_case(assigned=me, contact_method="whatsapp", contact_value="07911 123456")
    assert send(client, auth, me, ok).status_code == 201
