"""axe-core in the page under test: ``serious_violations(page)`` lists the serious and critical
WCAG 2.0/2.1/2.2 A and AA violations with their targets. axe-core is installed by the project's
own files (package.json / package-lock.json, ``npm ci`` in ``make setup``) and injected with
``page.evaluate``, which the pages' strict CSP does not block (no inline script is added)."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Any

from playwright.sync_api import Page

AXE = Path(__file__).resolve().parents[2] / "node_modules" / "axe-core" / "axe.min.js"
TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa"]
SERIOUS = ("serious", "critical")


@lru_cache
def _source() -> str:
    if not AXE.exists():
        raise RuntimeError(f"axe-core is not installed ({AXE} missing): run `make setup` "
                           "(or `npm ci` at the repository root)")
    return AXE.read_text(encoding="utf-8")


def violations(page: Page, tags: list[str] | None = None) -> list[dict[str, Any]]:
    """Every axe violation on the page as it is now, for the given rule tags."""
    if not page.evaluate("() => typeof window.axe === 'object'"):
        page.evaluate(_source())
    result = page.evaluate(
        "async (tags) => await axe.run(document, {runOnly: {type: 'tag', values: tags}, "
        "resultTypes: ['violations']})",
        tags or TAGS,
    )
    return [
        {"id": v["id"], "impact": v["impact"], "help": v["help"], "url": v["helpUrl"],
         "targets": [node["target"] for node in v["nodes"]]}
        for v in result["violations"]
    ]


def serious_violations(page: Page) -> list[dict[str, Any]]:
    """The serious and critical WCAG A/AA violations (an accessible page returns [])."""
    return [v for v in violations(page) if v["impact"] in SERIOUS]
