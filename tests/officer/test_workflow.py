"""Claim/assign, notes, status transitions and recorded actions."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from fastapi import HTTPException
from sqlalchemy import text

from api.officer.workflow import _guarded_update
from bot.models import Case


def post(client, auth, officer, case, suffix, body=None):
    kwargs = {"json": body} if body is not None else {}
    return client.post(f"/api/v1/cases/{case.reference}{suffix}", headers=auth(officer), **kwargs)


def test_claim_without_body_then_supervisor_reassigns(client, make_officer, make_case, auth):
    me, other = make_officer(), make_officer()
    supervisor = make_officer("supervisor")
    case = make_case()
    r = post(client, auth, me, case, "/assign")
    assert r.status_code == 200, r.text
    assert r.json()["assigned_officer"] == me.username
    assert post(client, auth, me, case, "/assign").status_code == 200  # idempotent
    # the other officer can no longer see it, let alone claim it
    assert post(client, auth, other, case, "/assign").status_code == 403
    r = post(client, auth, supervisor, case, "/assign", {"officer": other.username})
    assert r.status_code == 200
    assert r.json()["assigned_officer"] == other.username


def test_officers_cannot_assign_to_others_and_targets_must_be_case_workers(
        client, make_officer, make_case, auth):
    me, other = make_officer(), make_officer()
    admin, supervisor = make_officer("admin"), make_officer("supervisor")
    inactive = make_officer(active=False)
    case = make_case()
    r = post(client, auth, me, case, "/assign", {"officer": other.username})
    assert r.status_code == 403
    assert "Only supervisors" in r.json()["detail"]
    for target in (admin, inactive):
        r = post(client, auth, supervisor, case, "/assign", {"officer": target.username})
        assert r.status_code == 409
        assert "not an active officer" in r.json()["detail"]
    r = post(client, auth, supervisor, case, "/assign", {"officer": "no_such_person"})
    assert r.status_code == 404


def test_status_walks_forward_and_illegal_moves_are_409_with_reason(client, make_officer,
                                                                   make_case, auth):
    me = make_officer()
    case = make_case(assigned=me)
    r = post(client, auth, me, case, "/status", {"status": "closed", "outcome": "resolved"})
    assert r.status_code == 409
    assert "cannot move from new to closed" in r.json()["detail"]
    assert "triaged" in r.json()["detail"]
    assert post(client, auth, me, case, "/status", {"status": "triaged"}).json()["status"] == "triaged"
    assert post(client, auth, me, case, "/status", {"status": "triaged"}).status_code == 409
    r = post(client, auth, me, case, "/status", {"status": "in_progress", "outcome": "resolved"})
    assert r.status_code == 409
    assert "only recorded when closing" in r.json()["detail"]
    assert post(client, auth, me, case, "/status", {"status": "in_progress"}).status_code == 200
    r = post(client, auth, me, case, "/status", {"status": "closed"})
    assert r.status_code == 409
    assert "needs an outcome" in r.json()["detail"]
    r = post(client, auth, me, case, "/status", {"status": "closed", "outcome": "resolved"})
    body = r.json()
    assert (body["status"], body["outcome"]) == ("closed", "resolved")
    assert body["closed_at"] is not None
    r = post(client, auth, me, case, "/status", {"status": "in_progress"})  # reopen
    body = r.json()
    assert (body["status"], body["outcome"], body["closed_at"]) == ("in_progress", None, None)
    assert post(client, auth, me, case, "/status", {"status": "bogus"}).status_code == 422


def test_work_cannot_start_on_an_unassigned_case(client, make_officer, make_case, auth):
    supervisor = make_officer("supervisor")
    case = make_case()
    assert post(client, auth, supervisor, case, "/status", {"status": "triaged"}).status_code == 200
    r = post(client, auth, supervisor, case, "/status", {"status": "in_progress"})
    assert r.status_code == 409
    assert "Assign the case" in r.json()["detail"]


def test_starting_work_stops_the_overdue_clock(client, make_officer, make_case, auth):
    me = make_officer()
    case = make_case(assigned=me, stored={"due_by": datetime.now(UTC) - timedelta(days=1)})
    assert client.get(f"/api/v1/cases/{case.reference}", headers=auth(me)).json()["overdue"]
    post(client, auth, me, case, "/status", {"status": "triaged"})
    assert client.get(f"/api/v1/cases/{case.reference}", headers=auth(me)).json()["overdue"]
    post(client, auth, me, case, "/status", {"status": "in_progress"})
    assert not client.get(f"/api/v1/cases/{case.reference}", headers=auth(me)).json()["overdue"]


def test_contacting_the_resident_stops_the_overdue_clock_everywhere(client, make_officer,
                                                                    make_case, auth,
                                                                    session_factory):
    """One overdue rule (bot.cases.is_overdue) for case detail, queue rows and the queue filter:
    a message accepted for delivery counts as contact, even while the case is still new; one
    that is merely queued does not."""
    me = make_officer()
    case = make_case(assigned=me, stored={"due_by": datetime.now(UTC) - timedelta(days=1)})
    detail = f"/api/v1/cases/{case.reference}"

    def views() -> tuple[bool, bool, bool]:
        rows = client.get("/api/v1/cases", headers=auth(me)).json()["items"]
        filtered = client.get("/api/v1/cases?overdue=true", headers=auth(me)).json()["items"]
        return (client.get(detail, headers=auth(me)).json()["overdue"],
                next(r["overdue"] for r in rows if r["reference"] == case.reference),
                case.reference in {r["reference"] for r in filtered})

    assert views() == (True, True, True)
    sent = post(client, auth, me, case, "/messages", {"text": "I will ring you tomorrow."})
    assert sent.status_code == 201, sent.text
    assert client.get(detail, headers=auth(me)).json()["status"] == "new"
    assert views() == (True, True, True)  # queued only
    from bot.messaging import worker
    from bot.messaging.outbound import SendResult
    from bot.settings import get_settings

    (row_id,) = worker.claim_batch(session_factory)
    worker.record(session_factory, get_settings(), row_id, 1, "+447700900123",
                  SendResult("sent", "SM" + "1" * 32, "queued", sent_as="text"))
    assert views() == (False, False, False)


def test_notes_are_kept_encrypted_and_shown_to_the_officer(client, make_officer, make_case, auth,
                                                           session_factory):
    me = make_officer()
    case = make_case(assigned=me)
    r = post(client, auth, me, case, "/notes", {"text": "Spoke to the resident, very shaken"})
    assert r.status_code == 201
    assert r.json()["officer"] == me.username
    detail = client.get(f"/api/v1/cases/{case.reference}", headers=auth(me)).json()
    assert [n["text"] for n in detail["notes"]] == ["Spoke to the resident, very shaken"]
    with session_factory() as s:
        raw = s.execute(text("SELECT text FROM case_notes")).scalar_one()
    assert "shaken" not in raw
    assert post(client, auth, me, case, "/notes", {"text": "   "}).status_code == 422


def test_referrals_and_enforcement_are_recorded(client, make_officer, make_case, auth):
    me = make_officer()
    case = make_case(assigned=me, perpetrator="neighbour", housing="council")
    for kind, action in (("referral", "police"), ("referral", "housing_provider"),
                         ("referral", "victim_support"), ("referral", "stop_hate_uk"),
                         ("enforcement", "warning_letter"), ("enforcement", "pspo_fixed_penalty"),
                         ("enforcement", "tenancy_action"), ("enforcement", "injunction")):
        r = post(client, auth, me, case, "/actions", {"kind": kind, "action": action})
        assert r.status_code == 201, r.text
    detail = client.get(f"/api/v1/cases/{case.reference}", headers=auth(me)).json()
    assert len(detail["actions"]) == 8
    assert "Tenancy action / possession proceedings" in [a["label"] for a in detail["actions"]]
    assert "referral:housing_provider" not in detail["suggested_actions"]
    r = post(client, auth, me, case, "/actions", {"kind": "enforcement", "action": "police"})
    assert r.status_code == 409
    assert "not a enforcement action" in r.json()["detail"]


def test_actions_refused_on_closed_cases_and_referrals_without_consent(client, make_officer,
                                                                      make_case, auth):
    me = make_officer()
    no_consent = make_case(assigned=me, share_consent=False)
    r = post(client, auth, me, no_consent, "/actions", {"kind": "referral", "action": "police"})
    assert r.status_code == 409
    assert "did not consent" in r.json()["detail"]
    # enforcement shares nothing of the resident's report: allowed
    r = post(client, auth, me, no_consent, "/actions",
             {"kind": "enforcement", "action": "warning_letter"})
    assert r.status_code == 201
    high = make_case(assigned=me, share_consent=False, risk="high")
    r = post(client, auth, me, high, "/actions", {"kind": "referral", "action": "cmarac"})
    assert r.status_code == 201, "high risk may go to CMARAC without consent"
    closed = make_case(assigned=me, stored={"status": "closed", "outcome": "resolved"})
    r = post(client, auth, me, closed, "/actions", {"kind": "enforcement", "action": "injunction"})
    assert r.status_code == 409
    assert "reopen" in r.json()["detail"]
    r = post(client, auth, me, closed, "/assign")
    assert r.status_code == 409


def test_high_risk_case_suggests_cmarac_until_referred(client, make_officer, make_case, auth):
    me = make_officer()
    case = make_case(assigned=me, risk="high")
    detail = client.get(f"/api/v1/cases/{case.reference}", headers=auth(me)).json()
    assert "referral:cmarac" in detail["suggested_actions"]
    post(client, auth, me, case, "/actions", {"kind": "referral", "action": "cmarac"})
    detail = client.get(f"/api/v1/cases/{case.reference}", headers=auth(me)).json()
    assert "referral:cmarac" not in detail["suggested_actions"]


def test_a_racing_claim_loses_cleanly(make_officer, make_case, session_factory):
    """Two officers load the same unassigned case; the second write finds it taken: 409."""
    a, b = make_officer(), make_officer()
    case = make_case()
    with session_factory() as first, session_factory() as second:
        mine = first.get(Case, case.id)
        theirs = second.get(Case, case.id)
        _guarded_update(second, theirs, {"assigned_officer_id": None},
                        {"assigned_officer_id": b.id})
        second.commit()
        with pytest.raises(HTTPException) as lost:
            _guarded_update(first, mine, {"assigned_officer_id": None},
                            {"assigned_officer_id": a.id})
        assert lost.value.status_code == 409
    with session_factory() as check:
        assert check.get(Case, case.id).assigned_officer_id == b.id
