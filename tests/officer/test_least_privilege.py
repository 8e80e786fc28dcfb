"""Least privilege (issue 13): an officer sees a summary of a case that is not theirs, the full
account and contact details once it is assigned to them (supervisors always); every full read
is audited and a run of them is flagged. One implementation (bot.casework.reads): the API and
the workspace show the same."""

from __future__ import annotations

from sqlalchemy import select

from bot.db import reset_caches
from bot.models import AuditEvent

ACCOUNT = "A man shouted racist abuse at me on Uxbridge Road"
PRIVATE = ("Uxbridge Road", "+447700900123", "weekdays after 6pm", "Bushra", "Peabody Estate")


def actions_of(session_factory, username: str) -> list[str]:
    with session_factory() as s:
        return list(s.scalars(select(AuditEvent.action).where(
            AuditEvent.officer_username == username).order_by(AuditEvent.id)))


def test_unassigned_case_is_a_summary_until_claimed(client, make_officer, make_case, auth,
                                                    session_factory):
    me = make_officer()
    case = make_case(contact_name="Bushra", housing="social_rent",
                     housing_provider="Peabody Estate", occurred_time="18:30")
    url = f"/api/v1/cases/{case.reference}"

    summary = client.get(url, headers=auth(me)).json()
    assert summary["access"] == "summary"
    assert summary["strands"] == ["race"] and summary["location"]["ward"]
    assert summary["narrative"] is None and summary["occurred_time"] is None
    assert summary["contact"]["method"] == "sms" and summary["contact"]["value"] is None
    assert not [p for p in PRIVATE if p in str(summary)]
    assert client.get(f"{url}/messages", headers=auth(me)).status_code == 403

    assert client.post(f"{url}/assign", headers=auth(me)).status_code == 200
    full = client.get(url, headers=auth(me)).json()
    assert full["access"] == "full" and full["narrative"] == ACCOUNT
    assert full["contact"]["value"] == "+447700900123" and full["housing"]["provider"]
    assert client.get(f"{url}/messages", headers=auth(me)).status_code == 200
    assert [a for a in actions_of(session_factory, me.username) if a.startswith("case.")] == [
        "case.summary_read", "case.assigned", "case.read", "case.messages_read"]


def test_supervisors_read_in_full_and_other_officers_not_at_all(client, make_officer, make_case,
                                                                auth):
    mine, other, supervisor = make_officer(), make_officer(), make_officer("supervisor")
    case = make_case(assigned=mine)
    url = f"/api/v1/cases/{case.reference}"
    assert client.get(url, headers=auth(supervisor)).json()["narrative"] == ACCOUNT
    assert client.get(url, headers=auth(other)).status_code == 403


def test_bulk_full_reads_are_flagged_once(client, make_officer, make_case, auth,
                                          session_factory, monkeypatch):
    monkeypatch.setenv("BULK_READ_LIMIT", "3")
    reset_caches()
    supervisor = make_officer("supervisor")
    cases = [make_case() for _ in range(6)]
    for case in cases:
        assert client.get(f"/api/v1/cases/{case.reference}",
                          headers=auth(supervisor)).status_code == 200
    actions = actions_of(session_factory, supervisor.username)
    assert actions.count("case.read") == 6
    assert actions.count("officer.bulk_reads") == 1  # flagged on the 4th read, once per window
    assert actions.index("officer.bulk_reads") == 4
    with session_factory() as s:
        flag = s.scalar(select(AuditEvent).where(AuditEvent.officer_username == supervisor.username,
                                                 AuditEvent.action == "officer.bulk_reads"))
    assert flag.changes == {"reads": 4, "window_minutes": 60, "limit": 3}


def test_triage_reads_every_case_in_full_and_works_only_its_own(client, make_officer, make_case,
                                                                auth):
    triage, officer = make_officer("triage"), make_officer()
    unassigned, others = make_case(), make_case(assigned=officer)
    for case in (unassigned, others):
        detail = client.get(f"/api/v1/cases/{case.reference}", headers=auth(triage)).json()
        assert detail["access"] == "full" and detail["narrative"] == ACCOUNT
    listing = client.get("/api/v1/cases", headers=auth(triage)).json()["items"]
    assert {unassigned.reference, others.reference} <= {c["reference"] for c in listing}
    note = {"text": "called the resident"}
    assert client.post(f"/api/v1/cases/{others.reference}/notes", json=note,
                       headers=auth(triage)).status_code == 403
    assert client.post(f"/api/v1/cases/{others.reference}/assign",
                       headers=auth(triage)).status_code == 403  # no taking over
    assert client.post(f"/api/v1/cases/{unassigned.reference}/assign",
                       headers=auth(triage)).status_code == 200
    assert client.post(f"/api/v1/cases/{unassigned.reference}/notes", json=note,
                       headers=auth(triage)).status_code == 201
    assert client.get("/api/v1/audit", headers=auth(triage)).status_code == 403
