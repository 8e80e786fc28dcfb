"""The printable HTML referral packet (Jinja2, autoescaped: resident text is never markup),
served under a Content-Security-Policy that allows nothing but its own inline style (by hash):
no script, no image, no form, no framing, so even markup that slipped into resident text could
not run or call out."""

from __future__ import annotations

import base64
import hashlib
import re
from functools import lru_cache
from pathlib import Path
from typing import Any

from jinja2 import Environment, FileSystemLoader, Template

TEMPLATES = Path(__file__).resolve().parent / "templates"


@lru_cache
def _template() -> Template:
    env = Environment(loader=FileSystemLoader(TEMPLATES), autoescape=True)
    return env.get_template("referral.html")


def render(packet: dict[str, Any]) -> str:
    return _template().render(p=packet)


@lru_cache
def headers() -> dict[str, str]:
    """The packet's headers: no-store, nosniff, and a CSP naming its one style block's hash."""
    source = (TEMPLATES / "referral.html").read_text(encoding="utf-8")
    styles = re.findall(r"<style>(.*?)</style>", source, re.S)
    hashes = " ".join(
        "'sha256-" + base64.b64encode(hashlib.sha256(s.encode()).digest()).decode() + "'"
        for s in styles) or "'none'"
    return {
        "Cache-Control": "no-store",
        "X-Content-Type-Options": "nosniff",
        "Referrer-Policy": "no-referrer",
        "Content-Security-Policy": (
            f"default-src 'none'; style-src {hashes}; "
            "img-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'"),
    }
