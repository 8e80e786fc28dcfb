"""schemathesis against the public web-chat operations (/chat, /, /healthz): generated valid and
invalid requests get no server error, and every status, content type and body is documented."""

from __future__ import annotations

import os

import schemathesis
from hypothesis import HealthCheck, given, settings
from hypothesis.errors import Unsatisfiable
from schemathesis import GenerationMode

MAX_EXAMPLES = 40  # per operation and mode; FUZZ_RANDOM=1 explores beyond the fixed seed
PUBLIC = r"^/(chat|healthz|weather)?$"


def fuzz(operation, mode: GenerationMode) -> None:
    @given(case=operation.as_strategy(generation_mode=mode))
    @settings(max_examples=MAX_EXAMPLES, deadline=None, database=None,
              suppress_health_check=list(HealthCheck),
              derandomize=not os.environ.get("FUZZ_RANDOM"))
    def run(case) -> None:
        case.call_and_validate()

    run()


def test_public_operations_against_their_openapi(make_app, fake_rasa) -> None:
    fake_rasa.responder = lambda body: [
        {"text": "ok", "buttons": [{"title": "Yes", "payload": "/affirm"}]},
        {"custom": {"expects": {"slot": "injured", "kind": "yes_no"}}},
    ]
    schema = schemathesis.openapi.from_asgi("/openapi.json", make_app(api_docs=True))
    operations = [r.ok() for r in schema.include(path_regex=PUBLIC).get_all_operations()]
    assert {op.label for op in operations} >= {"POST /chat", "GET /", "GET /healthz"}
    failures: list[str] = []
    for operation in operations:
        for mode in (GenerationMode.POSITIVE, GenerationMode.NEGATIVE):
            try:
                fuzz(operation, mode)
            except Unsatisfiable:  # nothing to make invalid (no parameters, no body)
                assert mode is GenerationMode.NEGATIVE, operation.label
            except (Exception, BaseExceptionGroup) as exc:  # noqa: BLE001 - collect all
                parts = [exc, *getattr(exc, "exceptions", ())]
                failures.append(f"{operation.label} [{mode.value}]: "
                                + "\n".join(str(p)[:1500] for p in parts))
    assert not failures, "\n\n".join(failures)
    assert fake_rasa.received, "valid generated messages must have reached Rasa"
