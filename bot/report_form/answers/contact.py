"""Reading answers about contact: anonymous or not, the method, the details, when it is safe
(and, for a call, whether a voicemail is), and a name to ask for."""

from __future__ import annotations

import re

from bot.report_form.answers.common import Answer, Slots, keyword, yes_no

EMAIL = re.compile(r"[A-Za-z0-9._%+'-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}")
PHONE_CHARS = re.compile(r"[\s().-]")
CONTACT_WORDS = (
    ("whatsapp", r"whats ?app"),
    ("sms", r"\btext|\bsms"),
    ("email", r"e-?mail"),
    ("phone", r"phone|call|ring"),
    ("none", r"don'?t|do not|no contact|none|never"),
)
NO_VOICEMAIL = re.compile(r"\b(no|not|don'?t|never|without)\b[^.]{0,20}\b(voice ?mail|message|"
                          r"answer ?phone|vm)\b|\b(voice ?mail|message)s? (is|are)n'?t\b", re.I)
VOICEMAIL_OK = re.compile(r"\b(voice ?mail|message|answer ?phone|vm)\b", re.I)
TIME_BUTTONS = {"any_time_voicemail": ("any time", True), "any_time_no_voicemail": ("any time",
                                                                                     False)}


def uk_phone(text: str) -> str | None:
    """A UK phone number in a canonical form, or None ('+44 7xxx xxxxxx' -> '07xxxxxxxxx')."""
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


# UK mobiles: 071-075, 077-079 and the Isle of Man's 07624. Not 070 (personal numbers that
# forward anywhere, at a premium), 076 (pagers), 084/087/09 (charged to the council per text).
UK_MOBILE = re.compile(r"07(?:[1-57-9]\d{8}|624\d{6})")
# Numbers an officer's call would pay a premium for (or that forward anywhere): never taken.
PREMIUM = re.compile(r"0(?:70|84|87|9)")
TEXT_METHODS = ("sms", "whatsapp")


def uk_mobile(text: str) -> str | None:
    """A UK mobile number as 07xxxxxxxxx, or None (landlines and premium numbers too)."""
    number = uk_phone(text)
    return number if number and UK_MOBILE.fullmatch(number) else None


def uk_callable(text: str) -> str | None:
    """A UK number to phone: a landline, a mobile or 03/0800, never a premium-rate number."""
    number = uk_phone(text)
    return number if number and not PREMIUM.match(number) else None


def anonymous(answer: Answer) -> Slots | None:
    lowered = answer.text.lower()
    method = keyword(lowered, CONTACT_WORDS[:4]) if lowered else None
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


def contact_method(answer: Answer) -> Slots | None:
    method = answer.choice or keyword(answer.text, CONTACT_WORDS)
    if method in ("phone", "sms", "whatsapp", "email", "none"):
        return {"contact_method": method}
    return None


def contact_value(answer: Answer, slots: Slots, channel: str) -> Slots | None:
    if answer.choice == "this_number" and channel in ("sms", "whatsapp"):
        return {"contact_value": "this_number"}
    if slots.get("contact_method") == "email":
        found = EMAIL.search(answer.text)
        return {"contact_value": found.group(0)} if found else None
    # A text or WhatsApp message can only go to a mobile (and never at a premium rate).
    read = uk_mobile if slots.get("contact_method") in TEXT_METHODS else uk_callable
    number = read(answer.text)
    return {"contact_value": number} if number else None


def contact_name(answer: Answer) -> Slots | None:
    name = re.sub(r"(?i)^(ask for|it'?s|my name is|call me|i'?m)\s+", "", answer.text).strip()
    return {"contact_name": name[:120]} if name else None


def safe_contact_time(answer: Answer, slots: Slots) -> Slots | None:
    """When it is safe; for a phone call, whether a voicemail is safe too (said or not)."""
    if answer.choice in TIME_BUTTONS:
        time, voicemail = TIME_BUTTONS[answer.choice]
        return {"safe_contact_time": time, "voicemail_ok": voicemail}
    value = answer.choice or answer.text
    if not value:
        return None
    updates: Slots = {"safe_contact_time": value[:255]}
    if slots.get("contact_method") == "phone" and answer.text:
        if NO_VOICEMAIL.search(answer.text):
            updates["voicemail_ok"] = False
        elif VOICEMAIL_OK.search(answer.text):
            updates["voicemail_ok"] = True
    return updates
