"""``POST /api/v1/officers/{username}/role``: admins change a role; it applies at once, and the
account's outstanding tokens end (its token version is bumped)."""

from __future__ import annotations

from sqlalchemy import select

from bot.models import AuditEvent


def test_an_admin_changes_a_role_and_it_applies_at_once(client, make_officer, auth,
                                                        session_factory):
    admin, officer = make_officer("admin"), make_officer()
    before = auth(officer)
    assert client.get("/api/v1/audit", headers=before).status_code == 403
    r = client.post(f"/api/v1/officers/{officer.username}/role", json={"role": "supervisor"},
                    headers=auth(admin))
    assert r.status_code == 200 and r.json()["role"] == "supervisor"
    assert client.get("/api/v1/cases", headers=before).status_code == 401  # its token ended
    assert client.get("/api/v1/audit", headers=auth(officer)).status_code == 200
    with session_factory() as s:
        event = s.scalars(select(AuditEvent).where(
            AuditEvent.action == "officer.role_changed",
            AuditEvent.officer_username == admin.username)).one()
    assert event.officer_username == admin.username
    assert event.changes["role"] == {"from": "officer", "to": "supervisor"}


def test_role_change_refusals(client, make_officer, auth):
    admin, officer = make_officer("admin"), make_officer()
    url = f"/api/v1/officers/{officer.username}/role"
    assert client.post(url, json={"role": "emperor"}, headers=auth(admin)).status_code == 422
    assert client.post(url, json={"role": "admin"}, headers=auth(officer)).status_code == 403
    r = client.post(f"/api/v1/officers/{admin.username}/role", json={"role": "officer"},
                    headers=auth(admin))
    assert r.status_code == 409 and "your own role" in r.json()["detail"]
    assert client.post("/api/v1/officers/nobody_here/role", json={"role": "officer"},
                       headers=auth(admin)).status_code == 404
