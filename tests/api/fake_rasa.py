"""A real HTTP server standing in for Rasa's REST channel (and the action server's /health).

It binds 127.0.0.1 on a free port, records every request body it receives, and answers from a
small scripted conversation in the shape Rasa 3.6 really produces: a text message with its
buttons, then a separate ``{"custom": {"expects": ...}}`` item.
"""

from __future__ import annotations

import json
import threading
from collections.abc import Callable
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

Responder = Callable[[dict[str, Any]], list[dict[str, Any]]]

ROLE_BUTTONS = [
    {"title": "It happened to me", "payload": '/choose{"choice": "victim"}'},
    {"title": "I saw it happen", "payload": '/choose{"choice": "witness"}'},
    {"title": "For someone else", "payload": '/choose{"choice": "third_party"}'},
]
YES_NO = [{"title": "Yes", "payload": "/affirm"}, {"title": "No", "payload": "/deny"}]


def said(message: str) -> str:
    """The resident's words inside a danger-now wrapper, or the message itself."""
    if message.startswith("/danger_now{"):
        return str(json.loads(message.removeprefix("/danger_now"))["said"])
    return message


def expects(slot: str | None, kind: str) -> dict[str, Any]:
    return {"custom": {"expects": {"slot": slot, "kind": kind}}}


class ScriptedBot:
    """A tiny deterministic 'assistant': enough turns to exercise every kind of input."""

    def __init__(self) -> None:
        self.step: dict[str, int] = {}

    def __call__(self, body: dict[str, Any]) -> list[dict[str, Any]]:
        sender, message = body["sender"], body["message"]
        if message == "/stop":
            self.step.pop(sender, None)
            return [{"text": "OK, I've stopped. Nothing was sent."}, {"custom": {"ended": True}}]
        if message.startswith("/danger_now"):  # as the real assistant: the alert, then choices
            return [
                {"text": "Call 999 now.\nRelay UK: 18000. Stop Hate UK: 0800 138 1625. "
                         "999 BSL: https://www.999bsl.co.uk."},
                {"custom": {"alert": True}},
                {"text": "When you can, choose what to do next.",
                 "buttons": [{"title": "I'm safe now, carry on", "payload": "/carry_on"}]},
            ]
        if message.startswith("echo:"):
            return [{"text": message[len("echo:") :]}]
        step = self.step.get(sender, 0)
        self.step[sender] = step + 1
        if step == 0:
            return [
                {
                    "text": "Hi, I'm the council's reporting assistant. Not an emergency service.",
                    "buttons": [
                        {"title": "Report something", "payload": "/start_report"},
                        {"title": "What is a hate crime?", "payload": "/faq_hate_crime"},
                    ],
                },
                expects(None, "choice"),
            ]
        if step == 1:
            return [
                {"text": "Did this happen to you, did you see it, or is it for someone else?",
                 "buttons": ROLE_BUTTONS},
                expects("reporter_role", "choice"),
            ]
        if step == 2:
            return [{"text": "In your own words, what happened?"}, expects("narrative", "text")]
        if step == 3:
            return [{"text": "Thank you. When did it happen?"}, expects("occurred_on", "date")]
        if step == 4:
            return [{"text": "Where did it happen?"}, expects("location", "location")]
        if step == 5:
            return [
                {"text": "Did anyone get hurt?", "buttons": YES_NO},
                expects("injured", "yes_no"),
            ]
        if step == 6:
            return [{"text": "Is it still going on?"}, expects("ongoing", "yes_no")]
        self.step.pop(sender, None)
        return [
            {"text": "Your report is in. Your reference is HF-7K3M9Q."},
            {"text": "Stop Hate UK is there 24/7 on 0800 138 1625."},
            {"custom": {"ended": True}},
        ]


class FakeServer:
    """Rasa's REST webhook + root, and the action server's /health, on one free port."""

    def __init__(self, responder: Responder | None = None) -> None:
        self.received: list[dict[str, Any]] = []
        self.responder: Responder = responder or ScriptedBot()
        self.status = 200
        self.raw_reply: bytes | None = None  # when set, sent verbatim instead of JSON
        self.healthy = True
        self._server = ThreadingHTTPServer(("127.0.0.1", 0), self._handler())
        self._server.daemon_threads = True
        self._thread = threading.Thread(
            target=self._server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True
        )

    @property
    def url(self) -> str:
        host, port = self._server.server_address[:2]
        return f"http://{host}:{port}"

    def start(self) -> FakeServer:
        self._thread.start()
        return self

    def stop(self) -> None:
        self._server.shutdown()
        self._server.server_close()

    @property
    def messages(self) -> list[str]:
        return [body["message"] for body in self.received]

    @property
    def said(self) -> list[str]:
        """What the resident typed, per message: the gateway's danger check wraps a message it
        flags as ``/danger_now{"said": ...}``, a classifier's call that a test about something
        else (length, markup) should not depend on."""
        return [said(message) for message in self.messages]

    def _handler(self) -> type[BaseHTTPRequestHandler]:
        fake = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args: Any) -> None:  # keep test output quiet
                return

            def _send(self, status: int, body: bytes, ctype: str = "application/json") -> None:
                self.send_response(status)
                self.send_header("Content-Type", ctype)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def do_GET(self) -> None:
                if self.path in ("/", "/health") and fake.healthy:
                    self._send(200, b'{"status": "ok", "version": "3.6.21"}')
                else:
                    self._send(500 if self.path in ("/", "/health") else 404, b"{}")

            def do_POST(self) -> None:
                if self.path != "/webhooks/rest/webhook":
                    self._send(404, b"{}")
                    return
                length = int(self.headers.get("Content-Length", "0"))
                body = json.loads(self.rfile.read(length))
                fake.received.append(body)
                if fake.raw_reply is not None:
                    self._send(fake.status, fake.raw_reply, "text/html")
                    return
                reply = fake.responder(body) if fake.status == 200 else {"error": "boom"}
                self._send(fake.status, json.dumps(reply).encode())

        return Handler
