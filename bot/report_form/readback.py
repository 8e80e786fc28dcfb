"""The assistant's read-back of the account ("Here's what I have: ...") and the final summary,
both built from plain slot values, in the resident's terms and short enough for a phone."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from bot.report_form.flow import known
from bot.taxonomy import INCIDENT_LABELS, STRAND_LABELS

Slots = dict[str, Any]
ADJECTIVES = {
    "race": "racist",
    "religion": "religious",
    "sexual_orientation": "homophobic",
    "disability": "disablist",
    "transgender": "transphobic",
    "sex_gender": "misogynist",
    "alternative_subculture": "hostile",
    "other": "hostile",
}
WHO = {
    "victim": {
        "neighbour": "a neighbour",
        "known": "someone you know",
        "unknown": "someone you didn't know",
    },
    "other": {"neighbour": "a neighbour", "known": "someone they know", "unknown": "a stranger"},
}
ROUTES = (
    "road",
    "street",
    "lane",
    "avenue",
    "way",
    "grove",
    "broadway",
    "terrace",
    "bridge",
    "rd",
    "st",
)
VEHICLES = {"bus", "train", "tube", "overground", "tram", "underground", "platform"}
PREPOSITIONS = ("on ", "at ", "in ", "outside ", "near ", "by ", "inside ", "opposite ", "behind ")


def when_phrase(occurred_on: Any, occurred_time: Any, now: datetime) -> str | None:
    """'yesterday around 6pm', 'on Tuesday', 'on 3 March' relative to the moment of reporting."""
    if not known(occurred_on):
        return None
    try:
        day = date.fromisoformat(str(occurred_on))
    except ValueError:
        return None
    delta = (now.date() - day).days
    if delta == 0:
        text = "today"
    elif delta == 1:
        text = "yesterday"
    elif 1 < delta < 7:
        text = f"on {day:%A}"
    else:
        text = f"on {day.day} {day:%B}" + (f" {day.year}" if day.year != now.year else "")
    clock = time_phrase(occurred_time)
    return f"{text} around {clock}" if clock else text


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


def where_phrase(location: Any) -> str | None:
    """'on Uxbridge Road', 'at Shepherd's Bush station', 'online'."""
    if not isinstance(location, dict):
        return None
    text = (location.get("text") or "").strip()
    if not text:
        return "online" if location.get("online") else None
    if text.lower().startswith(PREPOSITIONS):
        return text
    words = text.lower().rstrip(".").split()
    on = words[-1] in ROUTES or any(w in VEHICLES for w in words[:3])
    return f"on {text}" if on else f"at {text}"


def _joined(words: list[str]) -> str:
    return words[0] if len(words) == 1 else ", ".join(words[:-1]) + " and " + words[-1]


def what_phrase(slots: Slots) -> str | None:
    """'someone you didn't know shouted racist abuse at you' (perception in their terms)."""
    role = slots.get("reporter_role")
    target = {"witness": "someone", "third_party": "them"}.get(role, "you")
    strands = slots.get("strands") if known(slots.get("strands")) else []
    types = slots.get("incident_types") if known(slots.get("incident_types")) else []
    adjective = (
        _joined(sorted({ADJECTIVES[s] for s in strands if s in ADJECTIVES})) if strands else ""
    )
    verbs = {
        "verbal_abuse": f"shouted {adjective + ' ' if adjective else ''}abuse at {target}",
        "threats": f"threatened {target}",
        "physical_assault": f"attacked {target}",
        "property_damage": "damaged property",
        "online_abuse": f"sent {adjective + ' ' if adjective else ''}abuse online",
        "harassment": f"harassed {target}",
    }
    actions = [verbs[t] for t in types if t in verbs]
    who_map = WHO["victim" if role in (None, "victim") else "other"]
    who = who_map.get(slots.get("perpetrator"), "someone")
    if not actions and not strands:
        return None
    sentence = f"{who} {_joined(actions)}" if actions else f"{who} targeted {target}"
    used_adjective = any(t in ("verbal_abuse", "online_abuse") for t in types)
    if strands and not used_adjective:
        sentence += f", and it felt {adjective}" if adjective != "hostile" else ", out of hostility"
    return sentence


def read_back(slots: Slots, now: datetime) -> str | None:
    """One short message of what was understood, or None when nothing was understood."""
    when = when_phrase(slots.get("occurred_on"), slots.get("occurred_time"), now)
    where = where_phrase(slots.get("location"))
    what = what_phrase(slots)
    setting = " ".join(p for p in (when, where) if p)
    parts = [p for p in (setting, what) if p]
    if not parts:
        return None
    body = "; ".join(parts)
    extras = []
    if slots.get("ongoing") is True:
        extras.append("It has happened before.")
    if slots.get("injured") is True:
        extras.append("Someone was hurt.")
    text = f"Thank you. Here's what I have: {body}."
    return " ".join([text, *extras, "Is that right?"])


def _yes_no(value: Any) -> str:
    return {True: "yes", False: "no"}.get(value, "not said")


def summary(slots: Slots, now: datetime) -> str:
    """The final check before sending: every field on one short line."""
    role = {
        "victim": "it happened to you",
        "witness": "you saw it",
        "third_party": "for someone else",
    }
    strands = slots.get("strands") if known(slots.get("strands")) else []
    types = slots.get("incident_types") if known(slots.get("incident_types")) else []
    who_map = WHO["victim" if slots.get("reporter_role") in (None, "victim") else "other"]
    what = ", ".join(INCIDENT_LABELS[t] for t in types if t in INCIDENT_LABELS)
    hostility = ", ".join(STRAND_LABELS[s] for s in strands if s in STRAND_LABELS)
    when = when_phrase(slots.get("occurred_on"), slots.get("occurred_time"), now)
    lines = [
        "Here's your report:",
        f"- Who: {role.get(slots.get('reporter_role'), 'not said')}",
        f"- What: {what or 'not said'}",
        f"- Hostility: {hostility or 'not said'}",
        f"- When: {when or 'not said'}"
        + (" (it has happened before)" if slots.get("ongoing") is True else ""),
        f"- Where: {where_phrase(slots.get('location')) or 'not said'}",
        f"- By: {who_map.get(slots.get('perpetrator'), 'not said')}",
    ]
    if slots.get("injured") is not None:
        lines.append(f"- Anyone hurt: {_yes_no(slots.get('injured'))}")
    lines.append(f"- Contact: {contact_phrase(slots)}")
    lines.append(f"- Share with police and partners: {_yes_no(slots.get('share_consent'))}")
    lines.append("Is this right? If so, I'll send it to the council now.")
    return "\n".join(lines)


def contact_phrase(slots: Slots) -> str:
    if slots.get("anonymous") is not False:
        return "anonymous"
    method = slots.get("contact_method")
    names = {"phone": "phone call", "sms": "text message", "whatsapp": "WhatsApp", "email": "email"}
    if method not in names:
        return "no contact"
    value = slots.get("contact_value")
    shown = "this number" if value == "this_number" else (value if known(value) else None)
    time = slots.get("safe_contact_time")
    text = names[method] + (f" ({shown})" if shown else "")
    return text + (f", {time}" if known(time) else "")
