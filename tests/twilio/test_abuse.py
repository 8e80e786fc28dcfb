"""The Twilio webhooks under abuse: bodies refused before parsing (size counted on the stream,
so a chunked body cannot slip past; urlencoded only), and a number over its per-minute limit
held with one kind TwiML reply that names 999, while STOP still works."""

from __future__ import annotations

from collections.abc import Iterator
from urllib.parse import urlencode

from fastapi.testclient import TestClient

from api.main import create_app
from api.twilio.form import MAX_FORM_BYTES
from bot.messaging import optout
from tests.twilio.conftest import (
    NUMBER,
    PUBLIC,
    inbound,
    make_settings,
    post_signed,
    replies,
    sign,
)
from tests.twilio.servers import FakeRasa


def _chunks(data: bytes, size: int = 4096) -> Iterator[bytes]:
    for i in range(0, len(data), size):
        yield data[i:i + size]


def _flood(path: str) -> tuple[dict[str, str], bytes]:
    params = inbound("x" * (MAX_FORM_BYTES * 2)) if path == "/twilio/messages" else {
        "MessageSid": "SM" + "1" * 32, "MessageStatus": "delivered", "Padding": "x" * 200_000}
    return params, urlencode(params).encode()


def test_a_chunked_flood_is_refused_before_it_is_parsed(client: TestClient,
                                                        fake_rasa: FakeRasa) -> None:
    for path in ("/twilio/messages", "/twilio/status"):
        params, body = _flood(path)
        # Correctly signed, no Content-Length (chunked): only counting the stream stops it.
        headers = {"Content-Type": "application/x-www-form-urlencoded",
                   "X-Twilio-Signature": sign(PUBLIC + path, params)}
        r = client.post(path, content=_chunks(body), headers=headers)
        assert r.status_code == 413, (path, r.status_code)
        assert "content-length" not in {k.lower() for k in r.request.headers}
        # An unsigned one is refused the same way, before the signature is even computed.
        r = client.post(path, content=_chunks(body),
                        headers={"Content-Type": "application/x-www-form-urlencoded"})
        assert r.status_code == 413
    assert fake_rasa.requests == []


def test_status_callbacks_have_a_size_limit(client: TestClient) -> None:
    params, body = _flood("/twilio/status")
    r = client.post("/twilio/status", content=body, headers={
        "Content-Type": "application/x-www-form-urlencoded",
        "X-Twilio-Signature": sign(PUBLIC + "/twilio/status", params)})
    assert r.status_code == 413


def test_only_urlencoded_forms_are_read(client: TestClient, fake_rasa: FakeRasa) -> None:
    params = inbound("hello")
    signature = sign(PUBLIC + "/twilio/messages", params)
    multipart = client.post("/twilio/messages", data=params, files={"f": ("a.txt", b"hi")},
                            headers={"X-Twilio-Signature": signature})
    assert multipart.status_code == 415
    as_json = client.post("/twilio/messages", json=params,
                          headers={"X-Twilio-Signature": signature})
    assert as_json.status_code == 415
    status = client.post("/twilio/status", json={"MessageSid": "SM1"})
    assert status.status_code == 415
    assert fake_rasa.requests == []
    # and the real thing still works
    r = post_signed(client, "/twilio/messages", params)
    assert r.status_code == 200 and replies(r.text)


def test_a_number_over_its_limit_is_held_with_one_kind_reply(
        db_url: str, fake_rasa: FakeRasa, session_factory) -> None:  # noqa: ANN001
    settings = make_settings(db_url, fake_rasa.url, rate_limit_sender_per_minute=3)
    with TestClient(create_app(settings)) as client:
        for _ in range(3):
            assert post_signed(client, "/twilio/messages", inbound("hello")).status_code == 200
        held = post_signed(client, "/twilio/messages", inbound("hello"))
        assert held.status_code == 200
        [text] = replies(held.text)
        assert "wait a minute" in text and "999" in text
        again = post_signed(client, "/twilio/messages", inbound("hello"))
        assert replies(again.text) == []  # answered once per window: no flood of replies
        assert len(fake_rasa.requests) == 3
        # another number is not held
        other = post_signed(client, "/twilio/messages", inbound("hello", number="+447700900999"))
        assert replies(other.text)
        # STOP is never held: the opt-out is recorded
        stop = post_signed(client, "/twilio/messages", inbound("STOP"))
        assert stop.status_code == 200
    with session_factory() as db:
        assert optout.is_opted_out(db, NUMBER)


def test_twilio_address_limit(db_url: str, fake_rasa: FakeRasa) -> None:
    settings = make_settings(db_url, fake_rasa.url, rate_limit_twilio_address_per_minute=2)
    with TestClient(create_app(settings)) as client:
        codes = [replies(post_signed(client, "/twilio/messages",
                                     inbound("hello", number=f"+4477009001{i:02d}")).text)
                 for i in range(3)]
        assert codes[0] and codes[1]
        assert "wait a minute" in codes[2][0]


def test_reports_per_number_per_hour(db_url: str, session_factory) -> None:  # noqa: ANN001
    from sqlalchemy import func, select

    from bot.cases import create_case
    from bot.models import Case
    from bot.report import Report

    def rasa(sender: str, message: str, metadata: dict) -> list[dict]:
        if message == "yes":
            with session_factory() as db, db.begin():
                create_case(db, Report(conversation_id=sender, narrative="abuse",
                                       channel=metadata["channel"], strands=["race"]))
            return [{"text": "Your report is in."}]
        return [{"text": "Here is your report. Shall I send it?"},
                {"custom": {"expects": {"slot": "confirm_summary", "kind": "yes_no"}}}]

    server = FakeRasa(rasa)
    try:
        settings = make_settings(db_url, server.url, reports_per_address_per_hour=1)
        with TestClient(create_app(settings)) as client:
            for body in ("my account", "yes", "another account"):
                assert replies(post_signed(client, "/twilio/messages", inbound(body)).text)
            asked = len(server.requests)
            [held] = replies(post_signed(client, "/twilio/messages", inbound("yes")).text)
            assert "Many reports have been sent from this number" in held and "999" in held
            assert len(server.requests) == asked  # the sending answer never reached Rasa
    finally:
        server.close()
    with session_factory() as db:
        assert db.scalar(select(func.count()).select_from(Case)) == 1
