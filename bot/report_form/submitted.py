"""What a resident reads once their report is in: the reference, who does what by when, what
is shared with whom (as they chose), and support for them, then other ways to report (each
service once)."""

from __future__ import annotations

from bot.report import Report
from bot.settings import get_settings
from bot.signposting import Signpost, directory, for_case, specialists
from bot.wording import say

METHODS = ("phone", "sms", "whatsapp", "email")


def _s(key: str, channel: str, **values: object) -> str:
    return say(f"submitted.{key}", channel, **values)


def within(days: int, channel: str) -> str:
    return _s("within" if days == 1 else "within_plural", channel, days=days)


def services_named(report: Report, channel: str) -> str:
    d = directory()
    keys = ["victim_support", *specialists(report.strands, report.faiths)]
    names = [d[k].name for k in keys if k in d]
    join = _s("and_join", channel)
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + join + names[-1]


def next_steps(report: Report, risk_level: str, channel: str) -> str:
    """Who does what by when, in plain words (high risk: the faster response target)."""
    settings = get_settings()
    days = settings.response_days_high if risk_level == "high" else settings.response_days_standard
    team, by = _s("team", channel), within(days, channel)
    if not report.anonymous and report.contact_method in METHODS and report.contact_value:
        method = say(f"choices.method.{report.contact_method}", channel)
        text = _s("contact_you", channel, team=team, method=method, within=by)
    elif report.anonymous:
        text = _s("anonymous", channel, team=team, within=by)
    else:
        text = _s("no_contact", channel, team=team, within=by)
    shared = []
    if report.consent_police:
        shared.append(_s("shared_police", channel))
    if report.consent_support:
        key = "shared_support_other" if report.reporter_role == "third_party" else "shared_support"
        shared.append(_s(key, channel, services=services_named(report, channel)))
    return " ".join([text, *shared])


def line(item: Signpost, channel: str) -> str:
    """'Stop Hate UK, 24/7: <phone> or text <number>'."""
    ways = [w for w in (item.phone, item.email, item.url) if w]
    if item.text:
        ways.append(_s("text_way", channel, number=item.text))
    return _s("line", channel, name=item.name, ways=_s("ways_join", channel).join(ways))


def support_text(report: Report, channel: str) -> str:
    """Support for them, then other ways to report; nobody listed twice."""
    chosen = for_case(report.strands, report.faiths)
    heading = "support_heading_other" if report.reporter_role in ("witness", "third_party") \
        else "support_heading"
    blocks = [_s(heading, channel), *[f"- {line(s, channel)}" for s in chosen.support]]
    if chosen.other_ways:
        blocks += ["", _s("other_ways_heading", channel),
                   *[f"- {line(s, channel)}" for s in chosen.other_ways]]
    return "\n".join(blocks)
