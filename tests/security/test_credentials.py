"""Self-service password change (API and workspace) and one-time enrolment links; a password
change, deactivation or role change ends every bearer token and workspace session at once."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from fastapi.testclient import TestClient
from sqlalchemy import select, text, update
from typer.testing import CliRunner

from api.main import create_app
from bot.cli import app as cli
from bot.models import AuditEvent, Officer, OfficerEnrolment
from bot.settings import get_settings
from tests.officer.conftest import PASSWORD
from tests.workspace.conftest import sign_in

TOKEN = "/api/v1/auth/token"
NEW = "a brand new passphrase"


def token_for(client: TestClient, username: str, password: str) -> int:
    return client.post(TOKEN, data={"username": username, "password": password}).status_code


def test_password_change_by_api_ends_every_other_token_and_session(client, make_officer, auth):
    officer = make_officer()
    old = auth(officer)
    with TestClient(create_app(get_settings())) as browser_client:
        browser = sign_in(browser_client, officer)
        assert browser.get("/officer/").status_code == 200
        wrong = client.post("/api/v1/me/password", headers=old,
                            json={"current_password": "not my password", "new_password": NEW})
        assert wrong.status_code == 403
        short = client.post("/api/v1/me/password", headers=old,
                            json={"current_password": PASSWORD, "new_password": "short"})
        assert short.status_code == 422
        r = client.post("/api/v1/me/password", headers=old,
                        json={"current_password": PASSWORD, "new_password": NEW})
        assert r.status_code == 200, r.text
        assert client.get("/api/v1/cases", headers=old).status_code == 401
        fresh = {"Authorization": f"Bearer {r.json()['access_token']}"}
        assert client.get("/api/v1/cases", headers=fresh).status_code == 200
        ended = browser.get("/officer/")
        assert ended.status_code == 303 and "reason=changed" in ended.headers["location"]
    assert token_for(client, officer.username, PASSWORD) == 401
    assert token_for(client, officer.username, NEW) == 200


def test_password_change_in_the_workspace_keeps_this_browser_signed_in(signed_in, client,
                                                                       session_factory):
    me = signed_in("officer")
    elsewhere = sign_in(TestClient(create_app(get_settings())).__enter__(), me.officer)
    page = me.get("/officer/account")
    assert page.status_code == 200 and "Change your password" in page.text
    mismatch = me.post("/officer/account/password", {
        "current_password": PASSWORD, "new_password": NEW, "confirm_password": NEW + "x"})
    assert mismatch.status_code == 422
    r = me.post("/officer/account/password", {
        "current_password": PASSWORD, "new_password": NEW, "confirm_password": NEW})
    assert r.status_code == 303 and r.headers["location"] == "/officer/account?done=password"
    assert "tellonce_officer" in r.headers["set-cookie"]
    done = me.client.get(r.headers["location"])
    assert done.status_code == 200 and "Your password has been changed" in done.text
    assert elsewhere.get("/officer/").status_code == 303  # the other session ended
    elsewhere.client.__exit__(None, None, None)
    with session_factory() as s:
        assert s.scalars(select(AuditEvent.action).where(
            AuditEvent.officer_username == me.officer.username,
            AuditEvent.action == "officer.password_changed")).all() == [
            "officer.password_changed"]


def test_deactivation_ends_workspace_sessions_even_after_reactivation(signed_in, client,
                                                                      make_officer, auth):
    admin = make_officer("admin")
    browser = signed_in("officer")
    name = browser.officer.username
    client.post(f"/api/v1/officers/{name}/deactivate", headers=auth(admin))
    client.post(f"/api/v1/officers/{name}/activate", headers=auth(admin))
    ended = browser.get("/officer/")
    assert ended.status_code == 303 and "reason=changed" in ended.headers["location"]


def test_an_admin_creates_an_account_without_a_password_and_the_link_works_once(
        client, make_officer, auth, session_factory):
    admin = make_officer("admin")
    r = client.post("/api/v1/officers", headers=auth(admin),
                    json={"username": "new.starter", "role": "officer"})
    assert r.status_code == 201, r.text
    url = r.json()["enrolment"]["enrolment_url"]
    token = url.rsplit("/", 1)[1]
    assert url.startswith(get_settings().public_base_url) and len(token) >= 40
    with session_factory() as s:
        stored = s.execute(text("SELECT token_hash FROM officer_enrolments")).scalars().all()
    assert len(stored) == 1 and token not in stored[0]  # only its hash is kept
    assert token_for(client, "new.starter", "anything at all, really") == 401  # no password yet

    page = client.get(f"/officer/enrol/{token}")
    assert page.status_code == 200 and "new.starter" in page.text
    assert page.headers["referrer-policy"] == "no-referrer"
    weak = client.post(f"/officer/enrol/{token}", data={"new_password": "new.starter",
                                                        "confirm_password": "new.starter"},
                       follow_redirects=False)
    assert weak.status_code == 400  # the link survives a refused password
    done = client.post(f"/officer/enrol/{token}", data={"new_password": NEW,
                                                        "confirm_password": NEW},
                       follow_redirects=False)
    assert done.status_code == 303 and done.headers["location"] == "/officer/login?reason=enrolled"
    assert token_for(client, "new.starter", NEW) == 200
    again = client.post(f"/officer/enrol/{token}", data={"new_password": NEW + "2",
                                                         "confirm_password": NEW + "2"})
    assert again.status_code == 404 and "cannot be used" in again.text
    assert client.get(f"/officer/enrol/{token}").status_code == 404
    with session_factory() as s:
        actions = s.scalars(select(AuditEvent.action).where(
            AuditEvent.action.in_(("officer.enrolment_link", "officer.enrolled")))).all()
    assert actions[-2:] == ["officer.enrolment_link", "officer.enrolled"]


def test_an_enrolment_link_expires_and_a_new_one_replaces_the_old(client, make_officer, auth,
                                                                  session_factory):
    admin, officer = make_officer("admin"), make_officer()
    first = client.post(f"/api/v1/officers/{officer.username}/enrolment-link",
                        headers=auth(admin)).json()["enrolment_url"].rsplit("/", 1)[1]
    second = client.post(f"/api/v1/officers/{officer.username}/enrolment-link",
                         headers=auth(admin)).json()["enrolment_url"].rsplit("/", 1)[1]
    assert client.get(f"/officer/enrol/{first}").status_code == 404  # replaced
    assert client.get(f"/officer/enrol/{second}").status_code == 200
    with session_factory() as s:
        s.execute(update(OfficerEnrolment).values(
            expires_at=datetime.now(UTC) - timedelta(minutes=1)))
        s.commit()
    r = client.post(f"/officer/enrol/{second}", data={"new_password": NEW,
                                                      "confirm_password": NEW})
    assert r.status_code == 404
    assert token_for(client, officer.username, PASSWORD) == 200  # nothing changed


def test_workspace_admins_get_the_link_on_the_page_once(signed_in, session_factory):
    admin = signed_in("admin")
    r = admin.post("/officer/accounts", {"username": "ws.starter", "role": "supervisor",
                                         "password": ""})
    assert r.status_code == 201 and "/officer/enrol/" in r.text
    with session_factory() as s:
        created = s.scalar(select(Officer).where(Officer.username == "ws.starter"))
        assert created.role == "supervisor" and not created.password_hash.startswith("$argon2")
    assert "/officer/enrol/" not in admin.get("/officer/accounts").text  # shown once


def test_the_cli_still_creates_with_a_password_and_can_invite(db_url, client):
    runner = CliRunner()
    made = runner.invoke(cli, ["officer", "create", "--username", "first.admin", "--password",
                               "a long enough secret", "--role", "admin"])
    assert made.exit_code == 0, made.output
    assert token_for(client, "first.admin", "a long enough secret") == 200
    invited = runner.invoke(cli, ["officer", "invite", "--username", "cli.invited"])
    assert invited.exit_code == 0, invited.output
    token = invited.output.strip().rsplit("/", 1)[1]
    assert client.get(f"/officer/enrol/{token}").status_code == 200
