"""Which form questions are still needed, pre-filling from the account, and the final Report.

Slots hold plain JSON values. A skipped question holds a placeholder so the form never asks it
again: ``"unknown"`` everywhere except ``perpetrator``, where "unknown" already means a stranger.
The order is victim-centred: what happened, the person it happened to (third parties), what
would help, how to make contact, and only then who may see the report.
"""

from __future__ import annotations

from typing import Any

from bot.taxonomy import LANDLORD_TENURES, UNKNOWN

SKIPPED_PERPETRATOR = "not_said"
# Slots the user never answers directly (internal bookkeeping of the form).
INTERNAL_SLOTS = (
    "narrative_parts",
    "picked",
    "attempts",
    "occurred_time",
    "danger_now",
    "danger_said",
    "questions_said",
    "paused",
    "report_id",
    "wishes_text",
    "voicemail_ok",
    "access_other",
)
READ_BACK_SKIPPED = "not_needed"
CONTACTABLE = ("phone", "sms", "whatsapp", "email")
Slots = dict[str, Any]


def placeholder(slot: str) -> str:
    """What a skipped ``slot`` is filled with."""
    return SKIPPED_PERPETRATOR if slot == "perpetrator" else UNKNOWN


def is_placeholder(value: Any) -> bool:
    return value in (UNKNOWN, SKIPPED_PERPETRATOR, READ_BACK_SKIPPED)


def known(value: Any) -> bool:
    """True when a slot holds a real answer (not empty, not skipped)."""
    return value is not None and not is_placeholder(value) and value != []


def landlord_relevant(slots: Slots) -> bool:
    """A neighbour who rents: their landlord can act on the tenancy."""
    return slots.get("perpetrator") == "neighbour" and slots.get("housing") in LANDLORD_TENURES


def _home_matters(slots: Slots) -> bool:
    """Whether to ask 'do you feel safe where you live': the person knows where they live."""
    return slots.get("perpetrator") in ("neighbour", "known") or slots.get("ongoing") is True


def _facts(slots: Slots) -> list[str]:
    required = ["reporter_role", "narrative", "confirm_understanding", "strands"]
    strands = slots.get("strands")
    if isinstance(strands, list) and "religion" in strands:
        required.append("faiths")  # which faith decides the specialist support (Tell MAMA, CST)
    required += ["incident_types", "occurred_on", "location", "perpetrator"]
    if slots.get("perpetrator") == "neighbour":
        required.append("housing")
        if slots.get("housing") == "housing_association":
            required.append("housing_provider")
    types = slots.get("incident_types")
    assault = not isinstance(types, list) or "physical_assault" in types
    if assault or slots.get("injured") is not None:
        required.append("injured")
    if slots.get("reporter_role") != "witness":  # a witness can't say if it happened before
        required.append("ongoing")
    return required


def _the_person(slots: Slots) -> list[str]:
    """Third-party reports: does the person know, may we contact them, how, and safeguarding."""
    if slots.get("reporter_role") != "third_party":
        return []
    required = ["subject_knows"]
    if slots.get("subject_knows") is True:
        required.append("subject_agrees")
        if slots.get("subject_agrees") is True:
            required.append("subject_contact")
    required.append("safeguarding")
    return required


def _what_matters(slots: Slots) -> list[str]:
    if slots.get("reporter_role") == "witness":
        return []
    return ["wishes", "feels_safe"] if _home_matters(slots) else ["wishes"]


def _contact(slots: Slots) -> list[str]:
    required = ["anonymous"]
    if slots.get("anonymous") is not False:
        return required
    required.append("contact_method")
    method = slots.get("contact_method")
    if method in CONTACTABLE:
        required.append("contact_value")
        if method == "phone":
            required.append("contact_name")
        required.append("safe_contact_time")
    required.append("access_needs")
    needs = slots.get("access_needs")
    if isinstance(needs, list) and "interpreter" in needs:
        required.append("access_language")
    return required


def _sharing(slots: Slots) -> list[str]:
    required = ["consent_police"]
    # Support services need a way to reach the person: contact details, or the person's own.
    if slots.get("anonymous") is False or known(slots.get("subject_contact")):
        required.append("consent_support")
    if landlord_relevant(slots):
        required.append("consent_landlord")
    return required


def required_slots(slots: Slots) -> list[str]:
    """The form's questions in order, given what is known so far (branches included)."""
    return [*_facts(slots), *_the_person(slots), *_what_matters(slots), *_contact(slots),
            *_sharing(slots), "confirm_summary"]


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
    ("subject_knows", False, True),
    ("subject_agrees", False, True),
    ("access_needs", [], ["interpreter"]),
    ("ongoing", False, True),
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
    offer("faiths", list(found.get("faiths") or []))
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


def narrative_text(slots: Slots) -> str | None:
    """The whole account: the finished narrative, or whatever parts were told so far, and
    anything said in danger at another question (so a report sent early carries it)."""
    if known(slots.get("narrative")):
        text = str(slots["narrative"])
    else:
        text = "\n".join(p for p in slots.get("narrative_parts") or [] if p)
    extra = [d for d in slots.get("danger_said") or [] if d and d not in text]
    return "\n".join(p for p in (text, *extra) if p) or None


def has_account(slots: Slots) -> bool:
    """Whether the resident has told us anything worth keeping (stop then asks first)."""
    return bool(narrative_text(slots)) or any(
        known(slots.get(s)) for s in ("strands", "incident_types", "occurred_on", "location")
    )
