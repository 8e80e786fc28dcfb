"""Gateway test fixtures: real local HTTP servers standing in for Rasa and the action server,
and the app built with ``create_app(Settings(...))`` against the per-run test database."""

from __future__ import annotations

from collections.abc import Callable, Iterator

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient

from api.main import create_app
from bot.settings import Settings
from tests.api.fake_rasa import FakeServer


@pytest.fixture
def fake_rasa() -> Iterator[FakeServer]:
    server = FakeServer().start()
    yield server
    server.stop()


@pytest.fixture
def fake_actions() -> Iterator[FakeServer]:
    server = FakeServer().start()
    yield server
    server.stop()


@pytest.fixture
def make_app(db_url: str, fake_rasa: FakeServer, fake_actions: FakeServer) -> Callable[..., FastAPI]:
    def make(**overrides: object) -> FastAPI:
        values: dict[str, object] = {
            "database_url": db_url,
            "rasa_url": fake_rasa.url,
            "action_server_url": fake_actions.url,
            "rasa_timeout_seconds": 3.0,
        }
        values.update(overrides)
        return create_app(Settings(**values))

    return make


@pytest.fixture
def client(make_app: Callable[..., FastAPI]) -> Iterator[TestClient]:
    with TestClient(make_app()) as test_client:
        yield test_client
