"""GET /healthz against real local HTTP servers standing in for Rasa and the action server."""

from __future__ import annotations

import socket

from fastapi.testclient import TestClient

from tests.api.fake_rasa import FakeServer


def test_all_up(client: TestClient) -> None:
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json() == {
        "status": "ok",
        "checks": {"database": True, "rasa": True, "action_server": True},
    }


def test_rasa_unhealthy(client: TestClient, fake_rasa: FakeServer) -> None:
    fake_rasa.healthy = False
    response = client.get("/healthz")
    assert response.status_code == 503
    assert response.json()["status"] == "degraded"
    assert response.json()["checks"] == {"database": True, "rasa": False, "action_server": True}


def test_rasa_not_listening(make_app, fake_rasa: FakeServer) -> None:
    fake_rasa.stop()
    with TestClient(make_app()) as client:
        checks = client.get("/healthz").json()["checks"]
    assert checks == {"database": True, "rasa": False, "action_server": True}


def test_action_server_down(make_app, fake_actions: FakeServer) -> None:
    fake_actions.stop()
    with TestClient(make_app()) as client:
        response = client.get("/healthz")
    assert response.status_code == 503
    assert response.json()["checks"] == {"database": True, "rasa": True, "action_server": False}


def test_database_unreachable(make_app) -> None:
    with socket.socket() as probe:  # a port nobody listens on
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    url = f"postgresql+psycopg://postgres@127.0.0.1:{port}/nothing?connect_timeout=2"
    with TestClient(make_app(database_url=url)) as client:
        response = client.get("/healthz")
    assert response.status_code == 503
    assert response.json()["checks"]["database"] is False
