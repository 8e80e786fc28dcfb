"""Creating and reading perpetrator records through the real app: validation, possible
matches (by address, name and handle; only records the officer may see), roles, audit, and
encryption at rest."""

from __future__ import annotations

from sqlalchemy import text

from tests.perpetrators.conftest import ADDRESS


def test_create_and_read_a_record(client, auth, make_officer, audit_actions):
    me = make_officer()
    body = {"description": "tall man, grey hoodie", "name": "Dave Example",
            "aliases": ["Big Dave"], "address": ADDRESS, "tenancy": "council_tenant",
            "online_handles": [{"platform": "Instagram", "handle": "@dave.ex"}],
            "notes": "lives with his brother"}
    r = client.post("/api/v1/perpetrators", json=body, headers=auth(me))
    assert r.status_code == 201, r.text
    created = r.json()
    assert created["possible_matches"] == []
    r = client.get(f"/api/v1/perpetrators/{created['id']}", headers=auth(me))
    assert r.status_code == 200, r.text
    got = r.json()
    assert got["name"] == "Dave Example" and got["aliases"] == ["Big Dave"]
    assert got["address"] == ADDRESS and got["tenancy"] == "council_tenant"
    assert got["online_handles"] == [{"platform": "Instagram", "handle": "@dave.ex"}]
    assert got["created_by"] == me.username
    assert got["cases"] == [] and got["enforcement"] == [] and got["linked_case_count"] == 0
    actions = audit_actions()
    assert [a[0] for a in actions] == ["perpetrator.created", "perpetrator.read"]
    assert actions[1][1] == {"perpetrator_id": created["id"]}
    assert all(a[2] == me.username for a in actions)
    # the audit log never carries what was said about the person
    assert "Dave" not in str(actions) and "Fulham" not in str(actions)


def test_matches_by_address_name_alias_and_handle(client, auth, make_officer, create_record):
    me = make_officer()
    first = create_record(me, name="Dave Example", address=ADDRESS,
                          online_handles=[{"platform": "instagram", "handle": "dave.ex"}])
    by_address = create_record(me, description="man at 14 Fulham Court",
                               address="14 fulham court")
    assert by_address["possible_matches"] == [{"id": first["id"], "reason": "same address"}]
    by_alias = create_record(me, aliases=["mr dave example"])
    assert by_alias["possible_matches"] == [{"id": first["id"], "reason": "same name or alias"}]
    by_handle = create_record(me, online_handles=[{"platform": "IG",
                                                   "handle": "https://instagram.com/Dave.Ex"}])
    assert by_handle["possible_matches"] == [{"id": first["id"],
                                              "reason": "same online handle"}]
    other_platform = create_record(me, online_handles=[{"platform": "tiktok",
                                                        "handle": "dave.ex"}])
    assert {"id": first["id"], "reason": "same handle on another platform"} in other_platform[
        "possible_matches"]
    nobody = create_record(me, name="Someone Else", address="15 Fulham Court")
    assert nobody["possible_matches"] == []


def test_matches_only_records_the_officer_may_see(client, auth, make_officer, make_case,
                                                  create_record, link):
    alice, bob, boss = make_officer(), make_officer(), make_officer("supervisor")
    hidden = create_record(alice, name="Dave Example", address=ADDRESS)
    # Bob cannot see Alice's unlinked record: no match offered, and 403 on reading it
    bobs = create_record(bob, address="14 Fulham Court")
    assert bobs["possible_matches"] == []
    assert client.get(f"/api/v1/perpetrators/{hidden['id']}",
                      headers=auth(bob)).status_code == 403
    # a supervisor may see both
    assert create_record(boss, address="14 Fulham Court")["possible_matches"] == [
        {"id": hidden["id"], "reason": "same address"}, {"id": bobs["id"], "reason": "same address"}]
    # linked to a case of Alice's: still hidden from Bob
    link(alice, make_case(assigned=alice), hidden["id"])
    assert client.get(f"/api/v1/perpetrators/{hidden['id']}",
                      headers=auth(bob)).status_code == 403
    # linked (by a supervisor) to an unassigned case, which Bob may read: now he sees it
    link(boss, make_case(), hidden["id"])
    r = client.get(f"/api/v1/perpetrators/{hidden['id']}", headers=auth(bob))
    assert r.status_code == 200
    assert r.json()["linked_case_count"] == 2
    assert len(r.json()["cases"]) == 1  # only the case he may read is listed
    assert {"id": hidden["id"], "reason": "same address"} in create_record(
        bob, address="14 Fulham Ct")["possible_matches"]


def test_roles_validation_and_unknown_records(client, auth, make_officer):
    me, admin = make_officer(), make_officer("admin")
    assert client.post("/api/v1/perpetrators", json={"name": "x"}).status_code == 401
    assert client.post("/api/v1/perpetrators", json={"name": "x"},
                       headers=auth(admin)).status_code == 403
    bad = [
        ({}, "at least a description"),
        ({"notes": "only notes"}, "at least a description"),
        ({"name": "   "}, "should match pattern"),
        ({"name": None, "description": None}, "at least a description"),
        ({"name": "x", "tenancy": "owner"}, "tenancy"),
        ({"name": "x", "adress": "typo"}, "adress"),
        ({"online_handles": [{"platform": "instagram", "handle": "@@@"}]}, "should match"),
        ({"aliases": [5]}, "aliases"),
        ({"name": "x" * 201}, "name"),
    ]
    for body, expected in bad:
        r = client.post("/api/v1/perpetrators", json=body, headers=auth(me))
        assert r.status_code == 422, (body, r.text)
        assert expected in r.text, (body, r.text)
    assert client.get("/api/v1/perpetrators/999999", headers=auth(me)).status_code == 404
    assert client.get("/api/v1/perpetrators/0", headers=auth(me)).status_code == 422
    assert client.get(f"/api/v1/perpetrators/{2**40}", headers=auth(me)).status_code == 422


def test_identifiers_are_encrypted_and_matched_by_keyed_hash_only(client, auth, make_officer,
                                                                   create_record,
                                                                   session_factory):
    me = make_officer()
    create_record(me, name="Dave Example", aliases=["Big Dave"], address=ADDRESS,
                  online_handles=[{"platform": "instagram", "handle": "dave.ex"}],
                  notes="brother lives there too")
    with session_factory() as s:
        row = s.execute(text("SELECT name, aliases, address, online_handles, notes "
                             "FROM perpetrators")).one()
        hashes = s.execute(text("SELECT kind, digest FROM perpetrator_identifiers")).all()
    raw = " ".join(str(v) for v in row).lower()
    for plain in ("dave", "fulham", "dave.ex", "brother"):
        assert plain not in raw
    assert {k for k, _ in hashes} == {"name", "address", "handle", "handle_any"}
    assert all(len(d) == 64 and "dave" not in d for _, d in hashes)
