"""Run inside ``.venv-rasa`` (Python 3.10, rasa 3.6): write or read conversations with Rasa's own
SQLTrackerStore, so the tests delete from a tracker database exactly as Rasa makes it.

usage: rasa_tracker.py save <sqlite-file> '<json: [{sender, timestamp, texts}]>'
       rasa_tracker.py count <sqlite-file> <sender>   (events Rasa still retrieves)
"""

import asyncio
import json
import sys

from rasa.core.tracker_store import SQLTrackerStore
from rasa.shared.core.domain import Domain
from rasa.shared.core.events import ActionExecuted, BotUttered, UserUttered
from rasa.shared.core.trackers import DialogueStateTracker


async def main() -> None:
    command, path = sys.argv[1], sys.argv[2]
    store = SQLTrackerStore(Domain.empty(), dialect="sqlite", db=path)
    if command == "save":
        trackers: dict[str, DialogueStateTracker] = {}
        for spec in sorted(json.loads(sys.argv[3]), key=lambda s: s["timestamp"]):
            # one tracker per sender: Rasa saves only events beyond those it already holds
            tracker = trackers.setdefault(spec["sender"],
                                          DialogueStateTracker(spec["sender"], slots=[]))
            for i, text in enumerate(spec["texts"]):
                ts = spec["timestamp"] + i
                tracker.update(UserUttered(text, intent={"name": "inform", "confidence": 1.0},
                                           timestamp=ts))
                tracker.update(ActionExecuted("utter_ask_narrative", timestamp=ts + 0.5))
                tracker.update(BotUttered("Tell me what happened", timestamp=ts + 0.6))
        for tracker in trackers.values():
            await store.save(tracker)
    else:
        tracker = await store.retrieve_full_tracker(sys.argv[3])
        print(0 if tracker is None else len(tracker.events))


asyncio.run(main())
