"""What each extracted value rests on, as a short key per field: the rule that gave it, and
whether the classifier agrees. ``confidence.py`` turns a key into how often values with that key
were right on the tuned parts (docs/extraction.md, "Confidence"). Keys never contain text.
"""

from __future__ import annotations

import re
from typing import Any

from bot.extraction.dates import DATE_RE

# Words that name a strand outright ("racist", "homophobic"), as against cues that imply it.
_NAMED_STRAND = {
    "race": r"racis\w*|racial\w*|\brace\b|ethnic\w*|xenophob\w*",
    "religion": r"religio\w*|islamophob\w*|anti-?muslim|antisemit\w*|anti-semit\w*|\bfaith\b",
    "sexual_orientation": r"homophob\w*|\bgay\b|lesbian|bisexual|sexuality|sexual orientation",
    "disability": r"disab\w*",
    "transgender": r"transphob\w*|\btrans\b|transgender",
    "sex_gender": r"misogyn\w*|sexis\w*|\bgender\b",
    "alternative_subculture": r"\bgoths?\b|\bemos?\b|\bpunks?\b|alternative",
    "other": r"homeless|\bage\b",
}
_NAMED_RES = {k: re.compile(v) for k, v in _NAMED_STRAND.items()}
_MONTH_OR_NUMBER = re.compile(r"\d|jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec")
_WEEKDAY = re.compile(r"monday|tuesday|wednesday|thursday|friday|saturday|sunday")
_RELATIVE = re.compile(r"today|tonight|yesterday|last night|this (morning|afternoon|evening)")


def date_kind(low: str, pos: int | None) -> str:
    """Kind of date phrase chosen: named (14 Nov), relative (yesterday), weekday, ago, period."""
    if pos is None:
        return "none"
    if pos < 0:
        return "now"
    m = DATE_RE.match(low, pos)
    phrase = m.group("d").lower() if m else ""
    if "ago" in phrase:
        return "ago"
    if _WEEKDAY.search(phrase):
        return "weekday"
    if _RELATIVE.search(phrase):
        return "relative"
    if re.search(r"\b(week|weekend|month)\b", phrase):
        return "period"
    if _MONTH_OR_NUMBER.search(phrase):
        return "named"
    return "other"


def _agreement(value: Any, model_value: Any) -> str:
    if isinstance(value, list):
        if set(value) == set(model_value):
            return "agree"
        return "partial" if set(value) & set(model_value) else "disagree"
    return "agree" if value == model_value else "disagree"


def keys(low: str, result: dict[str, Any], detail: dict[str, Any],
         model: dict[str, Any] | None) -> dict[str, str]:
    """field -> key for the confidence table (``model`` = the classifier's decoded answers)."""
    strands = result["strands"]
    named = all(_NAMED_RES[s].search(low) for s in strands) if strands else False
    out = {
        "reporter_role": str(detail["role_reason"]),
        "strands": f"{min(len(strands), 2)}|{'named' if named else 'implied'}",
        "incident_types": "+".join(result["incident_types"]) if len(result["incident_types"]) <= 2
        else "3+",
        "occurred_on": f"{detail['date_kind']}|{'several' if detail['several'] else 'one'}",
        "location": f"{detail['location_kind']}|{'ward' if result['location']['ward'] else '-'}",
        "perpetrator": str(detail["perpetrator_reason"]),
        "injured": f"{result['injured']}",
        "ongoing": str(detail["ongoing_reason"]),
    }
    for field, source in detail.get("sources", {}).items():
        if source != "rules" and field in out:
            out[field] = f"{source}|{out[field]}"
    if model is not None:
        for field in ("reporter_role", "strands", "incident_types", "perpetrator"):
            out[field] += "|" + _agreement(result[field], model[field])
    return out
