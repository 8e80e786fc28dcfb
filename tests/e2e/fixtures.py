"""Plugin (registered in tests/conftest.py) providing ``live_stack``: the real Rasa server, action server and gateway, once per database backend."""

from __future__ import annotations

import os
from collections.abc import Iterator

import pytest

from bot.settings import Settings
from tests.conftest import backends, create_fresh_database, migrate
from tests.e2e.stack import LiveStack, start_stack


@pytest.fixture(scope="session", params=backends())
def live_stack(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Iterator[LiveStack]:
    tmp = tmp_path_factory.mktemp(f"stack-{request.param}")
    app_url, drop_app = create_fresh_database(request.param, tmp)
    tracker_url, drop_tracker = create_fresh_database(request.param, tmp)
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
    redis_url = os.environ.get("REDIS_TEST_URL") if request.param == "postgresql" else None
    settings = Settings(database_url=app_url, tracker_database_url=tracker_url,
                        redis_url=redis_url, twilio_auth_token=TOKEN, public_base_url=PUBLIC)
    live = start_stack(settings, tmp / "logs", request.param, env=outbound)
    live.relay, live.twilio_api = relay, twilio_api
    try:
        yield live
    finally:
        live.stack.stop()
        relay.stop()
        twilio_api.close()
        drop_app()
        drop_tracker()
