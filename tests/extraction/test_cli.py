"""``tellonce extract``: one JSON object per narrative."""

from __future__ import annotations

import json

from typer.testing import CliRunner

from bot.cli import app
from bot.extraction import FIELDS

runner = CliRunner()


def test_one_text_prints_one_json_object():
    result = runner.invoke(app, ["extract", "--now", "2026-11-25T10:00:00",
                                 "yday a man called me a p*** on king st"])
    assert result.exit_code == 0, result.output
    lines = result.output.strip().splitlines()
    assert len(lines) == 1
    data = json.loads(lines[0])
    assert tuple(data) == FIELDS
    assert data["occurred_on"] == "2026-11-24"
    assert data["strands"] == ["race"]


def test_stdin_prints_one_object_per_line():
    stdin = "hes outside my door now\n\nmy son was spat at on the bus last fri\n"
    result = runner.invoke(app, ["extract", "--now", "2026-11-25T10:00:00"], input=stdin)
    assert result.exit_code == 0, result.output
    rows = [json.loads(line) for line in result.output.strip().splitlines()]
    assert len(rows) == 3
    assert rows[0]["danger_now"] is True
    assert rows[1]["reporter_role"] is None
    assert rows[2]["reporter_role"] == "third_party"
    assert rows[2]["occurred_on"] == "2026-11-20"


def test_bad_now_is_refused():
    result = runner.invoke(app, ["extract", "--now", "not-a-date", "text"])
    assert result.exit_code != 0
