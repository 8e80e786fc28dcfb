"""deploy/rasa/patches/sitecustomize.py in Rasa's own interpreter: the patches are installed, and
Rasa's validation and event loading behave exactly as without them (same results, same errors)."""

from __future__ import annotations

import json
import os
import subprocess

import pytest

from bot.launcher import RASA_BIN, RASA_PATCHES

PROBE = r"""
import json, jsonschema
from rasa.core.actions.action import RemoteAction
from rasa.shared.core import events
out = {"schema_cached": getattr(jsonschema.validate, "tellonce_cached", False),
       "events_cached": getattr(events.Event.resolve_by_type, "tellonce_cached", False)}
spec = RemoteAction.action_response_format_spec
good = {"events": [{"event": "slot", "name": "x", "value": 1}], "responses": [{"text": "hi"}]}
bad = {"events": [{"event": "slot", "name": 3}], "responses": "nope"}
calls = []
real_check = jsonschema.validators.Draft7Validator.check_schema
jsonschema.validators.Draft7Validator.check_schema = classmethod(
    lambda cls, s: (calls.append(1), real_check.__func__(cls, s))[1])
for _ in range(5):
    RemoteAction("x", None)._validate_action_result(good)
out["check_schema_calls_for_5"] = len(calls)
try:
    RemoteAction("x", None)._validate_action_result(bad)
    out["bad"] = None
except jsonschema.ValidationError as e:
    out["bad"] = e.message.split(".")[0]
evs = [{"event": "slot", "name": "x", "value": 1}, {"event": "action", "name": "action_listen"},
       {"event": "user", "text": "hi", "parse_data": {}}, {"event": "bot", "text": "hello"}] * 3
out["events"] = [type(e).__name__ for e in events.deserialise_events(evs)]
try:
    events.Event.resolve_by_type("no_such_event")
    out["unknown"] = None
except ValueError:
    out["unknown"] = "ValueError"
out["default"] = events.Event.resolve_by_type("no_such_event", events.SlotSet).__name__
print("PROBE" + json.dumps(out))
"""


def _probe(patched: bool) -> dict:
    env = {k: v for k, v in os.environ.items() if k not in ("VIRTUAL_ENV", "PYTHONPATH")}
    env.update(RASA_TELEMETRY_ENABLED="false", TF_CPP_MIN_LOG_LEVEL="3")
    if patched:
        env["PYTHONPATH"] = str(RASA_PATCHES)
    done = subprocess.run(  # noqa: S603
        [str(RASA_BIN.parent / "python"), "-c", PROBE], env=env, capture_output=True,
        text=True, timeout=120,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    line = next(x for x in done.stdout.splitlines() if x.startswith("PROBE"))
    return json.loads(line[5:])


@pytest.fixture(scope="module")
def probes() -> tuple[dict, dict]:
    return _probe(False), _probe(True)


def test_patches_are_installed_only_with_the_path(probes) -> None:
    plain, patched = probes
    assert plain["schema_cached"] is False and plain["events_cached"] is False
    assert patched["schema_cached"] is True and patched["events_cached"] is True


def test_schema_is_checked_once_not_per_response(probes) -> None:
    plain, patched = probes
    assert plain["check_schema_calls_for_5"] == 5
    assert patched["check_schema_calls_for_5"] <= 1


def test_behaviour_is_unchanged(probes) -> None:
    plain, patched = probes
    for key in ("bad", "events", "unknown", "default"):
        assert plain[key] == patched[key], key
    assert patched["bad"]  # an invalid response is still refused
    assert patched["events"][:4] == ["SlotSet", "ActionExecuted", "UserUttered", "BotUttered"]
