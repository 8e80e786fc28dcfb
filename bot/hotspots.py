"""Hotspots: incidents clustering at the same place text or estate, or in the same ward and
strand, at least ``hotspot_min_cases`` times within ``hotspot_window_days`` days (the evidence
the strategy wants for targeted training and patrols).

Place text is encrypted, so places are grouped by the keyed hashes in ``case_places`` (written
with each case, ``bot.hotspot_keys``): one indexed GROUP BY, no decryption. Only the clusters
found are named, by decrypting one case's place text each. Ward and strand come from
``cases`` and ``case_strands``. Each hotspot lists the references the officer may read.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta
from typing import Any

from sqlalchemy import func, select, tuple_
from sqlalchemy.orm import Session

from bot.hotspot_keys import place_label
from bot.models import Case, CasePlace, CaseStrand
from bot.models.perpetrators import place_rows
from bot.settings import Settings
from bot.taxonomy import STRAND_LABELS

KIND_ORDER = {"place": 0, "estate": 1, "ward_strand": 2}


def window(settings: Settings, until_day: date | None = None,
           now: datetime | None = None) -> tuple[datetime, datetime]:
    """``[start, end)``: the ``hotspot_window_days`` days up to the end of ``until_day``
    (default: up to now)."""
    if until_day is not None:
        end = (datetime.combine(until_day, time.min, tzinfo=UTC) + timedelta(days=1)
               if until_day < date.max else datetime.max.replace(tzinfo=UTC))
    else:
        end = now or datetime.now(UTC)
    try:
        start = end - timedelta(days=settings.hotspot_window_days)
    except OverflowError:
        start = datetime.min.replace(tzinfo=UTC)
    return start, end


def _visible(case: Any, visible_to: int | None) -> bool:
    return visible_to is None or case.assigned_officer_id in (None, visible_to)


def _place_hotspots(session: Session, start: datetime, end: datetime, minimum: int,
                    visible_to: int | None) -> list[dict[str, Any]]:
    clusters = session.execute(
        select(CasePlace.kind, CasePlace.digest, func.count())
        .where(CasePlace.created_at >= start, CasePlace.created_at < end)
        .group_by(CasePlace.kind, CasePlace.digest)
        .having(func.count() >= minimum)
    ).all()
    if not clusters:
        return []
    members = session.execute(
        select(CasePlace.kind, CasePlace.digest, Case.id, Case.reference,
               Case.assigned_officer_id, Case.created_at)
        .join(Case, Case.id == CasePlace.case_id)
        .where(CasePlace.created_at >= start, CasePlace.created_at < end,
               tuple_(CasePlace.kind, CasePlace.digest).in_([(k, d) for k, d, _ in clusters]))
        .order_by(Case.created_at, Case.id)
    ).all()
    grouped: dict[tuple[str, str], list[Any]] = {}
    for row in members:
        grouped.setdefault((row.kind, row.digest), []).append(row)
    found, sources = [], {}
    for (kind, _digest), rows in grouped.items():
        seen = [r for r in rows if _visible(r, visible_to)]
        # a place is named as a case the officer may read typed it (an estate by its name)
        source = seen[0] if seen else (rows[0] if kind == "estate" else None)
        sources[len(found)] = source.id if source else None
        found.append({
            "kind": kind, "label": None, "ward": None, "strand": None,
            "count": len(rows), "first_at": rows[0].created_at, "last_at": rows[-1].created_at,
            "cases": [r.reference for r in seen],
        })
    wanted = {i for i in sources.values() if i is not None}
    texts = dict(session.execute(select(Case.id, Case.location_text)
                                 .where(Case.id.in_(wanted))).all()) if wanted else {}
    for index, case_id in sources.items():
        found[index]["label"] = place_label(texts.get(case_id), found[index]["kind"])
    return found


def _ward_strand_hotspots(session: Session, start: datetime, end: datetime, minimum: int,
                          visible_to: int | None) -> list[dict[str, Any]]:
    base = (select(Case.location_ward, CaseStrand.strand)
            .join(CaseStrand, CaseStrand.case_id == Case.id)
            .where(CaseStrand.created_at >= start, CaseStrand.created_at < end,
                   Case.location_ward.is_not(None)))
    clusters = session.execute(
        base.add_columns(func.count()).group_by(Case.location_ward, CaseStrand.strand)
        .having(func.count() >= minimum)
    ).all()
    if not clusters:
        return []
    members = session.execute(
        base.add_columns(Case.reference, Case.assigned_officer_id, Case.created_at)
        .where(tuple_(Case.location_ward, CaseStrand.strand).in_([(w, s) for w, s, _ in clusters]))
        .order_by(Case.created_at, Case.id)
    ).all()
    grouped: dict[tuple[str, str], list[Any]] = {}
    for row in members:
        grouped.setdefault((row.location_ward, row.strand), []).append(row)
    return [
        {"kind": "ward_strand", "label": f"{ward}: {STRAND_LABELS.get(strand, strand)}",
         "ward": ward, "strand": strand,
         "count": len(rows), "first_at": rows[0].created_at, "last_at": rows[-1].created_at,
         "cases": [r.reference for r in rows if _visible(r, visible_to)]}
        for (ward, strand), rows in grouped.items()
    ]


def hotspots(session: Session, settings: Settings, until_day: date | None = None,
             visible_to: int | None = None, now: datetime | None = None) -> dict[str, Any]:
    """``{"hotspots": [...], "hotspot_rule": {...}}`` for the window ending at ``until_day``;
    ``visible_to`` (an officer id) limits the listed references to cases that officer may read
    (unassigned or theirs), ``None`` lists all (supervisors)."""
    start, end = window(settings, until_day, now)
    minimum = settings.hotspot_min_cases
    found = (_place_hotspots(session, start, end, minimum, visible_to)
             + _ward_strand_hotspots(session, start, end, minimum, visible_to))
    found.sort(key=lambda h: (-h["count"], KIND_ORDER[h["kind"]], h["label"] or ""))
    return {
        "hotspots": found,
        "hotspot_rule": {"window_days": settings.hotspot_window_days, "min_cases": minimum,
                         "from": start, "until": end},
    }


def backfill_places(session: Session, batch_size: int = 500) -> int:
    """Write place keys for cases that have none yet (created before hotspots existed, or by
    a bulk loader). Decrypts each such case's place text once; commits per batch."""
    written, last = 0, 0
    while True:
        rows = session.execute(
            select(Case.id, Case.created_at, Case.location_text, Case.location_online)
            .where(Case.id > last, Case.anonymised_at.is_(None),
                   Case.location_text.is_not(None),
                   ~select(CasePlace.case_id).where(CasePlace.case_id == Case.id).exists())
            .order_by(Case.id).limit(batch_size)
        ).all()
        if not rows:
            return written
        values = [r for row in rows
                  for r in place_rows(row.id, row.created_at, row.location_text,
                                      bool(row.location_online))]
        if values:
            session.execute(CasePlace.__table__.insert(), values)
        session.commit()
        written += len(values)
        last = rows[-1].id
