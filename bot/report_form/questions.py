"""Every question the form asks: its words, its buttons and what the gateway should expect.

The words depend on state (first or later narrative message, the read-back, the contact method,
the channel), so they are built here from slot values rather than fixed in the domain.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from bot.report_form.flow import COUNTED_SKIP, questions_left
from bot.report_form.readback import read_back, summary
from bot.taxonomy import INCIDENT_LABELS, STRAND_LABELS

Slots = dict[str, Any]
SKIP = ("Skip", "/skip")


def choose(value: str) -> str:
    """A button payload in Rasa intent syntax."""
    return "/choose" + json.dumps({"choice": value})


def correct(field_name: str) -> str:
    return "/correct" + json.dumps({"field": field_name})


@dataclass
class Question:
    slot: str
    text: str
    kind: str = "text"
    buttons: list[tuple[str, str]] = field(default_factory=list)
    said_left: int | None = None  # "N questions left" said now (kept so it never goes up)

    @property
    def custom(self) -> dict[str, Any]:
        expects_slot = "housing" if self.slot == "housing_provider" else self.slot
        return {"expects": {"slot": expects_slot, "kind": self.kind}}


RETRY_HINTS = {
    "reporter_role": "You can say 'it happened to me', 'I saw it' or 'for someone else'.",
    "strands": "You can type a few words, like 'race' or 'my religion', or tap a button.",
    "incident_types": "You can type a few words, like 'shouting' or 'threats', or tap a button.",
    "occurred_on": "A day or date is fine, like 'last Friday' or '3 March'.",
    "location": "A street, a place, or 'online' is fine.",
    "perpetrator": "You can say a neighbour, someone known, or a stranger.",
    "housing": "You can say council, housing association, renting privately or owner.",
    "contact_method": "You can say phone, text, WhatsApp or email, or 'don't contact me'.",
    "confirm_understanding": (
        "Tell me what to change, like 'it was on Tuesday' or 'it was on King Street'."
    ),
}
SEND = ("Yes, send it", "/affirm")
CHANGE = ("Change something", "/deny")
STOP = ("Stop, don't send", "/stop")
# After an unclear answer at the final check: never sent without a yes, never the same words
# twice in a row, and a person to talk to.
SUMMARY_RETRIES = (
    "Sorry, I didn't quite get that. Shall I send your report as it is, or change something first?",
    "Sorry, that's my fault. I won't send anything until you say so: send it, change "
    "something, or stop?",
    "I've kept all your answers, nothing is lost. If you'd rather talk to a person, Stop Hate "
    "UK is there 24/7 on 0800 138 1625. Or tap a button when you're ready.",
)
CONTACT_BUTTONS = [
    ("Phone call", choose("phone")),
    ("Text message", choose("sms")),
    ("WhatsApp", choose("whatsapp")),
    ("Email", choose("email")),
]
CONTACT_VALUE_HINTS = {
    "email": "That doesn't look like an email address: it should look like name@example.com.",
    "phone": "That doesn't look like a UK phone number: it should look like 07700 900123.",
}


def retry_hint(slot: str, slots: Slots) -> str:
    """What to say when an answer was not understood (kind, with an example)."""
    if slot == "contact_value":
        key = "email" if slots.get("contact_method") == "email" else "phone"
        return CONTACT_VALUE_HINTS[key] + " You can also say skip."
    return RETRY_HINTS.get(slot, "You can also say skip.")


def _target(slots: Slots) -> str:
    return {"witness": "the person it happened to", "third_party": "the person"}.get(
        slots.get("reporter_role"), "you"
    )


def _multi(slot: str, slots: Slots, labels: dict[str, str], first: str) -> Question:
    picked = [p for p in slots.get("picked") or [] if p in labels]
    remaining = [(labels[k].capitalize(), choose(k)) for k in labels if k not in picked]
    if picked:
        text = f"Added {', '.join(labels[p] for p in picked)}. Anything else? Tap another, or Done."
        return Question(slot, text, "choice", [*remaining, ("Done", "/finished")])
    return Question(slot, first, "choice", [*remaining, SKIP])


def _contact_value(slots: Slots, channel: str) -> Question:
    method = slots.get("contact_method")
    buttons: list[tuple[str, str]] = []
    if method == "email":
        text = "What email address should we use?"
    else:
        text = "What number should we use?"
        if channel in ("sms", "whatsapp"):
            text = "Shall we use the number you're writing from, or another one?"
            buttons = [("This number", choose("this_number"))]
    return Question("contact_value", text + " (You can say skip.)", "text", [*buttons, SKIP])


def base_question(slot: str, slots: Slots, channel: str, now: datetime) -> Question:
    """The question for ``slot`` without the 'N questions left' prefix."""
    correcting = slots.get("correcting") == slot
    if slot == "reporter_role":
        return Question(
            slot,
            "First, did this happen to you, did you see it, or are you reporting for someone else?",
            "choice",
            [
                ("It happened to me", choose("victim")),
                ("I saw it happen", choose("witness")),
                ("For someone else", choose("third_party")),
                SKIP,
            ],
        )
    if slot == "narrative":
        if slots.get("narrative_parts"):
            return Question(
                slot,
                "Thank you. Is there anything else you want to add? Type it, or tap "
                "'That's everything'.",
                "text",
                [("That's everything", "/finished")],
            )
        return Question(
            slot,
            "In your own words, what happened? Include anything you remember: when, "
            "where, what was said or done. You only need to tell it once.",
        )
    if slot == "confirm_understanding":
        if correcting:
            return Question(
                slot,
                "What should I change? Just tell me, like 'it was on Tuesday' or "
                "'it was on King Street'.",
            )
        text = (
            read_back(slots, now) or "Thank you for telling me. Is that everything I need to know?"
        )
        return Question(
            slot, text, "yes_no", [("Yes, that's right", "/affirm"), ("Not quite", "/deny")]
        )
    if slot == "strands":
        return _multi(
            slot,
            slots,
            STRAND_LABELS,
            "What do you think the hostility was about? Choose all that apply, or type it.",
        )
    if slot == "incident_types":
        return _multi(
            slot, slots, INCIDENT_LABELS, "What happened? Choose all that apply, or type it."
        )
    if slot == "occurred_on":
        text = "When did it last happen?" if slots.get("ongoing") is True else "When did it happen?"
        return Question(
            slot,
            text + " A day or date is fine, like 'last Friday'.",
            "date",
            [("Today", choose("today")), ("Yesterday", choose("yesterday")), SKIP],
        )
    if slot == "location":
        return Question(
            slot,
            "Where did it happen? A street, a place, or 'online'.",
            "location",
            [("Online", choose("online")), SKIP],
        )
    if slot == "perpetrator":
        known_to = "you" if slots.get("reporter_role") in (None, "victim") else "them"
        return Question(
            slot,
            "Who did it?",
            "choice",
            [
                ("A neighbour", choose("neighbour")),
                (f"Someone known to {known_to}", choose("known")),
                ("A stranger", choose("unknown")),
                SKIP,
            ],
        )
    if slot == "housing":
        return Question(
            slot,
            "As it was a neighbour, how is the home housed? This helps us involve the landlord.",
            "choice",
            [
                ("Council tenant", choose("council")),
                ("Housing association", choose("housing_association")),
                ("Renting privately", choose("private_rent")),
                ("Owner", choose("owner")),
                SKIP,
            ],
        )
    if slot == "housing_provider":
        return Question(
            slot, "Which housing association is it? (You can say skip.)", "text", [SKIP]
        )
    if slot == "injured":
        return Question(
            slot, "Was anyone hurt?", "yes_no", [("Yes", "/affirm"), ("No", "/deny"), SKIP]
        )
    if slot == "ongoing":
        return Question(
            slot,
            "Has this happened before, or is it still going on?",
            "yes_no",
            [("Yes", "/affirm"), ("No, just once", "/deny"), SKIP],
        )
    if slot == "anonymous":
        return Question(
            slot,
            "Do you want to stay anonymous? If you do, we can't update you unless you "
            "come back with your reference.",
            "yes_no",
            [("No, you can contact me", "/deny"), ("Yes, stay anonymous", "/affirm")],
        )
    if slot == "contact_method":
        if _attempts(slots, slot) >= 2:  # last try: plain buttons, then we stay anonymous
            return Question(
                slot,
                "Sorry, I'm still not sure. Please tap one, or 'Don't contact me'.",
                "choice",
                [*CONTACT_BUTTONS, ("Don't contact me", choose("none"))],
            )
        return Question(
            slot,
            "How should the council's anti-social behaviour team contact you?",
            "choice",
            [*CONTACT_BUTTONS, ("Please don't contact me", choose("none"))],
        )
    if slot == "contact_value":
        return _contact_value(slots, channel)
    if slot == "safe_contact_time":
        return Question(
            slot,
            "When is it safe to contact you? Like 'weekdays after 6pm'.",
            "text",
            [("Any time", choose("any time")), SKIP],
        )
    if slot == "share_consent":
        return Question(
            slot,
            f"Can we share this report with the police and services that support "
            f"{_target(slots)}, so you don't have to tell it again?",
            "yes_no",
            [("Yes, share it", "/affirm"), ("No, keep it with the council", "/deny")],
        )
    if slot == "confirm_summary":
        if correcting:
            return Question(
                slot,
                "What should I change? Tap one, or tell me.",
                "choice",
                [
                    ("When", correct("occurred_on")),
                    ("Where", correct("location")),
                    ("Who did it", correct("perpetrator")),
                    ("What happened", correct("incident_types")),
                    ("Hostility", correct("strands")),
                    ("Contact", correct("anonymous")),
                    ("Sharing", correct("share_consent")),
                ],
            )
        unclear = _attempts(slots, slot)
        if unclear:
            text = SUMMARY_RETRIES[(unclear - 1) % len(SUMMARY_RETRIES)]
            return Question(slot, text, "yes_no", [SEND, CHANGE, STOP])
        return Question(slot, summary(slots, now), "yes_no", [SEND, CHANGE])
    raise KeyError(slot)


def _attempts(slots: Slots, slot: str) -> int:
    """How many answers to ``slot`` in a row were not understood."""
    attempts = slots.get("attempts")
    return int(attempts.get(slot, 0)) if isinstance(attempts, dict) else 0


def question(slot: str, slots: Slots, channel: str, now: datetime) -> Question:
    """The question, with 'N quick questions left' when more than two may remain.

    The number said is the most there can be (undecided branches counted open: a neighbour's
    housing, contact details), so it only goes down; "up to" says when it may be fewer. It is
    said only when lower than the last number said in this report, so never repeated.
    """
    q = base_question(slot, slots, channel, now)
    if slot == "confirm_summary":
        q.said_left = 0  # past the summary (corrections) no count is said again
    if slot in COUNTED_SKIP or slots.get("picked"):
        return q
    most = questions_left(slots, branches_open=True)
    said = slots.get("questions_said")
    if most > 2 and (not isinstance(said, int) or most < said):
        exact = questions_left(slots) == most
        q.text = f"{'' if exact else 'Up to '}{most} quick questions left. {q.text}"
        q.said_left = most
    return q
