"""Thin, crash-proof calls into ``bot.extraction`` for the form (imported lazily: the spaCy
pipeline loads on first use, never at import). A failure there means "not understood", never
a crashed conversation; only the exception type is logged (never the resident's text)."""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import date, datetime
from typing import Any, TypeVar

log = logging.getLogger(__name__)
T = TypeVar("T")


def _call[T](name: str, default: T, *args: Any) -> T:
    try:
        import bot.extraction as extraction

        func: Callable[..., T] = getattr(extraction, name)
        return func(*args)
    except Exception as exc:  # noqa: BLE001 - a parser bug must not end the conversation
        log.warning("extraction.%s failed: %s", name, type(exc).__name__)
        return default


def extract(text: str, now: datetime) -> dict[str, Any]:
    return _call("extract", {}, text, now) or {}


def strands(text: str) -> list[str]:
    return list(_call("parse_strands", [], text) or [])


def incident_types(text: str) -> list[str]:
    return list(_call("parse_incident_types", [], text) or [])


def when(text: str, now: datetime) -> tuple[date | None, str | None]:
    found = _call("parse_date", (None, None), text, now)
    return found if isinstance(found, tuple) and len(found) == 2 else (None, None)


def location(text: str) -> dict[str, Any] | None:
    found = _call("parse_location", None, text)
    return found if isinstance(found, dict) else None


def perpetrator(text: str) -> str | None:
    return _call("parse_perpetrator", None, text)


def reporter_role(text: str) -> str | None:
    return _call("parse_reporter_role", None, text)


def yes_no(text: str) -> bool | None:
    found = _call("parse_yes_no", None, text)
    return found if isinstance(found, bool) else None


def skip(text: str) -> bool:
    return bool(_call("is_skip", False, text))
