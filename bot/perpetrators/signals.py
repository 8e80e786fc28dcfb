"""Repeat perpetrators: a record linked to two or more cases raises the risk of every one of
them, with the triage reason ``repeat_perpetrator`` ("Perpetrator linked to 3 reports").

The reason's level and how far it raises a case come from ``bot/config/triage.yml``
(``level``: at least this; ``raise_levels``: this many levels above the case's own). The
case's own level is kept in ``case_repeat_risk`` and restored when the signal goes (unlinking,
erasure, retention), so raising and lowering never drift.
"""

from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from bot import audit, triage
from bot.cases import URGENT_RANK
from bot.models import Case, CasePerpetratorLink, CaseRepeatRisk

REASON = "repeat_perpetrator"
_LEVELS = tuple(triage.RANK)  # standard, medium, high


def _rule() -> triage.Rule:
    rules = triage.load_rules()
    found = next((r for r in rules.rules if r.key == REASON), None)
    return found or triage.Rule(key=REASON, label="Perpetrator linked to {count} reports",
                                level="medium", raise_levels=1)


def label(count: int) -> str:
    """The reason as an officer reads it, e.g. "Perpetrator linked to 3 reports"."""
    return _rule().label.replace("{count}", str(count))


def raised_level(base: str) -> str:
    rule = _rule()
    stepped = _LEVELS[min(len(_LEVELS) - 1, triage.RANK[base] + max(0, rule.raise_levels))]
    return max(stepped, rule.level, key=triage.RANK.__getitem__)


def linked_reports(session: Session, case_ids: Iterable[int]) -> dict[int, int]:
    """For each case, the most reports any record linked to it is linked to."""
    ids = list(set(case_ids))
    if not ids:
        return {}
    per_record = (
        select(CasePerpetratorLink.perpetrator_id.label("pid"), func.count().label("n"))
        .where(CasePerpetratorLink.unlinked_at.is_(None))
        .group_by(CasePerpetratorLink.perpetrator_id)
        .subquery()
    )
    rows = session.execute(
        select(CasePerpetratorLink.case_id, func.max(per_record.c.n))
        .join(per_record, per_record.c.pid == CasePerpetratorLink.perpetrator_id)
        .where(CasePerpetratorLink.case_id.in_(ids), CasePerpetratorLink.unlinked_at.is_(None))
        .group_by(CasePerpetratorLink.case_id)
    ).all()
    return {case_id: int(n) for case_id, n in rows}


def cases_of_records(session: Session, record_ids: Iterable[int]) -> list[int]:
    ids = list(set(record_ids))
    if not ids:
        return []
    return list(session.scalars(
        select(CasePerpetratorLink.case_id).distinct()
        .where(CasePerpetratorLink.perpetrator_id.in_(ids),
               CasePerpetratorLink.unlinked_at.is_(None))
    ))


def refresh(session: Session, case_ids: Iterable[int], actor: str | None) -> int:
    """Raise, re-count or restore the risk of these cases; returns how many changed level."""
    ids = sorted(set(case_ids))
    if not ids:
        return 0
    session.flush()
    counts = linked_reports(session, ids)
    raises = {r.case_id: r for r in session.scalars(
        select(CaseRepeatRisk).where(CaseRepeatRisk.case_id.in_(ids)))}
    changed = 0
    for case in session.scalars(select(Case).where(Case.id.in_(ids)).order_by(Case.id)):
        count, row = counts.get(case.id, 0), raises.get(case.id)
        before = {"risk_level": case.risk_level, "risk_reasons": list(case.risk_reasons or [])}
        reasons = [r for r in case.risk_reasons or [] if r != REASON]
        if count >= 2:
            base = row.base_level if row else case.risk_level
            if row is None:
                session.add(CaseRepeatRisk(case_id=case.id, base_level=base,
                                           linked_reports=count))
            else:
                row.linked_reports = count
            level = raised_level(base)
            reasons = before["risk_reasons"] if REASON in before["risk_reasons"] else [
                *reasons, REASON]
        elif row is not None:
            level = row.base_level
            session.delete(row)
        else:
            continue
        after = {"risk_level": level, "risk_reasons": reasons}
        if after != before:
            rank = URGENT_RANK if case.urgent else triage.RANK[level]  # danger now stays on top
            case.risk_level, case.risk_rank, case.risk_reasons = level, rank, reasons
            audit.record(session, actor, "case.risk_changed", case.reference,
                         {**audit.diff(before, after), "signal": REASON, "linked_reports": count})
            changed += before["risk_level"] != level
    session.flush()
    return changed
