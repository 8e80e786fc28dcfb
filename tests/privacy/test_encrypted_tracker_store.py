"""The encrypting tracker store in Rasa's own interpreter: what Rasa writes is ciphertext, what
it loads back mid-conversation is the conversation (slots, texts, later turns), a row written in
clear before the upgrade still loads, and without a key Rasa's store refuses to start."""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
from pathlib import Path

from bot.crypto import generate_key
from bot.launcher import RASA_BIN, RASA_TRACKER

HELPER = Path(__file__).with_name("encrypted_tracker.py")
TEXT = "the bellringer of Ravenscourt Park kicked my guide dog, call 07700 900261"


def run(db: Path, keys: str | None) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items()
           if k not in ("VIRTUAL_ENV", "PYTHONPATH", "TRACKER_ENCRYPTION_KEYS")}
    env.update(PYTHONPATH=str(RASA_TRACKER), RASA_TELEMETRY_ENABLED="false")
    if keys is not None:
        env["TRACKER_ENCRYPTION_KEYS"] = keys
    return subprocess.run([str(RASA_BIN.parent / "python"), str(HELPER), str(db), TEXT],  # noqa: S603
                          env=env, capture_output=True, text=True, timeout=180, check=False)


def test_rasa_writes_ciphertext_and_reads_the_conversation_back(tmp_path: Path) -> None:
    db = tmp_path / "tracker.db"
    done = run(db, json.dumps([generate_key(), generate_key()]))
    assert done.returncode == 0, done.stderr[-3000:]
    out = json.loads(next(x for x in done.stdout.splitlines() if x.startswith("RESULT"))[6:])
    assert {k: out[k] for k in ("events", "slot", "last_text", "legacy")} == {
        "events": 5, "slot": TEXT, "last_text": "a second message",
        "legacy": "written before the upgrade"}
    # A tracker this process loaded is saved without Rasa's count query, twice in a turn
    # without a duplicate; another replica's turn and a copy are counted, and nothing is lost.
    assert out["counted_while_trusted"] == []
    assert out["counted_for_copy"] == ["w-abc"]
    assert out["bot_texts"] == ["You said: " + TEXT, "one", "two", "three", "four"]
    # Plaintext of recent events is kept in Rasa's memory only while fresh (docs/privacy.md).
    assert out["cache"] == {"decrypted_while_fresh": 0, "decrypted_after_expiry": 9,
                            "same_after_expiry": True}
    with sqlite3.connect(db) as conn:
        rows = conn.execute("SELECT sender_id, type_name, data FROM events").fetchall()
    ours = [data for sender, _, data in rows if sender == "w-abc"]
    assert len(ours) == 9 and all(d.startswith("gAAAAA") for d in ours)
    raw = db.read_bytes()
    assert b"bellringer" not in raw and b"07700" not in raw and b"a second message" not in raw
    assert {t for s, t, _ in rows if s == "w-abc"} >= {"user", "slot", "action", "bot"}


def test_without_a_key_it_refuses_to_start(tmp_path: Path) -> None:
    for keys in (None, '[""]'):
        done = run(tmp_path / "tracker.db", keys)
        assert done.returncode != 0
        assert "TRACKER_ENCRYPTION_KEYS is not set" in done.stderr
