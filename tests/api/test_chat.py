"""POST /chat against a real local HTTP server standing in for Rasa: the happy path, what is
forwarded (pseudonymised sender, metadata, rewritten text), and every refusal."""

from __future__ import annotations

import json
import logging
import socket
from datetime import datetime

import pytest
from fastapi.testclient import TestClient
from sqlalchemy.orm import Session, sessionmaker

from bot.crypto import pseudonym
from bot.models import ChatSession
from tests.api.fake_rasa import FakeServer
from tests.api.live_server import serve

SENDER = "web-3f2a9c_Z"


def post(client: TestClient, message: object, sender: object = SENDER):
    return client.post("/chat", json={"sender": sender, "message": message})


def test_happy_path_shape_and_forwarding(client: TestClient, fake_rasa: FakeServer) -> None:
    response = post(client, "hi")

    assert response.status_code == 200
    body = response.json()
    assert body["sender"] == SENDER
    assert body["messages"][0]["text"].startswith("Hi, I'm the council's reporting assistant")
    assert body["messages"][0]["buttons"] == [
        {"title": "Report something", "payload": "/start_report"},
        {"title": "What is a hate crime?", "payload": "/faq_hate_crime"},
    ]
    assert body["expects"] == {"slot": None, "kind": "choice"}
    assert body["ended"] is False

    (forwarded,) = fake_rasa.received
    assert forwarded["sender"] == "w-" + pseudonym(SENDER, "web")
    assert SENDER not in json.dumps(forwarded)
    assert forwarded["message"] == "hi"
    assert forwarded["metadata"]["channel"] == "web"
    assert datetime.fromisoformat(forwarded["metadata"]["now"]).tzinfo is not None


def test_expects_follows_the_custom_payload(client: TestClient) -> None:
    post(client, "hi")
    role = post(client, "/start_report").json()
    assert role["expects"] == {"slot": "reporter_role", "kind": "choice"}
    assert [b["payload"] for b in role["messages"][0]["buttons"]][0] == '/choose{"choice": "victim"}'
    narrative = post(client, '/choose{"choice": "victim"}').json()
    assert narrative["expects"] == {"slot": "narrative", "kind": "text"}
    assert narrative["messages"] == [
        {"text": "In your own words, what happened?", "buttons": [], "alert": False}]


def test_offered_payload_passes_through_and_stale_one_does_not(
    client: TestClient, fake_rasa: FakeServer
) -> None:
    post(client, "hi")
    post(client, "/start_report")  # offered by the greeting: verbatim
    post(client, "/start_report")  # no longer offered (the role question offered others)
    assert fake_rasa.messages == ["hi", "/start_report", "start_report"]


def test_free_text_can_never_be_intent_syntax(client: TestClient, fake_rasa: FakeServer) -> None:
    sneaky = [
        "/affirm",
        "//affirm",
        '/inform{"anonymous": true}',
        "  /affirm",
        "/ /affirm",
        "\t/\n/affirm",
        "\u00a0/affirm",
        "\u2003/ \u3000/affirm",
    ]
    fake_rasa.responder = lambda body: [{"text": "ok"}]  # offers no buttons at all
    for text in sneaky:
        assert post(client, text).status_code == 200
    for forwarded in fake_rasa.messages:
        # Rasa strips the text before looking for its "/" prefix: check what it would see.
        assert not forwarded.strip().startswith("/"), forwarded
    assert fake_rasa.messages[0] == "affirm"
    assert fake_rasa.messages[2] == 'inform{"anonymous": true}'


def test_only_slashes_becomes_harmless_text(client: TestClient, fake_rasa: FakeServer) -> None:
    assert post(client, "///").status_code == 200
    assert fake_rasa.messages == ["…"]


def test_payload_offered_to_another_sender_is_not_honoured(
    client: TestClient, fake_rasa: FakeServer
) -> None:
    post(client, "hi", sender="alice")
    post(client, "/start_report", sender="mallory")
    assert fake_rasa.messages == ["hi", "start_report"]
    assert fake_rasa.received[0]["sender"] != fake_rasa.received[1]["sender"]


def test_stop_and_danger_become_fixed_intents(client: TestClient, fake_rasa: FakeServer) -> None:
    stopped = post(client, "Stop").json()
    assert stopped["ended"] is True
    assert stopped["expects"] == {"slot": None, "kind": "none"}
    post(client, "he's outside my door right now")
    assert fake_rasa.messages[0] == "/stop"
    danger = fake_rasa.messages[1]
    assert danger.startswith("/danger_now{")
    assert json.loads(danger[len("/danger_now") :]) == {"said": "he's outside my door right now"}
    assert fake_rasa.said == ["/stop", "he's outside my door right now"]  # unwrapped for tests


