"""Browser fixtures: Debian Chromium driven by Playwright (never `playwright install`), and a
real gateway (uvicorn on a free port) in front of a fake Rasa HTTP server."""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

import pytest
from fastapi import Request, Response
from playwright.sync_api import Browser, Page, sync_playwright

from api.main import create_app
from bot.settings import Settings
from tests.api.fake_rasa import FakeServer
from tests.api.live_server import serve

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
PHONE = {"width": 390, "height": 844}


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    with sync_playwright() as p:
        launched = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield launched
        launched.close()


@dataclass
class Gateway:
    url: str
    rasa: FakeServer
    probes: list[dict[str, Any]] = field(default_factory=list)


@pytest.fixture
def gateway(db_url: str) -> Iterator[Gateway]:
    """The real app, plus a test-only POST /__probe that records what a page beacons to it
    (how a test learns what the chat page still held at the moment it was unloaded)."""
    rasa, actions = FakeServer().start(), FakeServer().start()
    # our own neutral page: Chromium here has no internet to leave to
    settings = Settings(database_url=db_url, rasa_url=rasa.url, action_server_url=actions.url,
                        quick_exit_url="/weather")
    app = create_app(settings)
    probes: list[dict[str, Any]] = []

    async def probe(request: Request) -> Response:
        probes.append(json.loads(await request.body()))
        return Response(status_code=204)

    app.add_api_route("/__probe", probe, methods=["POST"], include_in_schema=False)
    try:
        with serve(app) as url:
            yield Gateway(url=url, rasa=rasa, probes=probes)
    finally:
        rasa.stop()
        actions.stop()


@dataclass
class Watched:
    """A page plus every console error and CSP violation it produced."""

    page: Page
    problems: list[str]


def watch(page: Page) -> Watched:
    watched = Watched(page=page, problems=[])

    def on_console(msg: Any) -> None:
        if msg.type == "error":
            watched.problems.append(f"console: {msg.text}")

    page.on("console", on_console)
    page.on("pageerror", lambda exc: watched.problems.append(f"pageerror: {exc}"))
    return watched


@pytest.fixture
def page(browser: Browser) -> Iterator[Page]:
    context = browser.new_context(viewport=PHONE)
    new_page = context.new_page()
    new_page.set_default_timeout(15_000)
    yield new_page
    context.close()
