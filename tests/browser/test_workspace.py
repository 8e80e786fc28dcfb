"""The officers' workspace in real headless Chromium against a real gateway (uvicorn) and the
test database: keyboard-only work on a case, axe-core on every page at 1280 px and 390 px with
no horizontal scrolling, and the refusals a browser can meet (another officer's case, a forged
CSRF token, an expired session)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from playwright.sync_api import Browser, Page, expect
from sqlalchemy import func, select, update

from bot.models import CaseNote, OfficerSession, OutboundMessage
from tests.browser.axe import serious_violations
from tests.browser.conftest import PHONE, Gateway, watch
from tests.browser.workspace_helpers import focus_is_visible, no_horizontal_scroll, sign_in, tab_to
from tests.officer.conftest import make_case, make_officer  # noqa: F401 - fixtures

pytestmark = pytest.mark.browser

DESKTOP = {"width": 1280, "height": 900}


@pytest.fixture
def desk(browser: Browser):
    context = browser.new_context(viewport=DESKTOP)
    page = context.new_page()
    page.set_default_timeout(15_000)
    yield page
    context.close()


def test_an_officer_works_a_case_by_keyboard_alone(gateway: Gateway, desk: Page, make_officer,
                                                    make_case, session_factory):
    page = desk
    watched = watch(page)
    officer = make_officer(username="kb_officer")
    case = make_case(narrative="Someone wrote slurs on my door")
    page.goto(gateway.url + "/officer/login")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent") == "Skip to main content"
    assert focus_is_visible(page)
    tab_to(page, "#username")
    page.keyboard.type(officer.username)
    page.keyboard.press("Tab")
    page.keyboard.type("correct horse battery staple")
    page.keyboard.press("Enter")
    page.wait_for_url(gateway.url + "/officer/")

    tab_to(page, f'a[href="/officer/cases/{case.reference}"]')
    assert focus_is_visible(page)
    page.keyboard.press("Enter")
    page.wait_for_url(f"{gateway.url}/officer/cases/{case.reference}")
    # not theirs yet: the summary only (issue 13), then the account once claimed
    expect(page.locator("#summary-only")).to_contain_text("Claim this case")
    expect(page.locator(".account")).to_have_count(0)

    tab_to(page, "button:text('Claim this case')")
    assert focus_is_visible(page)
    page.keyboard.press("Enter")
    expect(page.locator(".alert-done")).to_contain_text("You have claimed this case")
    expect(page.locator(".account")).to_have_text("Someone wrote slurs on my door")

    tab_to(page, "#note-text")
    page.keyboard.type("Called, left no message as asked")
    tab_to(page, "button:text('Add note')")
    page.keyboard.press("Enter")
    expect(page.locator(".alert-done")).to_contain_text("Your note has been added")

    tab_to(page, "#message-text")
    page.keyboard.type("I have your report and will ring you tomorrow.")
    tab_to(page, "button:text('Preview message')")
    page.keyboard.press("Enter")
    expect(page.locator(".message-body")).to_contain_text("A message from")
    expect(page.locator(".message-body")).to_contain_text("Direct line: 020 7946 0000")
    tab_to(page, "button:text('Send this message')")
    page.keyboard.press("Enter")
    expect(page.locator(".alert-done")).to_contain_text("queued to the resident")
    expect(page.locator(".event-message")).to_contain_text("pending")

    tab_to(page, "button:text('Sign out')")
    page.keyboard.press("Enter")
    expect(page.locator(".alert-info")).to_contain_text("You have signed out")
    assert watched.problems == []
    with session_factory() as s:
        assert s.scalar(select(func.count()).select_from(CaseNote)) == 1
        assert s.scalar(select(func.count()).select_from(OutboundMessage)) == 1


@pytest.mark.parametrize("viewport", [DESKTOP, PHONE], ids=["1280px", "390px"])
def test_axe_finds_no_serious_problem_on_any_page_at_either_width(
        gateway: Gateway, browser: Browser, make_officer, make_case, viewport):
    boss = make_officer("supervisor", username=f"axe_boss_{viewport['width']}")
    admin = make_officer("admin", username=f"axe_admin_{viewport['width']}")
    case = make_case(assigned=boss, danger_now=True,
                     stored={"due_by": datetime.now(UTC) - timedelta(days=1)})
    make_case(stored={"due_by": datetime.now(UTC) - timedelta(days=2)})
    make_case(risk="high", strands=["religion"], location_ward="Grove")
    context = browser.new_context(viewport=viewport)
    page = context.new_page()
    page.set_default_timeout(15_000)
    watched = watch(page)
    results: dict[str, list] = {}

    def check(name: str) -> None:
        page.wait_for_load_state("load")
        results[name] = serious_violations(page)
        assert no_horizontal_scroll(page), f"{name} scrolls sideways at {viewport['width']}px"

    try:
        page.goto(gateway.url + "/officer/login")
        check("sign-in")
        sign_in(page, gateway.url, "nobody", "wrong password here")
        check("sign-in refused")
        sign_in(page, gateway.url, boss.username)
        check("queue")
        page.goto(gateway.url + "/officer/?risk=high&sort=newest")
        check("queue filtered")
        page.goto(f"{gateway.url}/officer/cases/{case.reference}")
        check("case")
        page.locator("#message-text").fill("We will visit on Friday.")
        page.locator("button:text('Preview message')").click()
        check("message preview")
        page.goto(f"{gateway.url}/officer/cases/{case.reference}")
        page.locator("#status-to").select_option("triaged")
        page.locator("#note-text").fill("")
        page.locator("button:text('Add note')").click()  # refused: empty note
        check("case with a refusal")
        page.goto(f"{gateway.url}/officer/cases/{case.reference}/referral?to=police")
        check("referral packet")
        page.goto(gateway.url + "/officer/stats")
        check("trends")
        page.goto(gateway.url + "/officer/audit")
        check("audit log")
        page.goto(gateway.url + "/officer/accounts")
        check("accounts (supervisor)")
        page.goto(gateway.url + "/officer/cases/HF-ZZZZZZ")
        check("not found")
        page.locator("button:text('Sign out')").click()
        sign_in(page, gateway.url, admin.username)
        check("accounts (admin)")
    finally:
        context.close()
    assert {name: found for name, found in results.items() if found} == {}
    assert len(results) == 13
    # the refused sign-in (400) and the unknown case (404) log their status; nothing else may
    # (a CSP violation or a script error would show here)
    assert [p for p in watched.problems if "Failed to load resource" not in p] == []


def test_another_officers_case_is_refused_in_the_browser(gateway: Gateway, desk: Page,
                                                          make_officer, make_case):
    me, other = make_officer(), make_officer()
    theirs = make_case(assigned=other)
    sign_in(desk, gateway.url, me.username)
    response = desk.goto(f"{gateway.url}/officer/cases/{theirs.reference}")
    assert response.status == 403
    expect(desk.locator("h1")).to_have_text("This cannot be done")
    expect(desk.locator(".alert-error")).to_contain_text("This case is assigned to another officer")
    assert theirs.narrative not in desk.content()
    expect(desk.locator(f'a[href="/officer/cases/{theirs.reference}"]')).to_have_count(0)
    desk.goto(gateway.url + "/officer/")
    expect(desk.locator(f'a[href="/officer/cases/{theirs.reference}"]')).to_have_count(0)


def test_a_forged_csrf_token_is_refused_in_the_browser(gateway: Gateway, desk: Page,
                                                        make_officer, make_case,
                                                        session_factory):
    me = make_officer()
    case = make_case(assigned=me)
    sign_in(desk, gateway.url, me.username)
    desk.goto(f"{gateway.url}/officer/cases/{case.reference}")
    desk.locator("#note-text").fill("This should never be saved")
    desk.evaluate("() => document.querySelectorAll('input[name=csrf_token]')"
                  ".forEach(i => { i.value = 'forged-by-another-site'; })")
    with desk.expect_navigation() as nav:
        desk.locator("button:text('Add note')").click()
    assert nav.value.status == 403
    expect(desk.locator("h1")).to_have_text("Form not accepted")
    expect(desk.locator(".alert-error")).to_contain_text("Nothing was changed")
    with session_factory() as s:
        assert s.scalar(select(func.count()).select_from(CaseNote)) == 0


def test_an_expired_session_goes_to_sign_in_and_back(gateway: Gateway, desk: Page,
                                                     make_officer, make_case, session_factory):
    me = make_officer()
    case = make_case(assigned=me)
    sign_in(desk, gateway.url, me.username)
    desk.goto(f"{gateway.url}/officer/cases/{case.reference}")
    desk.locator("#note-text").fill("typed before lunch")
    with session_factory() as s:
        s.execute(update(OfficerSession).values(
            last_seen_at=datetime.now(UTC) - timedelta(hours=2)))
        s.commit()
    desk.locator("button:text('Add note')").click()
    desk.wait_for_url("**/officer/login?reason=expired")
    expect(desk.locator(".alert-info")).to_contain_text("Your session expired")
    with session_factory() as s:
        assert s.scalar(select(func.count()).select_from(CaseNote)) == 0
        assert s.scalar(select(func.count()).select_from(OfficerSession)) == 0
    # a page link after expiry comes back to that page once signed in again
    desk.goto(f"{gateway.url}/officer/cases/{case.reference}")
    desk.wait_for_url("**/officer/login?**")
    desk.locator("#username").fill(me.username)
    desk.locator("#password").fill("correct horse battery staple")
    desk.locator("#password").press("Enter")
    desk.wait_for_url(f"{gateway.url}/officer/cases/{case.reference}")
    cookies = {c["name"]: c for c in desk.context.cookies()}
    session = cookies["tellonce_officer"]
    assert session["httpOnly"] and session["sameSite"] == "Strict" and session["path"] == "/officer"
