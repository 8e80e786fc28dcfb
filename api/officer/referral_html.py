"""The printable HTML referral packet (Jinja2, autoescaped: resident text is never markup)."""

from __future__ import annotations

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
