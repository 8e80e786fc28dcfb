"""Every webhook request must carry Twilio's signature for the public URL: else 403, nothing done."""

from __future__ import annotations

from urllib.parse import urlencode

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from api.main import create_app
from bot.models import InboundClaim
from tests.twilio.conftest import PUBLIC, inbound, make_settings, post_signed, replies, sign
from tests.twilio.servers import FakeRasa


def _nothing_happened(db: Session, rasa: FakeRasa) -> None:
    assert rasa.requests == []
    assert db.scalar(select(func.count()).select_from(InboundClaim)) == 0


def test_correctly_signed_request_is_answered(client: TestClient, fake_rasa: FakeRasa) -> None:
    r = post_signed(client, "/twilio/messages", inbound("hello"))
    assert r.status_code == 200
    assert "Reply 1 for Report" in replies(r.text)[0]
    assert len(fake_rasa.requests) == 1


@pytest.mark.parametrize("signature", ["", "bm90IGEgc2lnbmF0dXJl", "garbage"])
def test_missing_or_forged_signature_is_403(client: TestClient, fake_rasa: FakeRasa, db: Session,
                                            signature: str) -> None:
    r = post_signed(client, "/twilio/messages", inbound("hello"), signature=signature)
    assert r.status_code == 403
    _nothing_happened(db, fake_rasa)


def test_signature_made_with_another_token_is_403(client: TestClient, fake_rasa: FakeRasa,
                                                  db: Session) -> None:
    params = inbound("hello")
    forged = sign(PUBLIC + "/twilio/messages", params, token="someone-elses-token")  # noqa: S106
    assert post_signed(client, "/twilio/messages", params, signature=forged).status_code == 403
    _nothing_happened(db, fake_rasa)


def test_tampered_body_is_403(client: TestClient, fake_rasa: FakeRasa, db: Session) -> None:
    params = inbound("hello")
    good = sign(PUBLIC + "/twilio/messages", params)
    tampered = {**params, "Body": "something else"}
    assert post_signed(client, "/twilio/messages", tampered, signature=good).status_code == 403
    _nothing_happened(db, fake_rasa)


def test_signature_for_the_internal_url_is_403(client: TestClient, fake_rasa: FakeRasa,
                                               db: Session) -> None:
    """Only PUBLIC_BASE_URL counts: a signature over the URL the app sees is not Twilio's."""
    params = inbound("hello")
    internal = sign("http://testserver/twilio/messages", params)
    assert post_signed(client, "/twilio/messages", params, signature=internal).status_code == 403
    _nothing_happened(db, fake_rasa)


def test_signature_for_another_path_is_403(client: TestClient, fake_rasa: FakeRasa) -> None:
    params = inbound("hello")
    other = sign(PUBLIC + "/twilio/status", params)
    assert post_signed(client, "/twilio/messages", params, signature=other).status_code == 403
    assert fake_rasa.requests == []


def test_forwarded_headers_ignored_unless_trusted(client: TestClient, fake_rasa: FakeRasa) -> None:
    params = inbound("hello")
    attacker = sign("https://evil.example/twilio/messages", params)
    r = post_signed(client, "/twilio/messages", params, signature=attacker,
                    headers={"X-Forwarded-Proto": "https", "X-Forwarded-Host": "evil.example"})
    assert r.status_code == 403
    assert fake_rasa.requests == []


def test_forwarded_headers_used_when_trusted(db_url: str, fake_rasa: FakeRasa) -> None:
    settings = make_settings(db_url, fake_rasa.url, trust_forwarded_headers=True)
    params = inbound("hello")
    sig = sign("https://proxy.example.org/twilio/messages", params)
    with TestClient(create_app(settings)) as c:
        r = post_signed(c, "/twilio/messages", params, signature=sig,
                        headers={"X-Forwarded-Proto": "https",
                                 "X-Forwarded-Host": "proxy.example.org"})
        assert r.status_code == 200
        # and the configured public URL alone no longer passes without the headers' host
        params2 = inbound("hello")
        r2 = post_signed(c, "/twilio/messages", params2,
                         headers={"X-Forwarded-Proto": "https", "X-Forwarded-Host": "other.example"})
        assert r2.status_code == 403


def test_no_auth_token_configured_rejects_everything(db_url: str, fake_rasa: FakeRasa) -> None:
    settings = make_settings(db_url, fake_rasa.url, twilio_auth_token="")
    with TestClient(create_app(settings)) as c:
        params = inbound("hello")
        r = post_signed(c, "/twilio/messages", params, signature=sign(PUBLIC + "/twilio/messages",
                                                                      params, token=""))
        assert r.status_code == 403
    assert fake_rasa.requests == []


def test_status_callback_requires_signature(client: TestClient) -> None:
    params = {"MessageSid": "SM" + "1" * 32, "MessageStatus": "delivered"}
    r = client.post("/twilio/status", content=urlencode(params),
                    headers={"Content-Type": "application/x-www-form-urlencoded"})
    assert r.status_code == 403
    assert post_signed(client, "/twilio/status", params).status_code == 204


def test_replayed_request_gets_no_second_turn(client: TestClient, fake_rasa: FakeRasa) -> None:
    """An attacker (or Twilio's retry) replaying a captured, validly signed request."""
    params = inbound("hello")
    first = post_signed(client, "/twilio/messages", params)
    again = post_signed(client, "/twilio/messages", params)
    assert first.status_code == again.status_code == 200
    assert again.text == first.text
    assert len(fake_rasa.requests) == 1
