"""The audit log: every read and change, redacted diffs, supervisor search, append-only."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import text
from sqlalchemy.exc import DatabaseError

from bot.audit import diff


def events(client, headers, query):
    r = client.get(f"/api/v1/audit?{query}", headers=headers)
    assert r.status_code == 200, r.text
    return r.json()["items"]


def test_reads_and_changes_are_logged_with_redacted_diffs(client, make_officer, make_case, auth):
    supervisor, me = make_officer("supervisor"), make_officer()
    case = make_case()
    h = auth(me)
    client.get("/api/v1/cases", headers=h)
    client.get(f"/api/v1/cases/{case.reference}", headers=h)  # not theirs yet: the summary
    client.post(f"/api/v1/cases/{case.reference}/assign", headers=h)
    client.get(f"/api/v1/cases/{case.reference}", headers=h)  # claimed: the full case
    client.post(f"/api/v1/cases/{case.reference}/notes", json={"text": "SECRET-NOTE-123"}, headers=h)
    client.post(f"/api/v1/cases/{case.reference}/status", json={"status": "triaged"}, headers=h)
    client.post(f"/api/v1/cases/{case.reference}/messages", json={"text": "SECRET-MSG-456"},
                headers=h)
    client.get(f"/api/v1/cases/{case.reference}/referral?to=police", headers=h)
    log = events(client, auth(supervisor), f"case={case.reference.lower()}")
    assert [e["action"] for e in log] == [
        "case.listed", "case.summary_read", "case.assigned", "case.read", "case.note_added",
        "case.status_changed",
        "message.queued", "case.referral_packet"]
    assert all(e["officer"] == me.username and e["case"] == case.reference for e in log)
    by_action = {e["action"]: e["changes"] for e in log}
    assert by_action["case.assigned"] == {"assigned_officer": {"from": None, "to": me.username}}
    assert by_action["case.status_changed"]["status"] == {"from": "new", "to": "triaged"}
    assert by_action["case.note_added"]["text"] == "[redacted]"
    dumped = json.dumps(log)
    assert "SECRET-NOTE-123" not in dumped and "SECRET-MSG-456" not in dumped
    assert "+447700900123" not in dumped and "Uxbridge" not in dumped


def test_filters_by_officer_and_time_and_reading_the_log_is_logged(client, make_officer,
                                                                   make_case, auth):
    supervisor, a, b = make_officer("supervisor"), make_officer(), make_officer()
    case = make_case()
    client.get(f"/api/v1/cases/{case.reference}", headers=auth(a))
    client.get(f"/api/v1/cases/{case.reference}", headers=auth(b))
    h = auth(supervisor)
    assert {e["officer"] for e in events(client, h, f"case={case.reference}&officer={a.username}")
            } == {a.username}
    future = (datetime.now(UTC) + timedelta(hours=1)).strftime("%Y-%m-%dT%H:%M:%S")
    past = (datetime.now(UTC) - timedelta(hours=1)).strftime("%Y-%m-%dT%H:%M:%S")
    assert events(client, h, f"case={case.reference}&from={future}") == []
    assert len(events(client, h, f"case={case.reference}&from={past}&to={future}")) == 2
    reads = events(client, h, f"officer={supervisor.username}")
    assert reads and all(e["action"] == "audit.read" for e in reads)


def test_audit_pagination(client, make_officer, make_case, auth):
    supervisor, me = make_officer("supervisor"), make_officer()
    case = make_case()
    for _ in range(5):
        client.get(f"/api/v1/cases/{case.reference}", headers=auth(me))
    h = auth(supervisor)
    first = client.get(f"/api/v1/audit?case={case.reference}&limit=3", headers=h).json()
    second = client.get(f"/api/v1/audit?case={case.reference}&limit=3&cursor={first['next_cursor']}",
                        headers=h).json()
    ids = [e["id"] for e in first["items"] + second["items"]]
    assert len(ids) == 5 == len(set(ids))
    assert second["next_cursor"] is None


@pytest.mark.parametrize("statement", [
    "UPDATE audit_events SET action = 'tampered'",
    "DELETE FROM audit_events",
])
def test_the_database_refuses_to_change_or_delete_audit_events(client, make_officer, make_case,
                                                               auth, session_factory, statement):
    me = make_officer()
    case = make_case()
    client.get(f"/api/v1/cases/{case.reference}", headers=auth(me))
    with session_factory() as s:
        before = s.execute(text("SELECT count(*) FROM audit_events")).scalar_one()
        with pytest.raises(DatabaseError, match="append-only"):
            s.execute(text(statement))
        s.rollback()
        assert s.execute(text("SELECT count(*) FROM audit_events")).scalar_one() == before
        assert s.execute(text("SELECT count(*) FROM audit_events WHERE action = 'tampered'")
                         ).scalar_one() == 0


def test_diff_redacts_sensitive_fields_only():
    changes = diff({"status": "new", "narrative": "old words", "outcome": None},
                   {"status": "closed", "narrative": "new words", "outcome": "resolved"})
    assert changes == {
        "narrative": {"from": "[redacted]", "to": "[redacted]"},
        "outcome": {"from": None, "to": "resolved"},
        "status": {"from": "new", "to": "closed"},
    }
