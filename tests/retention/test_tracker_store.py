"""Deleting conversations from Rasa's SQL tracker store (SQLite made by Rasa; PostgreSQL)."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest
from sqlalchemy.exc import OperationalError

from bot.tracker_store import count_events, delete_conversations, tracker_url
from tests.retention.conftest import rasa_event_count

OLD = datetime(2023, 1, 1, tzinfo=UTC).timestamp()
NEW = datetime(2026, 1, 1, tzinfo=UTC).timestamp()


def test_deletes_only_the_named_conversations(tracker) -> None:
    tracker.fill([{"sender": "w-alice", "timestamp": OLD, "texts": ["he hit me", "yesterday"]},
                  {"sender": "s-bob", "timestamp": OLD, "texts": ["they shouted"]}])
    alice_before = count_events(tracker.url, "w-alice")
    assert alice_before >= 4
    deleted = delete_conversations(tracker.url, ["w-alice", None, "w-nobody"])
    assert deleted == alice_before
    assert count_events(tracker.url, "w-alice") == 0
    assert count_events(tracker.url, "s-bob") > 0
    if tracker.backend == "sqlite":  # Rasa itself no longer has the conversation
        assert rasa_event_count(tracker.url.removeprefix("sqlite:///"), "w-alice") == 0
        assert rasa_event_count(tracker.url.removeprefix("sqlite:///"), "s-bob") > 0


def test_before_keeps_later_conversations_of_the_same_sender(tracker) -> None:
    tracker.fill([{"sender": "s-carol", "timestamp": OLD, "texts": ["old report"]},
                  {"sender": "s-carol", "timestamp": NEW, "texts": ["new report"]}])
    total = count_events(tracker.url, "s-carol")
    deleted = delete_conversations(tracker.url, ["s-carol"],
                                   before=datetime(2024, 1, 1, tzinfo=UTC))
    assert 0 < deleted < total
    assert count_events(tracker.url, "s-carol") == total - deleted


def test_nothing_to_delete_is_not_an_error(tmp_path: Path) -> None:
    missing = tmp_path / "never_created.db"
    assert delete_conversations(f"sqlite:///{missing}", ["w-x"]) == 0
    assert not missing.exists()  # we never create Rasa's database
    assert delete_conversations(f"sqlite:///{missing}", []) == 0
    empty = tmp_path / "no_events_table.db"
    empty.touch()
    assert delete_conversations(f"sqlite:///{empty}", ["w-x"]) == 0


def test_an_unreachable_tracker_store_raises() -> None:
    with pytest.raises(OperationalError):
        delete_conversations("postgresql://postgres@127.0.0.1:1/nothing", ["w-x"])


def test_postgres_urls_use_our_driver() -> None:
    assert tracker_url("postgresql://u:p@h/db") == "postgresql+psycopg://u:p@h/db"
    assert tracker_url("sqlite:////tmp/x.db") == "sqlite:////tmp/x.db"
