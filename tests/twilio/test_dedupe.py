"""Each MessageSid is processed at most once, even when duplicates arrive at the same time."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor
from datetime import timedelta
from urllib.parse import urlencode

import httpx
from fastapi.testclient import TestClient
from sqlalchemy import func, select, update
from sqlalchemy.orm import Session, sessionmaker

from api.main import create_app
from api.twilio import claims
from bot.models import Case, InboundClaim, utcnow
from bot.settings import Settings
from tests.twilio.conftest import PUBLIC, inbound, post_signed, replies, say, sign
from tests.twilio.servers import FakeRasa, LiveGateway


def test_duplicate_message_sid_gets_the_stored_reply_and_no_second_turn(
        client: TestClient, fake_rasa: FakeRasa) -> None:
    params = inbound("hello")
    first = post_signed(client, "/twilio/messages", params)
    for _ in range(3):
        again = post_signed(client, "/twilio/messages", params)
        assert again.status_code == 200 and again.text == first.text
    assert len(fake_rasa.requests) == 1


def test_retry_of_the_case_creating_message_creates_no_second_case(
        client: TestClient, fake_rasa: FakeRasa, db: Session) -> None:
    say(client, "hi")
    say(client, "1")
    say(client, "Someone spat at me on the bus.")
    final = inbound("1")
    r1 = post_signed(client, "/twilio/messages", final)
    r2 = post_signed(client, "/twilio/messages", final)
    assert r1.text == r2.text and "reference" in replies(r1.text)[0]
    assert db.scalar(select(func.count()).select_from(Case)) == 1


def test_concurrent_duplicates_give_exactly_one_turn(settings: Settings, fake_rasa: FakeRasa,
                                                     db: Session) -> None:
    """Five copies of one message at once against a real server: one turn, one real reply."""
    fake_rasa.delay = 0.4
    gateway = LiveGateway(create_app(settings))
    try:
        params = inbound("hello")
        headers = {"Content-Type": "application/x-www-form-urlencoded",
                   "X-Twilio-Signature": sign(PUBLIC + "/twilio/messages", params)}

        def post(_: int) -> httpx.Response:
            return httpx.post(gateway.url + "/twilio/messages", content=urlencode(params),
                              headers=headers, timeout=20)

        with ThreadPoolExecutor(5) as pool:
            results = list(pool.map(post, range(5)))
    finally:
        gateway.close()
    assert [r.status_code for r in results] == [200] * 5
    assert len(fake_rasa.requests) == 1
    answered = [replies(r.text) for r in results if replies(r.text)]
    assert answered and all("Reply 1 for Report" in a[0] for a in answered)
    claim = db.get(InboundClaim, params["MessageSid"])
    assert claim.status == "done"


def test_claim_states(session_factory: sessionmaker[Session]) -> None:
    sid = "SM" + "a" * 32
    assert claims.claim(session_factory, sid) == (claims.ClaimState.CLAIMED, None)
    assert claims.claim(session_factory, sid) == (claims.ClaimState.BUSY, None)
    claims.release(session_factory, sid)
    assert claims.claim(session_factory, sid)[0] is claims.ClaimState.CLAIMED
    claims.complete(session_factory, sid, "<Response/>")
    assert claims.claim(session_factory, sid) == (claims.ClaimState.DONE, "<Response/>")
    claims.release(session_factory, sid)  # a finished claim is never released
    assert claims.claim(session_factory, sid)[0] is claims.ClaimState.DONE


def test_a_claim_left_by_a_crashed_process_is_taken_over(
        session_factory: sessionmaker[Session]) -> None:
    sid = "SM" + "b" * 32
    assert claims.claim(session_factory, sid)[0] is claims.ClaimState.CLAIMED
    with session_factory() as db, db.begin():
        db.execute(update(InboundClaim).values(claimed_at=utcnow() - timedelta(minutes=5)))
    assert claims.claim(session_factory, sid)[0] is claims.ClaimState.CLAIMED
    assert claims.claim(session_factory, sid)[0] is claims.ClaimState.BUSY


def test_stored_reply_is_encrypted_at_rest(client: TestClient, db: Session) -> None:
    from sqlalchemy import text

    params = inbound("hello")
    post_signed(client, "/twilio/messages", params)
    raw = db.execute(text("SELECT response FROM inbound_claims WHERE message_sid = :s"),
                     {"s": params["MessageSid"]}).scalar()
    assert "Report" not in raw and "<Response>" not in raw


def test_failure_after_rasa_acted_keeps_the_claim(client: TestClient, fake_rasa: FakeRasa,
                                                  monkeypatch) -> None:  # noqa: ANN001
    """Releasing then would let a retry give a second turn (maybe a second case)."""
    from api.twilio import state

    def broken(*_: object) -> None:
        raise RuntimeError("database went away")

    monkeypatch.setattr(state, "after_turn", broken)
    params = inbound("hello")
    first = post_signed(client, "/twilio/messages", params)
    assert "send it again" in replies(first.text)[0]
    again = post_signed(client, "/twilio/messages", params)
    assert again.text == first.text
    assert len(fake_rasa.requests) == 1
