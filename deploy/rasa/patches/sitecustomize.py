"""Start-up patches for the Rasa server's interpreter only (PYTHONPATH=deploy/rasa/patches).

Four pure-CPU costs the profile of Rasa 3.6 shows on every turn (docs/benchmarks.md); none
changes what Rasa answers, only how much it computes to get there. Imports nothing of TellOnce.

1. Rasa calls ``jsonschema.validate(response, schema)`` on every action-server response, and
   ``validate`` checks the (constant, 3.7 KB) schema against its metaschema on every call before
   validating: 9.7 ms a call with jsonschema 3.2.0 (71 ms with 4.17.3), against 1.6 ms with a
   validator built once. Each distinct schema is now checked and compiled once; every response
   is still validated, with the same validator class and the same error (``best_match``).
2. Loading a tracker deserialises every stored event, and ``Event.resolve_by_type`` walks all
   subclasses of ``Event`` (``all_subclasses``, with ``inspect.isabstract`` on each) for every
   event. Found classes are now remembered by type name; an unknown name still takes the walk.
3. A button press reaches Rasa as intent syntax (``/choose{"choice": "yes"}``, only payloads
   the bot offered: api/turns.py). Rasa runs the whole NLU graph on it (DIET included) and then
   its ``RegexMessageHandler`` throws that result away for a new message holding just the
   unpacked intent and entities. Such a message now skips straight to that unpacking (the same
   function, the same output); free text and anything that fails to unpack take the graph.
4. Every action-server call opened a new aiohttp ``ClientSession`` (a new connector, a new TCP
   connection, then closed): two to four per turn. Each endpoint now keeps one session per
   event loop, so calls reuse kept-alive connections; requests, headers and timeouts are the
   same, and a connection the action server closed (a restart) is dropped by aiohttp's pool.
"""

from __future__ import annotations

import json
import sys
from importlib.abc import MetaPathFinder


def _cache_schema_checks() -> None:
    import jsonschema
    from jsonschema import exceptions, validators

    original = jsonschema.validate
    cache: dict[tuple, object] = {}

    def validate(instance, schema, cls=None, *args, **kwargs):  # noqa: ANN001, ANN202
        if args or kwargs:
            return original(instance, schema, cls, *args, **kwargs)
        try:
            key = (cls, json.dumps(schema, sort_keys=True))
        except (TypeError, ValueError):  # not plain JSON: leave it to jsonschema
            return original(instance, schema, cls)
        validator = cache.get(key)
        if validator is None:
            klass = cls or validators.validator_for(schema)
            klass.check_schema(schema)
            validator = klass(schema)
            if len(cache) < 128:
                cache[key] = validator
        error = exceptions.best_match(validator.iter_errors(instance))
        if error is not None:
            raise error
        return None

    validate.__wrapped__ = original  # type: ignore[attr-defined]
    validate.tellonce_cached = True  # type: ignore[attr-defined]
    jsonschema.validate = validate


def _cache_event_types(events) -> None:  # noqa: ANN001 - rasa.shared.core.events
    original = events.Event.resolve_by_type
    found: dict[str, type] = {}

    def resolve_by_type(type_name, default=None):  # noqa: ANN001, ANN202
        cls = found.get(type_name)
        if cls is None:
            cls = original(type_name, default)
            if cls is not None and cls is not default:
                found[type_name] = cls
        return cls

    resolve_by_type.tellonce_cached = True  # type: ignore[attr-defined]
    events.Event.resolve_by_type = staticmethod(resolve_by_type)


def _unpack_slash_messages(processor) -> None:  # noqa: ANN001 - rasa.core.processor
    from rasa.shared.core.training_data.story_reader.yaml_story_reader import YAMLStoryReader
    from rasa.shared.nlu.constants import ENTITIES, INTENT, TEXT
    from rasa.shared.nlu.training_data.message import Message

    cls = processor.MessageProcessor
    original = cls._parse_message_with_graph

    def _parse_message_with_graph(self, message, tracker, only_output_properties=True):  # noqa: ANN001, ANN202, E501
        text = message.text or ""
        if text.lstrip().startswith("/"):
            unpacked = YAMLStoryReader.unpack_regex_message(
                Message({TEXT: text}), self.domain, entity_extractor_name="RegexMessageHandler")
            if unpacked.get(INTENT):  # what RegexMessageHandler would put in the graph's place
                parse_data = {TEXT: "", INTENT: {"name": None, "confidence": 0.0}, ENTITIES: []}
                parse_data.update(unpacked.as_dict(only_output_properties=only_output_properties))
                return parse_data
        return original(self, message, tracker, only_output_properties)

    _parse_message_with_graph.tellonce_unpacked = True  # type: ignore[attr-defined]
    cls._parse_message_with_graph = _parse_message_with_graph


def _reuse_sessions(endpoints) -> None:  # noqa: ANN001 - rasa.utils.endpoints
    import asyncio

    cls = endpoints.EndpointConfig
    original = cls.session
    shared: dict[tuple[int, int], tuple[object, object, object]] = {}

    class _Borrowed:
        """``async with`` yields the shared session and leaves it open for the next call."""

        def __init__(self, session) -> None:  # noqa: ANN001
            self.session = session

        async def __aenter__(self):  # noqa: ANN204
            return self.session

        async def __aexit__(self, *exc) -> bool:  # noqa: ANN002
            return False

    def session(self):  # noqa: ANN001, ANN202
        try:
            loop = asyncio.get_running_loop()
        except RuntimeError:
            return original(self)
        key = (id(self), id(loop))
        entry = shared.get(key)
        if entry is None or entry[0] is not self or entry[1] is not loop or entry[2].closed:
            for stale in [k for k, v in shared.items() if v[1].is_closed()]:
                del shared[stale]  # a loop that has ended (asyncio.run in a script or test)
            entry = (self, loop, original(self))
            shared[key] = entry
        return _Borrowed(entry[2])

    session.tellonce_shared = True  # type: ignore[attr-defined]
    cls.session = session


class _AfterImport(MetaPathFinder):
    """Runs a function on a module right after it is first executed (a post-import hook)."""

    def __init__(self, hooks: dict) -> None:
        self.hooks = hooks

    def find_spec(self, name, path, target=None):  # noqa: ANN001, ANN201
        if name not in self.hooks:
            return None
        hook = self.hooks.pop(name)
        for finder in sys.meta_path:
            if finder is self or not hasattr(finder, "find_spec"):
                continue
            spec = finder.find_spec(name, path, target)
            if spec is not None and spec.loader is not None:
                break
        else:
            return None
        run = spec.loader.exec_module

        def exec_module(module) -> None:  # noqa: ANN001
            run(module)
            try:
                hook(module)
            except Exception:  # noqa: BLE001, S110 - a failed patch leaves Rasa as it was
                pass

        spec.loader.exec_module = exec_module
        return spec


try:
    _cache_schema_checks()
    sys.meta_path.insert(0, _AfterImport({"rasa.shared.core.events": _cache_event_types,
                                          "rasa.core.processor": _unpack_slash_messages,
                                          "rasa.utils.endpoints": _reuse_sessions}))
except Exception:  # noqa: BLE001, S110 - never stop an interpreter from starting
    pass
