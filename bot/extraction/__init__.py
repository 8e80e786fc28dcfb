"""Narrative understanding: read a resident's account once and fill the case fields it answers.

Public API (docs/architecture.md, "Extraction contract"). Importing this package is cheap: spaCy
and dateparser load on the first call that needs them (``get_pipeline()``), never at import.
"""

from __future__ import annotations

from bot.extraction.danger import detect_danger
from bot.extraction.extract import FIELDS, extract
from bot.extraction.faith import FAITHS, parse_faith
from bot.extraction.parsers import (
    is_skip,
    parse_date,
    parse_incident_types,
    parse_location,
    parse_perpetrator,
    parse_reporter_role,
    parse_strands,
    parse_yes_no,
)
from bot.extraction.pipeline import get_pipeline
from bot.extraction.repeat import is_repeat

__all__ = [
    "FAITHS",
    "FIELDS",
    "detect_danger",
    "extract",
    "get_pipeline",
    "is_repeat",
    "is_skip",
    "parse_date",
    "parse_faith",
    "parse_incident_types",
    "parse_location",
    "parse_perpetrator",
    "parse_reporter_role",
    "parse_strands",
    "parse_yes_no",
]
