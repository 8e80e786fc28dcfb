"""Perpetrator records in real headless Chromium against a real gateway (uvicorn) and the test
database: an officer creates a record from one case, links a second case to it from the match
the page offers, sees both flagged in the queue, records a community protection warning on the
record page and finds it on both cases' timelines. axe-core runs on every page met, at 1280 px
and 390 px (no serious or critical violation, no sideways scrolling)."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Browser, Page, expect
from sqlalchemy import func, select

from bot.models import AuditEvent, PerpetratorEnforcement
from tests.browser.axe import serious_violations
from tests.browser.conftest import PHONE, Gateway, watch
from tests.browser.workspace_helpers import no_horizontal_scroll, sign_in
from tests.officer.conftest import make_case, make_officer  # noqa: F401 - fixtures

pytestmark = pytest.mark.browser

DESKTOP = {"width": 1280, "height": 900}
ACCOUNTS = ("My neighbour at 14 Fulham Court shouts racist abuse at me on the stairs",
            "The man who lives at 14 Fulham Court called my wife a racist name in the lift")


@pytest.fixture
def desk(browser: Browser):
    context = browser.new_context(viewport=DESKTOP)
    page = context.new_page()
    page.set_default_timeout(15_000)
    yield page
    context.close()


def test_an_officer_links_two_reports_to_one_record_and_records_a_warning(
        gateway: Gateway, desk: Page, make_officer, make_case, session_factory):  # noqa: F811
    page = desk
    watched = watch(page)
    officer = make_officer(username="perp_browser")
    first, second = (make_case(assigned=officer, narrative=a, perpetrator="neighbour")
                     for a in ACCOUNTS)
    results: dict[str, list] = {}
    with session_factory() as s:  # the audit log outlives tests: count only this one's
        start = s.scalar(select(func.max(AuditEvent.id))) or 0

    def check(name: str) -> None:
        """axe at both widths, and no sideways scrolling on a phone."""
        page.wait_for_load_state("load")
        for viewport in (DESKTOP, PHONE):
            page.set_viewport_size(viewport)
            results[f"{name} at {viewport['width']}px"] = serious_violations(page)
            assert no_horizontal_scroll(page), f"{name} scrolls sideways at {viewport['width']}"
        page.set_viewport_size(DESKTOP)

    sign_in(page, gateway.url, officer.username)
    page.goto(f"{gateway.url}/officer/cases/{first.reference}")
    expect(page.locator("#perpetrators")).to_contain_text("No perpetrator record is linked")
    check("case without a record")

    # 1. A new record from the first case: created and linked in one go.
    page.locator("summary:text('New perpetrator record for this case')").click()
    page.locator("#new-name").fill("Dennis Quarrington")
    page.locator("#new-address").fill("Flat 9, 14 Fulham Court, London SW6")
    page.locator("#new-tenancy").select_option("council_tenant")
    page.locator("#new-description").fill("man in his fifties, third floor")
    page.locator("#new-reason").fill("both accounts name his flat")
    page.locator("button:text('Create and link the record')").click()
    page.wait_for_url(re.compile(r".*/officer/perpetrators/\d+\?done=created"))
    record = int(re.search(r"/perpetrators/(\d+)", page.url).group(1))
    expect(page.locator("h1")).to_have_text(f"Perpetrator record {record}")
    expect(page.locator(".alert-done")).to_contain_text("created and linked")
    expect(page.locator(".linked-cases")).to_contain_text(first.reference)
    check("record page")

    # 2. The second case offers the record (its account names the address): link it.
    page.goto(f"{gateway.url}/officer/cases/{second.reference}")
    expect(page.locator("#perpetrators")).to_contain_text(
        f"Record {record}: the account names an address on this record")
    check("case with a possible match")
    page.locator(f"#match-reason-{record}").fill("same flat, checked with housing")
    page.locator(f"button:text('Link record {record}')").click()
    expect(page.locator(".alert-done")).to_contain_text("linked to the perpetrator record")
    expect(page.locator(".badges")).to_contain_text("Repeat perpetrator")
    expect(page.locator(".badges")).to_contain_text("Perpetrator is a council tenant")
    expect(page.locator("#perpetrators")).to_contain_text("Perpetrator linked to 2 reports")
    check("case with a linked record")

    # A refusal on the case page: a record number that does not exist.
    page.locator("summary:text('Link a record by its number')").click()
    page.locator("#link-id").fill("999999")
    page.locator("#link-reason").fill("a guess")
    with page.expect_navigation() as nav:
        page.locator("button:text('Link the record with this number')").click()
    assert nav.value.status == 404
    expect(page.locator(".alert-error")).to_contain_text("No perpetrator record 999999")
    check("case with a refused link")

    # 3. The queue flags both cases.
    page.goto(gateway.url + "/officer/")
    for case in (first, second):
        row = page.locator("tr", has=page.locator(f'a[href="/officer/cases/{case.reference}"]'))
        expect(row).to_contain_text("Repeat perpetrator")
    check("queue with repeat perpetrators")

    # 4. The warning, recorded on the record page.
    page.goto(f"{gateway.url}/officer/perpetrators/{record}")
    expect(page.locator(".linked-cases tbody tr")).to_have_count(2)
    page.locator("#enf-type").select_option("community_protection_warning")
    page.locator("#enf-date").fill("2026-11-30")
    page.locator("#enf-outcome").fill("served at the flat")
    page.locator("button:text('Record enforcement')").click()
    expect(page.locator(".alert-done")).to_contain_text("shows on every linked case")
    expect(page.locator("#enforcement .event-enforcement")).to_contain_text(
        "Community protection warning")
    check("record page with enforcement")

    # 5. Both timelines show it.
    for case in (first, second):
        page.goto(f"{gateway.url}/officer/cases/{case.reference}")
        event = page.locator(".timeline .event-enforcement")
        expect(event).to_contain_text(
            "Enforcement against the perpetrator: Community protection warning")
        expect(event).to_contain_text("served at the flat")
    check("case with enforcement on its timeline")

    assert {name: found for name, found in results.items() if found} == {}
    assert len(results) == 16
    assert [p for p in watched.problems if "Failed to load resource" not in p] == []
    with session_factory() as s:
        assert [e.type for e in s.scalars(select(PerpetratorEnforcement))] == [
            "community_protection_warning"]
        reads = s.scalars(select(AuditEvent.action).where(
            AuditEvent.id > start, AuditEvent.officer_username == officer.username,
            AuditEvent.action == "perpetrator.read")).all()
    assert len(reads) >= 5  # each page that showed the record, audited
