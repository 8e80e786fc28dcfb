"""Reading answers about what happened: the account (over several messages), the role, the
facts, and the read-back and final check (yes, no, or a correction in their own words)."""

from __future__ import annotations

import re
from datetime import datetime, timedelta

from bot import safeguarding
from bot.report_form import understand
from bot.report_form.answers.common import HEDGED, Answer, Slots, keyword, yes_no
from bot.report_form.corrections import clear_field, correction
from bot.report_form.flow import READ_BACK_SKIPPED, narrative_text, placeholder, prefill

MAX_NARRATIVE = 20000
FINISHED_WORDS = re.compile(
    r"^(no|nope|nothing( else| more)?|that'?s (it|all|everything)|all done|done)\W*$", re.I
)
HOUSING_WORDS = (
    (
        "housing_association",
        r"housing assoc|\bh\.?a\b|association|peabody|genesis|clarion|l&q|notting hill",
    ),
    ("council", r"council"),
    ("private_rent", r"privat|landlord|\brent"),
    ("owner", r"\bown\b|owner|mortgage|bought"),
)


def finish_narrative(slots: Slots, now: datetime) -> Slots:
    """The account is complete: store it whole, run extraction and pre-fill what it found."""
    text = narrative_text(slots)
    if not text:
        return {"narrative": placeholder("narrative"), "confirm_understanding": READ_BACK_SKIPPED}
    updates: Slots = {"narrative": text[:MAX_NARRATIVE]}
    updates.update(prefill(slots, understand.extract(text, now)))
    concern = safeguarding.assess(None, text)
    if concern.kind and slots.get("safeguarding") is None:  # said in the account: not asked
        updates["safeguarding"] = concern.kind
    found = set(updates) - {"narrative", "danger_now", "reporter_role"}
    if not found:
        updates["confirm_understanding"] = READ_BACK_SKIPPED
    return updates


def narrative(answer: Answer, slots: Slots, now: datetime) -> Slots | None:
    parts = list(slots.get("narrative_parts") or [])
    if answer.intent == "finished" or (parts and FINISHED_WORDS.match(answer.text)):
        return finish_narrative(slots, now)
    if not answer.text:
        return None
    if parts and answer.words <= 3 and yes_no(answer) is True:
        return {"narrative_parts": parts}  # "yes" (there is more): wait for it
    if parts and understand.is_repeat(answer.text, parts):
        return finish_narrative(slots, now)  # the same account again: it is all there
    if sum(len(p) for p in parts) + len(answer.text) > MAX_NARRATIVE:
        return {"narrative_parts": parts, **finish_narrative(slots, now)}
    return {"narrative_parts": [*parts, answer.text]}


def several(slot: str, answer: Answer, slots: Slots, vocabulary: tuple[str, ...]) -> Slots | None:
    """Strands or incident types: buttons add one at a time (then Done), text gives several."""
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


def reporter_role(answer: Answer, slots: Slots, now: datetime) -> Slots | None:
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


def occurred(answer: Answer, now: datetime) -> Slots | None:
    if answer.choice in ("today", "yesterday"):
        day = now.date() - timedelta(days=0 if answer.choice == "today" else 1)
        return {"occurred_on": day.isoformat()}
    day, clock = understand.when(answer.text, now) if answer.text else (None, None)
    if day is None:
        return None
    return {"occurred_on": day.isoformat(), "occurred_time": clock}


def location(answer: Answer) -> Slots | None:
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


def perpetrator(answer: Answer) -> Slots | None:
    who = (
        answer.choice
        if answer.choice in ("neighbour", "known", "unknown")
        else (understand.perpetrator(answer.text) if answer.text else None)
    )
    return {"perpetrator": who} if who else None


def housing(answer: Answer) -> Slots | None:
    value = answer.choice or keyword(answer.text, HOUSING_WORDS)
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


def confirm(slot: str, answer: Answer, slots: Slots, now: datetime) -> Slots | None:
    """The read-back or the final check: yes, no (then what to change), or a correction."""
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
