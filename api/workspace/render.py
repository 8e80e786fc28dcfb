"""Rendering workspace pages: one Jinja2 environment (autoescaped: nothing a resident wrote is
ever markup), display filters, and the headers every page carries (strict CSP, no-store)."""

from __future__ import annotations

from datetime import date, datetime
from functools import lru_cache
from pathlib import Path
from typing import Any
from urllib.parse import urlencode
from zoneinfo import ZoneInfo

from fastapi import Request
from fastapi.responses import HTMLResponse, RedirectResponse
from jinja2 import ChainableUndefined, Environment, FileSystemLoader, select_autoescape

from api.web import PAGE_HEADERS
from bot import workflow
from bot.perpetrators import ENFORCEMENT_TYPES
from bot.taxonomy import INCIDENT_LABELS, STRAND_LABELS

TEMPLATES = Path(__file__).resolve().parent / "templates"
LONDON = ZoneInfo("Europe/London")
HEADERS = {**PAGE_HEADERS, "Cache-Control": "no-store", "Pragma": "no-cache"}

LABELS: dict[str, dict[str, str]] = {
    "strand": STRAND_LABELS,
    "incident": INCIDENT_LABELS,
    "status": {"new": "New", "triaged": "Triaged", "in_progress": "In progress",
               "closed": "Closed"},
    "risk": {"high": "High", "medium": "Medium", "standard": "Standard"},
    "role": {"officer": "Officer", "triage": "Triage officer", "supervisor": "Supervisor",
             "admin": "Admin"},
    "reporter": {"victim": "The victim", "witness": "A witness",
                 "third_party": "Someone reporting for another person"},
    "perpetrator": {"neighbour": "A neighbour", "known": "Someone they know",
                    "unknown": "A stranger"},
    "housing": {"council": "Council tenant", "housing_association": "Housing association",
                "private_rent": "Private renter", "owner": "Owner", "other": "Other"},
    "channel": {"web": "web chat", "sms": "SMS", "whatsapp": "WhatsApp", "email": "e-mail"},
    "contact": {"phone": "Phone call", "sms": "SMS", "whatsapp": "WhatsApp", "email": "E-mail",
                "none": "No contact"},
    "outcome": {o: o.replace("_", " ").capitalize() for o in workflow.OUTCOMES},
    "access": {"interpreter": "An interpreter", "bsl": "British Sign Language",
               "easy_read": "Easy Read", "other": "Something else"},
    "partner": dict(workflow.REFERRALS),
    "enforcement": dict(workflow.ENFORCEMENT),
    "tenancy": {"council_tenant": "Council tenant",
                "housing_association": "Housing association tenant",
                "private": "Private (renter or owner)", "unknown": "Not known"},
    "perpetrator_action": dict(ENFORCEMENT_TYPES),
}


def label(value: Any, kind: str) -> str:
    """The plain-English label of a stored code (the code itself when there is none)."""
    if value is None or value == "":
        return "Not said"
    text = LABELS.get(kind, {}).get(str(value))
    return text if text else str(value).replace("_", " ")


def when(value: Any, style: str = "long") -> str:
    """A time in London, e.g. ``Tue 3 Mar 2026, 14:05`` (accepts datetimes, dates, ISO text)."""
    if value is None or value == "":
        return "Not said"
    if isinstance(value, str):
        try:
            value = (date.fromisoformat(value) if len(value) == 10
                     else datetime.fromisoformat(value.replace("Z", "+00:00")))
        except ValueError:
            return value
    if isinstance(value, datetime):
        local = value.astimezone(LONDON) if value.tzinfo else value
        if style == "short":
            return f"{local.day} {local:%b %Y} {local:%H:%M}"
        return f"{local:%a} {local.day} {local:%b %Y}, {local:%H:%M}"
    if isinstance(value, date):
        return f"{value:%a} {value.day} {value:%b %Y}"
    return str(value)


def yes_no(value: Any) -> str:
    return {True: "Yes", False: "No"}.get(value, "Not said")


def query(base: str, **params: Any) -> str:
    """A link with only the parameters that have a value (filters carried across pages)."""
    kept = {k: v for k, v in params.items() if v not in (None, "", False)}
    return f"{base}?{urlencode(kept)}" if kept else base


@lru_cache
def environment() -> Environment:
    env = Environment(loader=FileSystemLoader(TEMPLATES), undefined=ChainableUndefined,
                      autoescape=select_autoescape(["html", "svg"], default=True),
                      trim_blocks=True, lstrip_blocks=True)
    env.filters.update(label=label, when=when, yes_no=yes_no)
    env.globals.update(query=query, labels=LABELS, case_roles=workflow.CASE_ROLES)
    return env


def html(request: Request, template: str, status: int = 200, **context: Any) -> HTMLResponse:
    """A workspace page; ``request.state.workspace`` (set once signed in) fills the header."""
    signed = getattr(request.state, "workspace", None)
    context.setdefault("user", signed.officer if signed else None)
    context.setdefault("csrf", signed.csrf_token if signed else "")
    body = environment().get_template(template).render(request=request, **context)
    return HTMLResponse(body, status_code=status, headers=HEADERS)


def redirect(url: str) -> RedirectResponse:
    """303 See Other: after a form post the browser GETs the page (no resubmission on reload)."""
    return RedirectResponse(url, status_code=303, headers=HEADERS)
