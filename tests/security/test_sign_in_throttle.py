"""Sign-in throttling per username and per client address: backoff, lockout, audit (no
password, no address in clear), for the API and the workspace, on SQLite and PostgreSQL."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from fastapi.testclient import TestClient
from sqlalchemy import select, update

from api.main import create_app
from bot import sign_in_throttle
from bot.models import AuditEvent, SignInThrottle
from bot.settings import get_settings
from tests.officer.conftest import PASSWORD
from tests.workspace.conftest import csrf_of

TOKEN = "/api/v1/auth/token"


def app_with(**changes: object):
    return create_app(get_settings().model_copy(update=changes))


def login(tc: TestClient, username: str, password: str, address: str | None = None):
    headers = {"X-Forwarded-For": address} if address else {}
    return tc.post(TOKEN, data={"username": username, "password": password}, headers=headers)


def test_backoff_after_a_few_failures_then_a_good_sign_in_clears_it(db_url, make_officer,
                                                                    session_factory):
    officer = make_officer()
    with TestClient(app_with(sign_in_backoff_after=2)) as tc:
        assert [login(tc, officer.username, "wrong-password-1").status_code
                for _ in range(2)] == [401, 401]
        refused = login(tc, officer.username, PASSWORD)  # right, but too soon: not checked
        assert refused.status_code == 429
        assert refused.json()["detail"].startswith("Too many failed sign-ins")
        assert 1 <= int(refused.headers["retry-after"]) <= 2
        with session_factory() as s:  # the wait has passed
            s.execute(update(SignInThrottle).values(
                last_failed_at=datetime.now(UTC) - timedelta(seconds=5)))
            s.commit()
        assert login(tc, officer.username, PASSWORD).status_code == 200
        with session_factory() as s:
            keys = {row.key for row in s.scalars(select(SignInThrottle))}
        assert sign_in_throttle.Key.of("username", officer.username).digest not in keys


def test_the_backoff_doubles_up_to_its_cap(db):
    settings = get_settings().model_copy(update={"sign_in_backoff_after": 2,
                                                 "sign_in_backoff_max_seconds": 10,
                                                 "sign_in_lockout_after": 100})
    keys = sign_in_throttle.keys_for("someone", None)
    start = datetime.now(UTC)
    waits = []
    for _ in range(6):
        sign_in_throttle.record_failure(db, keys, settings, start)
        db.commit()
        waits.append(sign_in_throttle.wait_seconds(db, keys, settings, start))
    assert waits == [0, 2, 4, 8, 10, 10]
    assert sign_in_throttle.wait_seconds(db, keys, settings, start + timedelta(seconds=10)) == 0


def test_a_username_is_locked_after_repeated_failures_and_it_is_audited(db_url, make_officer,
                                                                        session_factory):
    officer = make_officer()
    with TestClient(app_with(sign_in_backoff_after=50, sign_in_lockout_after=3,
                             sign_in_lockout_minutes=15, trust_forwarded_headers=True)) as tc:
        for i in range(3):  # from three different addresses: the username is what locks
            assert login(tc, officer.username, "wrong-pass-xyz", f"198.51.100.{i}"
                         ).status_code == 401
        locked = login(tc, officer.username, PASSWORD, "203.0.113.9")
        assert locked.status_code == 429
        assert 14 * 60 < int(locked.headers["retry-after"]) <= 15 * 60
    with session_factory() as s:
        events = s.scalars(select(AuditEvent).where(
            AuditEvent.officer_username == officer.username).order_by(AuditEvent.id)).all()
    assert [e.action for e in events] == ["auth.failed"] * 3 + ["auth.locked"]
    assert events[-1].changes["on"] == "username" and events[-1].changes["minutes"] == 15
    logged = " ".join(str(e.changes) for e in events)
    assert "wrong-pass" not in logged and "198.51.100" not in logged and "203.0.113" not in logged
    assert {e.changes["address_key"] for e in events[:3]} == {  # keyed hashes, one per address
        sign_in_throttle.Key.of("address", f"198.51.100.{i}").digest[:12] for i in range(3)}


def test_an_address_is_locked_after_failures_on_many_usernames(db_url, make_officer,
                                                               session_factory):
    victim = make_officer()
    with session_factory() as s:  # the audit log is append-only: count from here
        first = s.scalar(select(AuditEvent.id).order_by(AuditEvent.id.desc()).limit(1)) or 0
    with TestClient(app_with(sign_in_backoff_after=50, sign_in_address_lockout_after=4,
                             trust_forwarded_headers=True)) as tc:
        for i in range(4):  # spraying: a different (unknown) username each time
            assert login(tc, f"guess_{i}", "Password123!", "192.0.2.7").status_code == 401
        assert login(tc, victim.username, PASSWORD, "192.0.2.7").status_code == 429
        assert login(tc, victim.username, PASSWORD, "192.0.2.8").status_code == 200
    with session_factory() as s:
        new = select(AuditEvent).where(AuditEvent.id > first)
        unknown = s.scalars(new.where(AuditEvent.action == "auth.failed",
                                      AuditEvent.officer_username.is_(None))).all()
        locked = s.scalars(new.where(AuditEvent.action == "auth.locked")).all()
    assert len(unknown) == 4  # failures on unknown names are audited, the names are not
    assert all("guess_" not in str(e.changes) for e in unknown)
    assert [e.changes["on"] for e in locked] == ["address"]


def test_the_workspace_form_is_throttled_by_the_same_counters(db_url, make_officer):
    officer = make_officer()
    with TestClient(app_with(sign_in_backoff_after=1)) as tc:
        assert login(tc, officer.username, "wrong-through-api").status_code == 401
        page = tc.get("/officer/login")
        r = tc.post("/officer/login", data={"username": officer.username, "password": PASSWORD,
                                            "csrf_token": csrf_of(page.text)},
                    follow_redirects=False)
        assert r.status_code == 429
        assert "Too many failed sign-ins" in r.text and "retry-after" in r.headers


def test_throttle_rows_hold_no_name_or_address(db_url, session_factory):
    with TestClient(app_with(trust_forwarded_headers=True)) as tc:
        login(tc, "someone.real", "not the password", "203.0.113.200")
    with session_factory() as s:
        rows = s.scalars(select(SignInThrottle)).all()
    assert len(rows) == 2
    assert all("someone" not in r.key and "203.0" not in r.key for r in rows)
