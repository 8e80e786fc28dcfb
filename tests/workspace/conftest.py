"""Workspace fixtures: the real app on the test database (the officer API's fixtures: officers,
cases, a TestClient), and signing in through the real form, cookie, CSRF token and all."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

import pytest
from fastapi.testclient import TestClient

from api.main import create_app
from bot.models import Officer
from bot.settings import get_settings
from tests.officer.conftest import PASSWORD, auth, client, make_case, make_officer  # noqa: F401
from tests.perpetrators.conftest import create_record, link  # noqa: F401 - fixtures

CSRF = re.compile(r'name="csrf_token" value="([^"]+)"')


def csrf_of(html: str) -> str:
    found = CSRF.search(html)
    assert found, "no CSRF field on the page"
    return found.group(1)


@dataclass
class Browser:
    """A signed-in TestClient and the session's CSRF token."""

    client: TestClient
    officer: Officer
    csrf: str

    def get(self, path: str, **kw):
        return self.client.get(path, follow_redirects=False, **kw)

    def post(self, path: str, data: dict | None = None, csrf: str | None = None, **kw):
        form = {"csrf_token": self.csrf if csrf is None else csrf, **(data or {})}
        return self.client.post(path, data=form, follow_redirects=False, **kw)


def sign_in(tc: TestClient, officer: Officer, password: str = PASSWORD) -> Browser:
    """Through the real form: GET the page (pre-sign-in cookie + token), POST, follow."""
    page = tc.get("/officer/login")
    assert page.status_code == 200, page.text
    r = tc.post("/officer/login", data={"username": officer.username, "password": password,
                                        "csrf_token": csrf_of(page.text)},
                follow_redirects=False)
    assert r.status_code == 303, r.text
    home = tc.get(r.headers["location"])
    assert home.status_code == 200, home.text
    return Browser(tc, officer, csrf_of(home.text))


@pytest.fixture
def signed_in(db_url: str, make_officer) -> Callable[..., Browser]:  # noqa: F811
    """``signed_in(role or officer)``: a fresh client (own cookie jar) signed in through the
    form. Several may be open at once, one per officer."""
    clients: list[TestClient] = []

    def make(who: str | Officer = "officer") -> Browser:
        officer = make_officer(who) if isinstance(who, str) else who
        tc = TestClient(create_app(get_settings()))
        tc.__enter__()
        clients.append(tc)
        return sign_in(tc, officer)

    yield make
    for c in clients:
        c.__exit__(None, None, None)
