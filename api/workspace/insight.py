"""Supervisors' pages: ``/officer/stats`` (trends by strand, ward and month with the rising
flags, as SVG charts each with a table), ``/officer/stats.csv`` and ``/officer/audit``. The
figures and the audit rows come from ``bot.casework.insight`` (same code and audit as the API)."""

from __future__ import annotations

import re
from datetime import UTC, date, datetime, time, timedelta
from typing import Annotated, Any

from fastapi import APIRouter, Query, Request
from fastapi.responses import Response

from api.deps import SessionDep, SettingsDep
from api.officer.schemas import USERNAME_PATTERN
from api.workspace.charts import bar_chart
from api.workspace.errors import Refusal, refused
from api.workspace.render import HEADERS, html, label
from api.workspace.session import SignedInDep
from bot import stats
from bot.casework.insight import read_audit, read_stats, read_trends

router = APIRouter()
GROUPS = ("strand", "ward", "month")
Param = Annotated[str, Query(max_length=64)]
AUDIT_PAGE = 50


def _day(name: str, value: str) -> date | None:
    if not value:
        return None
    if re.fullmatch(r"[0-9]{4}-[0-9]{2}-[0-9]{2}", value):
        try:
            return date.fromisoformat(value)
        except ValueError:
            pass
    raise Refusal(400, f"The {name} date must be a real date written YYYY-MM-DD, e.g. 2026-03-01.",
                  "Date not understood")


def _range(start: str, end: str) -> tuple[date | None, date | None]:
    first, last = _day("from", start), _day("to", end)
    if first and last and first > last:
        raise Refusal(400, "The from date must be on or before the to date.", "Dates the wrong way")
    return first, last


def _month_label(key: str) -> str:
    try:
        return datetime.strptime(key, "%Y-%m").strftime("%b %Y")
    except ValueError:
        return key


def _chart(group: str, result: dict[str, Any]) -> dict[str, Any]:
    dimension = {"strand": "strand", "ward": "ward"}.get(group)
    rising = {r["key"] for r in result["rising"] if r["dimension"] == dimension}
    rows = []
    for item in result["counts"]:
        key = item["key"]
        if group == "strand":
            name = label(key, "strand") if key != stats.UNKNOWN else "Not recorded"
        elif group == "month":
            name = _month_label(key)
        else:
            name = key if key != stats.UNKNOWN else "Not recorded"
        rows.append((name, item["count"], key in rising))
    return {"group": group, "chart": bar_chart(rows), "rows": rows,
            "total": result["total_cases"]}


@router.get("/officer/stats", summary="Trends for supervisors")
def trends(request: Request, user: SignedInDep, session: SessionDep, settings: SettingsDep,
           start: Annotated[str, Query(alias="from", max_length=20)] = "",
           end: Annotated[str, Query(alias="to", max_length=20)] = "") -> Response:
    first, last = _range(start, end)
    with refused():
        results = read_trends(session, settings, user.officer, GROUPS, first, last)
    any_result = results[GROUPS[0]]
    rising = [{**r, "name": label(r["key"], "strand") if r["dimension"] == "strand" else r["key"]}
              for r in any_result["rising"]]
    return html(request, "stats.html", nav="stats", charts=[_chart(g, results[g]) for g in GROUPS],
                rising=rising, rule=any_result["rising_rule"], start=start, end=end,
                total=any_result["total_cases"])


@router.get("/officer/stats.csv", summary="The trend figures as CSV")
def trends_csv(request: Request, user: SignedInDep, session: SessionDep, settings: SettingsDep,
               group_by: Param = "strand",
               start: Annotated[str, Query(alias="from", max_length=20)] = "",
               end: Annotated[str, Query(alias="to", max_length=20)] = "") -> Response:
    if group_by not in stats.GROUPS:
        raise Refusal(400, f"Group by one of: {', '.join(stats.GROUPS)}.", "Not a grouping")
    first, last = _range(start, end)
    with refused():
        result = read_stats(session, settings, user.officer, group_by, first, last)
    name = f"tellonce-stats-{group_by}.csv"
    return Response(stats.to_csv(result), media_type="text/csv; charset=utf-8",
                    headers={**HEADERS, "Content-Disposition": f'attachment; filename="{name}"'})


def _at(day: date | None, plus: int = 0) -> datetime | None:
    return datetime.combine(day + timedelta(days=plus), time.min, tzinfo=UTC) if day else None


@router.get("/officer/audit", summary="The audit log for supervisors")
def audit_log(request: Request, user: SignedInDep, session: SessionDep,
              case: Param = "", officer: Param = "", before: Param = "",
              start: Annotated[str, Query(alias="from", max_length=20)] = "",
              end: Annotated[str, Query(alias="to", max_length=20)] = "") -> Response:
    case = case.strip().upper()
    if case and not re.fullmatch(r"[A-Z0-9-]{1,24}", case):
        raise Refusal(400, "A case reference looks like HF-7K3M9Q.", "Reference not understood")
    if officer and not re.fullmatch(USERNAME_PATTERN, officer):
        raise Refusal(400, "A username is 3 to 64 letters, digits, dots, dashes or underscores.",
                      "Username not understood")
    if before and not re.fullmatch(r"[0-9]{1,10}", before):
        raise Refusal(400, "This page link is out of date: start from the newest entries.",
                      "Page not found")
    first, last = _range(start, end)
    before_id = min(int(before), 2**31 - 1) if before else None
    with refused():
        rows = read_audit(session, user.officer, case=case or None, who=officer or None,
                          start=_at(first), end=_at(last, 1), before_id=before_id,
                          newest_first=True, limit=AUDIT_PAGE + 1)
    page = rows[:AUDIT_PAGE]
    older = page[-1].id if len(rows) > AUDIT_PAGE else None
    return html(request, "audit.html", nav="audit", rows=page, older=older, case=case,
                officer=officer, start=start, end=end, paged=bool(before))
