"""One implementation: for the same officer, the workspace refuses exactly what the officer API
refuses, with the same status code and the same reason, and changes nothing."""

from __future__ import annotations

import html as htmllib
from dataclasses import dataclass
from typing import Any

import pytest
from sqlalchemy import func, select

from api.workspace.errors import wording
from bot.models import AuditEvent, Case, CaseAction, CaseNote, Officer, OutboundMessage


@dataclass
class Attempt:
    """The same request through the API (JSON) and the workspace (a form)."""

    name: str
    role: str
    case: dict[str, Any] | None  # make_case arguments; "assigned": "other" | "me"
    api: tuple[str, str, dict | None]  # method, path suffix, JSON body
    workspace: tuple[str, str, dict | None]  # method, path suffix, form data


ATTEMPTS = [
    Attempt("read another officer's case", "officer", {"assigned": "other"},
            ("get", "", None), ("get", "", None)),
    Attempt("note on another officer's case", "officer", {"assigned": "other"},
            ("post", "/notes", {"text": "mine now"}), ("post", "/notes", {"text": "mine now"})),
    Attempt("claim another officer's case", "officer", {"assigned": "other"},
            ("post", "/assign", None), ("post", "/assign", {})),
    Attempt("message on another officer's case", "officer", {"assigned": "other"},
            ("post", "/messages", {"text": "hi"}), ("post", "/messages", {"text": "hi"})),
    Attempt("packet of another officer's case", "officer", {"assigned": "other"},
            ("get", "/referral?to=police", None), ("get", "/referral?to=police", None)),
    Attempt("work an unclaimed case", "officer", {},
            ("post", "/status", {"status": "triaged"}), ("post", "/status", {"status": "triaged"})),
    Attempt("assign to someone else as an officer", "officer", {},
            ("post", "/assign", {"officer": "target_officer"}),
            ("post", "/assign", {"officer": "target_officer"})),
    Attempt("a transition the workflow forbids", "officer", {"assigned": "me"},
            ("post", "/status", {"status": "closed", "outcome": "resolved"}),
            ("post", "/status", {"status": "closed", "outcome": "resolved"})),
    Attempt("start work on an unassigned case", "supervisor", {"stored": {"status": "triaged"}},
            ("post", "/status", {"status": "in_progress"}),
            ("post", "/status", {"status": "in_progress"})),
    Attempt("a referral packet without consent", "officer",
            {"assigned": "me", "share_consent": False},
            ("get", "/referral?to=police", None), ("get", "/referral?to=police", None)),
    Attempt("a referral without consent", "officer", {"assigned": "me", "share_consent": False},
            ("post", "/actions", {"kind": "referral", "action": "police"}),
            ("post", "/actions", {"action": "referral:police"})),
    Attempt("an action on a closed case", "officer",
            {"assigned": "me", "stored": {"status": "closed", "outcome": "resolved"}},
            ("post", "/actions", {"kind": "enforcement", "action": "warning_letter"}),
            ("post", "/actions", {"action": "enforcement:warning_letter"})),
    Attempt("message an anonymous resident", "officer",
            {"assigned": "me", "anonymous": True, "contact_method": None, "contact_value": None},
            ("post", "/messages", {"text": "hello"}), ("post", "/messages", {"text": "hello"})),
    Attempt("message someone who asked for a call", "officer",
            {"assigned": "me", "contact_method": "phone"},
            ("post", "/messages", {"text": "hello"}), ("post", "/messages", {"text": "hello"})),
    Attempt("an admin reading a case", "admin", {}, ("get", "", None), ("get", "", None)),
]


def _snapshot(session_factory) -> tuple:
    with session_factory() as s:
        cases = tuple(s.execute(select(Case.id, Case.status, Case.assigned_officer_id,
                                       Case.outcome).order_by(Case.id)).all())
        counts = tuple(s.scalar(select(func.count()).select_from(t))
                       for t in (CaseNote, CaseAction, OutboundMessage))
    return cases, counts


@pytest.mark.parametrize("attempt", ATTEMPTS, ids=[a.name for a in ATTEMPTS])
def test_the_workspace_refuses_what_the_api_refuses(attempt, signed_in, make_officer,
                                                    make_case, client, auth, session_factory):
    other = make_officer()
    make_officer(username="target_officer")
    b = signed_in(attempt.role)
    fields = dict(attempt.case or {})
    who = fields.pop("assigned", None)
    case = make_case(assigned={"other": other, "me": b.officer}.get(who), **fields)
    before = _snapshot(session_factory)

    method, suffix, body = attempt.api
    kwargs = {"json": body} if body is not None else {}
    api = client.request(method, f"/api/v1/cases/{case.reference}{suffix}",
                         headers=auth(b.officer), **kwargs)
    assert 400 <= api.status_code < 500, api.text
    reason = api.json()["detail"]

    method, suffix, form = attempt.workspace
    path = f"/officer/cases/{case.reference}{suffix}"
    page = b.post(path, form) if method == "post" else b.get(path)
    assert page.status_code == api.status_code, (page.status_code, api.status_code, reason)
    assert wording(reason) in htmllib.unescape(page.text), reason
    assert _snapshot(session_factory) == before


@pytest.mark.parametrize("path", ["/officer/stats", "/officer/audit", "/officer/stats.csv"])
def test_officers_see_neither_trends_nor_the_audit_log_in_either(path, signed_in, client, auth):
    b = signed_in("officer")
    api = client.get("/api/v1/audit" if "audit" in path else "/api/v1/stats",
                     headers=auth(b.officer))
    page = b.get(path)
    assert api.status_code == page.status_code == 403
    assert api.json()["detail"] in page.text


@pytest.mark.parametrize("role", ["officer", "supervisor"])
def test_only_admins_create_accounts_in_either(role, signed_in, client, auth, session_factory):
    b = signed_in(role)
    body = {"username": "new_person", "password": "a long enough password", "role": "officer"}
    api = client.post("/api/v1/officers", json=body, headers=auth(b.officer))
    page = b.post("/officer/accounts", body)
    assert api.status_code == page.status_code == 403
    assert api.json()["detail"] in page.text
    with session_factory() as s:
        assert not s.scalar(select(Officer).where(Officer.username == "new_person"))


def test_admins_cannot_deactivate_themselves_in_either(signed_in, client, auth):
    b = signed_in("admin")
    name = b.officer.username
    api = client.post(f"/api/v1/officers/{name}/deactivate", headers=auth(b.officer))
    page = b.post(f"/officer/accounts/{name}/active", {"active": "no"})
    assert api.status_code == page.status_code == 409
    assert api.json()["detail"] in page.text


def test_both_write_the_same_audit_trail(signed_in, make_case, client, auth, session_factory):
    """A note through each front end: one event each, the same action and the same redaction."""
    b = signed_in("officer")
    case = make_case(assigned=b.officer)
    client.post(f"/api/v1/cases/{case.reference}/notes", json={"text": "via the API"},
                headers=auth(b.officer))
    b.post(f"/officer/cases/{case.reference}/notes", {"text": "via the workspace"})
    with session_factory() as s:
        events = s.scalars(select(AuditEvent).where(
            AuditEvent.action == "case.note_added",
            AuditEvent.case_reference == case.reference).order_by(AuditEvent.id)).all()
    assert [(e.officer_username, e.case_reference) for e in events] == [
        (b.officer.username, case.reference)] * 2
    assert [e.changes["text"] for e in events] == ["[redacted]", "[redacted]"]
