"""Fixtures for the Twilio tests: a signed-webhook client, a scripted fake Rasa that writes cases
the way the action server does, and a fake Twilio API server."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any
from urllib.parse import urlencode

import pytest
from fastapi.testclient import TestClient
from sqlalchemy.orm import Session, sessionmaker
from twilio.request_validator import RequestValidator

from api.main import create_app
from bot.cases import create_case
from bot.report import Report
from bot.settings import Settings
from tests.twilio.servers import FakeRasa, FakeTwilioApi

TOKEN = "test-auth-token-0123456789abcdef"  # noqa: S105
ACCOUNT = "AC" + "0" * 32
PUBLIC = "https://tellonce.example.org"
NUMBER = "+447700900123"
CONTACT_BUTTONS = [
    {"title": "Yes, on this number", "payload": '/choose{"choice": "this_number"}'},
    {"title": "No, stay anonymous", "payload": "/deny"},
]


class Journey:
    """A tiny scripted assistant: greet → account → contact → case (written like the actions do)."""

    def __init__(self, sessions: sessionmaker[Session]) -> None:
        self.sessions = sessions
        self.narratives: dict[str, str] = {}
        self.extra: list[dict] = []  # appended to every reply (tests inject long/odd text)

    def __call__(self, sender: str, message: str, metadata: dict) -> list[dict]:
        out = self._reply(sender, message, metadata)
        return out + self.extra

    def _reply(self, sender: str, message: str, metadata: dict) -> list[dict]:
        if message == "/stop":
            return [{"text": "OK, I've stopped. Nothing has been sent."}, {"custom": {"ended": True}}]
        if message == "/start_report":
            return [{"text": "In your own words, what happened?"},
                    {"custom": {"expects": {"slot": "narrative", "kind": "text"}}}]
        if message in ('/choose{"choice": "this_number"}', "/deny"):
            agreed = message != "/deny"
            with self.sessions() as db, db.begin():
                case = create_case(db, Report(
                    channel=metadata["channel"], conversation_id=sender,
                    narrative=self.narratives.get(sender, "unknown"), anonymous=not agreed,
                    contact_method=metadata.get("contact_hint") if agreed else None,
                    contact_value="this_number" if agreed else None, strands=["race"]))
                ref = case.reference
            return [{"text": f"Your report is in. Your reference is {ref}."},
                    {"custom": {"ended": True}}]
        if sender in self.narratives or message.startswith("/"):
            return [{"text": "Hello. Would you like to report something?",
                     "buttons": [{"title": "Report", "payload": "/start_report"},
                                 {"title": "Just looking", "payload": "/deny"}]}]
        if message.lower().startswith(("hi", "hello", "yes", "start")):
            return [{"text": "Hi, I'm the council’s reporting assistant — you can stay anonymous.",
                     "buttons": [{"title": "Report", "payload": "/start_report"},
                                 {"title": "Just looking", "payload": "/deny"}]},
                    {"custom": {"expects": {"slot": None, "kind": "choice"}}}]
        self.narratives[sender] = message
        return [{"text": "Thank you. May the council contact you?", "buttons": CONTACT_BUTTONS},
                {"custom": {"expects": {"slot": "contact_method", "kind": "choice"}}}]


@pytest.fixture
def journey(session_factory: sessionmaker[Session]) -> Journey:
    return Journey(session_factory)


@pytest.fixture
def fake_rasa(journey: Journey) -> Iterator[FakeRasa]:
    server = FakeRasa(journey)
    yield server
    server.close()


@pytest.fixture
def fake_twilio() -> Iterator[FakeTwilioApi]:
    server = FakeTwilioApi()
    yield server
    server.close()


def make_settings(db_url: str, rasa_url: str, **overrides: Any) -> Settings:
    values: dict[str, Any] = dict(
        database_url=db_url, rasa_url=rasa_url, rasa_timeout_seconds=5.0,
        twilio_account_sid=ACCOUNT, twilio_auth_token=TOKEN, twilio_sms_number="+442000000000",
        twilio_whatsapp_sender="+442000000001", public_base_url=PUBLIC,
    )
    values.update(overrides)
    return Settings(**values)


@pytest.fixture
def settings(db_url: str, fake_rasa: FakeRasa, fake_twilio: FakeTwilioApi) -> Settings:
    return make_settings(db_url, fake_rasa.url, twilio_api_base_url=fake_twilio.url)


@pytest.fixture
def client(settings: Settings) -> Iterator[TestClient]:
    with TestClient(create_app(settings)) as c:
        yield c


def sign(url: str, params: dict[str, str], token: str = TOKEN) -> str:
    """Exactly what Twilio puts in X-Twilio-Signature."""
    return RequestValidator(token).compute_signature(url, params)


_counter = iter(range(10**9))


def inbound(body: str, number: str = NUMBER, channel: str = "sms", sid: str | None = None,
            **extra: str) -> dict[str, str]:
    """The form Twilio posts for an incoming message."""
    sender = f"whatsapp:{number}" if channel == "whatsapp" else number
    return {
        "MessageSid": sid or f"SM{next(_counter):032d}", "AccountSid": ACCOUNT, "From": sender,
        "To": "+442000000000", "Body": body, "NumMedia": "0", "NumSegments": "1",
        "ApiVersion": "2010-04-01", **extra,
    }


def post_signed(client: TestClient, path: str, params: dict[str, str], *,
                signature: str | None = None, headers: dict[str, str] | None = None):  # noqa: ANN201
    sig = sign(PUBLIC + path, params) if signature is None else signature
    hdrs = {"Content-Type": "application/x-www-form-urlencoded", **(headers or {})}
    if sig:
        hdrs["X-Twilio-Signature"] = sig
    return client.post(path, content=urlencode(params), headers=hdrs)


_MESSAGE = re.compile(r"<Message>(.*?)</Message>", re.S)


def replies(xml: str) -> list[str]:
    """The <Message> bodies of a TwiML reply (XML entities decoded)."""
    import html

    return [html.unescape(m) for m in _MESSAGE.findall(xml)]


def say(client: TestClient, body: str, **kw: Any) -> list[str]:
    r = post_signed(client, "/twilio/messages", inbound(body, **kw))
    assert r.status_code == 200, r.text
    assert r.headers["content-type"].startswith("application/xml")
    return replies(r.text)
