"""``tellonce perpetrators rehash`` restores matching after PERPETRATOR_MATCH_KEY changes, and
``tellonce hotspots backfill`` writes place keys for cases that have none."""

from __future__ import annotations

import secrets

from typer.testing import CliRunner

from bot.cli import app
from bot.models import CasePlace, Officer
from bot.perpetrators import RecordInput, create_record, record_matches
from bot.settings import get_settings


def test_rehash_after_a_key_change(make_officer, session_factory, monkeypatch):
    boss = make_officer("supervisor")
    with session_factory() as s:
        officer = s.get(Officer, boss.id)
        create_record(s, officer, RecordInput(name="Dave Example", address="14 Fulham Court"))
        s.commit()
        monkeypatch.setenv("PERPETRATOR_MATCH_KEY", secrets.token_urlsafe(48))
        get_settings.cache_clear()
        second = create_record(s, officer, RecordInput(address="14 Fulham Ct"))
        s.commit()
        assert record_matches(s, second, officer) == []  # old hashes, new key: no match
    result = CliRunner().invoke(app, ["perpetrators", "rehash"])
    assert result.exit_code == 0, result.output
    assert "of 2 record(s)" in result.output and "Dave" not in result.output
    with session_factory() as s:
        assert [m["reason"] for m in record_matches(s, second, s.get(Officer, boss.id))] == [
            "same address"]
    get_settings.cache_clear()


def test_backfill_command(make_case, session_factory):
    case = make_case(location_text="the White City Estate")
    with session_factory() as s:
        s.query(CasePlace).delete()
        s.commit()
    result = CliRunner().invoke(app, ["hotspots", "backfill"])
    assert result.exit_code == 0, result.output
    assert "wrote 2 place key(s)" in result.output
    with session_factory() as s:
        assert {p.kind for p in s.query(CasePlace).filter_by(case_id=case.id)} == {"place",
                                                                                   "estate"}
