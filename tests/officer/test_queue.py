"""The queue: risk then age, every filter, keyset pagination with an opaque cursor."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

T0 = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)


def listing(client, headers, query=""):
    r = client.get(f"/api/v1/cases?{query}", headers=headers)
    assert r.status_code == 200, r.text
    return r.json()


def refs(client, headers, query=""):
    return [c["reference"] for c in listing(client, headers, query)["items"]]


@pytest.fixture
def boss(make_officer, auth):
    return auth(make_officer("supervisor"))


def test_sorted_by_risk_then_oldest_first(client, make_case, boss):
    newest_high = make_case(risk="high", stored={"created_at": T0 + timedelta(days=3)})
    old_standard = make_case(risk="standard", stored={"created_at": T0})
    oldest_high = make_case(risk="high", stored={"created_at": T0 + timedelta(days=1)})
    medium = make_case(risk="medium", stored={"created_at": T0 + timedelta(days=5)})
    assert refs(client, boss) == [oldest_high.reference, newest_high.reference, medium.reference,
                                  old_standard.reference]


def test_keyset_pages_cover_everything_once_with_ties(client, make_case, boss):
    made = [make_case(risk=("high", "medium", "standard")[i % 3],
                      stored={"created_at": T0 + timedelta(hours=i // 2)})  # pairs share a time
            for i in range(7)]
    expected = refs(client, boss, "limit=100")
    seen, cursor, pages = [], None, 0
    while True:
        page = listing(client, boss, "limit=2" + (f"&cursor={cursor}" if cursor else ""))
        seen += [c["reference"] for c in page["items"]]
        pages += 1
        cursor = page["next_cursor"]
        if cursor is None:
            break
    assert seen == expected
    assert sorted(seen) == sorted(c.reference for c in made)
    assert pages == 4


def test_newest_first_sort_pages_by_creation_time(client, make_case, boss):
    made = [make_case(risk=("high", "standard")[i % 2],
                      stored={"created_at": T0 + timedelta(hours=i // 2)})  # pairs share a time
            for i in range(5)]
    expected = [c.reference for c in sorted(made, key=lambda c: (c.created_at, c.id), reverse=True)]
    assert refs(client, boss, "sort=newest&limit=100") == expected
    seen, cursor = [], None
    while True:
        page = listing(client, boss, "sort=newest&limit=2" + (f"&cursor={cursor}" if cursor else ""))
        seen += [c["reference"] for c in page["items"]]
        cursor = page["next_cursor"]
        if cursor is None:
            break
    assert seen == expected
    r = client.get("/api/v1/cases?sort=oldest", headers=boss)
    assert r.status_code == 422


def test_a_forged_cursor_is_422(client, boss):
    for bad in ("not-base64!!", "W10", "WyJ4IiwgMSwgMl0", "AAAA"):
        r = client.get(f"/api/v1/cases?cursor={bad}", headers=boss)
        assert r.status_code == 422, bad


def test_each_filter(client, make_case, make_officer, boss):
    officer = make_officer()
    overdue = make_case(stored={"due_by": datetime.now(UTC) - timedelta(hours=1)})
    a = make_case(risk="high", strands=["religion"], incident_types=["threats"],
                  location_ward="Fulham Broadway", stored={"created_at": T0, "status": "triaged"},
                  assigned=officer)
    b = make_case(strands=["race", "disability"], incident_types=["property_damage"],
                  stored={"created_at": T0 + timedelta(days=10)})
    assert refs(client, boss, "status=triaged") == [a.reference]
    assert refs(client, boss, "risk=high") == [a.reference]
    assert refs(client, boss, "strand=religion") == [a.reference]
    assert refs(client, boss, "strand=disability") == [b.reference]
    assert refs(client, boss, "incident_type=property_damage") == [b.reference]
    assert refs(client, boss, "ward=Fulham%20Broadway") == [a.reference]
    assert refs(client, boss, f"officer={officer.username}") == [a.reference]
    assert set(refs(client, boss, "officer=none")) == {b.reference, overdue.reference}
    assert refs(client, boss, "overdue=true") == [overdue.reference]
    assert overdue.reference not in refs(client, boss, "overdue=false")
    window = f"from={(T0 + timedelta(days=5)).isoformat()}&to={(T0 + timedelta(days=11)).isoformat()}"
    assert refs(client, boss, window.replace("+", "%2B")) == [b.reference]
    assert refs(client, boss, "from=2026-03-01&to=2026-03-03") == [a.reference]
    assert refs(client, boss, "risk=high&strand=race") == []
    assert refs(client, boss, "officer=nobody_at_all") == []
    assert client.get("/api/v1/cases?strand=football", headers=boss).status_code == 422


def test_officer_me_filter_and_summary_has_no_resident_words(client, make_case, make_officer,
                                                             auth):
    me = make_officer()
    mine = make_case(assigned=me)
    make_case()
    page = listing(client, auth(me), "officer=me")
    assert [c["reference"] for c in page["items"]] == [mine.reference]
    item = page["items"][0]
    assert "narrative" not in item and "contact" not in item
    assert item["assigned_officer"] == me.username
