"""Counting cases by strand, incident type, ward, month and channel; rising trends."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

from bot import stats
from bot.settings import Settings
from tests.insight.helpers import add_case


@pytest.fixture
def sample(db):
    add_case(db, date(2026, 1, 5), ["race", "religion"], ["verbal_abuse"], "Addison", "web")
    add_case(db, date(2026, 1, 31), ["race"], ["threats", "harassment"], "Addison", "sms")
    add_case(db, date(2026, 2, 1), ["disability"], [], None, "whatsapp")
    add_case(db, date(2026, 3, 15), [], ["verbal_abuse"], "Grove", "web")
    db.commit()
    return db


def _as_dict(rows):
    return {r["key"]: r["count"] for r in rows}


def test_counts_by_each_grouping(sample) -> None:
    assert _as_dict(stats.counts(sample, "strand")) == {"race": 2, "religion": 1, "disability": 1}
    assert _as_dict(stats.counts(sample, "incident_type")) == {
        "verbal_abuse": 2, "threats": 1, "harassment": 1}
    assert _as_dict(stats.counts(sample, "ward")) == {"Addison": 2, "Grove": 1, "unknown": 1}
    assert _as_dict(stats.counts(sample, "channel")) == {"web": 2, "sms": 1, "whatsapp": 1}
    months = stats.counts(sample, "month")
    assert months == [{"key": "2026-01", "count": 2}, {"key": "2026-02", "count": 1},
                      {"key": "2026-03", "count": 1}]
    assert stats.counts(sample, "strand")[0] == {"key": "race", "count": 2}  # biggest first
    with pytest.raises(ValueError):
        stats.counts(sample, "officer")


def test_date_range_is_inclusive_whole_days(sample) -> None:
    result = stats.compute(sample, Settings(), "strand", date(2026, 1, 31), date(2026, 2, 1))
    assert result["total_cases"] == 2
    assert _as_dict(result["counts"]) == {"race": 1, "disability": 1}
    assert (result["from"], result["to"]) == ("2026-01-31", "2026-02-01")
    only_march = stats.compute(sample, Settings(), "ward", date(2026, 3, 1), None)
    assert _as_dict(only_march["counts"]) == {"Grove": 1}
    assert only_march["total_cases"] == 1


def test_rising_window_uses_whole_months() -> None:
    settings = Settings()
    mid = stats.rising_window(settings, date(2026, 11, 25))
    assert mid == {"baseline_from": date(2025, 8, 1), "recent_from": date(2026, 8, 1),
                   "until": date(2026, 11, 1)}
    month_end = stats.rising_window(settings, date(2026, 10, 31))
    assert month_end["until"] == date(2026, 11, 1)


def _monthly(db, months: list[date], per_month: int, **kw) -> None:
    for month in months:
        for i in range(per_month):
            add_case(db, month.replace(day=1 + i % 27), **kw)


BASELINE = [stats.add_months(date(2025, 8, 1), i) for i in range(12)]  # Aug 2025 - Jul 2026
RECENT = [date(2026, 8, 1), date(2026, 9, 1), date(2026, 10, 1)]


def test_rising_flags_strands_and_wards_at_the_threshold(db) -> None:
    # race: 2/month before, 3/month recently: exactly +50% -> rising
    _monthly(db, BASELINE, 2, strands=["race"], ward="Addison")
    _monthly(db, RECENT, 3, strands=["race"], ward="Addison")
    # religion: 2/month before, 2.67/month recently: +33% -> not rising
    _monthly(db, BASELINE, 2, strands=["religion"], ward="Grove")
    for month, n in zip(RECENT, (3, 3, 2), strict=True):
        _monthly(db, [month], n, strands=["religion"], ward="Grove")
    # disability: nothing before, 4 recently -> rising (no baseline)
    _monthly(db, [RECENT[2]], 4, strands=["disability"])
    # the current month (November) is not a whole month: ignored
    _monthly(db, [date(2026, 11, 1)], 20, strands=["transgender"], ward="Munster")
    db.commit()
    found = {(r.dimension, r.key): r for r in stats.rising(db, Settings(), date(2026, 11, 25))}
    assert set(found) == {("strand", "race"), ("ward", "Addison"), ("strand", "disability")}
    race = found[("strand", "race")]
    assert (race.recent_cases, race.recent_monthly_average, race.baseline_monthly_average,
            race.change_pct) == (9, 3.0, 2.0, 50.0)
    assert found[("strand", "disability")].change_pct is None


def test_rising_threshold_window_and_minimum_are_settings(db, monkeypatch) -> None:
    _monthly(db, BASELINE, 2, strands=["race"])
    for month, n in zip(RECENT, (3, 3, 2), strict=True):  # +33%
        _monthly(db, [month], n, strands=["race"])
    _monthly(db, [RECENT[2]], 2, strands=["disability"])  # 2 recent cases, no baseline
    db.commit()
    as_of = date(2026, 11, 25)
    assert stats.rising(db, Settings(), as_of) == []
    monkeypatch.setenv("RISING_THRESHOLD_PCT", "30")
    monkeypatch.setenv("RISING_MIN_CASES", "2")
    keys = {r.key for r in stats.rising(db, Settings(), as_of)}
    assert keys == {"race", "disability"}
    monkeypatch.setenv("RISING_RECENT_MONTHS", "1")  # October alone: 2/month vs 2/month
    monkeypatch.setenv("RISING_BASELINE_MONTHS", "2")
    assert {r.key for r in stats.rising(db, Settings(), as_of)} == {"disability"}


def test_csv_has_the_same_figures(sample) -> None:
    result = stats.compute(sample, Settings(), "ward", today=datetime.now(UTC).date())
    lines = stats.to_csv(result).splitlines()
    assert lines[0] == ",".join(stats.CSV_COLUMNS)
    assert "count,ward,Addison,2,,," in lines
    assert "total,ward,all cases,4,,," in lines


def test_csv_neutralises_formulas() -> None:
    result = {"group_by": "ward", "total_cases": 1, "rising": [],
              "counts": [{"key": "=HYPERLINK(1)", "count": 1}]}
    assert "'=HYPERLINK(1)" in stats.to_csv(result)


def test_rising_is_cached_for_the_configured_time(db, monkeypatch) -> None:
    as_of = date(2026, 11, 25)
    _monthly(db, [RECENT[2]], 4, strands=["disability"])
    db.commit()
    monkeypatch.setenv("RISING_CACHE_SECONDS", "300")
    stats._rising_cache.clear()
    first = stats.cached_rising(db, Settings(), as_of)
    assert [r.key for r in first] == ["disability"]
    _monthly(db, [RECENT[2]], 4, strands=["religion"])
    db.commit()
    assert stats.cached_rising(db, Settings(), as_of) == first  # remembered
    monkeypatch.setenv("RISING_CACHE_SECONDS", "0")
    assert {r.key for r in stats.cached_rising(db, Settings(), as_of)} == {"disability", "religion"}
    stats._rising_cache.clear()


def test_windows_at_the_ends_of_the_calendar() -> None:
    """Month arithmetic holds at date.min / date.max instead of raising (year 0 or 10000)."""
    assert stats.add_months(date(1, 2, 1), -15) == date.min
    assert stats.add_months(date(9999, 12, 1), 1) == date.max
    assert stats.add_months(date(2026, 1, 31), -1) == date(2025, 12, 1)
    early = stats.rising_window(Settings(), date(1, 1, 15))
    assert early == {"baseline_from": date.min, "recent_from": date.min, "until": date(1, 1, 1)}
    late = stats.rising_window(Settings(), date.max)
    assert late["until"] == date.max and late["recent_from"] == date(9999, 10, 1)
