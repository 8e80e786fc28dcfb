"""Risk triage: a level and the reasons that set it (rules extended by the officer-API issue)."""

from __future__ import annotations

from dataclasses import dataclass, field

from bot.report import Report

RANK = {"standard": 0, "medium": 1, "high": 2}


@dataclass
class Risk:
    level: str = "standard"
    reasons: list[str] = field(default_factory=list)

    @property
    def rank(self) -> int:
        return RANK[self.level]


def assess(report: Report) -> Risk:
    """Minimal rules; see the officer-API issue for the configurable set."""
    reasons: list[str] = []
    high = False
    if report.danger_now:
        reasons.append("danger_now")
        high = True
    if "physical_assault" in report.incident_types:
        reasons.append("violence")
        high = True
    if report.injured:
        reasons.append("injury")
        high = True
    if "threats" in report.incident_types:
        reasons.append("threats_of_violence")
    if report.ongoing:
        reasons.append("repeat_or_ongoing")
    if report.perpetrator in ("neighbour", "known"):
        reasons.append(f"perpetrator_{report.perpetrator}")
    if "disability" in report.strands:
        reasons.append("vulnerable_victim")
    level = "high" if high else ("medium" if reasons else "standard")
    return Risk(level=level, reasons=reasons)
