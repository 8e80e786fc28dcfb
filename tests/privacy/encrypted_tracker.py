"""Run inside ``.venv-rasa`` with deploy/rasa/tracker on PYTHONPATH: save a conversation with
the encrypting tracker store, write one event in clear as Rasa's own store would have before the
upgrade, then load it back the way Rasa does each turn; prints what was read as JSON.

usage: encrypted_tracker.py <sqlite-file> <text>
"""

import asyncio
import copy
import json
import sys

from rasa.core.tracker_store import SQLTrackerStore
from rasa.shared.core.domain import Domain
from rasa.shared.core.events import ActionExecuted, BotUttered, SlotSet, UserUttered
from rasa.shared.core.slots import TextSlot
from rasa.shared.core.trackers import DialogueStateTracker
from tellonce_tracker_store import EncryptedSQLTrackerStore


async def main() -> None:
    path, text = sys.argv[1], sys.argv[2]
    slot = TextSlot("narrative", mappings=[{"type": "from_text"}])
    domain = Domain.from_dict({"slots": {"narrative": {"type": "text", "mappings": [
        {"type": "from_text"}]}}})
    plain = SQLTrackerStore(domain, dialect="sqlite", db=path)
    before = DialogueStateTracker("w-legacy", slots=[slot])
    before.update(UserUttered("written before the upgrade", timestamp=1.0))
    await plain.save(before)

    store = EncryptedSQLTrackerStore(domain=domain, dialect="sqlite", db=path)
    tracker = DialogueStateTracker("w-abc", slots=[slot])
    tracker.update(UserUttered(text, intent={"name": "inform", "confidence": 1.0}, timestamp=2))
    tracker.update(SlotSet("narrative", text, timestamp=3))
    tracker.update(ActionExecuted("utter_ask_location", timestamp=4))
    tracker.update(BotUttered(f"You said: {text}", timestamp=5))
    await store.save(tracker)
    again = await store.retrieve("w-abc")  # the next turn: Rasa loads it back
    again.update(UserUttered("a second message", timestamp=6))
    await store.save(again)
    final = await store.retrieve("w-abc")
    legacy = await store.retrieve("w-legacy")
    counted = []  # Rasa's own count query, used only when this process has no count to trust
    real_count = SQLTrackerStore._additional_events
    SQLTrackerStore._additional_events = lambda self, session, tr: (
        counted.append(tr.sender_id), real_count(self, session, tr))[1]
    turn = await store.retrieve("w-abc")  # one turn saved twice, as Rasa may within a turn
    turn.update(BotUttered("one", timestamp=7))
    await store.save(turn)
    turn.update(BotUttered("two", timestamp=8))
    await store.save(turn)
    trusted = list(counted)
    other = EncryptedSQLTrackerStore(domain=domain, dialect="sqlite", db=path)  # a replica
    moved = await other.retrieve("w-abc")  # the next turn went to the other replica
    moved.update(BotUttered("three", timestamp=9))
    await other.save(moved)
    copied = copy.deepcopy(await store.retrieve("w-abc"))
    copied.update(BotUttered("four", timestamp=11))
    await store.save(copied)
    texts = [e.text for e in (await store.retrieve("w-abc")).events if isinstance(e, BotUttered)]
    decrypted = []  # the plaintext kept in memory: used while fresh, never once expired
    real_decrypt = store.fernet.decrypt
    store.fernet.decrypt = lambda token: (decrypted.append(1), real_decrypt(token))[1]
    await store.retrieve("w-abc")
    fresh = len(decrypted)
    start = store.clock()
    store.clock = lambda: start + 601
    expired = await store.retrieve("w-abc")
    cache = {"decrypted_while_fresh": fresh, "decrypted_after_expiry": len(decrypted) - fresh,
             "same_after_expiry": [e.as_dict() for e in expired.events]
             == [e.as_dict() for e in (await other.retrieve("w-abc")).events]}
    print("RESULT" + json.dumps({
        "events": len(final.events), "slot": final.get_slot("narrative"),
        "last_text": final.latest_message.text, "legacy": legacy.latest_message.text,
        "counted_while_trusted": trusted, "counted_for_copy": counted[len(trusted):],
        "bot_texts": texts, "cache": cache}))


asyncio.run(main())
