"""While a part is down, /chat and the Twilio webhook answer kindly (answers kept, try again,
999 and Stop Hate UK from the signposting directory), and the retry is read as the same answer.
Real local HTTP servers stand in for Rasa and the action server."""

from __future__ import annotations

import time

from fastapi.testclient import TestClient
from sqlalchemy.orm import Session, sessionmaker

from api.chat import web_conversation_id
from bot.models import ChatSession
from bot.signposting import directory
from tests.api.fake_rasa import FakeServer

SENDER = "resilience_1"


def post(client: TestClient, message: str):  # noqa: ANN201
    return client.post("/chat", json={"sender": SENDER, "message": message})


def _kind(detail: str) -> None:
    d = directory()
    assert "trouble" in detail and "kept" in detail and "try again" in detail
    assert d["police_999"].phone in detail
    assert d["stop_hate_uk"].phone in detail and "Stop Hate UK" in detail


def test_rasa_down_answers_kindly(make_app, fake_rasa: FakeServer) -> None:
    fake_rasa.stop()
    with TestClient(make_app()) as client:
        response = post(client, "hi")
    assert response.status_code == 503
    assert response.json()["error"] == "assistant_unavailable"
    _kind(response.json()["detail"])


def test_action_server_down_mid_report_keeps_the_question(
    make_app, fake_rasa: FakeServer, fake_actions: FakeServer,
    session_factory: sessionmaker[Session],
) -> None:
    """Rasa answers an empty turn when its actions are unreachable: the gateway says so kindly,
    keeps the buttons it offered, stops bothering Rasa while the actions are down, and the
    retry afterwards is the same answer to the same question."""
    with TestClient(make_app()) as client:
        post(client, "hi")
        role = post(client, "/start_report").json()
        payload = role["messages"][0]["buttons"][0]["payload"]
        real = fake_rasa.responder
        fake_rasa.responder = lambda body: []  # what Rasa 3.6 says when actions are down
        fake_actions.healthy = False
        failed = post(client, payload)
        assert failed.status_code == 503
        _kind(failed.json()["detail"])
        sent = len(fake_rasa.received)
        again = post(client, payload)  # still down: answered without touching Rasa
        assert again.status_code == 503
        assert len(fake_rasa.received) == sent
        with session_factory() as db:
            row = db.get(ChatSession, web_conversation_id(SENDER))
            assert payload in row.offered_payloads
            assert row.expects_slot == "reporter_role"
        fake_rasa.responder = real
        fake_actions.healthy = True
        time.sleep(1.1)  # the watch re-checks at most once a second
        back = post(client, payload)
        assert back.status_code == 200, back.text
        assert fake_rasa.messages[-1] == payload  # the offered button still counts as a button
        assert back.json()["expects"]["slot"] == "narrative"


def test_empty_turn_with_actions_up_is_not_an_outage(client: TestClient,
                                                      fake_rasa: FakeServer) -> None:
    fake_rasa.responder = lambda body: []
    response = post(client, "hi")
    assert response.status_code == 200
    assert response.json()["messages"] == []


def test_turns_alternate_between_replicas(make_app, fake_rasa: FakeServer) -> None:
    second = FakeServer().start()
    try:
        with TestClient(make_app(rasa_url=f"{fake_rasa.url},{second.url}")) as client:
            for text in ("one", "two", "three", "four"):
                assert post(client, text).status_code == 200
        assert len(fake_rasa.received) == 2 and len(second.received) == 2
    finally:
        second.stop()


def test_a_refused_replica_fails_over(make_app, fake_rasa: FakeServer) -> None:
    down = FakeServer().start()
    down.stop()
    with TestClient(make_app(rasa_url=f"{down.url},{fake_rasa.url}")) as client:
        for text in ("one", "two", "three"):
            assert post(client, text).status_code == 200
    assert fake_rasa.messages == ["one", "two", "three"]


def test_twilio_outage_reply_names_999_and_stop_hate_uk() -> None:
    from api.twilio.inbound import _sorry

    d = directory()
    for channel in ("sms", "whatsapp"):
        text = _sorry(channel)
        assert "send it again" in text and "kept" in text
        assert d["police_999"].phone in text and d["stop_hate_uk"].phone in text


def test_a_replica_that_closes_the_connection_fails_over(make_app, fake_rasa: FakeServer) -> None:
    """A killed replica drops the pooled connection mid-request: the next replica answers."""
    import socket
    import threading

    dropper = socket.socket()
    dropper.bind(("127.0.0.1", 0))
    dropper.listen()
    port = dropper.getsockname()[1]

    def drop() -> None:
        while True:
            try:
                conn, _ = dropper.accept()
            except OSError:
                return
            conn.recv(65536)
            conn.close()  # read the request, answer nothing

    threading.Thread(target=drop, daemon=True).start()
    try:
        with TestClient(make_app(rasa_url=f"http://127.0.0.1:{port},{fake_rasa.url}")) as client:
            for text in ("one", "two"):
                assert post(client, text).status_code == 200
        assert fake_rasa.messages == ["one", "two"]
    finally:
        dropper.close()


def test_a_timeout_is_not_retried_on_another_replica(make_app, fake_rasa: FakeServer) -> None:
    """A slow replica may still act on the message: sending it to a second would act twice."""
    import socket

    silent = socket.socket()
    silent.bind(("127.0.0.1", 0))
    silent.listen()  # accepts, never answers
    try:
        url = f"http://127.0.0.1:{silent.getsockname()[1]},{fake_rasa.url}"
        with TestClient(make_app(rasa_url=url, rasa_timeout_seconds=0.5)) as client:
            assert post(client, "one").status_code == 503
        assert fake_rasa.messages == []
    finally:
        silent.close()


def test_gateway_database_down_is_a_kind_503_not_a_500(make_app, fake_rasa: FakeServer) -> None:
    import socket

    with socket.socket() as probe:  # a port nobody listens on
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    url = f"postgresql+psycopg://postgres@127.0.0.1:{port}/nothing?connect_timeout=2"
    with TestClient(make_app(database_url=url)) as client:
        response = post(client, "hi")
    assert response.status_code == 503
    _kind(response.json()["detail"])
    assert fake_rasa.received == []  # nothing was sent on: sending it again is safe


def test_an_unexpected_error_is_still_a_kind_503(make_app) -> None:
    app = make_app()
    with TestClient(app) as client:
        async def broken(*args, **kwargs):  # noqa: ANN002, ANN003, ANN202
            raise RuntimeError("a bug")

        app.state.conversations.turn = broken
        response = post(client, "hi")
    assert response.status_code == 503
    _kind(response.json()["detail"])
