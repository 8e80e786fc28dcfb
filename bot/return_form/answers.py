"""Reading answers in the coming-back form (the reference, the code, what they came for, the
diary entry and the feedback). Checking the code is the action's job (it needs the database)."""

from __future__ import annotations

import re
from datetime import datetime
from typing import Any

from bot.references import ALPHABET, LENGTH
from bot.report_form import understand
from bot.report_form.answers import facts
from bot.report_form.answers.common import Answer, is_skip, yes_no
from bot.report_form.flow import placeholder
from bot.returning.feedback import parse_rating

Slots = dict[str, Any]
# "HF-7K3M9Q", "hf 7k3m9q", "HF7K3M9Q": the council's prefix, then the reference alphabet.
def _reference_pattern() -> re.Pattern[str]:
    from bot.settings import get_settings

    prefix = re.escape(get_settings().reference_prefix)
    return re.compile(rf"(?<![\w-])({prefix})[- ]?([{ALPHABET}]{{{LENGTH}}})(?![\w-])", re.I)
PURPOSE_WORDS = (("add", r"\badd|again|another|diary|more\b"),
                 ("status", r"happening|update|status|progress|news|what'?s going on"),
                 ("feedback", r"feedback|rate|how (you|we) did|complain"))
FINISHED = re.compile(r"^(no|nope|nothing( else| more)?|that'?s (it|all|everything)|done)\W*$",
                      re.I)


def find_reference(text: str) -> str | None:
    found = _reference_pattern().search(text or "")
    return f"{found.group(1)}-{found.group(2)}".upper() if found else None


def _diary(answer: Answer, slots: Slots, now: datetime) -> Slots | None:
    parts = list(slots.get("diary_parts") or [])
    if answer.intent == "finished" or (parts and FINISHED.match(answer.text)):
        text = "\n".join(parts)
        if not text:
            return None
        found = understand.extract(text, now)
        return {"diary_narrative": text[:20000], "diary_found": {
            k: found.get(k) for k in ("occurred_on", "occurred_time", "location",
                                      "incident_types", "strands", "perpetrator")}}
    if not answer.text:
        return None
    if parts and understand.is_repeat(answer.text, parts):
        return _diary(Answer(text="", intent="finished"), slots, now)
    return {"diary_parts": [*parts, answer.text[:20000]]}


def interpret(slot: str, answer: Answer, slots: Slots, channel: str,
              now: datetime) -> Slots | None:
    if slot == "return_reference":
        ref = find_reference(answer.choice or answer.text)
        return {"return_reference": ref} if ref else None
    if slot == "return_code":
        digits = "".join(ch for ch in answer.text if ch.isdigit())
        return {"return_code": digits} if digits else None
    if slot == "return_purpose":
        if answer.choice in ("add", "status", "feedback"):
            return {"return_purpose": answer.choice}
        chosen = next((p for p, rx in PURPOSE_WORDS if re.search(rx, answer.text, re.I)), None)
        return {"return_purpose": chosen} if chosen else None
    if slot == "diary_narrative":
        return _diary(answer, slots, now)
    if slot == "diary_confirm":
        said = yes_no(answer)
        return None if said is None else {"diary_confirm": "yes" if said else "no"}
    if slot in ("diary_occurred_on", "diary_location"):
        if is_skip(answer):
            return {slot: placeholder(slot)}
        found = facts.occurred(answer, now) if slot == "diary_occurred_on" \
            else facts.location(answer)
        if not found:
            return None
        if slot == "diary_occurred_on":
            return {"diary_occurred_on": found["occurred_on"],
                    "diary_occurred_time": found.get("occurred_time")}
        return {"diary_location": found["location"]}
    if slot == "feedback_rating":
        if is_skip(answer):
            return {"feedback_rating": placeholder(slot)}
        rated = parse_rating(answer.choice or answer.text)
        if rated is None:
            return None
        rating, why = rated
        return {"feedback_rating": rating, **({"feedback_comment": why} if why else {})}
    if slot == "feedback_comment":
        if is_skip(answer):
            return {"feedback_comment": placeholder(slot)}
        return {"feedback_comment": answer.text[:2000]} if answer.text else None
    return None
