"""The TOTP second factor: set up through the API or the workspace, asked for at every sign-in
after that (API and workspace), a code good once, and required for the roles in
REQUIRE_TOTP_FOR before anything else can be done."""

from __future__ import annotations

import time

import pyotp
from fastapi.testclient import TestClient
from sqlalchemy import select, text

from api.main import create_app
from bot.models import AuditEvent, Officer
from bot.settings import get_settings
from tests.officer.conftest import PASSWORD
from tests.workspace.conftest import csrf_of

TOKEN = "/api/v1/auth/token"


def bearer(token: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {token}"}


def enable_by_api(client: TestClient, headers: dict[str, str]) -> tuple[str, str]:
    setup = client.post("/api/v1/me/second-factor/setup", headers=headers)
    assert setup.status_code == 200, setup.text
    secret = setup.json()["secret"]
    assert setup.json()["otpauth_uri"].startswith("otpauth://totp/")
    wrong = client.post("/api/v1/me/second-factor", headers=headers, json={
        "secret": secret, "code": "000000" if pyotp.TOTP(secret).now() != "000000" else "111111",
        "password": PASSWORD})
    assert wrong.status_code == 403
    r = client.post("/api/v1/me/second-factor", headers=headers, json={
        "secret": secret, "code": pyotp.TOTP(secret).now(), "password": PASSWORD})
    assert r.status_code == 200, r.text
    return secret, r.json()["access_token"]


def test_after_set_up_every_sign_in_needs_a_fresh_code(client, make_officer, auth,
                                                       session_factory):
    officer = make_officer()
    old = auth(officer)
    secret, fresh = enable_by_api(client, old)
    assert client.get("/api/v1/cases", headers=old).status_code == 401  # other tokens ended
    assert client.get("/api/v1/cases", headers=bearer(fresh)).status_code == 200
    with session_factory() as s:
        stored = s.get(Officer, officer.id)
        assert stored.totp_secret == secret  # decrypts; the column itself is ciphertext
        raw = s.execute(text("SELECT totp_secret FROM officers WHERE id = :i"),
                        {"i": officer.id}).scalar()
    assert secret not in raw

    no_code = client.post(TOKEN, data={"username": officer.username, "password": PASSWORD})
    assert no_code.status_code == 401 and "second factor" in no_code.json()["detail"]
    bad = client.post(TOKEN, data={"username": officer.username, "password": PASSWORD,
                                   "totp": "123 456"})
    assert bad.status_code == 401
    code = pyotp.TOTP(secret).at(time.time() + 30)  # the next step: the set-up used this one
    ok = client.post(TOKEN, data={"username": officer.username, "password": PASSWORD,
                                  "totp": code})
    assert ok.status_code == 200, ok.text
    replay = client.post(TOKEN, data={"username": officer.username, "password": PASSWORD,
                                      "totp": code})
    assert replay.status_code == 401  # a code is good once
    with session_factory() as s:
        events = s.scalars(select(AuditEvent).where(
            AuditEvent.officer_username == officer.username).order_by(AuditEvent.id)).all()
    assert [e.action for e in events if e.action.startswith(("auth.", "officer.totp"))] == [
        "officer.totp_enabled", "auth.failed", "auth.login", "auth.failed"]
    assert [e.changes["reason"] for e in events if e.action == "auth.failed"] == ["code", "code"]
    assert secret not in str([e.changes for e in events])


def test_the_workspace_asks_for_the_code(client, make_officer, auth):
    officer = make_officer()
    secret, _ = enable_by_api(client, auth(officer))

    def post(code: str):
        page = client.get("/officer/login")
        return client.post("/officer/login", follow_redirects=False, data={
            "username": officer.username, "password": PASSWORD, "code": code,
            "csrf_token": csrf_of(page.text)})

    r = post("")
    assert r.status_code == 400 and "6-digit code" in r.text
    r = post(pyotp.TOTP(secret).at(time.time() + 30))
    assert r.status_code == 303 and r.headers["location"] == "/officer/"


def test_required_roles_must_set_it_up_before_anything_else(db_url, make_officer):
    settings = get_settings().model_copy(update={"require_totp_for": ["supervisor", "admin"]})
    boss, worker = make_officer("supervisor"), make_officer("officer")
    with TestClient(create_app(settings)) as tc:
        refused = tc.post(TOKEN, data={"username": boss.username, "password": PASSWORD})
        assert refused.status_code == 403 and "second factor" in refused.json()["detail"]
        assert tc.post(TOKEN, data={"username": worker.username,
                                    "password": PASSWORD}).status_code == 200

        page = tc.get("/officer/login")
        r = tc.post("/officer/login", follow_redirects=False, data={
            "username": boss.username, "password": PASSWORD, "csrf_token": csrf_of(page.text)})
        assert r.status_code == 303 and r.headers["location"] == "/officer/account/second-factor"
        for path in ("/officer/", "/officer/audit", "/officer/account"):
            blocked = tc.get(path, follow_redirects=False)
            assert blocked.status_code == 303, path
            assert blocked.headers["location"] == "/officer/account/second-factor"
        setup = tc.get("/officer/account/second-factor")
        assert setup.status_code == 200 and "your role needs a second factor" in setup.text.lower()
        secret = setup.text.split('name="secret" value="')[1].split('"')[0]
        done = tc.post("/officer/account/second-factor", follow_redirects=False, data={
            "csrf_token": csrf_of(setup.text), "secret": secret, "password": PASSWORD,
            "code": pyotp.TOTP(secret).now()})
        assert done.status_code == 303, done.text
        assert tc.get("/officer/").status_code == 200  # a new session for this browser
        code = pyotp.TOTP(secret).at(time.time() + 30)
        assert tc.post(TOKEN, data={"username": boss.username, "password": PASSWORD,
                                    "totp": code}).status_code == 200


def test_a_tampered_secret_is_refused_not_a_crash(signed_in, client, auth, make_officer):
    me = signed_in("officer")
    r = me.post("/officer/account/second-factor", {"secret": "not base32!" * 4,
                                                   "code": "123456", "password": PASSWORD})
    assert r.status_code == 400 and "does not match" in r.text
    officer = make_officer()
    api = client.post("/api/v1/me/second-factor", headers=auth(officer), json={
        "secret": "1" * 32, "code": "123456", "password": PASSWORD})
    assert api.status_code == 422
