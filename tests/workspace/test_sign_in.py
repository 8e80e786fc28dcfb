"""Signing in and out of the workspace: the form's CSRF token, the session cookie's flags,
server-side sessions (sign-out and idle expiry are real), and accounts re-read per request."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from http.cookies import SimpleCookie

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import func, select, update

from api.main import create_app
from bot.models import AuditEvent, Officer, OfficerSession
from bot.settings import get_settings
from tests.workspace.conftest import PASSWORD, csrf_of, sign_in


def cookies_set(response) -> dict[str, SimpleCookie]:
    found = {}
    for header in response.headers.get_list("set-cookie"):
        jar = SimpleCookie()
        jar.load(header)
        for name, morsel in jar.items():
            found[name] = morsel
    return found


def login_form(tc: TestClient) -> str:
    page = tc.get("/officer/login")
    assert page.status_code == 200
    return csrf_of(page.text)


def test_sign_in_sets_a_strict_http_only_session_cookie_and_stores_only_its_hash(
        client, make_officer, session_factory):
    officer = make_officer()
    page = client.get("/officer/login")
    pre = cookies_set(page)["tellonce_login"]
    assert pre["httponly"] and pre["samesite"] == "strict" and pre["path"] == "/officer/login"
    r = client.post("/officer/login", data={"username": officer.username, "password": PASSWORD,
                                            "csrf_token": csrf_of(page.text)},
                    follow_redirects=False)
    assert r.status_code == 303 and r.headers["location"] == "/officer/"
    cookie = cookies_set(r)["tellonce_officer"]
    assert cookie["httponly"] is True
    assert cookie["samesite"] == "strict"
    assert cookie["path"] == "/officer"
    assert not cookie["secure"]  # served over plain http here
    assert not cookie["max-age"]  # a browser-session cookie: gone when the browser closes
    with session_factory() as s:
        row = s.scalars(select(OfficerSession)).one()
        assert row.officer_id == officer.id
        assert cookie.value not in (row.token_hash, row.csrf_token)
        events = [e.action for e in s.scalars(select(AuditEvent).where(
            AuditEvent.officer_username == officer.username))]
    assert "auth.login" in events


@pytest.mark.parametrize("settings_change,headers", [
    ({"public_base_url": "https://tellonce.example.org"}, {}),
    ({"trust_forwarded_headers": True}, {"X-Forwarded-Proto": "https"}),
])
def test_the_cookie_is_secure_when_served_over_https(db_url, make_officer, settings_change,
                                                     headers):
    officer = make_officer()
    settings = get_settings().model_copy(update=settings_change)
    with TestClient(create_app(settings)) as tc:
        page = tc.get("/officer/login", headers=headers)
        assert cookies_set(page)["tellonce_login"]["secure"] is True
        # the pre-sign-in cookie is Secure too, so send it by hand over the test's plain http
        nonce = cookies_set(page)["tellonce_login"].value
        r = tc.post("/officer/login", headers={**headers, "Cookie": f"tellonce_login={nonce}"},
                    data={"username": officer.username, "password": PASSWORD,
                          "csrf_token": csrf_of(page.text)}, follow_redirects=False)
        assert r.status_code == 303, r.text
        assert cookies_set(r)["tellonce_officer"]["secure"] is True


def test_forwarded_proto_is_ignored_unless_trusted(client):
    page = client.get("/officer/login", headers={"X-Forwarded-Proto": "https"})
    assert not cookies_set(page)["tellonce_login"]["secure"]


def test_wrong_password_unknown_user_and_empty_fields_are_refused_with_a_reason(
        client, make_officer, session_factory):
    officer = make_officer()
    for username, password in ((officer.username, "not the password"),
                               ("nobody_here", PASSWORD)):
        r = client.post("/officer/login", data={"username": username, "password": password,
                                                "csrf_token": login_form(client)},
                        follow_redirects=False)
        assert r.status_code == 400
        assert "Incorrect username or password" in r.text
        assert "tellonce_officer" not in cookies_set(r)
    r = client.post("/officer/login", data={"username": "", "password": "",
                                            "csrf_token": login_form(client)})
    assert r.status_code == 400 and "Enter your username and your password" in r.text
    with session_factory() as s:
        assert s.scalar(select(func.count()).select_from(OfficerSession)) == 0
        failed = s.scalars(select(AuditEvent).where(
            AuditEvent.action == "auth.failed",
            AuditEvent.officer_username.in_([officer.username, "nobody_here"]))).all()
    assert [e.officer_username for e in failed] == [officer.username]


def test_a_deactivated_account_cannot_sign_in(client, make_officer):
    officer = make_officer(active=False)
    r = client.post("/officer/login", data={"username": officer.username, "password": PASSWORD,
                                            "csrf_token": login_form(client)})
    assert r.status_code == 400


def test_sign_in_without_the_forms_token_is_refused(client, make_officer, session_factory):
    officer = make_officer()
    client.get("/officer/login")
    for token in ("", "forged-token"):
        r = client.post("/officer/login", data={"username": officer.username,
                                                "password": PASSWORD, "csrf_token": token})
        assert r.status_code == 403
        assert "did not come from this site" in r.text
    # a token from another browser (another pre-sign-in cookie) does not fit this one
    with TestClient(create_app(get_settings())) as other:
        foreign = login_form(other)
    r = client.post("/officer/login", data={"username": officer.username,
                                            "password": PASSWORD, "csrf_token": foreign})
    assert r.status_code == 403
    with session_factory() as s:
        assert s.scalar(select(func.count()).select_from(OfficerSession)) == 0


def test_pages_need_a_session_and_come_back_after_sign_in(client, make_officer, make_case):
    officer = make_officer()
    case = make_case()
    for path in ("/officer/", f"/officer/cases/{case.reference}", "/officer/stats",
                 "/officer/audit", "/officer/accounts"):
        r = client.get(path, follow_redirects=False)
        assert r.status_code == 303, path
        assert r.headers["location"].startswith("/officer/login?reason=required")
        assert r.headers["cache-control"] == "no-store"
    r = client.get(f"/officer/cases/{case.reference}", follow_redirects=False)
    page = client.get(r.headers["location"])
    assert f'name="next" value="/officer/cases/{case.reference}"' in page.text
    done = client.post("/officer/login", data={
        "username": officer.username, "password": PASSWORD, "csrf_token": csrf_of(page.text),
        "next": f"/officer/cases/{case.reference}"}, follow_redirects=False)
    assert done.headers["location"] == f"/officer/cases/{case.reference}"


@pytest.mark.parametrize("target", ["//evil.example/", "https://evil.example/", "/\\evil",
                                    "/api/v1/cases"])
def test_after_sign_in_only_workspace_paths_are_followed(client, make_officer, target):
    officer = make_officer()
    r = client.post("/officer/login", data={"username": officer.username, "password": PASSWORD,
                                            "csrf_token": login_form(client), "next": target},
                    follow_redirects=False)
    assert r.status_code == 303
    assert r.headers["location"] == "/officer/"


def test_sign_out_ends_the_session_for_real(signed_in, session_factory):
    b = signed_in("officer")
    stolen = b.client.cookies.get("tellonce_officer")
    r = b.post("/officer/logout")
    assert r.status_code == 303 and r.headers["location"] == "/officer/login?reason=bye"
    assert "You have signed out" in b.client.get(r.headers["location"]).text
    with session_factory() as s:
        assert s.scalar(select(func.count()).select_from(OfficerSession)) == 0
        assert s.scalar(select(AuditEvent.action).where(
            AuditEvent.action == "auth.logout",
            AuditEvent.officer_username == b.officer.username))
    # replaying the old cookie gets nowhere
    b.client.cookies.set("tellonce_officer", stolen, domain="testserver.local", path="/officer")
    r = b.get("/officer/")
    assert r.status_code == 303 and "reason=signed_out" in r.headers["location"]


def test_sign_out_needs_the_csrf_token(signed_in, session_factory):
    b = signed_in("officer")
    assert b.post("/officer/logout", csrf="forged").status_code == 403
    assert b.get("/officer/").status_code == 200
    with session_factory() as s:
        assert s.scalar(select(func.count()).select_from(OfficerSession)) == 1


def test_an_idle_session_expires(signed_in, session_factory):
    b = signed_in("officer")
    idle = get_settings().workspace_idle_minutes
    with session_factory() as s:
        s.execute(update(OfficerSession).values(
            last_seen_at=datetime.now(UTC) - timedelta(minutes=idle, seconds=5)))
        s.commit()
    r = b.get("/officer/")
    assert r.status_code == 303
    assert r.headers["location"] == "/officer/login?reason=expired"
    assert "Your session expired" in b.client.get(r.headers["location"]).text
    with session_factory() as s:
        assert s.scalar(select(func.count()).select_from(OfficerSession)) == 0


def test_activity_keeps_a_session_alive_but_not_past_its_absolute_end(signed_in,
                                                                      session_factory):
    b = signed_in("officer")
    with session_factory() as s:
        s.execute(update(OfficerSession).values(
            last_seen_at=datetime.now(UTC) - timedelta(minutes=5)))
        s.commit()
    assert b.get("/officer/").status_code == 200
    with session_factory() as s:
        seen = s.scalar(select(OfficerSession.last_seen_at))
        assert datetime.now(UTC) - seen < timedelta(minutes=1)  # touched
        s.execute(update(OfficerSession).values(expires_at=datetime.now(UTC)))
        s.commit()
    r = b.get("/officer/")
    assert r.status_code == 303 and "reason=expired" in r.headers["location"]


def test_deactivation_and_role_changes_apply_on_the_next_request(signed_in, session_factory):
    boss = signed_in("supervisor")
    assert boss.get("/officer/stats").status_code == 200
    with session_factory() as s:
        s.execute(update(Officer).where(Officer.id == boss.officer.id).values(role="officer"))
        s.commit()
    r = boss.get("/officer/stats")
    assert r.status_code == 403
    assert "supervisor role" in r.text
    with session_factory() as s:
        s.execute(update(Officer).where(Officer.id == boss.officer.id).values(active=False))
        s.commit()
    r = boss.get("/officer/")
    assert r.status_code == 303 and "reason=inactive" in r.headers["location"]


def test_a_planted_cookie_is_replaced_at_sign_in(client, make_officer, session_factory):
    """Session fixation: whatever cookie the browser had, signing in issues a new token."""
    officer = make_officer()
    client.cookies.set("tellonce_officer", "chosen-by-an-attacker", domain="testserver.local",
                       path="/officer")
    b = sign_in(client, officer)
    assert b.client.cookies.get("tellonce_officer") != "chosen-by-an-attacker"
    with session_factory() as s:
        assert s.scalar(select(func.count()).select_from(OfficerSession)) == 1


def test_the_login_page_sends_a_signed_in_officer_home(signed_in):
    b = signed_in("admin")
    r = b.get("/officer/login")
    assert r.status_code == 303 and r.headers["location"] == "/officer/accounts"
