"""A whole report typed on the web page against the real stack (Rasa, action server, gateway),
read back through the officer API; then the quick exit leaves nothing behind."""

from __future__ import annotations

import os
import re
import subprocess
import sys
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path

import httpx
import pytest
from playwright.sync_api import Browser, Page, expect

from tests.browser.conftest import PHONE, watch
from tests.e2e.stack import REFERENCE

pytestmark = [pytest.mark.e2e, pytest.mark.browser]

NARRATIVE = (
    "Last Tuesday evening outside the library on Shepherd's Bush Green two teenagers I didn't "
    "know shouted homophobic abuse at me and threw a bottle at my partner"
)
ANSWERS = {
    "reporter_role": "it happened to me",
    "narrative": NARRATIVE,
    "strands": "sexual orientation",
    "incident_types": "verbal abuse and threats",
    "occurred_on": "last Tuesday",
    "location": "Shepherd's Bush Green",
    "perpetrator": "strangers",
    "injured": "no",
    "ongoing": "no",
    "housing": "skip",
    "anonymous": "no",
    "contact_method": "phone",
    "contact_value": "07700 900461",
    "safe_contact_time": "weekdays after 6pm",
    "share_consent": "yes",
}
BUTTONS = {
    "reporter_role": "me",
    "anonymous": "no",
    "contact_method": "phone",
    "share_consent": "yes",
    "confirm_summary": "yes",
}


def create_officer(database_url: str, username: str, password: str) -> None:
    """Through the installed `tellonce` command, as an administrator would."""
    tellonce = Path(sys.executable).with_name("tellonce")
    subprocess.run(  # noqa: S603
        [str(tellonce), "officer", "create", "--username", username, "--password", password,
         "--role", "supervisor"],
        check=True, capture_output=True, env={**os.environ, "DATABASE_URL": database_url},
    )


@pytest.fixture
def live_page(browser: Browser) -> Iterator[Page]:
    context = browser.new_context(viewport=PHONE)
    page = context.new_page()
    page.set_default_timeout(90_000)  # the real Rasa on two cores can be slow on first turns
    yield page
    context.close()


def _turn(page: Page, act: Callable[[], None]) -> None:
    """Do one resident action and wait until the page has shown the answer."""
    with page.expect_response(lambda r: r.url.endswith("/chat")) as info:
        act()
    assert info.value.status == 200, info.value.text()
    page.wait_for_function(
        "() => document.getElementById('conversation').getAttribute('aria-busy') === 'false'"
    )


def _button(page: Page, wanted: str):
    choices = page.locator("#choice-buttons button").filter(
        has_text=re.compile(re.escape(wanted), re.I)
    )
    return choices.first if choices.count() else None


def _type(page: Page, text: str) -> None:
    page.locator("#message").fill(text)
    page.locator("#message").press("Enter")


def hold_report_on_page(page: Page, max_turns: int = 40) -> str:
    """Answer whatever the page shows is being asked (the form's data-slot) until a reference."""
    start = _button(page, "report")
    _turn(page, start.click if start else lambda: _type(page, "I want to report something"))
    told: set[str] = set()
    for _ in range(max_turns):
        found = REFERENCE.search(page.locator("#transcript").inner_text())
        if found:
            return found.group(0)
        slot = page.locator("#composer").get_attribute("data-slot") or ""
        if slot == "narrative" and slot in told:
            done = _button(page, "everything") or _button(page, "done")
            action = done.click if done else (lambda: _type(page, "that's everything"))
        elif slot in BUTTONS and _button(page, BUTTONS[slot]):
            action = _button(page, BUTTONS[slot]).click
        elif slot in ANSWERS:
            action = (lambda text: lambda: _type(page, text))(ANSWERS[slot])
        else:  # a read-back or anything unforeseen: agree
            agree = _button(page, "yes") or _button(page, "right")
            action = agree.click if agree else (lambda: _type(page, "yes"))
        told.add(slot)
        _turn(page, action)
    raise AssertionError(f"no reference on the page after {max_turns} turns")


def test_whole_report_typed_on_the_page(live_stack, live_page: Page) -> None:
    page = live_page
    watched = watch(page)
    page.goto(live_stack.gateway_url + "/")
    expect(page.locator("#transcript .msg-bot").first).to_contain_text("999")

    reference = hold_report_on_page(page)

    assert page.locator("#transcript .msg-you .msg-text").filter(has_text=NARRATIVE).count() == 1
    assert watched.problems == []
    page.screenshot(path=f"/tmp/tellonce-chat-real-{live_stack.backend}.png", full_page=True)

    username, password = f"browser_{uuid.uuid4().hex[:8]}", "correct horse battery staple"
    create_officer(live_stack.settings.database_url, username, password)
    token = live_stack.officer_token(username, password)
    case = httpx.get(
        f"{live_stack.gateway_url}/api/v1/cases/{reference}",
        headers={"Authorization": f"Bearer {token}"},
        timeout=30,
    ).json()
    assert case["channel"] == "web"
    assert case["reporter_role"] == "victim"
    assert "sexual_orientation" in case["strands"]
    assert "Shepherd's Bush Green" in case["narrative"]
    assert case["contact"]["method"] == "phone"

    page.keyboard.press("Shift")
    page.keyboard.press("Shift")
    page.keyboard.press("Shift")
    page.wait_for_url(live_stack.gateway_url + "/weather")
    assert page.locator("#transcript").count() == 0
    assert reference not in page.content()
    assert page.evaluate("localStorage.length + sessionStorage.length") == 0
    assert page.context.cookies() == []
