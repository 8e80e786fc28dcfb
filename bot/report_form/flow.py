"""Which form questions are still needed, pre-filling from the account, and the final Report.

Slots hold plain JSON values. A skipped question holds a placeholder so the form never asks it
again: ``"unknown"`` everywhere except ``perpetrator``, where "unknown" already means a stranger.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from bot.report import Report
from bot.taxonomy import CONTACT_METHODS, PERPETRATORS, UNKNOWN

SKIPPED_PERPETRATOR = "not_said"
# Slots the user never answers directly (internal bookkeeping of the form).
INTERNAL_SLOTS = (
    "narrative_parts",
    "picked",
    "attempts",
    "occurred_time",
    "danger_now",
    "questions_said",
)
READ_BACK_SKIPPED = "not_needed"
Slots = dict[str, Any]


def placeholder(slot: str) -> str:
    """What a skipped ``slot`` is filled with."""
    return SKIPPED_PERPETRATOR if slot == "perpetrator" else UNKNOWN


def is_placeholder(value: Any) -> bool:
    return value in (UNKNOWN, SKIPPED_PERPETRATOR, READ_BACK_SKIPPED)


def known(value: Any) -> bool:
    """True when a slot holds a real answer (not empty, not skipped)."""
    return value is not None and not is_placeholder(value) and value != []


def required_slots(slots: Slots) -> list[str]:
    """The form's questions in order, given what is known so far (branches included)."""
    required = ["reporter_role", "narrative", "confirm_understanding", "strands", "incident_types"]
    required += ["occurred_on", "location", "perpetrator"]
    if slots.get("perpetrator") == "neighbour":
        required.append("housing")
        if slots.get("housing") == "housing_association":
            required.append("housing_provider")
    types = slots.get("incident_types")
    if (
        not isinstance(types, list)
        or "physical_assault" in types
        or slots.get("injured") is not None
    ):
        required.append("injured")
    required += ["ongoing", "anonymous"]
    if slots.get("anonymous") is False:
        required.append("contact_method")
        if slots.get("contact_method") in ("phone", "sms", "whatsapp", "email"):
            required += ["contact_value", "safe_contact_time"]
    required += ["share_consent", "confirm_summary"]
    return required


def missing_slots(slots: Slots) -> list[str]:
    return [s for s in required_slots(slots) if slots.get(s) is None]


COUNTED_SKIP = {"reporter_role", "narrative", "confirm_understanding", "confirm_summary"}
# Answers that would close (first value) or open (second value) a branch not yet decided.
BRANCHES = (
    ("perpetrator", "unknown", "neighbour"),
    ("housing", "council", "housing_association"),
    ("anonymous", True, False),
    ("contact_method", "none", "phone"),
    ("incident_types", [], ["physical_assault"]),
)


def questions_left(slots: Slots, branches_open: bool = False) -> int:
    """How many ordinary questions remain (the read-back and final check are not counted).

    Branches the answers so far already open are counted. Undecided ones (who did it, anonymous
    or not...) are counted closed, or open with ``branches_open`` (the most there can be left).
    """
    assumed = dict(slots)
    for slot, closed, opened in BRANCHES:
        if assumed.get(slot) is None:
            assumed[slot] = opened if branches_open else closed
    return len(
        [s for s in required_slots(assumed) if slots.get(s) is None and s not in COUNTED_SKIP]
    )


def prefill(slots: Slots, found: dict[str, Any]) -> Slots:
    """Slot updates from ``extract()`` output: only for slots nobody has answered yet."""
    updates: Slots = {}

    def offer(slot: str, value: Any) -> None:
        if slots.get(slot) is None and value not in (None, [], ""):
            updates[slot] = value

    offer("reporter_role", found.get("reporter_role"))
    offer("strands", list(found.get("strands") or []))
    offer("incident_types", list(found.get("incident_types") or []))
    offer("occurred_on", found.get("occurred_on"))
    if "occurred_on" in updates and found.get("occurred_time"):
        updates["occurred_time"] = found["occurred_time"]
    offer("ongoing", found.get("ongoing"))
    location = found.get("location") or {}
    if location.get("text") or location.get("online"):
        offer(
            "location",
            {
                "text": location.get("text"),
                "ward": location.get("ward"),
                "online": bool(location.get("online")),
            },
        )
    offer("perpetrator", found.get("perpetrator"))
    offer("injured", found.get("injured"))
    if found.get("danger_now"):
        updates["danger_now"] = True
    return updates


def _real(value: Any) -> Any:
    return None if is_placeholder(value) else value


def _flag(value: Any) -> bool | None:
    return value if isinstance(value, bool) else None


def narrative_text(slots: Slots) -> str | None:
    """The whole account: the finished narrative, or whatever parts were told so far."""
    if known(slots.get("narrative")):
        return str(slots["narrative"])
    parts = [p for p in slots.get("narrative_parts") or [] if p]
    return "\n".join(parts) or None


def to_report(slots: Slots, channel: str = "web", conversation_id: str | None = None) -> Report:
    """The Report the case store receives; placeholders become ``None`` (not said)."""
    location = slots.get("location") if isinstance(slots.get("location"), dict) else {}
    occurred = _real(slots.get("occurred_on"))
    anonymous = slots.get("anonymous") is not False
    method = _real(slots.get("contact_method")) if not anonymous else None
    perpetrator = slots.get("perpetrator")  # "unknown" here is a stranger, not a skip
    housing = _real(slots.get("housing")) if perpetrator == "neighbour" else None
    return Report(
        channel=channel if channel in ("web", "sms", "whatsapp") else "web",
        conversation_id=conversation_id,
        reporter_role=_real(slots.get("reporter_role")),
        narrative=narrative_text(slots),
        strands=_list(slots.get("strands")),
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
        anonymous=anonymous,
        contact_method=method if method in CONTACT_METHODS else None,
        contact_value=_real(slots.get("contact_value")) if method not in (None, "none") else None,
        safe_contact_time=_real(slots.get("safe_contact_time"))
        if method not in (None, "none")
        else None,
        share_consent=slots.get("share_consent") is True,
    )


def _list(value: Any) -> list[str]:
    return [v for v in value if isinstance(v, str)] if isinstance(value, list) else []
