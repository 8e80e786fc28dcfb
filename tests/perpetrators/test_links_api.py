"""Linking and unlinking cases (an officer's decision, audited with its reason), and the
repeat-perpetrator signal: a record on a second case raises the risk of every linked case,
labels it with the count, flags the queue, and is undone by unlinking."""

from __future__ import annotations

from sqlalchemy import text

NEIGHBOUR = "My neighbour keeps shouting racist abuse at me on the stairs"


def detail(client, auth, officer, case):
    r = client.get(f"/api/v1/cases/{case.reference}", headers=auth(officer))
    assert r.status_code == 200, r.text
    return r.json()


def test_link_is_audited_with_an_encrypted_reason(client, auth, make_officer, make_case,
                                                  create_record, link, audit_actions,
                                                  session_factory):
    me = make_officer()
    case = make_case(assigned=me)
    record = create_record(me)
    answer = link(me, case, record["id"], reason="confirmed by housing officer Jo")
    assert answer["linked"] is True and answer["linked_reports"] == 1
    events = audit_actions("perpetrator.linked")
    assert len(events) == 1
    action, changes, who, reference = events[0]
    assert (who, reference) == (me.username, case.reference)
    assert changes["perpetrator_id"] == record["id"] and changes["reason"] == "[redacted]"
    with session_factory() as s:
        raw = s.execute(text("SELECT link_reason FROM case_perpetrator_links")).scalar_one()
    assert "housing" not in raw
    shown = detail(client, auth, me, case)["perpetrators"]
    assert [p["id"] for p in shown] == [record["id"]]
    assert [e[1] for e in audit_actions("perpetrator.read", case.reference)] == [
        {"perpetrator_id": record["id"], "via": "case"}]  # seen through the case: audited
    client.get(f"/api/v1/perpetrators/{record['id']}", headers=auth(me))
    assert [e[3] for e in audit_actions("case.listed")] == [case.reference]  # listed on it
    assert shown[0]["reason"] == "confirmed by housing officer Jo"
    assert shown[0]["linked_by"] == me.username


def test_link_refusals(client, auth, make_officer, make_case, create_record, link):
    me, other = make_officer(), make_officer()
    mine, theirs, unassigned = make_case(assigned=me), make_case(assigned=other), make_case()
    record = create_record(me)
    link(me, theirs, record["id"], expect=403)        # another officer's case
    link(me, unassigned, record["id"], expect=403)    # must claim it first
    link(me, mine, 999999, expect=404)
    r = client.post("/api/v1/cases/HF-ZZZZZZ/perpetrators",
                    json={"perpetrator_id": record["id"], "reason": "x"}, headers=auth(me))
    assert r.status_code == 404
    link(me, mine, record["id"])
    again = link(me, mine, record["id"], expect=409)
    assert "already linked" in again["detail"]
    for body in ({"perpetrator_id": record["id"]}, {"perpetrator_id": record["id"], "reason": " "},
                 {"perpetrator_id": "one", "reason": "x"}, {"perpetrator_id": 2**40, "reason": "x"}):
        r = client.post(f"/api/v1/cases/{mine.reference}/perpetrators", json=body,
                        headers=auth(me))
        assert r.status_code == 422, (body, r.text)
    # a record Bob cannot see cannot be linked by him to his own case
    bobs_case = make_case(assigned=other)
    link(other, bobs_case, create_record(me, name="Hidden")["id"], expect=403)


def test_second_report_raises_the_risk_of_every_linked_case(client, auth, make_officer,
                                                            make_case, create_record, link,
                                                            audit_actions):
    me = make_officer()
    first = make_case(assigned=me, narrative="He shouted at me once", perpetrator="known")
    second = make_case(assigned=me, narrative=NEIGHBOUR, perpetrator="neighbour")
    assert (first.risk_level, second.risk_level) == ("medium", "medium")
    record = create_record(me)
    link(me, first, record["id"])
    assert detail(client, auth, me, first)["risk"]["level"] == "medium"  # one report: no signal
    answer = link(me, second, record["id"])
    assert answer["linked_reports"] == 2 and "repeat_perpetrator" in answer["risk_reasons"]
    for case in (first, second):
        d = detail(client, auth, me, case)
        assert d["risk"]["level"] == "high", case.reference
        assert "repeat_perpetrator" in d["risk"]["reasons"]
        assert d["repeat_perpetrator"] == {"linked_reports": 2,
                                           "label": "Perpetrator linked to 2 reports"}
    third = make_case(assigned=me, narrative="Someone wrote on my door", perpetrator="unknown")
    assert third.risk_level == "standard"
    link(me, third, record["id"])
    d = detail(client, auth, me, third)
    assert d["risk"]["level"] == "medium"  # one level above its own
    assert d["repeat_perpetrator"]["label"] == "Perpetrator linked to 3 reports"
    assert detail(client, auth, me, first)["repeat_perpetrator"]["linked_reports"] == 3
    queue = client.get("/api/v1/cases", headers=auth(me)).json()["items"]
    assert {c["reference"]: c["repeat_perpetrator"] for c in queue} == {
        first.reference: True, second.reference: True, third.reference: True}
    changes = audit_actions("case.risk_changed")
    assert {c[3] for c in changes} == {first.reference, second.reference, third.reference}
    assert changes[0][1]["risk_level"] == {"from": "medium", "to": "high"}


def test_unlinking_restores_the_risk_and_keeps_the_history(client, auth, make_officer,
                                                           make_case, create_record, link,
                                                           audit_actions, session_factory):
    me = make_officer()
    first = make_case(assigned=me, narrative=NEIGHBOUR, perpetrator="neighbour")
    second = make_case(assigned=me, narrative=NEIGHBOUR, perpetrator="neighbour")
    lone = make_case(assigned=me)
    record = create_record(me)
    link(me, first, record["id"])
    link(me, second, record["id"])
    body = {"perpetrator_id": record["id"], "reason": "a different man, same surname"}
    r = client.request("DELETE", f"/api/v1/cases/{second.reference}/perpetrators", json=body,
                       headers=auth(me))
    assert r.status_code == 200, r.text
    assert r.json()["linked"] is False and r.json()["linked_reports"] == 1
    for case in (first, second):
        d = detail(client, auth, me, case)
        assert d["risk"]["level"] == "medium" and "repeat_perpetrator" not in d["risk"]["reasons"]
        assert d["repeat_perpetrator"] is None
    assert detail(client, auth, me, second)["perpetrators"] == []
    r = client.request("DELETE", f"/api/v1/cases/{lone.reference}/perpetrators", json=body,
                       headers=auth(me))
    assert r.status_code == 409 and "not linked" in r.json()["detail"]
    unlinked = audit_actions("perpetrator.unlinked")
    assert [(e[3], e[1]["reason"]) for e in unlinked] == [(second.reference, "[redacted]")]
    with session_factory() as s:
        rows = s.execute(text("SELECT unlinked_at IS NOT NULL FROM case_perpetrator_links "
                              "ORDER BY id")).scalars().all()
    assert rows == [False, True]
    # linking again after an unlink is allowed (the old row is history)
    link(me, second, record["id"])
    assert detail(client, auth, me, second)["risk"]["level"] == "high"
