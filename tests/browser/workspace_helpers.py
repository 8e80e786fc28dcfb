"""Helpers for driving the workspace in Chromium: sign in through the form, move by keyboard."""

from __future__ import annotations

from playwright.sync_api import Page

PASSWORD = "correct horse battery staple"  # noqa: S105 - test credential (tests/officer)


def sign_in(page: Page, base: str, username: str, password: str = PASSWORD,
            path: str = "/officer/login") -> None:
    page.goto(base + path)
    page.locator("#username").fill(username)
    page.locator("#password").fill(password)
    page.locator("#password").press("Enter")
    page.wait_for_load_state("load")


def tab_to(page: Page, selector: str, limit: int = 120) -> None:
    """Press Tab until the element matching ``selector`` has focus (fails if it never does:
    the element is not reachable by keyboard)."""
    target = page.locator(selector).first
    for _ in range(limit):
        if target.evaluate("el => el === document.activeElement"):
            return
        page.keyboard.press("Tab")
    raise AssertionError(f"{selector} never got keyboard focus after {limit} Tabs")


def focus_is_visible(page: Page) -> bool:
    """The focused element draws an outline or a box shadow (WCAG 2.4.7)."""
    return page.evaluate(
        "() => { const s = getComputedStyle(document.activeElement);"
        " return (s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) > 0)"
        " || s.boxShadow !== 'none'; }"
    )


def no_horizontal_scroll(page: Page) -> bool:
    return page.evaluate("() => document.documentElement.scrollWidth <= window.innerWidth")
