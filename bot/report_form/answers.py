"""Turning one resident message into slot updates for the question being asked.

``interpret(slot, answer, slots, channel, now)`` returns the slot updates, or ``None`` when the
message did not answer the question (the form then re-asks kindly, and gives up after two tries).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from bot.report_form import understand
from bot.report_form.corrections import clear_field, correction
from bot.report_form.flow import READ_BACK_SKIPPED, narrative_text, placeholder, prefill
from bot.taxonomy import INCIDENT_TYPES, STRANDS

Slots = dict[str, Any]
MAX_NARRATIVE = 20000
EMAIL = re.compile(r"[A-Za-z0-9._%+'-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}")
PHONE_CHARS = re.compile(r"[\s().-]")
HOUSING_WORDS = (
    (
        "housing_association",
        r"housing assoc|\bh\.?a\b|association|peabody|genesis|clarion|l&q|notting hill",
    ),
    ("council", r"council"),
    ("private_rent", r"privat|landlord|\brent"),
    ("owner", r"\bown\b|owner|mortgage|bought"),
)
CONTACT_WORDS = (
    ("whatsapp", r"whats ?app"),
    ("sms", r"\btext|\bsms"),
    ("email", r"e-?mail"),
    ("phone", r"phone|call|ring"),
    ("none", r"don'?t|do not|no contact|none|never"),
)
HEDGED = re.compile(r"\b(but|except|apart from|although|though|however|not)\b", re.I)
FINISHED_WORDS = re.compile(
    r"^(no|nope|nothing( else| more)?|that'?s (it|all|everything)|all done|done)\W*$", re.I
)


@dataclass
class Answer:
    """What the resident sent: raw text, the NLU intent, and button entities."""

    text: str
    intent: str | None = None
    choice: str | None = None
    field: str | None = None

    @classmethod
    def from_message(cls, message: dict[str, Any]) -> Answer:
        entities = {e.get("entity"): e.get("value") for e in message.get("entities") or []}
        text = message.get("text") or ""
        if text.startswith("/"):  # a button payload: its text says nothing beyond the entities
            text = ""
        choice = entities.get("choice")
        return cls(
            text=text.strip(),
            intent=(message.get("intent") or {}).get("name"),
            choice=str(choice) if choice is not None else None,
            field=str(entities["field"]) if entities.get("field") else None,
        )

    @property
    def words(self) -> int:
        return len(self.text.split())


def yes_no(answer: Answer) -> bool | None:
    if answer.intent == "affirm":
        return True
    if answer.intent == "deny":
        return False
    return understand.yes_no(answer.text) if answer.text else None


def is_skip(answer: Answer) -> bool:
    return (
        answer.intent == "skip"
        or answer.choice == "skip"
        or (bool(answer.text) and answer.words <= 8 and understand.skip(answer.text))
    )


def uk_phone(text: str) -> str | None:
    """A UK phone number in a canonical form, or None ('+44 7700 900123' -> '07700900123')."""
    digits = PHONE_CHARS.sub("", text)
    if digits.startswith("+44"):
        digits = "0" + digits[3:]
    elif digits.startswith("0044"):
        digits = "0" + digits[4:]
    elif digits.startswith("44") and len(digits) == 12:
        digits = "0" + digits[2:]
    if re.fullmatch(r"0[1-37-9]\d{8,9}", digits):
        return digits
    return None


def finish_narrative(slots: Slots, now: datetime) -> Slots:
    """The account is complete: store it whole, run extraction and pre-fill what it found."""
    text = narrative_text(slots)
    if not text:
        return {"narrative": placeholder("narrative"), "confirm_understanding": READ_BACK_SKIPPED}
    updates: Slots = {"narrative": text[:MAX_NARRATIVE]}
    updates.update(prefill(slots, understand.extract(text, now)))
    found = set(updates) - {"narrative", "danger_now", "reporter_role"}
    if not found:
        updates["confirm_understanding"] = READ_BACK_SKIPPED
    return updates


def _narrative(answer: Answer, slots: Slots, now: datetime) -> Slots | None:
    parts = list(slots.get("narrative_parts") or [])
    if answer.intent == "finished" or (parts and FINISHED_WORDS.match(answer.text)):
        return finish_narrative(slots, now)
    if not answer.text:
        return None
    if parts and answer.words <= 3 and yes_no(answer) is True:
        return {"narrative_parts": parts}  # "yes" (there is more): wait for it
    if sum(len(p) for p in parts) + len(answer.text) > MAX_NARRATIVE:
        return {"narrative_parts": parts, **finish_narrative(slots, now)}
    return {"narrative_parts": [*parts, answer.text]}


def _multi(slot: str, answer: Answer, slots: Slots, vocabulary: tuple[str, ...]) -> Slots | None:
    picked = [p for p in slots.get("picked") or [] if p in vocabulary]
    if answer.choice in vocabulary:
        return {"picked": sorted({*picked, answer.choice})}
    if answer.intent == "finished":
        return {slot: picked or placeholder(slot), "picked": []}
    parsed = (
        understand.strands(answer.text)
        if slot == "strands"
        else understand.incident_types(answer.text)
    )
    parsed = [p for p in parsed if p in vocabulary]
    if parsed:
        return {slot: sorted({*picked, *parsed}), "picked": []}
    if picked and yes_no(answer) is False:
        return {slot: picked, "picked": []}
    return None


def _reporter_role(answer: Answer, slots: Slots, now: datetime) -> Slots | None:
    """A role; and an account typed here instead ("a man shouted at me...") is kept as the
    start of the narrative rather than refused."""
    if answer.choice in ("victim", "witness", "third_party"):
        return {"reporter_role": answer.choice}
    role = understand.reporter_role(answer.text) if answer.text else None
    if answer.words < 8:
        return {"reporter_role": role} if role else None
    role = role or understand.extract(answer.text, now).get("reporter_role")
    parts = list(slots.get("narrative_parts") or [])
    return {
        "reporter_role": role or placeholder("reporter_role"),
        "narrative_parts": [*parts, answer.text],
    }


def _occurred(answer: Answer, now: datetime) -> Slots | None:
    if answer.choice in ("today", "yesterday"):
        day = now.date() - timedelta(days=0 if answer.choice == "today" else 1)
        return {"occurred_on": day.isoformat()}
    day, clock = understand.when(answer.text, now) if answer.text else (None, None)
    if day is None:
        return None
    return {"occurred_on": day.isoformat(), "occurred_time": clock}


def _location(answer: Answer) -> Slots | None:
    if answer.choice == "online":
        return {"location": {"text": None, "ward": None, "online": True}}
    if not answer.text:
        return None
    found = understand.location(answer.text)
    if found and (found.get("text") or found.get("online")):
        return {
            "location": {
                "text": found.get("text"),
                "ward": found.get("ward"),
                "online": bool(found.get("online")),
            }
        }
    if len(re.sub(r"[^A-Za-z]", "", answer.text)) >= 3 and yes_no(answer) is None:
        return {"location": {"text": answer.text[:200], "ward": None, "online": False}}
    return None


def _keyword(text: str, table: tuple[tuple[str, str], ...]) -> str | None:
    return next((value for value, pattern in table if re.search(pattern, text, re.I)), None)


def _housing(answer: Answer) -> Slots | None:
    value = answer.choice or _keyword(answer.text, HOUSING_WORDS)
    if value not in ("council", "housing_association", "private_rent", "owner", "other"):
        return None
    updates: Slots = {"housing": value}
    if value == "housing_association" and answer.text:
        name = re.sub(
            r"(?i)\b(it'?s|a|the|with|housing|association|ha)\b|[,.:;-]", " ", answer.text
        ).strip()
        if len(name) >= 3:
            updates["housing_provider"] = " ".join(name.split())[:120]
    return updates


def _anonymous(answer: Answer) -> Slots | None:
    lowered = answer.text.lower()
    method = _keyword(lowered, CONTACT_WORDS[:4]) if lowered else None
    if method:
        return {"anonymous": False, "contact_method": method}
    if answer.intent in ("affirm", "deny"):
        return {"anonymous": answer.intent == "affirm"}
    if re.search(
        r"contact me|not anonymous|give (you )?my|don'?t (want|need) to be anonymous", lowered
    ):
        return {"anonymous": False}
    if "anonym" in lowered:
        return {"anonymous": True}
    said = yes_no(answer)
    return None if said is None else {"anonymous": said}


def _contact_value(answer: Answer, slots: Slots, channel: str) -> Slots | None:
    if answer.choice == "this_number" and channel in ("sms", "whatsapp"):
        return {"contact_value": "this_number"}
    if slots.get("contact_method") == "email":
        found = EMAIL.search(answer.text)
        return {"contact_value": found.group(0)} if found else None
    number = uk_phone(answer.text)
    return {"contact_value": number} if number else None


def _confirm(slot: str, answer: Answer, slots: Slots, now: datetime) -> Slots | None:
    if answer.field and slot == "confirm_summary":
        return {**clear_field(answer.field), "correcting": None}
    said = yes_no(answer) if answer.words <= 4 else None
    fixed = correction(answer.text, slots, now) if answer.text else {}
    if answer.intent == "affirm" or (said is True and answer.intent != "deny"):
        if answer.text and HEDGED.search(answer.text):  # "yes but it was Tuesday"
            return {**fixed, "correcting": None} if fixed else {"correcting": slot}
        return {slot: "yes", "correcting": None}
    if fixed:
        return {**fixed, "correcting": None}
    if answer.intent == "deny" or said is False:
        return {"correcting": slot}
    if slot == "confirm_understanding" and answer.words >= 3:
        note = f"{narrative_text(slots) or ''}\n(Added at read-back: {answer.text})".strip()
        return {"narrative": note[:MAX_NARRATIVE], slot: "corrected", "correcting": None}
    return None


def interpret(slot: str, answer: Answer, slots: Slots, channel: str, now: datetime) -> Slots | None:
    """Slot updates for ``answer`` to the question for ``slot``, or None if not understood."""
    if slot not in ("narrative", "confirm_understanding", "confirm_summary") and is_skip(answer):
        return {slot: placeholder(slot), "picked": []}
    if slot == "narrative":
        return _narrative(answer, slots, now)
    if slot in ("confirm_understanding", "confirm_summary"):
        return _confirm(slot, answer, slots, now)
    if slot in ("strands", "incident_types"):
        return _multi(slot, answer, slots, STRANDS if slot == "strands" else INCIDENT_TYPES)
    if slot == "reporter_role":
        return _reporter_role(answer, slots, now)
    if slot == "occurred_on":
        return _occurred(answer, now)
    if slot == "location":
        return _location(answer)
    if slot == "perpetrator":
        who = (
            answer.choice
            if answer.choice in ("neighbour", "known", "unknown")
            else (understand.perpetrator(answer.text) if answer.text else None)
        )
        return {slot: who} if who else None
    if slot == "housing":
        return _housing(answer)
    if slot in ("housing_provider", "safe_contact_time"):
        value = answer.choice or answer.text
        return {slot: value[: 120 if slot == "housing_provider" else 255]} if value else None
    if slot in ("injured", "ongoing", "share_consent"):
        said = yes_no(answer)
        return None if said is None else {slot: said}
    if slot == "anonymous":
        return _anonymous(answer)
    if slot == "contact_method":
        method = answer.choice or _keyword(answer.text, CONTACT_WORDS)
        return {slot: method} if method in ("phone", "sms", "whatsapp", "email", "none") else None
    if slot == "contact_value":
        return _contact_value(answer, slots, channel)
    return None
