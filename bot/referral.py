"""Referral packets: the case as a partner needs it, so the resident never has to retell it.

A packet holds only what the resident consented to share: nothing at all without
``share_consent``; no contact details when they chose to stay anonymous; never the council's
internal notes, actions or audit trail. Each partner gets only the parts it needs (data
minimisation): housing details go to the housing provider, police and CMARAC only.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from bot.models import Case, Officer
from bot.settings import Settings
from bot.taxonomy import INCIDENT_LABELS, STRAND_LABELS
from bot.workflow import REFERRALS

NEEDS_HOUSING = frozenset({"police", "cmarac", "housing_provider"})
CONSENT_STATEMENT = (
    "The resident agreed that the council may share this report with the police and partner "
    "services so that they do not have to tell it again."
)


class NoConsent(Exception):
    """The resident did not consent to sharing their report."""


def check_consent(case: Case) -> None:
    if not case.share_consent:
        raise NoConsent(
            "The resident did not consent to sharing this report with the police or partner "
            "services, so no referral packet can be produced. Ask them first."
        )


def build_packet(case: Case, recipient: str, prepared_by: Officer, settings: Settings,
                 now: datetime | None = None,
                 perpetrator_council_tenant: bool = False) -> dict[str, Any]:
    """The packet for ``recipient`` (a key of ``REFERRALS``); raises NoConsent without consent.
    ``perpetrator_council_tenant`` (a linked perpetrator record says so) goes only where housing
    details go."""
    check_consent(case)
    if recipient not in REFERRALS:
        raise ValueError(f"unknown recipient {recipient!r}")
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
        "consent": CONSENT_STATEMENT,
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
        "resident_contact": None,
    }
    if not case.anonymous and case.contact_method not in (None, "none"):
        packet["resident_contact"] = {
            "method": case.contact_method,
            "value": case.contact_value,
            "safe_time": case.safe_contact_time,
        }
    return packet
