"""Narrative understanding (placeholder interface; the extraction issue replaces the body)."""

from __future__ import annotations

import re

_DANGER = re.compile(
    r"\b(outside my (door|house|flat)|(has|got|with) a (knife|gun|weapon)|going to (kill|hurt|stab)|"
    r"(kill|hurt) me|right now|help me now|in danger)\b",
    re.IGNORECASE,
)


def detect_danger(text: str) -> bool:
    """True when the text says someone is in danger now."""
    return bool(_DANGER.search(text or ""))
