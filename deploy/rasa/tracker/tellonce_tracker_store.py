"""Rasa's SQL tracker store with every event's data encrypted before it is written.

Runs in Rasa's interpreter only (PYTHONPATH=deploy/rasa/tracker; endpoints ``type:
tellonce_tracker_store.EncryptedSQLTrackerStore``) and imports nothing of TellOnce. Rasa 3.6's
``SQLTrackerStore`` writes each event as JSON in ``events.data``: the resident's words, the
entities, every slot. Here ``data`` is a Fernet token (AES-128-CBC + HMAC) under the key ring in
``TRACKER_ENCRYPTION_KEYS`` (a JSON list or a comma list, newest first: the first encrypts,
every key decrypts). ``sender_id`` (already a keyed pseudonym), ``type_name``, ``timestamp``,
``intent_name`` and ``action_name`` stay readable: Rasa queries them to find the latest session,
and retention and erasure delete by them (bot/tracker_store.py). Without a key Rasa refuses to
start rather than store words in clear.
"""

from __future__ import annotations

import itertools
import json
import logging
import os
import time
import weakref
from collections import OrderedDict
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import sqlalchemy as sa
from cryptography.fernet import Fernet, InvalidToken, MultiFernet
from rasa.core.tracker_store import SQLTrackerStore, validate_port
from rasa.shared.core.events import SessionStarted
from rasa.shared.core.trackers import DialogueStateTracker
from rasa.shared.nlu.constants import INTENT_NAME_KEY

logger = logging.getLogger(__name__)

KEYS_ENV = "TRACKER_ENCRYPTION_KEYS"
# Fernet tokens are URL-safe base64 of a version byte 0x80: they always start with "gAAAAA".
_FERNET_PREFIX = "gAAAAA"  # noqa: S105 - a format marker, not a secret
_KNOWN_COUNTS = 10_000  # conversations whose stored event count this process remembers
# Decrypting every event of a long conversation on every turn cost about half of loading it
# (docs/benchmarks.md): the plaintext of recently used events is kept in this process's memory
# only (never on disk), for at most PLAIN_SECONDS after last use and PLAIN_EVENTS in all, keyed
# by the ciphertext itself, so an erased row, never read again, leaves within that time.
PLAIN_EVENTS = 20_000
PLAIN_SECONDS = 600.0
# The PostgreSQL advisory lock the replicas take while creating the tables (any fixed number).
_CREATING_TABLES = 0x7E110CE


@contextmanager
def one_creates_the_tables(kwargs: dict[str, Any]) -> Iterator[None]:
    """Replicas starting together on a new database each create the tables, and PostgreSQL
    refuses the second CREATE TABLE (a unique violation, which Rasa answers by sleeping 5 s
    while the gateway already sends it turns). Under an advisory lock one creates them and the
    others find them. Without a connection yet, Rasa's own retry loop is left to wait."""
    if kwargs.get("dialect") != "postgresql":
        yield
        return
    url = SQLTrackerStore.get_db_url(
        "postgresql", kwargs.get("host"), validate_port(kwargs.get("port")),
        kwargs.get("db") or "rasa.db", kwargs.get("username"), kwargs.get("password"),
        kwargs.get("login_db"), kwargs.get("query"))
    engine = sa.create_engine(url, poolclass=sa.pool.NullPool)
    try:
        conn = engine.connect()
    except sa.exc.SQLAlchemyError:
        engine.dispose()
        yield
        return
    try:
        conn.execute(sa.text("SELECT pg_advisory_lock(:key)"), {"key": _CREATING_TABLES})
        yield
    finally:
        conn.close()  # ends the session, and with it the lock
        engine.dispose()


def key_ring(raw: str | None = None) -> MultiFernet:
    """The key ring from ``TRACKER_ENCRYPTION_KEYS``; raises when it is missing or invalid."""
    raw = (os.environ.get(KEYS_ENV, "") if raw is None else raw).strip()
    keys = json.loads(raw) if raw.startswith("[") else [k.strip() for k in raw.split(",")]
    keys = [k for k in keys if k]
    if not keys:
        raise RuntimeError(f"{KEYS_ENV} is not set: refusing to keep conversations in clear")
    return MultiFernet([Fernet(k.encode("ascii")) for k in keys])


