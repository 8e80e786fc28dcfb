"""Officer accounts in the workspace: admins create, deactivate, reactivate and change roles
(the API's rules and audit events); supervisors see the list; changes apply at once."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from bot.models import AuditEvent, Officer
from bot.passwords import verify_password
from tests.workspace.conftest import sign_in


def test_admins_create_accounts_with_the_apis_validation(signed_in, session_factory):
    admin = signed_in("admin")
    page = admin.get("/officer/accounts")
    assert page.status_code == 200 and "Create an account" in page.text
    bad = [({"username": "ab", "password": "long enough password"}, "3 to 64"),
           ({"username": "new_officer", "password": "short"}, "at least 12 characters"),
           ({"username": "new_officer", "password": "long enough password",
             "email": "not-an-email"}, "e-mail address"),
           ({"username": "new_officer", "password": "long enough password", "role": "boss"},
            "The role")]
    for data, reason in bad:
        r = admin.post("/officer/accounts", data)
        assert r.status_code == 422, data
        assert reason in r.text
        assert 'value="new_officer"' in r.text or data["username"] == "ab"  # kept for a retry
        assert "long enough password" not in r.text  # never echoed back
    r = admin.post("/officer/accounts", {"username": "new_officer",
                                         "password": "long enough password",
                                         "role": "supervisor", "display_name": "Nia Jones",
                                         "email": "nia@lbhf.example", "phone": "020 7946 0999"})
    assert r.status_code == 303 and r.headers["location"] == "/officer/accounts?done=created"
    assert "Nia Jones" in admin.get(r.headers["location"]).text
    again = admin.post("/officer/accounts", {"username": "new_officer",
                                             "password": "long enough password"})
    assert again.status_code == 409 and "already exists" in again.text
    with session_factory() as s:
        made = s.scalar(select(Officer).where(Officer.username == "new_officer"))
        assert made.role == "supervisor" and verify_password(made.password_hash,
                                                             "long enough password")
        created = s.scalars(select(AuditEvent).where(
            AuditEvent.action == "officer.created",
            AuditEvent.officer_username == admin.officer.username)).one()
    assert created.changes == {"username": "new_officer", "role": "supervisor"}


def test_deactivation_ends_that_officers_session_at_once(signed_in):
    admin = signed_in("admin")
    officer = signed_in("officer")
    assert officer.get("/officer/").status_code == 200
    r = admin.post(f"/officer/accounts/{officer.officer.username}/active", {"active": "no"})
    assert r.status_code == 303
    assert "Deactivated" in admin.get("/officer/accounts").text
    r = officer.get("/officer/")
    assert r.status_code == 303 and "reason=inactive" in r.headers["location"]
    assert admin.post(f"/officer/accounts/{officer.officer.username}/active",
                      {"active": "yes"}).status_code == 303


def test_role_changes_end_the_sessions_and_apply_at_the_next_sign_in(signed_in, session_factory):
    admin = signed_in("admin")
    officer = signed_in("officer")
    assert officer.get("/officer/stats").status_code == 403
    r = admin.post(f"/officer/accounts/{officer.officer.username}/role", {"role": "supervisor"})
    assert r.status_code == 303 and r.headers["location"] == "/officer/accounts?done=role"
    ended = officer.get("/officer/stats")
    assert ended.status_code == 303 and "reason=changed" in ended.headers["location"]
    again = sign_in(officer.client, officer.officer)
    assert again.get("/officer/stats").status_code == 200
    with session_factory() as s:
        event = s.scalars(select(AuditEvent).where(
            AuditEvent.action == "officer.role_changed",
            AuditEvent.officer_username == admin.officer.username)).one()
    assert event.changes == {"username": officer.officer.username,
                             "role": {"from": "officer", "to": "supervisor"}}
    assert admin.post(f"/officer/accounts/{officer.officer.username}/role",
                      {"role": "emperor"}).status_code == 422
    r = admin.post(f"/officer/accounts/{admin.officer.username}/role", {"role": "officer"})
    assert r.status_code == 409 and "cannot change your own role" in r.text
    assert admin.post("/officer/accounts/nobody_at_all/role",
                      {"role": "officer"}).status_code == 404


def test_supervisors_see_the_list_without_the_forms(signed_in, make_officer):
    boss = signed_in("supervisor")
    other = make_officer(username="listed_officer")
    page = boss.get("/officer/accounts")
    assert page.status_code == 200 and other.username in page.text
    assert "Create an account" not in page.text and "Deactivate" not in page.text
    r = boss.post(f"/officer/accounts/{other.username}/active", {"active": "no"})
    assert r.status_code == 403 and "admin role" in r.text


@pytest.mark.parametrize("path", ["/officer/accounts"])
def test_officers_cannot_see_accounts(signed_in, path):
    b = signed_in("officer")
    assert b.get(path).status_code == 403
