"""Insight: case counts by strand, incident type, ward, month or channel, and rising trends.

Strands and incident types are counted from the ``case_strands`` / ``case_incident_types`` side
tables (plain indexed GROUP BY: same SQL and speed on SQLite and PostgreSQL). Dates are UTC.

"Rising" is the strategy's trigger for targeted training: a strand or ward whose monthly average
over the last ``rising_recent_months`` whole months is at least ``rising_threshold_pct`` % above
its monthly average over the ``rising_baseline_months`` before (and has at least
``rising_min_cases`` recent cases, so one or two reports in a quiet ward are not a "trend").
"""

from __future__ import annotations

import calendar
import csv
import io
from dataclasses import asdict, dataclass
from datetime import UTC, date, datetime, time, timedelta
from time import monotonic
from typing import Any, Literal

from sqlalchemy import Integer, case, func, literal, select, text, union_all
from sqlalchemy.orm import Session

from bot.hotspots import hotspots
from bot.models import Case, CaseIncidentType, CaseStrand
from bot.settings import Settings

GroupBy = Literal["strand", "incident_type", "ward", "month", "channel"]
GROUPS: tuple[str, ...] = ("strand", "incident_type", "ward", "month", "channel")
UNKNOWN = "unknown"


@dataclass(frozen=True)
class Rising:
    """One strand or ward flagged as rising, with the figures that flagged it."""

    dimension: str
    key: str
    recent_cases: int
    recent_monthly_average: float
    baseline_monthly_average: float
    change_pct: float | None  # None when the baseline had no cases at all


