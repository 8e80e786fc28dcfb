"""Roles and object-level checks (OWASP API1/API5) on every case route."""

from __future__ import annotations

import pytest


def refs(response) -> set[str]:
    assert response.status_code == 200, response.text
    return {c["reference"] for c in response.json()["items"]}


def test_officers_see_the_open_queue_and_their_own_cases_only(client, make_officer, make_case,
                                                             auth):
    me, other = make_officer(), make_officer()
    supervisor = make_officer("supervisor")
    open_case, mine, theirs = make_case(), make_case(assigned=me), make_case(assigned=other)
    assert refs(client.get("/api/v1/cases", headers=auth(me))) == {open_case.reference,
                                                                   mine.reference}
    assert refs(client.get("/api/v1/cases", headers=auth(supervisor))) == {
        open_case.reference, mine.reference, theirs.reference}
    assert client.get(f"/api/v1/cases/{mine.reference}", headers=auth(me)).status_code == 200
    r = client.get(f"/api/v1/cases/{theirs.reference}", headers=auth(me))
    assert r.status_code == 403
    assert "another officer" in r.json()["detail"]
    assert client.get(f"/api/v1/cases/{theirs.reference}",
                      headers=auth(supervisor)).status_code == 200


@pytest.mark.parametrize("method,suffix,body", [
    ("get", "", None),
    ("post", "/notes", {"text": "called"}),
    ("post", "/status", {"status": "triaged"}),
    ("post", "/actions", {"kind": "referral", "action": "police"}),
    ("post", "/assign", None),
    ("get", "/referral?to=police", None),
    ("post", "/messages", {"text": "hello"}),
    ("get", "/messages", None),
    ("delete", "", None),
])
def test_no_case_route_lets_an_officer_touch_another_officers_case(
        client, make_officer, make_case, auth, method, suffix, body):
    me, other = make_officer(), make_officer()
    theirs = make_case(assigned=other)
    kwargs = {"json": body} if body is not None else {}
    r = client.request(method, f"/api/v1/cases/{theirs.reference}{suffix}", headers=auth(me),
                       **kwargs)
    assert r.status_code == 403, r.text


@pytest.mark.parametrize("method,suffix,body", [
    ("post", "/notes", {"text": "called"}),
    ("post", "/status", {"status": "triaged"}),
    ("post", "/actions", {"kind": "referral", "action": "police"}),
    ("get", "/referral?to=police", None),
    ("post", "/messages", {"text": "hello"}),
])
def test_officers_must_claim_a_case_before_working_it(client, make_officer, make_case, auth,
                                                      method, suffix, body):
    me = make_officer()
    case = make_case()
    kwargs = {"json": body} if body is not None else {}
    r = client.request(method, f"/api/v1/cases/{case.reference}{suffix}", headers=auth(me),
                       **kwargs)
    assert r.status_code == 403
    assert "Claim this case" in r.json()["detail"]


def test_admins_manage_accounts_but_cannot_read_cases(client, make_officer, make_case, auth):
    admin = make_officer("admin")
    case = make_case()
    assert client.get("/api/v1/cases", headers=auth(admin)).status_code == 403
    assert client.get(f"/api/v1/cases/{case.reference}", headers=auth(admin)).status_code == 403
    assert client.get("/api/v1/audit", headers=auth(admin)).status_code == 403


def test_only_supervisors_read_the_audit_log_and_erase(client, make_officer, make_case, auth):
    me = make_officer()
    case = make_case(assigned=me)
    assert client.get("/api/v1/audit", headers=auth(me)).status_code == 403
    assert client.delete(f"/api/v1/cases/{case.reference}", headers=auth(me)).status_code == 403


def test_unknown_case_is_404(client, make_officer, auth):
    supervisor = make_officer("supervisor")
    assert client.get("/api/v1/cases/HF-ZZZZZZ", headers=auth(supervisor)).status_code == 404
