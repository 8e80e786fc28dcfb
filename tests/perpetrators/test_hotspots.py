"""Hotspots in GET /api/v1/stats: the same place text or estate, or the same ward and strand,
at or above HOTSPOT_MIN_CASES within HOTSPOT_WINDOW_DAYS; grouped by keyed hashes written with
each case, so a request decrypts one place text per hotspot, not every case."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from bot import crypto
from bot.hotspots import backfill_places, hotspots
from bot.models import Case, CasePlace
from bot.settings import get_settings


def stats(client, auth, officer, **params):
    r = client.get("/api/v1/stats", params=params, headers=auth(officer))
    assert r.status_code == 200, r.text
    return r.json()


def by_kind(body, kind):
    return [h for h in body["hotspots"] if h["kind"] == kind]


def test_place_estate_and_ward_strand_hotspots(client, auth, make_officer, make_case):
    boss = make_officer("supervisor")
    at_court = [make_case(location_text=text, location_ward="Walham Green", strands=["race"])
                for text in ("outside 14 Fulham Court", "14 fulham court", "14 Fulham Ct")]
    estate = make_case(location_text="the car park of Fulham Court", strands=["religion"],
                       location_ward="Walham Green")
    make_case(location_text="Uxbridge Road bus stop", location_ward="Shepherd's Bush Green")
    body = stats(client, auth, boss)
    assert body["hotspot_rule"]["min_cases"] == 3 and body["hotspot_rule"]["window_days"] == 90
    place = by_kind(body, "place")
    assert len(place) == 1 and place[0]["count"] == 3
    assert sorted(place[0]["cases"]) == sorted(c.reference for c in at_court)
    assert place[0]["label"] in {"outside 14 Fulham Court", "14 fulham court", "14 Fulham Ct"}
    estates = by_kind(body, "estate")
    assert [(h["label"], h["count"]) for h in estates] == [("Fulham Court", 4)]
    assert estate.reference in estates[0]["cases"]
    wards = by_kind(body, "ward_strand")
    assert [(h["ward"], h["strand"], h["count"]) for h in wards] == [("Walham Green", "race", 3)]
    assert wards[0]["label"] == "Walham Green: race or ethnicity"
    csv = client.get("/api/v1/stats", headers={**auth(boss), "Accept": "text/csv"}).text
    assert "hotspot,estate,Fulham Court,4" in csv


def test_threshold_and_window_are_settings(make_case, session_factory, monkeypatch):
    for _ in range(2):
        make_case(location_text="Wormholt Park gates", location_ward="Wormholt")
    with session_factory() as s:
        assert hotspots(s, get_settings())["hotspots"] == []
    monkeypatch.setenv("HOTSPOT_MIN_CASES", "2")
    get_settings.cache_clear()
    with session_factory() as s:
        found = hotspots(s, get_settings())["hotspots"]
        assert {h["kind"] for h in found} == {"place", "ward_strand"}
        later = datetime.now(UTC) + timedelta(days=120)
        assert hotspots(s, get_settings(), now=later)["hotspots"] == []  # out of the window
        monkeypatch.setenv("HOTSPOT_WINDOW_DAYS", "200")
        get_settings.cache_clear()
        assert hotspots(s, get_settings(), now=later)["hotspots"]
    get_settings.cache_clear()


def test_officers_only_see_references_they_may_read(make_officer, make_case, session_factory):
    alice, bob = make_officer(), make_officer()
    mine = make_case(assigned=alice, location_text="Brook Green play area")
    theirs = make_case(assigned=bob, location_text="Brook Green play area")
    unassigned = make_case(location_text="Brook Green play area")
    with session_factory() as s:
        (place,) = [h for h in hotspots(s, get_settings(), visible_to=alice.id)["hotspots"]
                    if h["kind"] == "place"]
    assert place["count"] == 3
    assert sorted(place["cases"]) == sorted([mine.reference, unassigned.reference])
    assert theirs.reference not in place["cases"]


def test_a_place_is_named_only_from_a_case_the_officer_may_read(make_officer, make_case,
                                                                 session_factory):
    alice, bob = make_officer(), make_officer()
    for _ in range(3):
        make_case(assigned=bob, location_text="Ravenscourt Park cafe")
    with session_factory() as s:
        for who, label in ((alice.id, None), (bob.id, "Ravenscourt Park cafe")):
            (place,) = [h for h in hotspots(s, get_settings(), visible_to=who)["hotspots"]
                        if h["kind"] == "place"]
            assert (place["count"], place["label"]) == (3, label)


def test_one_decryption_per_hotspot_not_per_case(make_case, session_factory, monkeypatch):
    for i in range(12):
        make_case(location_text=f"{i} Lillie Road" if i % 3 else "Lillie Road market",
                  location_ward="Lillie")
    calls = []
    real = crypto.decrypt
    monkeypatch.setattr(crypto, "decrypt", lambda token: calls.append(1) or real(token))
    with session_factory() as s:
        found = hotspots(s, get_settings())["hotspots"]
    assert {h["kind"] for h in found} == {"place", "ward_strand"}
    assert len(calls) == 1  # the one place cluster's label


def test_online_cases_have_no_place_and_backfill_fills_missing_keys(make_case, session_factory):
    online = make_case(location_text="Instagram", location_online=True)
    case = make_case(location_text="Hammersmith Broadway bus station")
    with session_factory() as s:
        assert s.query(CasePlace).filter_by(case_id=online.id).count() == 0
        assert s.query(CasePlace).filter_by(case_id=case.id).count() == 1
        s.query(CasePlace).delete()
        s.commit()
        assert backfill_places(s) == 1
        assert s.query(CasePlace).filter_by(case_id=case.id).one().kind == "place"
        assert backfill_places(s) == 0


@pytest.mark.parametrize("params", [{"to": "0001-01-01"}, {"to": "9999-12-31"}])
def test_extreme_dates_answer(client, auth, make_officer, params):
    boss = make_officer("supervisor")
    assert stats(client, auth, boss, **params)["hotspots"] == []


def test_a_failing_place_key_never_loses_the_report(make_case, monkeypatch, session_factory):
    from bot import hotspot_keys

    monkeypatch.setattr(hotspot_keys, "place_digests", lambda *a: 1 / 0)
    case = make_case(location_text="King Street")
    with session_factory() as s:
        assert s.get(Case, case.id) is not None
        assert s.query(CasePlace).filter_by(case_id=case.id).count() == 0
