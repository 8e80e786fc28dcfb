"""Opt-outs keyed by a keyed hash of the number: matchable, never readable.

One record per number across SMS and WhatsApp (stricter is safer): after STOP on either channel
nothing is sent to that number until START/UNSTOP/YES.
"""

from __future__ import annotations

from sqlalchemy.orm import Session

from bot.crypto import pseudonym
from bot.models import OptOut, utcnow


def normalise_number(raw: str) -> str:
    """E.164, as Twilio sends and expects it: ``whatsapp:+44 7xxx xxxxxx``, ``07xxx xxxxxx`` and
    ``0044 7700 900123`` all become ``+447700900123`` (a resident types UK national numbers), so
    an opt-out from a number matches an officer's message to it however it was written."""
    value = (raw or "").strip()
    if value.lower().startswith("whatsapp:"):
        value = value.split(":", 1)[1]
    plus = value.startswith("+")
    digits = "".join(ch for ch in value if ch.isdigit())
    if plus:
        return "+" + digits
    if digits.startswith("00"):
        return "+" + digits[2:]
    if digits.startswith("0") and len(digits) == 11:
        return "+44" + digits[1:]
    if digits.startswith("44") and len(digits) == 12:
        return "+" + digits
    return digits


def number_hash(number: str) -> str:
    return pseudonym(normalise_number(number), "optout")


def is_opted_out(session: Session, number: str) -> bool:
    row = session.get(OptOut, number_hash(number))
    return bool(row and row.opted_out)


def set_opted_out(session: Session, number: str, opted_out: bool) -> None:
    """Record STOP (True) or START (False); the caller commits."""
    key = number_hash(number)
    row = session.get(OptOut, key)
    if row is None:
        session.add(OptOut(number_hash=key, opted_out=opted_out, updated_at=utcnow()))
    else:
        row.opted_out = opted_out
        row.updated_at = utcnow()
