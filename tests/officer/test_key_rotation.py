"""``tellonce keys rotate``: every encrypted column ends up under the newest key."""

from __future__ import annotations

import json
import os

from cryptography.fernet import Fernet
from sqlalchemy import select, text
from typer.testing import CliRunner

from bot.cli import app
from bot.db import reset_caches
from bot.models import Case, CaseNote, InboundClaim, OutboundMessage


def use_keys(monkeypatch, keys: list[str]) -> None:
    monkeypatch.setenv("FIELD_ENCRYPTION_KEYS", json.dumps(keys))
    reset_caches()


def test_rotate_re_encrypts_everything_under_the_newest_key(monkeypatch, make_case,
                                                            session_factory):
    old = json.loads(os.environ["FIELD_ENCRYPTION_KEYS"])[0]
    case = make_case()
    with session_factory() as s:
        s.add(CaseNote(case_id=case.id, text="a private note"))
        s.add(OutboundMessage(case_id=case.id, channel="sms", to="+447700900123", body="hello"))
        s.add(InboundClaim(message_sid="SM" + "a" * 32, response="a reply"))
        s.commit()
    new = Fernet.generate_key().decode()
    use_keys(monkeypatch, [new, old])
    runner = CliRunner()
    result = runner.invoke(app, ["keys", "rotate", "--batch-size", "2"])
    assert result.exit_code == 0, result.output
    assert "cases.narrative: rotated 1" in result.output
    assert "case_notes.text: rotated 1" in result.output
    assert "inbound_claims.response: rotated 1" in result.output
    assert "outbound_messages.to: rotated 1" in result.output
    # the old key can go: everything still reads
    use_keys(monkeypatch, [new])
    with session_factory() as s:
        stored = s.get(Case, case.id)
        assert stored.narrative.startswith("A man shouted")
        assert stored.contact_value == "+447700900123"
        assert s.scalar(select(CaseNote.text)) == "a private note"
        assert s.scalar(select(InboundClaim.response)) == "a reply"
        raw = s.execute(text("SELECT narrative FROM cases")).scalar_one()
    assert Fernet(new.encode()).decrypt(raw.encode()).decode().startswith("A man shouted")
    again = runner.invoke(app, ["keys", "rotate"])
    assert again.exit_code == 0
    assert "cases.narrative: rotated 0, already current 1" in again.output


def test_rotate_reports_values_no_key_can_read(monkeypatch, make_case):
    make_case()
    use_keys(monkeypatch, [Fernet.generate_key().decode()])  # the data's key is gone
    result = CliRunner().invoke(app, ["keys", "rotate"])
    assert result.exit_code == 1
    assert "cases.narrative: rotated 0, already current 0, undecryptable 1" in result.output


def test_generate_prints_a_usable_key():
    result = CliRunner().invoke(app, ["keys", "generate"])
    Fernet(result.output.strip().encode())
