"""Real local HTTP servers standing in for Rasa's REST channel and Twilio's REST API, and a
real uvicorn gateway, all on free 127.0.0.1 ports."""

from __future__ import annotations

import json
import socket
import threading
import time
import uuid
from collections.abc import Callable
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qs

import uvicorn
from fastapi import FastAPI

from tests.api.fake_rasa import said


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class _Server:
    """A ThreadingHTTPServer in a daemon thread; subclasses answer ``handle(method, path, body)``."""

    def __init__(self) -> None:
        owner = self

        class Handler(BaseHTTPRequestHandler):
            def _do(self) -> None:
                length = int(self.headers.get("Content-Length") or 0)
                body = self.rfile.read(length) if length else b""
                status, payload = owner.handle(self.command, self.path, body, dict(self.headers))
                data = json.dumps(payload).encode()
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

            do_GET = do_POST = _do  # noqa: N815

            def log_message(self, *args: Any) -> None:  # keep test output clean
                return

        self.httpd = ThreadingHTTPServer(("127.0.0.1", free_port()), Handler)
        self.httpd.daemon_threads = True
        self.url = f"http://127.0.0.1:{self.httpd.server_address[1]}"
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)
        self.thread.start()

    def handle(self, method: str, path: str, body: bytes, headers: dict) -> tuple[int, Any]:
        raise NotImplementedError

    def close(self) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()


Responder = Callable[[str, str, dict], list[dict]]


class FakeRasa(_Server):
    """Rasa's REST webhook with canned output from ``responder(sender, message, metadata)``."""

    def __init__(self, responder: Responder) -> None:
        self.responder = responder
        self.requests: list[dict] = []
        self.delay = 0.0
        self.fail_next = 0
        self.lock = threading.Lock()
        super().__init__()

    def handle(self, method: str, path: str, body: bytes, headers: dict) -> tuple[int, Any]:
        if method == "GET":
            return 200, {"status": "ok"}
        payload = json.loads(body)
        with self.lock:
            self.requests.append(payload)
            failing = self.fail_next > 0
            self.fail_next -= 1 if failing else 0
        if self.delay:
            time.sleep(self.delay)
        if failing:
            return 500, {"error": "boom"}
        return 200, self.responder(payload["sender"], payload["message"], payload["metadata"])

    @property
    def messages(self) -> list[str]:
        return [r["message"] for r in self.requests]

    @property
    def said(self) -> list[str]:
        """What the resident typed, danger-now wrappers undone (``tests.api.fake_rasa.said``)."""
        return [said(message) for message in self.messages]


class FakeTwilioApi(_Server):
    """Twilio's Messages resource: records each create and answers from ``script`` (FIFO), else 201."""

    def __init__(self) -> None:
        self.created: list[dict[str, str]] = []
        self.script: list[tuple[int, dict]] = []
        self.auth: list[str] = []
        super().__init__()

    def handle(self, method: str, path: str, body: bytes, headers: dict) -> tuple[int, Any]:
        if method != "POST" or not path.endswith("/Messages.json"):
            return 404, {"code": 20404, "message": "not found", "status": 404}
        form = {k: v[0] for k, v in parse_qs(body.decode(), keep_blank_values=True).items()}
        self.created.append(form)
        self.auth.append(headers.get("Authorization", ""))
        if self.script:
            return self.script.pop(0)
        sid = "SM" + uuid.uuid4().hex
        return 201, {"sid": sid, "status": "queued", "to": form.get("To"), "from": form.get("From"),
                     "body": form.get("Body"), "account_sid": path.split("/")[3],
                     "num_segments": "1", "direction": "outbound-api"}


class LiveGateway:
    """The gateway served by uvicorn in a thread (for concurrency and latency measurements)."""

    def __init__(self, app: FastAPI) -> None:
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        config = uvicorn.Config(app, host="127.0.0.1", port=self.port, log_level="warning",
                                lifespan="on")
        self.server = uvicorn.Server(config)
        self.thread = threading.Thread(target=self.server.run, daemon=True)
        self.thread.start()
        deadline = time.monotonic() + 20
        while not self.server.started:
            if time.monotonic() > deadline:
                raise RuntimeError("gateway did not start")
            time.sleep(0.05)

    def close(self) -> None:
        self.server.should_exit = True
        self.thread.join(timeout=10)
