"""Enforcement recorded on a record appears on every linked case's detail (for the timeline),
is audited on each case, is validated, and tells the resident reply only that action was
taken (``action_taken``)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from bot.models import Case
from bot.perpetrators import action_taken


def post(client, auth, officer, record_id, body):
    return client.post(f"/api/v1/perpetrators/{record_id}/enforcement", json=body,
                       headers=auth(officer))


def test_enforcement_shows_on_every_linked_case(client, auth, make_officer, make_case,
                                                create_record, link, audit_actions,
                                                session_factory):
    me = make_officer()
    first, second, other = make_case(assigned=me), make_case(assigned=me), make_case(assigned=me)
    record = create_record(me)
    link(me, first, record["id"])
    link(me, second, record["id"])
    with session_factory() as s:
        assert not action_taken(s, s.get(Case, first.id))
    r = post(client, auth, me, record["id"], {"type": "community_protection_warning",
                                             "date": "2026-03-02", "outcome": "served in person",
                                             "notes": "warned about the stairwell"})
    assert r.status_code == 201, r.text
    entry = r.json()
    assert entry["type"] == "community_protection_warning" and entry["date"] == "2026-03-02"
    assert entry["label"] == "Community protection warning" and entry["officer"] == me.username
    for case in (first, second):
        d = client.get(f"/api/v1/cases/{case.reference}", headers=auth(me)).json()
        assert [(e["id"], e["type"], e["outcome"]) for e in d["perpetrator_enforcement"]] == [
            (entry["id"], "community_protection_warning", "served in person")]
    d = client.get(f"/api/v1/cases/{other.reference}", headers=auth(me)).json()
    assert d["perpetrator_enforcement"] == []
    got = client.get(f"/api/v1/perpetrators/{record['id']}", headers=auth(me)).json()
    assert [e["id"] for e in got["enforcement"]] == [entry["id"]]
    per_case = audit_actions("case.perpetrator_enforcement")
    assert sorted(e[3] for e in per_case) == sorted([first.reference, second.reference])
    assert "stairwell" not in str(audit_actions(""))
    with session_factory() as s:
        assert action_taken(s, s.get(Case, first.id))
        assert action_taken(s, s.get(Case, second.id))
        assert not action_taken(s, s.get(Case, other.id))


def test_every_type_is_accepted_and_bad_input_is_refused(client, auth, make_officer,
                                                         create_record):
    me, admin, stranger = make_officer(), make_officer("admin"), make_officer()
    record = create_record(me)
    for kind in ("pspo_fpn", "community_protection_warning", "community_protection_notice",
                 "injunction", "possession_proceedings", "tenancy_warning", "police_referral",
                 "cmarac_referral"):
        r = post(client, auth, me, record["id"], {"type": kind, "date": "2026-01-10"})
        assert r.status_code == 201, (kind, r.text)
    future = (datetime.now(UTC).date() + timedelta(days=10)).isoformat()
    for body, expected in [
        ({"type": "eviction", "date": "2026-01-10"}, "type"),
        ({"type": "injunction"}, "date"),
        ({"type": "injunction", "date": future}, "in the future"),
        ({"type": "injunction", "date": 1767225600}, "YYYY-MM-DD"),
        ({"type": "injunction", "date": "2026-02-30"}, "date"),
        ({"type": "injunction", "date": "2026-01-10", "colour": "red"}, "colour"),
    ]:
        r = post(client, auth, me, record["id"], body)
        assert r.status_code == 422, (body, r.text)
        assert expected in r.text, (body, r.text)
    assert post(client, auth, me, 999999, {"type": "injunction",
                                           "date": "2026-01-10"}).status_code == 404
    assert post(client, auth, stranger, record["id"], {"type": "injunction",
                                                       "date": "2026-01-10"}).status_code == 403
    assert post(client, auth, admin, record["id"], {"type": "injunction",
                                                    "date": "2026-01-10"}).status_code == 403
