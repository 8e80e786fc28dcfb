"""Sign-in, tokens and the two case reads of the foundation issue."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import jwt
from sqlalchemy import select

from bot.models import AuditEvent, Officer
from bot.settings import get_settings
from bot.tokens import create_access_token
from tests.officer.conftest import PASSWORD


def test_password_flow_issues_a_bearer_token_that_reads_cases(client, make_officer, make_case):
    officer = make_officer("supervisor")
    case = make_case()
    r = client.post("/api/v1/auth/token", data={"username": officer.username, "password": PASSWORD})
    assert r.status_code == 200, r.text
    body = r.json()
    assert body["token_type"] == "bearer"
    headers = {"Authorization": f"Bearer {body['access_token']}"}
    listing = client.get("/api/v1/cases", headers=headers).json()
    assert [c["reference"] for c in listing["items"]] == [case.reference]
    assert listing["next_cursor"] is None
    detail = client.get(f"/api/v1/cases/{case.reference}", headers=headers).json()
    assert detail["narrative"].startswith("A man shouted")
    assert detail["contact"] == {"method": "sms", "value": "+447700900123",
                                 "safe_time": "weekdays after 6pm", "name": None,
                                 "voicemail_ok": None}
    assert detail["location"]["online"] is False


def test_token_is_short_lived_hs256_and_names_only_the_user(client, make_officer):
    officer = make_officer()
    r = client.post("/api/v1/auth/token", data={"username": officer.username, "password": PASSWORD})
    token = r.json()["access_token"]
    assert jwt.get_unverified_header(token)["alg"] == "HS256"
    claims = jwt.decode(token, options={"verify_signature": False})
    assert claims["sub"] == officer.username
    assert claims["exp"] - claims["iat"] == get_settings().access_token_minutes * 60
    assert "role" not in claims


def test_wrong_password_unknown_user_and_inactive_account_get_401(client, make_officer):
    active = make_officer()
    inactive = make_officer(active=False)
    for username, password in ((active.username, "wrong password!!"),
                               ("nobody_here", PASSWORD), (inactive.username, PASSWORD)):
        r = client.post("/api/v1/auth/token", data={"username": username, "password": password})
        assert r.status_code == 401, (username, r.text)
        assert r.json()["detail"] == "Incorrect username or password"
        assert r.headers["www-authenticate"] == "Bearer"


def test_cases_need_a_valid_token(client, make_officer, make_case):
    officer = make_officer("supervisor")
    case = make_case()
    settings = get_settings()
    expired = create_access_token(officer.username, settings,
                                  now=datetime.now(UTC) - timedelta(hours=2))
    forged = jwt.encode({"sub": officer.username, "iss": "tellonce", "aud": "tellonce-officer-api",
                         "iat": 0, "exp": 4_000_000_000}, "x" * 48, algorithm="HS256")
    unsigned = jwt.encode({"sub": officer.username}, None, algorithm="none")
    for path in ("/api/v1/cases", f"/api/v1/cases/{case.reference}"):
        assert client.get(path).status_code == 401
        for token in (expired, forged, unsigned, "garbage"):
            r = client.get(path, headers={"Authorization": f"Bearer {token}"})
            assert r.status_code == 401, (path, token)


def test_deactivating_an_account_revokes_its_tokens_at_once(client, make_officer, auth,
                                                           session_factory):
    officer = make_officer("supervisor")
    headers = auth(officer)
    assert client.get("/api/v1/cases", headers=headers).status_code == 200
    with session_factory() as s:
        s.get(Officer, officer.id).active = False
        s.commit()
    assert client.get("/api/v1/cases", headers=headers).status_code == 401


def test_sign_in_is_audited_without_the_password(client, make_officer, session_factory):
    officer = make_officer()
    client.post("/api/v1/auth/token", data={"username": officer.username, "password": "nope nope"})
    client.post("/api/v1/auth/token", data={"username": officer.username, "password": PASSWORD})
    with session_factory() as s:
        events = s.scalars(select(AuditEvent).where(AuditEvent.officer_username == officer.username)
                           .order_by(AuditEvent.id)).all()
    assert [e.action for e in events] == ["auth.failed", "auth.login"]
    assert events[0].changes["reason"] == "password"
    assert "nope" not in str(events[0].changes) and "testclient" not in str(events[0].changes)
    assert events[1].changes is None
