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
import asyncio
from rasa.utils.endpoints import EndpointConfig
config = EndpointConfig("http://127.0.0.1:9/webhook", headers={"X-A": "b"})
async def two_calls():
    async with config.session() as first:
        pass
    async with config.session() as second:
        return first is second, first.closed, dict(second.headers)
same, closed, headers = asyncio.run(two_calls())
other_loop_same, _, _ = asyncio.run(two_calls())
out["sessions"] = {"shared": getattr(EndpointConfig.session, "tellonce_shared", False),
                   "same_in_a_loop": same, "closed_after_a_call": closed,
                   "headers": headers.get("X-A")}
print("PROBE" + json.dumps(out))
"""


def _probe(patched: bool, probe: str = PROBE, *args: str) -> dict:
    env = {k: v for k, v in os.environ.items() if k not in ("VIRTUAL_ENV", "PYTHONPATH")}
    env.update(RASA_TELEMETRY_ENABLED="false", TF_CPP_MIN_LOG_LEVEL="3")
    if patched:
        env["PYTHONPATH"] = str(RASA_PATCHES)
    done = subprocess.run(  # noqa: S603
        [str(RASA_BIN.parent / "python"), "-c", probe, *args], env=env, capture_output=True,
        text=True, timeout=300,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    line = next(x for x in done.stdout.splitlines() if x.startswith("PROBE"))
    return json.loads(line[5:])


@pytest.fixture(scope="module")
def probes() -> tuple[dict, dict]:
    return _probe(False), _probe(True)


def test_one_session_per_endpoint_and_loop_is_kept_open_for_the_next_call(probes) -> None:
    plain, patched = probes
    assert plain["sessions"] == {"shared": False, "same_in_a_loop": False,
                                 "closed_after_a_call": True, "headers": "b"}
    assert patched["sessions"] == {"shared": True, "same_in_a_loop": True,
                                   "closed_after_a_call": False, "headers": "b"}


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


PARSE_PROBE = r"""
import asyncio, json, sys
from rasa.core.agent import Agent
from rasa.core import processor
agent = Agent.load(sys.argv[1])
runs = []
real_run = agent.processor.graph_runner.run
agent.processor.graph_runner.run = lambda *a, **k: (runs.append(1), real_run(*a, **k))[1]
texts = ["/choose" + json.dumps({"choice": "yes"}), "/start_report", "  /skip",
         "/danger_now" + json.dumps({"said": "he is outside now"}), "/no_such_intent",
         "/choose{not json", "someone shouted at me on the bus", "hi", "/"]
out = {"unpacked": getattr(processor.MessageProcessor._parse_message_with_graph,
                           "tellonce_unpacked", False), "parses": []}
for text in texts:
    data = asyncio.run(agent.parse_message(text))
    out["parses"].append({k: data.get(k) for k in ("text", "intent", "intent_ranking",
                                                   "entities")})
out["graph_runs"] = len(runs)
print("PROBE" + json.dumps(out))
"""


@pytest.fixture(scope="module")
def parse_probes() -> tuple[dict, dict]:
    from bot.launcher import MODEL

    if not MODEL.exists():
        pytest.fail(f"no trained model at {MODEL}: run `make train`")
    return _probe(False, PARSE_PROBE, str(MODEL)), _probe(True, PARSE_PROBE, str(MODEL))


def test_a_button_press_skips_nlu_and_parses_exactly_as_before(parse_probes) -> None:
    plain, patched = parse_probes
    assert plain["unpacked"] is False and patched["unpacked"] is True
    assert patched["parses"] == plain["parses"]  # every text, slash or free, parses the same
    assert patched["parses"][0]["intent"] == {"name": "choose", "confidence": 1.0}
    assert patched["parses"][0]["entities"][0]["value"] == "yes"
    # The five messages Rasa unpacks skip the graph (a known intent with broken JSON after it
    # unpacks too, as in Rasa, with its warning); an unknown intent, a bare slash and free
    # text still run the NLU graph.
    assert plain["graph_runs"] == 9
    assert patched["graph_runs"] == 4
