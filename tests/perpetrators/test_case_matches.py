"""A new case whose account names an address or a handle on a record offers that record as a
possible match on the case, only to officers who may see the record, until it is linked."""

from __future__ import annotations


def possible(client, auth, officer, case):
    r = client.get(f"/api/v1/cases/{case.reference}", headers=auth(officer))
    assert r.status_code == 200, r.text
    return r.json()["possible_perpetrators"]


def test_account_naming_the_address_offers_the_record(client, auth, make_officer, make_case,
                                                      create_record, link, audit_actions):
    me = make_officer()
    record = create_record(me, name="Dave Example", address="Flat 3, 14 Fulham Ct, SW6 7XX")
    case = make_case(assigned=me, perpetrator="neighbour",
                     narrative="My neighbour at 14 Fulham Court keeps calling me racist names")
    assert possible(client, auth, me, case) == [
        {"id": record["id"], "reason": "the account names an address on this record"}]
    shown = audit_actions("perpetrator.match_shown", case.reference)
    assert shown and shown[-1][1] == {"perpetrator_ids": [record["id"]]}
    link(me, case, record["id"])
    assert possible(client, auth, me, case) == []  # linked now: no longer a suggestion
    unrelated = make_case(assigned=me, narrative="A man at 14 Fulham Road swore at me")
    assert possible(client, auth, me, unrelated) == []


def test_place_text_and_handles_count_too(client, auth, make_officer, make_case, create_record):
    me = make_officer()
    by_handle = create_record(me, online_handles=[{"platform": "instagram", "handle": "dave.ex"}])
    by_place = create_record(me, address="22 Askew Road")
    case = make_case(assigned=me, narrative="He keeps sending abuse from @Dave.Ex on insta",
                     location_text="outside 22 Askew Rd")
    found = possible(client, auth, me, case)
    assert found == [
        {"id": by_handle["id"], "reason": "the account names an online handle on this record"},
        {"id": by_place["id"], "reason": "the account names an address on this record"},
    ]


def test_a_record_the_officer_may_not_see_is_not_offered(client, auth, make_officer, make_case,
                                                         create_record):
    alice, bob, boss = make_officer(), make_officer(), make_officer("supervisor")
    record = create_record(alice, address="14 Fulham Court")
    case = make_case(assigned=bob, narrative="my neighbour at 14 Fulham Court spat at me")
    assert possible(client, auth, bob, case) == []
    assert possible(client, auth, boss, case) == [
        {"id": record["id"], "reason": "the account names an address on this record"}]
