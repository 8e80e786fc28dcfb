"""The consent-gated referral packet, audited as it is produced (JSON or printed HTML)."""

from __future__ import annotations

from typing import Any

from sqlalchemy.orm import Session

from bot import audit, workflow
from bot.models import Case, Officer
from bot.perpetrators import council_tenant_linked
from bot.referral import build_packet
from bot.settings import Settings


def referral_packet(session: Session, officer: Officer, case: Case, to: str, settings: Settings,
                    fmt: str = "json") -> dict[str, Any]:
    """The packet for partner ``to``; NoConsent (nothing recorded) without the resident's
    consent to share. ``fmt`` is recorded in the audit event (``json`` or ``html``)."""
    workflow.check_can_work(officer, case)
    packet = build_packet(case, to, officer, settings,
                          perpetrator_council_tenant=council_tenant_linked(session, case))
    audit.record(session, officer.username, "case.referral_packet", case.reference,
                 {"to": to, "format": fmt})
    session.commit()
    return packet