@pytest.mark.parametrize(
    "text",
    [
        "😀👍🏽 مرحبا، لقد تعرضت للإساءة",
        "שלום — הוא צעק עליי",
        "<script>alert('x')</script><img src=x onerror=alert(1)>",
        "'; DROP TABLE cases; -- \" OR 1=1",
        "{{7*7}} ${jndi:ldap://x} %s %n",
        "line one\nline two\ttabbed",
    ],
)
def test_awkward_text_passes_through_unchanged(
    client: TestClient, fake_rasa: FakeServer, text: str
) -> None:
    response = post(client, "echo:" + text)
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("application/json")
    assert fake_rasa.messages == ["echo:" + text]
    assert response.json()["messages"][0]["text"] == text


def test_control_characters_and_lone_surrogates_are_dropped(
    client: TestClient, fake_rasa: FakeServer
) -> None:
    raw = b'{"sender": "s1", "message": "echo:a\\u0000b\\u0007c\\ud800d\\u009be"}'
    response = client.post("/chat", content=raw, headers={"Content-Type": "application/json"})
    assert response.status_code == 200
    assert fake_rasa.messages == ["echo:abcde"]


def test_limit_is_exactly_max_message_chars(client: TestClient, fake_rasa: FakeServer) -> None:
    assert post(client, "a" * 2000).status_code == 200
    too_long = post(client, "a" * 2001)
    assert too_long.status_code == 422
    assert too_long.json()["error"] == "message_too_long"
    assert "2,000" in too_long.json()["detail"]
    assert len(fake_rasa.received) == 1


def test_limit_follows_settings(make_app, fake_rasa: FakeServer) -> None:
    with TestClient(make_app(max_message_chars=10)) as client:
        assert post(client, "0123456789").status_code == 200
        assert post(client, "0123456789x").json()["error"] == "message_too_long"


@pytest.mark.parametrize(
    ("message", "error"),
    [
        ("", "empty_message"),
        ("   \n\t  ", "empty_message"),
        ("\u0000\u0001", "empty_message"),
        (123, "invalid_message"),
        (None, "invalid_message"),
        (["hi"], "invalid_message"),
        ({"text": "hi"}, "invalid_message"),
    ],
)
def test_bad_message_is_422_with_reason(
    client: TestClient, fake_rasa: FakeServer, message: object, error: str
) -> None:
    response = post(client, message)
    assert response.status_code == 422
    assert response.json()["error"] == error
    assert response.json()["detail"]
    assert fake_rasa.received == []


def test_missing_message_is_422(client: TestClient, fake_rasa: FakeServer) -> None:
    response = client.post("/chat", json={"sender": SENDER})
    assert (response.status_code, response.json()["error"]) == (422, "invalid_message")


@pytest.mark.parametrize(
    "sender",
    ["", "a" * 65, "has space", "slash/y", "ünïcode", "new\nline", "abc\n", 42, None, ["a"]],
)
def test_bad_sender_is_422(client: TestClient, fake_rasa: FakeServer, sender: object) -> None:
    response = post(client, "hi", sender=sender)
    assert response.status_code == 422
    assert response.json()["error"] == "invalid_sender"
    assert "1 to 64" in response.json()["detail"]
    assert fake_rasa.received == []


def test_longest_and_shortest_senders_are_fine(client: TestClient) -> None:
    assert post(client, "hi", sender="a" * 64).status_code == 200
    assert post(client, "hi", sender="_").status_code == 200
    assert post(client, "hi", sender="Az09_-").status_code == 200


@pytest.mark.parametrize(
    "raw",
    [b"{not json", b"", b'{"sender": "s", "message": "hi"', b'["s", "hi"]', b'"hi"', b"\xff\xfe{}",
     b"[" * 50_000 + b"]" * 50_000],
)
def test_malformed_json_is_400(client: TestClient, fake_rasa: FakeServer, raw: bytes) -> None:
    response = client.post("/chat", content=raw, headers={"Content-Type": "application/json"})
    assert response.status_code == 400
    assert response.json()["error"] == "malformed_json"
    assert fake_rasa.received == []


@pytest.mark.parametrize(
    "content_type",
    [None, "text/plain", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x",
     "application/jsonp", "text/json"],
)
def test_wrong_content_type_is_415(
    client: TestClient, fake_rasa: FakeServer, content_type: str | None
) -> None:
    headers = {"Content-Type": content_type} if content_type else {}
    raw = json.dumps({"sender": SENDER, "message": "hi"}).encode()
    response = client.post("/chat", content=raw, headers=headers)
    assert response.status_code == 415
    assert response.json()["error"] == "unsupported_media_type"
    assert fake_rasa.received == []


def test_json_with_charset_is_accepted(client: TestClient) -> None:
    raw = json.dumps({"sender": SENDER, "message": "hi"}).encode()
    headers = {"Content-Type": "Application/JSON; charset=utf-8"}
    assert client.post("/chat", content=raw, headers=headers).status_code == 200


