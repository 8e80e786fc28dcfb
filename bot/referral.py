"""Referral packets: the case as a partner needs it, so the resident never has to retell it.

A packet holds only what the resident consented to share with that partner: the police, support
services and the landlord are separate choices (bot/consent.py), and a high-risk case may go to
CMARAC without consent (the packet says so). No contact details when they chose to stay
anonymous; never the council's internal notes, actions or audit trail. Each partner gets only
the parts it needs (data minimisation): housing details go to the housing provider, police and
CMARAC only. What matters to the resident (wishes, access needs, safe contact) travels with it,
so nobody phones to ask again.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from bot.consent import basis
from bot.models import Case, Officer
from bot.settings import Settings
from bot.taxonomy import INCIDENT_LABELS, STRAND_LABELS
from bot.workflow import REFERRALS

NEEDS_HOUSING = frozenset({"police", "cmarac", "housing_provider"})


class NoConsent(Exception):
    """The resident did not consent to sharing their report with this recipient."""


def check_consent(case: Case, recipient: str = "police") -> str:
    """The basis for sharing with ``recipient`` (raises NoConsent with the reason)."""
    found = basis(case, recipient)
    if not found.allowed:
        raise NoConsent(found.reason + " No referral packet can be produced.")
    return found.reason


def needs_of(case: Case) -> dict[str, Any]:
    """What matters to the resident, so the partner does not have to ask again."""
    return {
        "wishes": list(case.wishes or []),
        "in_their_words": case.wishes_text,
        "support_wanted": case.support_wanted,
        "feels_safe_at_home": case.feels_safe_home,
        "access_needs": list(case.access_needs or []),
        "language": case.access_language,
        "access_other": case.access_other,
    }


def diary_of(case: Case) -> list[dict[str, Any]]:
    """Further incidents the resident added (the diary sheet), within the same consent."""
    from sqlalchemy.orm import object_session

    from bot.returning.diary import entries, entry_dict

    session = object_session(case)
    return [entry_dict(e) for e in entries(session, case)] if session is not None else []


def subject_of(case: Case) -> dict[str, Any] | None:
    """The person it happened to (third-party reports); their contact only if they agreed."""
    if case.reporter_role != "third_party":
        return None
    return {"knows": case.subject_knows, "agrees_to_contact": case.subject_agrees,
            "contact": case.subject_contact if case.subject_agrees else None}


def build_packet(case: Case, recipient: str, prepared_by: Officer, settings: Settings,
                 now: datetime | None = None,
                 perpetrator_council_tenant: bool = False) -> dict[str, Any]:
    """The packet for ``recipient`` (a key of ``REFERRALS``); raises NoConsent without consent.
    ``perpetrator_council_tenant`` (a linked perpetrator record says so) goes only where housing
    details go."""
    if recipient not in REFERRALS:
        raise ValueError(f"unknown recipient {recipient!r}")
    statement = check_consent(case, recipient)
    packet: dict[str, Any] = {
        "reference": case.reference,
        "recipient": {"key": recipient, "name": REFERRALS[recipient]},
        "prepared_at": (now or datetime.now(UTC)),
        "prepared_by": {
            "name": prepared_by.display_name or prepared_by.username,
            "email": prepared_by.email,
            "phone": prepared_by.phone,
            "organisation": settings.council_name,
        },
        "consent": statement,
        "consent_choices": {"police": case.consent_police, "support": case.consent_support,
                            "landlord": case.consent_landlord},
        "reported_at": case.created_at,
        "channel": case.channel,
        "reporter_role": case.reporter_role,
        "account": case.narrative,
        "hostility": [STRAND_LABELS.get(s, s) for s in case.strands or []],
        "incident_types": [INCIDENT_LABELS.get(t, t) for t in case.incident_types or []],
        "occurred_on": case.occurred_on,
        "occurred_time": case.occurred_time,
        "ongoing": case.ongoing,
        "location": {"text": case.location_text, "ward": case.location_ward,
                     "online": bool(case.location_online)},
        "perpetrator": case.perpetrator,
        "injured": case.injured,
        "risk": {"level": case.risk_level, "reasons": list(case.risk_reasons or [])},
        "housing": (
            {"tenure": case.housing, "provider": case.housing_provider,
             "perpetrator_council_tenant": bool(perpetrator_council_tenant)}
            if recipient in NEEDS_HOUSING else None
        ),
        "anonymous": bool(case.anonymous),
        "urgent": bool(case.urgent),
        "needs": needs_of(case),
        "diary": diary_of(case),
        "subject": subject_of(case),
        "safeguarding": {"concern": case.safeguarding,
                         "reasons": list(case.safeguarding_reasons or [])},
        "resident_contact": None,
    }
    if not case.anonymous and case.contact_method not in (None, "none"):
        packet["resident_contact"] = {
            "method": case.contact_method,
            "value": case.contact_value,
            "safe_time": case.safe_contact_time,
            "name": case.contact_name,
            "voicemail_ok": case.voicemail_ok,
        }
    return packet
