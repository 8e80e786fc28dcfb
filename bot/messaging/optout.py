"""Opt-outs keyed by a keyed hash of the number: matchable, never readable.

One record per number across SMS and WhatsApp (stricter is safer): after STOP on either channel
nothing is sent to that number until START/UNSTOP/YES.
"""

from __future__ import annotations

from sqlalchemy.orm import Session

from bot.crypto import pseudonym
from bot.models import OptOut, utcnow


def normalise_number(raw: str) -> str:
    """``whatsapp:+44 7700 900123`` → ``+447700900123`` (Twilio sends E.164)."""
    value = (raw or "").strip()
    if value.lower().startswith("whatsapp:"):
        value = value.split(":", 1)[1]
    return "".join(ch for ch in value if ch.isdigit() or ch == "+")


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