def add_months(day: date, months: int) -> date:
    """The first day of the month ``months`` after (or before) ``day``'s month, held at the
    calendar's ends (``date.min``, ``date.max``): any ``format: date`` the API accepts, even
    0001-01-01 or 9999-12-31, must give a window and not a 500."""
    index = day.year * 12 + day.month - 1 + months
    if index < 12:
        return date.min
    if index >= 10000 * 12:
        return date.max
    return date(index // 12, index % 12 + 1, 1)


def _is_month_end(day: date) -> bool:
    return day.day == calendar.monthrange(day.year, day.month)[1]


def _at(day: date) -> datetime:
    return datetime.combine(day, time.min, tzinfo=UTC)


def _count_query(group_by: str, start: datetime | None, end: datetime | None):  # noqa: ANN202
    if group_by == "strand":
        key, created = CaseStrand.strand, CaseStrand.created_at
    elif group_by == "incident_type":
        key, created = CaseIncidentType.incident_type, CaseIncidentType.created_at
    elif group_by == "ward":
        key, created = Case.location_ward, Case.created_at
    elif group_by == "channel":
        key, created = Case.channel, Case.created_at
    else:
        raise ValueError(f"group_by must be one of {', '.join(GROUPS)}")
    stmt = select(key.label("key"), func.count().label("n")).group_by(key)
    if start is not None:
        stmt = stmt.where(created >= start)
    if end is not None:
        stmt = stmt.where(created < end)
    return stmt


def counts(session: Session, group_by: str, start: datetime | None = None,
           end: datetime | None = None) -> list[dict[str, Any]]:
    """``[{"key", "count"}]`` for cases created in ``[start, end)``; most frequent first
    (months in calendar order). A case with several strands counts once under each."""
    if group_by == "month":
        return _month_counts(session, start, end)
    rows = session.execute(_count_query(group_by, start, end)).all()
    result = [{"key": key if key is not None else UNKNOWN, "count": n} for key, n in rows]
    return sorted(result, key=lambda r: (-r["count"], r["key"]))


def _month_counts(session: Session, start: datetime | None,
                  end: datetime | None) -> list[dict[str, Any]]:
    """One index range count per calendar month (UTC), in one UNION ALL statement: no
    date-formatting function over every row, and the same SQL on SQLite and PostgreSQL."""
    bounds = select(func.min(Case.created_at), func.max(Case.created_at))
    if start is not None:
        bounds = bounds.where(Case.created_at >= start)
    if end is not None:
        bounds = bounds.where(Case.created_at < end)
    first, last = session.execute(bounds).one()
    if first is None:
        return []
    month, months = add_months(first.date(), 0), []
    while month <= last.date():
        months.append(month)
        if month == date.max:  # add_months holds there
            break
        month = add_months(month, 1)
    parts = []
    for month in months:
        low, high = _at(month), _at(add_months(month, 1))
        if start is not None:
            low = max(low, start)
        if end is not None:
            high = min(high, end)
        parts.append(select(literal(month.strftime("%Y-%m")).label("key"),
                            func.count().label("n"))
                     .where(Case.created_at >= low, Case.created_at < high))
    rows = session.execute(union_all(*parts)).all()
    return sorted(({"key": key, "count": n} for key, n in rows if n), key=lambda r: r["key"])


def total(session: Session, start: datetime | None = None, end: datetime | None = None) -> int:
    stmt = select(func.count()).select_from(Case)
    if start is not None:
        stmt = stmt.where(Case.created_at >= start)
    if end is not None:
        stmt = stmt.where(Case.created_at < end)
    return session.scalar(stmt) or 0


def rising_window(settings: Settings, as_of: date) -> dict[str, date]:
    """Whole months only: the recent window ends where the month after ``as_of`` begins when
    ``as_of`` is a month's last day, otherwise at the start of ``as_of``'s month."""
    shift = 1 if _is_month_end(as_of) else 0  # each bound from as_of: one clamp, not three
    recent = shift - settings.rising_recent_months
    return {
        "baseline_from": add_months(as_of, recent - settings.rising_baseline_months),
        "recent_from": add_months(as_of, recent),
        "until": add_months(as_of, shift),  # exclusive
    }


def _rising_for(session: Session, dimension: str, key: Any, created: Any,
                window: dict[str, date], settings: Settings) -> list[Rising]:
    recent_from = _at(window["recent_from"])
    stmt = (
        select(
            key,
            func.sum(case((created >= recent_from, 1), else_=0), type_=Integer),
            func.count(),
        )
        .where(created >= _at(window["baseline_from"]), created < _at(window["until"]))
        .where(key.is_not(None))
        .group_by(key)
    )
    flagged = []
    threshold = 1 + settings.rising_threshold_pct / 100
    for value, recent, both in session.execute(stmt).all():
        recent = int(recent or 0)
        recent_avg = recent / settings.rising_recent_months
        baseline_avg = (both - recent) / settings.rising_baseline_months
        if recent < settings.rising_min_cases:
            continue
        if baseline_avg == 0 or recent_avg >= baseline_avg * threshold:
            change = None if baseline_avg == 0 else round((recent_avg / baseline_avg - 1) * 100, 1)
            flagged.append(Rising(dimension, value, recent, round(recent_avg, 2),
                                  round(baseline_avg, 2), change))
    return flagged


def rising(session: Session, settings: Settings, as_of: date) -> list[Rising]:
    """Strands and wards rising in the window ending at ``as_of`` (largest rise first)."""
    window = rising_window(settings, as_of)
    found = _rising_for(session, "strand", CaseStrand.strand, CaseStrand.created_at, window,
                        settings)
    found += _rising_for(session, "ward", Case.location_ward, Case.created_at, window, settings)
    return sorted(found, key=lambda r: (r.change_pct is not None, -(r.change_pct or 0),
                                        r.dimension, r.key))


_rising_cache: dict[tuple[Any, ...], tuple[float, list[Rising]]] = {}


def cached_rising(session: Session, settings: Settings, as_of: date) -> list[Rising]:
    """``rising`` remembered for ``rising_cache_seconds``: its window is whole past months, so
    the answer only moves when a month ends (or an old case's strands are corrected); every
    supervisor's stats page need not recount fifteen months of cases."""
    window = rising_window(settings, as_of)
    key = (str(session.get_bind().url), window["until"], settings.rising_recent_months,
           settings.rising_baseline_months, settings.rising_threshold_pct,
           settings.rising_min_cases, window["until"] > datetime.now(UTC).date())
    hit = _rising_cache.get(key)
    now = monotonic()
    if hit and now - hit[0] < settings.rising_cache_seconds:
        return hit[1]
    found = rising(session, settings, as_of)
    if settings.rising_cache_seconds > 0:
        _rising_cache[key] = (now, found)
    return found


def compute(session: Session, settings: Settings, group_by: str, date_from: date | None = None,
            date_to: date | None = None, today: date | None = None,
            visible_to: int | None = None) -> dict[str, Any]:
    """The whole ``GET /api/v1/stats`` answer: ``date_from``/``date_to`` are inclusive days.
    Hotspots look at the ``hotspot_window_days`` up to ``date_to`` (default now) and list the
    references of cases ``visible_to`` may read (``None``: all)."""
    today = today or datetime.now(UTC).date()
    start = _at(date_from) if date_from else None
    end = _at(date_to + timedelta(days=1)) if date_to and date_to < date.max else None
    window = rising_window(settings, date_to or today)
    return {
        "from": date_from.isoformat() if date_from else None,
        "to": date_to.isoformat() if date_to else None,
        "group_by": group_by,
        "total_cases": total(session, start, end),
        "counts": counts(session, group_by, start, end),
        "rising": [asdict(r) for r in cached_rising(session, settings, date_to or today)],
        "rising_rule": {
            "recent_from": window["recent_from"].isoformat(),
            "baseline_from": window["baseline_from"].isoformat(),
            "until": window["until"].isoformat(),
            "recent_months": settings.rising_recent_months,
            "baseline_months": settings.rising_baseline_months,
            "threshold_pct": settings.rising_threshold_pct,
            "min_cases": settings.rising_min_cases,
        },
        **hotspots(session, settings, date_to, visible_to),
        "satisfaction": satisfaction(session, start, end),
    }


def satisfaction(session: Session, start: datetime | None = None,
                 end: datetime | None = None) -> list[dict[str, Any]]:
    """Residents' ratings (1-5) by month and channel: how many, and the average (issue 9).
    Feedback is small (one or two rows per case), so months are read in Python."""
    from bot.models import Feedback

    stmt = select(Feedback.created_at, Feedback.channel, Feedback.rating).where(
        Feedback.rating.is_not(None))
    if start is not None:
        stmt = stmt.where(Feedback.created_at >= start)
    if end is not None:
        stmt = stmt.where(Feedback.created_at < end)
    groups: dict[tuple[str, str], list[int]] = {}
    for created, channel, rating in session.execute(stmt):
        groups.setdefault((f"{created:%Y-%m}", channel), []).append(int(rating))
    return [{"month": month, "channel": channel, "responses": len(ratings),
             "average_rating": round(sum(ratings) / len(ratings), 2)}
            for (month, channel), ratings in sorted(groups.items())]


def refresh_planner_statistics(session: Session) -> None:
    """Planner statistics after bulk changes (seed, retention). SQLite: ANALYZE, without which
    the planner reads these counts through the created_at index and row look-ups (5x slower)
    instead of the covering (ward|channel|strand, created_at) indexes. PostgreSQL: VACUUM
    ANALYZE, which also sets the visibility map so counts are index-only scans (autovacuum
    gets there by itself after enough inserts, this makes it immediate)."""
    bind = session.get_bind()
    if bind.dialect.name != "postgresql":
        session.execute(text("ANALYZE"))
        return
    session.commit()  # VACUUM cannot run inside a transaction
    with bind.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
        conn.execute(text("VACUUM ANALYZE cases, case_strands, case_incident_types"))


CSV_COLUMNS = ("section", "dimension", "key", "count", "recent_monthly_average",
               "baseline_monthly_average", "change_pct")


def _cell(value: Any) -> Any:
    """Neutralise spreadsheet formulas (CSV injection) in text cells."""
    if isinstance(value, str) and value[:1] in ("=", "+", "-", "@", "\t", "\r"):
        return "'" + value
    return value


def to_csv(result: dict[str, Any]) -> str:
    """The same figures as one CSV table: ``count`` rows, then ``rising`` rows."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(CSV_COLUMNS)
    for row in result["counts"]:
        writer.writerow(["count", result["group_by"], _cell(row["key"]), row["count"], "", "", ""])
    writer.writerow(["total", result["group_by"], "all cases", result["total_cases"], "", "", ""])
    for r in result["rising"]:
        writer.writerow(["rising", r["dimension"], _cell(r["key"]), r["recent_cases"],
                         r["recent_monthly_average"], r["baseline_monthly_average"],
                         "" if r["change_pct"] is None else r["change_pct"]])
    for h in result.get("hotspots", []):
        writer.writerow(["hotspot", h["kind"], _cell(h["label"]), h["count"], "", "", ""])
    for f in result.get("satisfaction", []):
        writer.writerow(["satisfaction", f["channel"], f["month"], f["responses"],
                         f["average_rating"], "", ""])
    return out.getvalue()
