"""The assistant's read-back of the account ("Here's what I have: ...") and the final summary,
both built from plain slot values, in the resident's terms ("because of your race") and short
enough for a phone. The words come from bot/wording (report.yml, choices.yml)."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from bot.report_form.flow import known, landlord_relevant
from bot.wording import say

Slots = dict[str, Any]
ROUTES = ("road", "street", "lane", "avenue", "way", "grove", "broadway", "terrace", "bridge",
          "rd", "st")
VEHICLES = {"bus", "train", "tube", "overground", "tram", "underground", "platform"}
PREPOSITIONS = ("on ", "at ", "in ", "outside ", "near ", "by ", "inside ", "opposite ", "behind ")
BECAUSE = ("race", "religion", "sexual_orientation", "disability", "transgender", "sex_gender",
           "alternative_subculture")


def _rb(key: str, channel: str, **values: Any) -> str:
    return say(f"report.read_back.{key}", channel, **values)


def when_phrase(occurred_on: Any, occurred_time: Any, now: datetime,
                channel: str = "web") -> str | None:
    """'yesterday around 6pm', 'on Tuesday', 'on 3 March' relative to the moment of reporting."""
    if not known(occurred_on):
        return None
    try:
        day = date.fromisoformat(str(occurred_on))
    except ValueError:
        return None
    delta = (now.date() - day).days
    if delta == 0:
        text = _rb("today", channel)
    elif delta == 1:
        text = _rb("yesterday", channel)
    elif 1 < delta < 7:
        text = _rb("weekday", channel, weekday=f"{day:%A}")
    elif day.year != now.year:
        text = _rb("date_year", channel, day=day.day, month=f"{day:%B}", year=day.year)
    else:
        text = _rb("date", channel, day=day.day, month=f"{day:%B}")
    clock = time_phrase(occurred_time)
    return _rb("around", channel, when=text, clock=clock) if clock else text


def time_phrase(value: Any) -> str | None:
    """'18:30' -> '6:30pm'."""
    if not isinstance(value, str) or ":" not in value:
        return None
    try:
        hour, minute = (int(p) for p in value.split(":", 1))
    except ValueError:
        return None
    suffix = "am" if hour < 12 else "pm"
    shown = hour % 12 or 12
    return f"{shown}{suffix}" if minute == 0 else f"{shown}:{minute:02d}{suffix}"


def where_phrase(location: Any, channel: str = "web") -> str | None:
    """'on Uxbridge Road', 'at Shepherd's Bush station', 'online'."""
    if not isinstance(location, dict):
        return None
    text = (location.get("text") or "").strip()
    if not text:
        return _rb("online", channel) if location.get("online") else None
    if text.lower().startswith(PREPOSITIONS):
        return text
    words = text.lower().rstrip(".").split()
    stop = any(w in ("stop", "station", "shelter") for w in words)  # "at the bus stop"
    on = words[-1] in ROUTES or (not stop and any(w in VEHICLES for w in words[:3]))
    return _rb("on_place" if on else "at_place", channel, place=text)


def _joined(items: list[str], channel: str = "web") -> str:
    if len(items) == 1:
        return items[0]
    return ", ".join(items[:-1]) + say("submitted.and_join", channel) + items[-1]


def _name(key: str, channel: str) -> str:
    return say(f"choices.{key}", channel)


def because_phrase(slots: Slots, channel: str) -> str | None:
    """'because of your race and religion' / 'because of their disability'."""
    strands = slots.get("strands") if known(slots.get("strands")) else []
    reasons = [_name(f"because.{s}", channel) for s in BECAUSE if s in strands]
    if not reasons:
        return None
    other = slots.get("reporter_role") in ("witness", "third_party")
    whose = _rb("whose_other" if other else "whose_victim", channel)
    return _rb("because", channel, whose=whose, reasons=_joined(reasons, channel))


def _who(slots: Slots, channel: str) -> str:
    side = "victim" if slots.get("reporter_role") in (None, "victim") else "other"
    who = slots.get("perpetrator")
    return _name(f"who.{side}_{who}", channel) if who in ("neighbour", "known", "unknown") \
        else _name("who.someone", channel)


def what_phrase(slots: Slots, channel: str = "web") -> str | None:
    """'someone you didn't know shouted abuse at you because of your race'."""
    role = slots.get("reporter_role")
    target = _rb(f"target_{role if role in ('witness', 'third_party') else 'victim'}", channel)
    types = slots.get("incident_types") if known(slots.get("incident_types")) else []
    actions = [_rb(f"verb.{t}", channel, target=target) for t in types if t != "other"]
    because = because_phrase(slots, channel)
    if not actions and not because:
        return None
    who = _who(slots, channel)
    sentence = _rb("did", channel, who=who, actions=_joined(actions, channel)) if actions \
        else _rb("targeted", channel, who=who, target=target)
    return f"{sentence} {because}" if because else sentence


