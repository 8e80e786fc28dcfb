"""Insight for supervisors: ``GET /api/v1/stats`` as JSON, or CSV with ``Accept: text/csv``.

Supervisors only: the figures hold no personal data, but a count by ward over a short range
can point at a person, and the issue gives supervisors the borough-wide view (officers see
their queue). The read is audited like any other supervisor action.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Annotated, Any

from fastapi import APIRouter, Header, Query, Response
from pydantic import BaseModel, Field

from api.deps import SessionDep, SettingsDep
from api.officer.auth import Supervisor
from api.officer.errors import invalid, responses
from api.officer.schemas import IsoDate
from bot import stats
from bot.casework.insight import read_stats

router = APIRouter(tags=["insight"])


class Count(BaseModel):
    key: str = Field(description="The strand, incident type, ward, YYYY-MM month or channel "
                                 "('unknown' when not recorded).")
    count: int


class RisingItem(BaseModel):
    dimension: str = Field(description="strand or ward")
    key: str
    recent_cases: int
    recent_monthly_average: float
    baseline_monthly_average: float
    change_pct: float | None = Field(description="null when the baseline had no cases")


class RisingRule(BaseModel):
    recent_from: date
    baseline_from: date
    until: date = Field(description="exclusive end of the recent window")
    recent_months: int
    baseline_months: int
    threshold_pct: float
    min_cases: int


class Hotspot(BaseModel):
    kind: str = Field(description="place (the same place text), estate, or ward_strand")
    label: str | None = Field(description="The estate, the place as reported, or ward: strand")
    ward: str | None
    strand: str | None
    count: int = Field(description="Incidents in the window (all of them, seen or not)")
    first_at: datetime
    last_at: datetime
    cases: list[str] = Field(description="References of those cases you may read")


class HotspotRule(BaseModel):
    window_days: int
    min_cases: int
    from_: datetime = Field(alias="from", serialization_alias="from")
    until: datetime = Field(description="exclusive end of the window")


class Satisfaction(BaseModel):
    month: str = Field(description="YYYY-MM")
    channel: str
    responses: int
    average_rating: float = Field(description="1 (very poor) to 5 (very good)")


class StatsOut(BaseModel):
    """Case counts for the range, and the strands and wards whose reports are rising."""

    from_: date | None = Field(alias="from", serialization_alias="from")
    to: date | None
    group_by: stats.GroupBy
    total_cases: int = Field(description="Cases created in the range (each counted once).")
    counts: list[Count]
    rising: list[RisingItem]
    rising_rule: RisingRule
    hotspots: list[Hotspot] = Field(description="Clusters at or above the hotspot rule's count "
                                                "in its window, most incidents first.")
    hotspot_rule: HotspotRule
    satisfaction: list[Satisfaction] = Field(
        default_factory=list, description="Residents' ratings by month and channel")


@router.get(
    "/stats",
    response_model=StatsOut,
    response_model_by_alias=True,
    summary="Case counts by strand, incident type, ward, month or channel, and rising trends",
    responses={
        200: {"content": {"text/csv": {"schema": {"type": "string"}}},
              "description": "JSON, or CSV when the request has `Accept: text/csv`."},
        **responses(403),
    },
)
def get_stats(
    session: SessionDep,
    settings: SettingsDep,
    officer: Supervisor,
    group_by: stats.GroupBy = "strand",
    from_: Annotated[IsoDate | None,
                     Query(alias="from", description="First day (inclusive, UTC), YYYY-MM-DD")]
    = None,
    to: Annotated[IsoDate | None, Query(description="Last day (inclusive, UTC), YYYY-MM-DD")]
    = None,
    accept: Annotated[str | None, Header(include_in_schema=False)] = None,
) -> Any:
    """Counts are of cases created in the range; ``rising`` looks at the whole months up to
    ``to`` (default today) and ``hotspots`` at the last HOTSPOT_WINDOW_DAYS up to ``to``
    (default now), whatever ``from`` is."""
    if from_ and to and from_ > to:
        raise invalid(("query", "from"), "from must be on or before to", from_.isoformat())
    result = read_stats(session, settings, officer, group_by, from_, to)
    if accept and "text/csv" in accept:
        name = f"tellonce-stats-{group_by}.csv"
        return Response(stats.to_csv(result), media_type="text/csv; charset=utf-8",
                        headers={"Content-Disposition": f'attachment; filename="{name}"'})
    return result
