"""A supervisor erases a case: the route calls bot.retention.erase_case and answers counts."""

from __future__ import annotations

from sqlalchemy import select

from bot.models import AuditEvent


def test_supervisor_erases_personal_data_and_it_is_audited(client, make_officer, make_case, auth,
                                                           session_factory):
    supervisor, me = make_officer("supervisor"), make_officer()
    case = make_case(assigned=me)
    client.post(f"/api/v1/cases/{case.reference}/notes", json={"text": "rang her"},
                headers=auth(me))
    r = client.delete(f"/api/v1/cases/{case.reference}", headers=auth(supervisor))
    assert r.status_code == 200, r.text
    assert r.json()["reference"] == case.reference
    assert r.json()["notes"] == 1
    detail = client.get(f"/api/v1/cases/{case.reference}", headers=auth(supervisor)).json()
    assert detail["narrative"] is None
    assert detail["contact"]["value"] is None
    assert [n["text"] for n in detail["notes"]] == [None]
    with session_factory() as s:
        actions = s.scalars(select(AuditEvent.action).where(
            AuditEvent.case_reference == case.reference,
            AuditEvent.officer_username == supervisor.username)).all()
    assert "case.erased" in actions
    assert client.delete("/api/v1/cases/HF-ZZZZZZ", headers=auth(supervisor)).status_code == 404
