"""``/officer/``: the queue, in the API's order (``bot.queue``: highest risk, then longest
waiting), with the API's filters, keyset paging, and the new and overdue counts."""

from __future__ import annotations

from datetime import UTC, datetime
from functools import lru_cache
from typing import Annotated

import yaml
from fastapi import APIRouter, Query, Request
from fastapi.responses import Response

from api.deps import SessionDep, SettingsDep
from api.workspace.errors import Refusal, refused
from api.workspace.render import html, redirect
from api.workspace.session import SignedInDep
from bot.cases import is_overdue
from bot.casework import reads
from bot.casework.views import is_urgent
from bot.queue import BadCursor, QueueFilters
from bot.settings import Settings
from bot.taxonomy import CASE_STATUSES, RISK_LEVELS, STRANDS

router = APIRouter()
PAGE_SIZE = 25
Param = Annotated[str, Query(max_length=200)]


@lru_cache
def _wards(path: str) -> tuple[str, ...]:
    with open(path, encoding="utf-8") as handle:
        return tuple((yaml.safe_load(handle) or {}).get("wards") or ())


def wards(settings: Settings) -> tuple[str, ...]:
    """The borough's wards (editable reference data), for the ward filter."""
    return _wards(str(settings.reference_data_dir / "lbhf_places.yml"))


def _choice(name: str, value: str, allowed: tuple[str, ...]) -> str | None:
    if not value:
        return None
    if value not in allowed:
        raise Refusal(400, f"The {name} filter {value!r} is not one of: {', '.join(allowed)}.",
                      "Filter not understood")
    return value


@router.get("/officer/", summary="The officers' workspace: the case queue")
def queue_page(
    request: Request,
    user: SignedInDep,
    session: SessionDep,
    settings: SettingsDep,
    status: Param = "",
    risk: Param = "",
    strand: Param = "",
    ward: Param = "",
    overdue: Param = "",
    assigned: Param = "",
    sort: Param = "",
    cursor: Param = "",
) -> Response:
    officer = user.officer
    if officer.role == "admin":
        return redirect("/officer/accounts")
    known_wards = wards(settings)
    chosen = {
        "status": _choice("status", status, (*CASE_STATUSES, "any")),
        "risk": _choice("risk", risk, RISK_LEVELS),
        "strand": _choice("strand", strand, STRANDS),
        "ward": _choice("ward", ward, known_wards),
        "overdue": _choice("overdue", overdue, ("yes", "no")),
        "assigned": _choice("assigned", assigned, ("me", "none")),
        "sort": _choice("sort", sort, ("risk", "newest")),
    }
    filters = QueueFilters(
        status=chosen["status"] if chosen["status"] != "any" else None,
        open_only=not chosen["status"], risk=chosen["risk"], strand=chosen["strand"],
        ward=chosen["ward"], overdue={"yes": True, "no": False}.get(overdue),
        officer_id=reads.assignee_filter(session, officer, chosen["assigned"]),
    )
    now = datetime.now(UTC)
    with refused():
        counts = reads.queue_counts(session, officer, now)
        try:
            page, next_cursor = reads.list_queue(session, officer, filters, limit=PAGE_SIZE,
                                                 cursor=cursor or None,
                                                 sort=chosen["sort"] or "risk", now=now)
        except BadCursor:
            raise Refusal(400, "This page link is out of date or was changed: go back to the "
                               "first page of the queue.", "Page not found in the queue") from None
    rows = [{"case": c, "overdue": is_overdue(c, now), "urgent": is_urgent(c)} for c in page]
    return html(request, "queue.html", nav="queue", rows=rows, counts=counts, chosen=chosen,
                filtered=any(v for k, v in chosen.items() if k != "sort"),
                next_cursor=next_cursor, paged=bool(cursor), wards=known_wards,
                statuses=CASE_STATUSES, risks=RISK_LEVELS, strands=STRANDS)