class EncryptedSQLTrackerStore(SQLTrackerStore):
    """``SQLTrackerStore`` whose ``events.data`` column holds ciphertext only."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        self.fernet = key_ring()
        # sender -> (the tracker this process loaded or saved, rows stored for its session).
        # Saving that same tracker needs no count query: the conversation lock is held from
        # retrieve to save, so nothing else wrote to it meanwhile (docs/benchmarks.md).
        self._counts: dict[str, tuple[weakref.ref, int]] = {}
        self._plain: OrderedDict[str, tuple[float, bytes]] = OrderedDict()
        self.clock = time.monotonic
        with one_creates_the_tables(kwargs):
            super().__init__(*args, **kwargs)

    def _keep_plain(self, token: str, plain: bytes) -> None:
        now = self.clock()
        self._plain[token] = (now, plain)
        self._plain.move_to_end(token)
        while self._plain:
            oldest, (used, _) = next(iter(self._plain.items()))
            if len(self._plain) <= PLAIN_EVENTS and now - used <= PLAIN_SECONDS:
                break
            del self._plain[oldest]

    def _remember(self, tracker: DialogueStateTracker, rows: int) -> None:
        self._counts.pop(tracker.sender_id, None)
        if len(self._counts) >= _KNOWN_COUNTS:
            self._counts.pop(next(iter(self._counts)))
        self._counts[tracker.sender_id] = (weakref.ref(tracker), rows)

    def _trusted_count(self, tracker: DialogueStateTracker) -> int | None:
        """Rows stored for this very tracker's session, when this process loaded or saved it."""
        known = self._counts.get(tracker.sender_id)
        return known[1] if known is not None and known[0]() is tracker else None

    def _additional_events(self, session: Any, tracker: DialogueStateTracker) -> Iterator:
        # Rasa's: the tracker's events after as many as are stored for its latest session.
        stored = self._trusted_count(tracker)
        if stored is None:
            return super()._additional_events(session, tracker)
        return itertools.islice(tracker.events, stored, len(tracker.events))

    def seal(self, data: dict) -> str:
        plain = json.dumps(data).encode("utf-8")
        token = self.fernet.encrypt(plain).decode("ascii")
        self._keep_plain(token, plain)
        return token

    def open(self, stored: str) -> dict:
        """Decrypt one stored event. A row written in clear before this store was enabled is
        still read (a conversation in progress across the upgrade); retention removes it."""
        if not stored.startswith(_FERNET_PREFIX):
            return json.loads(stored)
        kept = self._plain.get(stored)
        if kept is not None and self.clock() - kept[0] <= PLAIN_SECONDS:
            plain = kept[1]
        else:
            try:
                plain = self.fernet.decrypt(stored.encode("ascii"))
            except InvalidToken as exc:
                raise ValueError("tracker event under no configured key") from exc
        self._keep_plain(stored, plain)
        return json.loads(plain)

    async def _retrieve(
        self, sender_id: str, fetch_events_from_all_sessions: bool
    ) -> DialogueStateTracker | None:
        # Rasa 3.6.21's SQLTrackerStore._retrieve with the data decrypted.
        with self.session_scope() as session:
            # Only the data column, in Rasa's order: no ORM object per event to build.
            rows = self._event_query(
                session, sender_id, fetch_events_from_all_sessions=fetch_events_from_all_sessions
            ).with_entities(self.SQLEvent.data).all()
            events = [self.open(row.data) for row in rows]
            if self.domain and events:
                tracker = DialogueStateTracker.from_dict(sender_id, events, self.domain.slots)
                if not fetch_events_from_all_sessions:
                    self._remember(tracker, len(rows))
                return tracker
            return None

    async def save(self, tracker: DialogueStateTracker) -> None:
        # Rasa 3.6.21's SQLTrackerStore.save with the data encrypted.
        await self.stream_events(tracker)
        with self.session_scope() as session:
            stored = self._trusted_count(tracker)
            added = list(self._additional_events(session, tracker))
            for event in added:
                data = event.as_dict()
                session.add(
                    self.SQLEvent(
                        sender_id=tracker.sender_id,
                        type_name=event.type_name,
                        timestamp=data.get("timestamp"),
                        intent_name=data.get("parse_data", {}).get("intent", {}).get(
                            INTENT_NAME_KEY
                        ),
                        action_name=data.get("name"),
                        data=self.seal(data),
                    )
                )
            session.commit()
        if stored is not None and not any(isinstance(e, SessionStarted) for e in added):
            self._remember(tracker, stored + len(added))
        else:  # a new session counts from its own start: let Rasa count next time
            self._counts.pop(tracker.sender_id, None)
