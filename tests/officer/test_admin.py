"""Admins manage accounts; deactivation revokes access at once."""

from __future__ import annotations

from sqlalchemy import select

from bot.models import Officer


def test_admin_creates_an_officer_who_can_sign_in(client, make_officer, auth, session_factory):
    admin = make_officer("admin")
    body = {"username": "new.officer", "password": "a long enough secret", "role": "officer",
            "display_name": "New Officer", "email": "new.officer@lbhf.example",
            "phone": "020 7946 0999"}
    r = client.post("/api/v1/officers", json=body, headers=auth(admin))
    assert r.status_code == 201, r.text
    assert r.json()["role"] == "officer" and "password" not in r.json()
    with session_factory() as s:
        stored = s.scalar(select(Officer.password_hash).where(Officer.username == "new.officer"))
    assert stored.startswith("$argon2id$")
    token = client.post("/api/v1/auth/token",
                        data={"username": "new.officer", "password": "a long enough secret"})
    assert token.status_code == 200
    assert client.post("/api/v1/officers", json=body, headers=auth(admin)).status_code == 409
    short = {**body, "username": "other", "password": "short"}
    assert client.post("/api/v1/officers", json=short, headers=auth(admin)).status_code == 422


def test_only_admins_manage_accounts(client, make_officer, auth):
    supervisor, officer = make_officer("supervisor"), make_officer()
    body = {"username": "sneaky", "password": "a long enough secret", "role": "admin"}
    for who in (supervisor, officer):
        assert client.post("/api/v1/officers", json=body, headers=auth(who)).status_code == 403
        r = client.post(f"/api/v1/officers/{officer.username}/deactivate", headers=auth(who))
        assert r.status_code == 403
    assert client.get("/api/v1/officers", headers=auth(supervisor)).status_code == 200
    assert client.get("/api/v1/officers", headers=auth(officer)).status_code == 403


def test_deactivation_revokes_tokens_and_can_be_undone(client, make_officer, auth):
    admin, officer = make_officer("admin"), make_officer()
    h = auth(officer)
    assert client.get("/api/v1/cases", headers=h).status_code == 200
    r = client.post(f"/api/v1/officers/{officer.username}/deactivate", headers=auth(admin))
    assert r.status_code == 200 and r.json()["active"] is False
    assert client.get("/api/v1/cases", headers=h).status_code == 401
    client.post(f"/api/v1/officers/{officer.username}/activate", headers=auth(admin))
    assert client.get("/api/v1/cases", headers=h).status_code == 401  # stays ended
    assert client.get("/api/v1/cases", headers=auth(officer)).status_code == 200
    r = client.post(f"/api/v1/officers/{admin.username}/deactivate", headers=auth(admin))
    assert r.status_code == 409
    assert client.post("/api/v1/officers/ghost_user/deactivate",
                       headers=auth(admin)).status_code == 404


def test_cli_creates_and_deactivates_accounts(db_url, session_factory):
    from typer.testing import CliRunner

    from bot.cli import app

    runner = CliRunner()
    ok = runner.invoke(app, ["officer", "create", "--username", "cli.sup", "--password",
                             "a long enough secret", "--role", "supervisor"])
    assert ok.exit_code == 0, ok.output
    bad = runner.invoke(app, ["officer", "create", "--username", "no spaces allowed",
                              "--password", "a long enough secret"])
    assert bad.exit_code != 0
    assert runner.invoke(app, ["officer", "deactivate", "--username", "cli.sup"]).exit_code == 0
    with session_factory() as s:
        officer = s.scalar(select(Officer).where(Officer.username == "cli.sup"))
    assert (officer.role, officer.active) == ("supervisor", False)
    assert officer.password_hash.startswith("$argon2id$")
    assert runner.invoke(app, ["officer", "deactivate", "--username", "ghost"]).exit_code == 1
