"""From the form's slots to the ``Report`` the case store receives (placeholders become None)."""

from __future__ import annotations

from datetime import date
from typing import Any

from bot.report import Report
from bot.report_form.flow import is_placeholder, landlord_relevant, narrative_text
from bot.taxonomy import CONTACT_METHODS, PERPETRATORS, SAFEGUARDING

Slots = dict[str, Any]


def _real(value: Any) -> Any:
    return None if is_placeholder(value) else value


def _flag(value: Any) -> bool | None:
    return value if isinstance(value, bool) else None


def _list(value: Any) -> list[str]:
    return [v for v in value if isinstance(v, str)] if isinstance(value, list) else []


def _text(value: Any, limit: int) -> str | None:
    value = _real(value)
    return str(value)[:limit] if isinstance(value, str) and value.strip() else None


def to_report(slots: Slots, channel: str = "web", conversation_id: str | None = None,
              urgent: bool = False) -> Report:
    """The Report for these slots. ``urgent``: sent early by a resident in danger."""
    location = slots.get("location") if isinstance(slots.get("location"), dict) else {}
    occurred = _real(slots.get("occurred_on"))
    anonymous = slots.get("anonymous") is not False
    method = _real(slots.get("contact_method")) if not anonymous else None
    reachable = method not in (None, "none")
    perpetrator = slots.get("perpetrator")  # "unknown" here is a stranger, not a skip
    housing = _real(slots.get("housing")) if perpetrator == "neighbour" else None
    third_party = slots.get("reporter_role") == "third_party"
    wishes = _list(slots.get("wishes"))
    report_id = slots.get("report_id")
    return Report(
        channel=channel if channel in ("web", "sms", "whatsapp") else "web",
        conversation_id=conversation_id,
        submission_key=f"{conversation_id}:{report_id}" if conversation_id and report_id else None,
        reporter_role=_real(slots.get("reporter_role")),
        narrative=narrative_text(slots),
        strands=_list(slots.get("strands")),
        faiths=_list(slots.get("faiths")),
        incident_types=_list(slots.get("incident_types")),
        occurred_on=date.fromisoformat(occurred) if isinstance(occurred, str) else None,
        occurred_time=slots.get("occurred_time") if occurred else None,
        ongoing=_flag(slots.get("ongoing")),
        location_text=location.get("text"),
        location_ward=location.get("ward"),
        location_online=bool(location.get("online")),
        perpetrator=perpetrator if perpetrator in PERPETRATORS else None,
        housing=housing,
        housing_provider=_real(slots.get("housing_provider")) if housing else None,
        injured=_flag(slots.get("injured")),
        danger_now=bool(slots.get("danger_now")),
        urgent=urgent,
        subject_knows=_flag(slots.get("subject_knows")) if third_party else None,
        subject_agrees=_flag(slots.get("subject_agrees")) if third_party else None,
        subject_contact=_text(slots.get("subject_contact"), 255) if third_party else None,
        safeguarding=slots.get("safeguarding") if slots.get("safeguarding") in SAFEGUARDING
        else None,
        wishes=wishes,
        wishes_text=_text(slots.get("wishes_text"), 1000),
        support_wanted=_flag(slots.get("consent_support")),
        feels_safe_home=_flag(slots.get("feels_safe")),
        access_needs=_list(slots.get("access_needs")) if not anonymous else [],
        access_language=_text(slots.get("access_language"), 64) if not anonymous else None,
        access_other=_text(slots.get("access_other"), 255) if not anonymous else None,
        anonymous=anonymous,
        contact_method=method if method in CONTACT_METHODS else None,
        contact_value=_real(slots.get("contact_value")) if reachable else None,
        contact_name=_text(slots.get("contact_name"), 120) if method == "phone" else None,
        voicemail_ok=_flag(slots.get("voicemail_ok")) if method == "phone" else None,
        safe_contact_time=_real(slots.get("safe_contact_time")) if reachable else None,
        consent_police=_flag(slots.get("consent_police")),
        consent_support=_flag(slots.get("consent_support")),
        consent_landlord=_flag(slots.get("consent_landlord")) if landlord_relevant(slots)
        else None,
    )
