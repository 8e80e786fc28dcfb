"""How sure the extractor is of each value: the share of values with the same key (signals.py)
that were right on the tuned parts, shrunk towards zero for rare keys.

The table is ``confidence.yml`` beside this file, written by ``python -m
bot.extraction.learned.calibrate --write`` from the tuned parts (the classifier's answers there
cross-validated). Confidence is right / (n + 2): eight right of eight is 0.8, so a key needs a
solid record before the form may skip its question (threshold 0.8); a key right less than 95 %
of the time stays below 0.8 whatever its record, so "0.8 or more" means "right at least 95 % of
the time on the tuned parts". A key never seen gets at most ``UNSEEN``. A field returned as
None / [] has confidence 0.0.
"""

from __future__ import annotations

import threading
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

TABLE_FILE = Path(__file__).with_name("confidence.yml")
CONFIDENCE_FIELDS = ("reporter_role", "strands", "incident_types", "occurred_on", "location",
                     "perpetrator", "injured", "ongoing")
SHRINK = 2  # confidence = right / (n + SHRINK)
RELIABLE = 0.95  # a key right less often than this never reaches SKIP
SKIP = 0.8  # the form skips a question at or above this
BELOW_SKIP = 0.79
UNSEEN = 0.5
_LOCK = threading.Lock()


@lru_cache(maxsize=1)
def table() -> dict[str, Any]:
    """The committed table ({} when missing: every confidence is then at most UNSEEN)."""
    with _LOCK:
        if not TABLE_FILE.is_file():
            return {}
        return yaml.safe_load(TABLE_FILE.read_text(encoding="utf-8")) or {}


def choice() -> dict[str, str]:
    """The per-field way of combining rules and classifier chosen by cross-validation."""
    return dict(table().get("choice") or {})


def rate(right: int, n: int) -> float:
    """right / (n + 2), and below 0.8 unless the key was right at least 95 % of the time."""
    if not n:
        return 0.0
    shrunk = right / (n + SHRINK)
    return shrunk if right >= RELIABLE * n else min(shrunk, BELOW_SKIP)


def _has_value(result: dict[str, Any], field: str) -> bool:
    if field == "location":
        return bool(result["location"]["text"])
    value = result[field]
    return value not in (None, [], "")


def score(result: dict[str, Any], keys: dict[str, str], with_model: bool) -> dict[str, float]:
    """field -> confidence in [0, 1] for the values in ``result``."""
    tables = (table().get("tables") or {}).get("model" if with_model else "rules") or {}
    out: dict[str, float] = {}
    for field in CONFIDENCE_FIELDS:
        if not _has_value(result, field):
            out[field] = 0.0
            continue
        counts = tables.get(field) or {}
        right, n = counts.get(keys.get(field, ""), (0, 0))
        if n:
            out[field] = round(rate(right, n), 3)
        else:
            total_right = sum(c[0] for c in counts.values())
            total = sum(c[1] for c in counts.values())
            out[field] = round(min(UNSEEN, rate(total_right, total)), 3)
    return out