def test_oversized_body_is_refused_from_its_declared_length(
    client: TestClient, fake_rasa: FakeServer
) -> None:
    raw = json.dumps({"sender": SENDER, "message": "a" * 150_000}).encode()
    response = client.post("/chat", content=raw, headers={"Content-Type": "application/json"})
    assert response.status_code == 413
    assert response.json()["error"] == "body_too_large"
    assert fake_rasa.received == []


def test_oversized_streamed_body_is_refused_before_it_ends(make_app, fake_rasa: FakeServer) -> None:
    """A chunked body with no length: the gateway answers 413 once 100 kB have arrived, while
    the client is still 'sending' (it never sends the rest), so it cannot be made to buffer."""
    with serve(make_app()) as base:
        host, port = base.removeprefix("http://").split(":")
        with socket.create_connection((host, int(port)), timeout=5) as conn:
            conn.sendall(
                b"POST /chat HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                b"Transfer-Encoding: chunked\r\n\r\n"
            )
            chunk = b" " * 10_000
            for _ in range(15):  # 150 kB, and no terminating zero-length chunk
                conn.sendall(b"%x\r\n%s\r\n" % (len(chunk), chunk))
            reply = conn.recv(65536).decode()
    assert reply.startswith("HTTP/1.1 413")
    assert "body_too_large" in reply
    assert fake_rasa.received == []


def test_bad_content_length_is_400(client: TestClient) -> None:
    raw = json.dumps({"sender": SENDER, "message": "hi"}).encode()
    response = client.post(
        "/chat", content=raw, headers={"Content-Type": "application/json", "Content-Length": "-5"}
    )
    assert response.status_code == 400


def test_rasa_down_is_503_with_kind_reason(make_app, fake_rasa: FakeServer) -> None:
    fake_rasa.stop()
    with TestClient(make_app()) as client:
        response = post(client, "hi")
    assert response.status_code == 503
    body = response.json()
    assert body["error"] == "assistant_unavailable"
    assert "try again" in body["detail"]
    assert "999" in body["detail"]


@pytest.mark.parametrize(("status", "raw"), [(500, None), (200, b"<html>proxy error</html>"),
                                             (200, b'{"not": "a list"}')])
def test_rasa_errors_are_503(
    client: TestClient, fake_rasa: FakeServer, status: int, raw: bytes | None
) -> None:
    fake_rasa.status, fake_rasa.raw_reply = status, raw
    response = post(client, "hi")
    assert response.status_code == 503
    assert response.json()["error"] == "assistant_unavailable"


def test_failed_turn_keeps_the_offered_buttons(client: TestClient, fake_rasa: FakeServer) -> None:
    post(client, "hi")
    fake_rasa.status = 500
    assert post(client, "/start_report").status_code == 503
    fake_rasa.status = 200
    post(client, "/start_report")  # the retry is still the offered button
    assert fake_rasa.messages == ["hi", "/start_report", "/start_report"]


def test_session_row_is_keyed_by_pseudonym(
    client: TestClient, session_factory: sessionmaker[Session]
) -> None:
    post(client, "hi")
    with session_factory() as db:
        rows = db.query(ChatSession).all()
    assert [r.conversation_id for r in rows] == ["w-" + pseudonym(SENDER, "web")]
    assert rows[0].channel == "web"
    assert rows[0].offered_payloads == ["/start_report", "/faq_hate_crime"]


def test_security_headers_on_chat(client: TestClient) -> None:
    for response in (post(client, "hi"), post(client, "")):
        assert response.headers["cache-control"] == "no-store"
        assert response.headers["x-content-type-options"] == "nosniff"
        assert response.headers["referrer-policy"] == "no-referrer"


def test_no_resident_text_in_logs(client: TestClient, caplog: pytest.LogCaptureFixture) -> None:
    secret = "echo:Mr Smith at 12 Acacia Avenue called me names, ring 07700 900123"
    with caplog.at_level(logging.DEBUG):
        post(client, secret)
        post(client, "x" * 2001)
    logged = "\n".join(r.getMessage() for r in caplog.records)
    assert "chat turn channel=web" in logged
    for fragment in ("Smith", "Acacia", "07700", SENDER):
        assert fragment not in logged


def test_openapi_documents_every_refusal(make_app) -> None:
    with TestClient(make_app(api_docs=True)) as client:
        operation = client.get("/openapi.json").json()["paths"]["/chat"]["post"]
    assert {"200", "400", "413", "415", "422", "503"} <= set(operation["responses"])
    schema = operation["requestBody"]["content"]["application/json"]["schema"]
    assert schema["required"] == ["sender", "message"]
    assert schema["properties"]["sender"]["pattern"] == "^[A-Za-z0-9_-]{1,64}$"
    examples = operation["responses"]["422"]["content"]["application/json"]["examples"]
    assert {"invalid_sender", "empty_message", "message_too_long"} <= set(examples)
