"""Transport headers: Strict-Transport-Security on every answer served over HTTPS (directly,
or through a trusted proxy saying so), never over plain HTTP or on an untrusted header."""

from __future__ import annotations

from collections.abc import Callable

from fastapi import FastAPI
from fastapi.testclient import TestClient

HSTS = "max-age=31536000; includeSubDomains"


def test_hsts_over_https(make_app: Callable[..., FastAPI]) -> None:
    with TestClient(make_app(), base_url="https://testserver") as client:
        for path in ("/", "/healthz", "/static/chat.js", "/officer/login"):
            assert client.get(path).headers.get("strict-transport-security") == HSTS, path
        r = client.post("/chat", json={"sender": "abc", "message": "echo:hi"})
        assert r.headers.get("strict-transport-security") == HSTS


def test_no_hsts_over_plain_http(client: TestClient) -> None:
    assert "strict-transport-security" not in client.get("/").headers
    # a forwarded header from anyone is not believed
    r = client.get("/", headers={"X-Forwarded-Proto": "https"})
    assert "strict-transport-security" not in r.headers


def test_hsts_behind_a_trusted_tls_proxy(make_app: Callable[..., FastAPI]) -> None:
    with TestClient(make_app(trust_forwarded_headers=True)) as client:
        r = client.get("/", headers={"X-Forwarded-Proto": "https"})
        assert r.headers.get("strict-transport-security") == HSTS
        assert "strict-transport-security" not in client.get("/").headers