def read_back(slots: Slots, now: datetime, channel: str = "web") -> str | None:
    """One short message of what was understood, or None when nothing was understood."""
    when = when_phrase(slots.get("occurred_on"), slots.get("occurred_time"), now, channel)
    where = where_phrase(slots.get("location"), channel)
    what = what_phrase(slots, channel)
    setting = " ".join(p for p in (when, where) if p)
    parts = [p for p in (setting, what) if p]
    if not parts:
        return None
    text = say("report.read_back.intro", channel, body="; ".join(parts))
    extras = []
    if slots.get("ongoing") is True:
        other = slots.get("reporter_role") == "third_party"
        extras.append(say("report.read_back.happened_before" + ("_other" if other else ""),
                          channel))
    if slots.get("injured") is True:
        extras.append(say("report.read_back.someone_hurt", channel))
    elif slots.get("injured") is False:  # read from the account, never asked: confirm it here
        extras.append(say("report.read_back.nobody_hurt", channel))
    return " ".join([text, *extras, say("report.read_back.is_that_right", channel)])


def _s(key: str, channel: str, **values: Any) -> str:
    return say(f"report.summary.{key}", channel, **values)


def _yes_no(value: Any, channel: str) -> str:
    return _s({True: "yes", False: "no"}.get(value, "not_said"), channel)


def summary(slots: Slots, now: datetime, channel: str = "web") -> str:
    """The final check before sending: every field on one short line."""
    not_said = _s("not_said", channel)
    role = slots.get("reporter_role")
    strands = slots.get("strands") if known(slots.get("strands")) else []
    types = slots.get("incident_types") if known(slots.get("incident_types")) else []
    what = ", ".join(_name(f"incident.{t}", channel) for t in types)
    because = ", ".join(_name(f"strand.{s}", channel) for s in strands)
    when = when_phrase(slots.get("occurred_on"), slots.get("occurred_time"), now, channel)
    before = _s("happened_before", channel) if slots.get("ongoing") is True else ""
    lines = [
        _s("heading", channel),
        "- " + _s("who", channel, value=_s(f"role_{role}", channel)
                  if role in ("victim", "witness", "third_party") else not_said),
        "- " + _s("what", channel, value=what or not_said),
        "- " + _s("because_of", channel, value=because or not_said),
        "- " + _s("when", channel, value=when or not_said) + before,
        "- " + _s("where", channel, value=where_phrase(slots.get("location"), channel) or not_said),
        "- " + _s("by", channel, value=_who(slots, channel) if slots.get("perpetrator") in (
            "neighbour", "known", "unknown") else not_said),
    ]
    if slots.get("injured") is not None:
        lines.append("- " + _s("hurt", channel, value=_yes_no(slots.get("injured"), channel)))
    if role == "third_party":
        lines.append("- " + _s("person", channel, value=person_phrase(slots, channel)))
    wishes = slots.get("wishes") if known(slots.get("wishes")) else []
    if wishes:
        lines.append("- " + _s("wishes", channel, value=", ".join(
            _name(f"wishes.{w}", channel).lower() for w in wishes)))
    if slots.get("feels_safe") in (True, False):
        lines.append("- " + _s("safe_home", channel, value=_yes_no(slots["feels_safe"], channel)))
    needs = slots.get("access_needs") if known(slots.get("access_needs")) else []
    if needs:
        shown = [_name(f"access.{n}", channel) for n in needs]
        if known(slots.get("access_language")):
            shown = [f"{s} ({slots['access_language']})" if n == "interpreter" else s
                     for n, s in zip(needs, shown, strict=True)]
        lines.append("- " + _s("access", channel, value=", ".join(shown)))
    lines.append("- " + _s("contact", channel, value=contact_phrase(slots, channel)))
    lines.append("- " + _s("police", channel, value=_yes_no(slots.get("consent_police"), channel)))
    if slots.get("consent_support") is not None:
        lines.append("- " + _s("support", channel,
                               value=_yes_no(slots.get("consent_support"), channel)))
    if landlord_relevant(slots):
        lines.append("- " + _s("landlord", channel,
                               value=_yes_no(slots.get("consent_landlord"), channel)))
    lines.append(_s("ask", channel))
    return "\n".join(lines)


def person_phrase(slots: Slots, channel: str) -> str:
    parts = []
    if slots.get("subject_knows") is True:
        parts.append(_s("person_knows", channel))
    elif slots.get("subject_knows") is False:
        parts.append(_s("person_not_told", channel))
    if slots.get("subject_agrees") is True:
        parts.append(_s("person_agrees", channel))
    elif slots.get("subject_agrees") is False:
        parts.append(_s("person_no_contact", channel))
    return ", ".join(parts) or _s("not_said", channel)


def contact_phrase(slots: Slots, channel: str = "web") -> str:
    if slots.get("anonymous") is not False:
        return _s("anonymous", channel)
    method = slots.get("contact_method")
    if method not in ("phone", "sms", "whatsapp", "email"):
        return _s("no_contact", channel)
    value = slots.get("contact_value")
    shown = _s("this_number", channel) if value == "this_number" else (
        value if known(value) else None)
    extras = []
    if method == "phone" and known(slots.get("contact_name")):
        extras.append(_s("ask_for", channel, name=slots["contact_name"]))
    if known(slots.get("safe_contact_time")):
        extras.append(str(slots["safe_contact_time"]))
    if method == "phone" and slots.get("voicemail_ok") in (True, False):
        extras.append(_s("voicemail_ok" if slots["voicemail_ok"] else "no_voicemail", channel))
    text = _name(f"method.{method}", channel) + (f" ({shown})" if shown else "")
    return ", ".join([text, *extras])
