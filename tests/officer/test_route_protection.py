"""Walk the app's own route table: every /api/v1 route except the token route must refuse a
request without a valid bearer token, so a new unprotected route fails the suite."""

from __future__ import annotations

import re

from fastapi.routing import iter_route_contexts

from api.main import create_app

PUBLIC = {("POST", "/api/v1/auth/token")}


def api_routes() -> list[tuple[str, str]]:
    found = []
    for route in iter_route_contexts(create_app().routes):
        path = route.path or ""
        if path.startswith("/api/v1"):
            found.extend((method, path) for method in sorted(route.methods or ()) if method != "HEAD")
    return found


def test_the_walk_finds_the_officer_routes() -> None:
    routes = api_routes()
    assert ("GET", "/api/v1/cases") in routes
    assert ("GET", "/api/v1/cases/{reference}") in routes
    assert len(routes) >= 3


def test_every_api_route_except_the_token_route_needs_a_token(client) -> None:
    unprotected = []
    for method, path in api_routes():
        if (method, path) in PUBLIC:
            continue
        url = re.sub(r"\{[^}]+\}", "HF-AAAAAA", path)
        for headers in ({}, {"Authorization": "Bearer not-a-token"}):
            r = client.request(method, url, headers=headers)
            if r.status_code != 401:
                unprotected.append((method, path, r.status_code))
    assert not unprotected, f"routes answering without a valid token: {unprotected}"
