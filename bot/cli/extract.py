"""``tellonce extract``: run narrative extraction on one text or on stdin, print JSON.

For checking the extractor by hand and for batch runs; prints only the extracted fields, never
logs the text.
"""

from __future__ import annotations

import json
import sys
from datetime import datetime

import typer


def _parse_now(value: str | None) -> datetime | None:
    if not value:
        return None
    try:
        return datetime.fromisoformat(value)
    except ValueError as exc:
        raise typer.BadParameter("use ISO format, e.g. 2026-11-25T10:00:00",
                                 param_hint="--now") from exc


def extract_command(
    text: str | None = typer.Argument(None, help="The account; omit to read one per line on stdin"),
    now: str | None = typer.Option(None, help="Moment of reporting (ISO); default: now"),
) -> None:
    """Print the fields extracted from an account as one JSON object (one per line for stdin)."""
    from bot.extraction import extract, get_pipeline

    moment = _parse_now(now)
    if text is not None:
        typer.echo(json.dumps(extract(text, now=moment), ensure_ascii=False))
        return
    get_pipeline()  # load once before the first line
    for line in sys.stdin:
        line = line.rstrip("\r\n")  # a blank line still gets its (empty) object: lines align
        typer.echo(json.dumps(extract(line, now=moment), ensure_ascii=False))
