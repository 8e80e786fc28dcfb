"""GET /healthz against real local HTTP servers standing in for Rasa and the action server."""

from __future__ import annotations

import json
import socket

from fastapi.testclient import TestClient

from tests.api.fake_rasa import FakeServer


def test_all_up(client: TestClient) -> None:
    response = client.get("/healthz")
    assert response.status_code == 200
    body = response.json()
    assert body["status"] == "ok"
    assert body["checks"] == {"database": True, "rasa": True, "action_server": True}
    assert body["degraded"] == []
    assert body["parts"]["rasa"] == {"ok": True, "replicas": 1, "replicas_up": 1}


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


def test_one_replica_down_is_degraded_but_serving(make_app, fake_rasa: FakeServer) -> None:
    down = FakeServer().start()
    down.stop()
    with TestClient(make_app(rasa_url=f"{fake_rasa.url},{down.url}")) as client:
        response = client.get("/healthz")
    assert response.status_code == 200  # conversations go on through the other replica
    body = response.json()
    assert body["status"] == "degraded"
    assert body["degraded"] == ["rasa"]
    assert body["parts"]["rasa"] == {"ok": True, "replicas": 2, "replicas_up": 1}


def test_supervisor_says_which_process_is_restarting(make_app, tmp_path) -> None:
    status = tmp_path / "supervisor.json"
    status.write_text(json.dumps({"parts": {
        "rasa": {"state": "up", "restarts_in_window": 0},
        "outbox": {"state": "restarting", "restarts_in_window": 2},
        "gateway": {"state": "up", "restarts_in_window": 0},
    }}))
    with TestClient(make_app(supervisor_status_file=status)) as client:
        response = client.get("/healthz")
    assert response.status_code == 200
    body = response.json()
    assert body["status"] == "degraded"
    assert body["degraded"] == ["outbox"]
    assert body["parts"]["outbox"] == {"ok": False, "state": "restarting",
                                       "restarts_in_window": 2}
    assert body["parts"]["rasa"]["state"] == "up"


def test_unreadable_supervisor_file_is_ignored(make_app, tmp_path) -> None:
    status = tmp_path / "supervisor.json"
    status.write_text("{not json")
    with TestClient(make_app(supervisor_status_file=status)) as client:
        response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json()["status"] == "ok"
