"""Plugin (registered in tests/conftest.py) providing ``live_stack``: the real Rasa server, action server and gateway, once per database backend."""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager

import pytest

from bot.settings import Settings
from tests.conftest import backends, create_fresh_database, migrate
from tests.e2e.stack import LiveStack, start_stack


class _Stacks:
    """One real stack per backend for the whole run, started on first use and stopped at the
    end (a session fixture parametrised by backend would be stopped and started again each
    time the test order switches backend)."""

    def __init__(self, tmp_path_factory: pytest.TempPathFactory) -> None:
        self._tmp = tmp_path_factory
        self._live: dict[str, LiveStack] = {}
        self._stops = ExitStack()

    def get(self, backend: str) -> LiveStack:
        if backend not in self._live:
            self._live[backend] = self._stops.enter_context(_started(backend, self._tmp))
        return self._live[backend]

    def close(self) -> None:
        self._stops.close()


@contextmanager
def _started(backend: str, tmp_path_factory: pytest.TempPathFactory) -> Iterator[LiveStack]:
    tmp = tmp_path_factory.mktemp(f"stack-{backend}")
    app_url, drop_app = create_fresh_database(backend, tmp)
    tracker_url, drop_tracker = create_fresh_database(backend, tmp)
    migrate(app_url)
    from tests.e2e.mail import Relay
    from tests.twilio.conftest import ACCOUNT, PUBLIC, TOKEN
    from tests.twilio.servers import FakeTwilioApi

    # Real outbound delivery in every stack: a local SMTP relay, and a local stand-in for
    # Twilio's API driven by the real twilio library in the outbox worker.
    relay, twilio_api = Relay().start(), FakeTwilioApi()
    outbound = {"SMTP_HOST": "127.0.0.1", "SMTP_PORT": str(relay.port), "SMTP_STARTTLS": "false",
                "SMTP_FROM": "asb@council.example", "TWILIO_ACCOUNT_SID": ACCOUNT,
                "TWILIO_SMS_NUMBER": "+442000000000", "TWILIO_API_BASE_URL": twilio_api.url,
                "OUTBOX_POLL_SECONDS": "0.5"}

    # The production path: PostgreSQL with Rasa's Redis lock store (CI sets REDIS_TEST_URL).
    redis_url = os.environ.get("REDIS_TEST_URL") if backend == "postgresql" else None
    settings = Settings(database_url=app_url, tracker_database_url=tracker_url,
                        redis_url=redis_url, twilio_auth_token=TOKEN, public_base_url=PUBLIC)
    live = start_stack(settings, tmp / "logs", backend, env=outbound)
    live.relay, live.twilio_api = relay, twilio_api
    try:
        yield live
    finally:
        live.stack.stop()
        relay.stop()
        twilio_api.close()
        drop_app()
        drop_tracker()


@pytest.fixture(scope="session")
def _live_stacks(tmp_path_factory: pytest.TempPathFactory) -> Iterator[_Stacks]:
    stacks = _Stacks(tmp_path_factory)
    try:
        yield stacks
    finally:
        stacks.close()


@pytest.fixture(params=backends())
def live_stack(request: pytest.FixtureRequest, _live_stacks: _Stacks) -> LiveStack:
    """The real Rasa server, action server and gateway on this backend (shared by the run)."""
    return _live_stacks.get(request.param)
