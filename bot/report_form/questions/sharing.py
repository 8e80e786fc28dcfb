"""Who may see the report, asked separately (police, support services, the landlord) and
honestly (a multi-agency meeting may see it without consent when someone is at serious risk),
then the final check before anything is sent."""

from __future__ import annotations

from datetime import datetime

from bot.report_form.questions.base import (
    Question,
    Slots,
    correct,
    is_other,
    skip_button,
    title,
    words,
)
from bot.report_form.readback import summary
from bot.signposting import directory, specialists
from bot.taxonomy import LANDLORD_TENURES
from bot.wording import count, say


def support_services(slots: Slots, channel: str) -> str:
    """'Victim Support and Tell MAMA (anti-Muslim hate)': who the report would be passed to."""
    d = directory()
    keys = ["victim_support", *specialists(_list(slots.get("strands")), _list(slots.get("faiths")))]
    names = [d[k].name for k in keys if k in d]
    join = say("submitted.and_join", channel)
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + join + names[-1]


def _list(value: object) -> list[str]:
    return [v for v in value if isinstance(v, str)] if isinstance(value, list) else []


def consent_police(slots: Slots, channel: str, now: datetime) -> Question:
    q = Question("consent_police", words("ask.consent_police", channel), "yes_no", [
        (title("consent.police_yes", channel), "/affirm"),
        (title("consent.police_no", channel), "/deny"),
        skip_button(channel),
    ])
    anonymous = slots.get("anonymous") is not False
    q.intro = words("ask.consent_intro_anonymous" if anonymous else "ask.consent_intro", channel)
    return q


def consent_support(slots: Slots, channel: str, now: datetime) -> Question:
    key = "ask.consent_support_other" if is_other(slots) else "ask.consent_support"
    return Question("consent_support", words(key, channel, services=support_services(
        slots, channel)), "yes_no", [
        (title("consent.support_yes", channel), "/affirm"),
        (title("consent.support_no", channel), "/deny"),
        skip_button(channel),
    ])


def landlord_name(slots: Slots, channel: str) -> str:
    provider = slots.get("housing_provider")
    if slots.get("housing") == "housing_association" and isinstance(provider, str) \
            and provider not in ("unknown", ""):
        return provider
    housing = slots.get("housing")
    return title(f"landlord.{housing if housing in LANDLORD_TENURES else 'private_rent'}", channel)


def consent_landlord(slots: Slots, channel: str, now: datetime) -> Question:
    text = words("ask.consent_landlord", channel, landlord=landlord_name(slots, channel))
    return Question("consent_landlord", text, "yes_no", [
        (title("consent.landlord_yes", channel), "/affirm"),
        (title("consent.landlord_no", channel), "/deny"),
        skip_button(channel),
    ])


def _attempts(slots: Slots) -> int:
    attempts = slots.get("attempts")
    return int(attempts.get("confirm_summary", 0)) if isinstance(attempts, dict) else 0


def confirm_summary(slots: Slots, channel: str, now: datetime) -> Question:
    send = (title("summary.send", channel), "/affirm")
    change = (title("summary.change", channel), "/deny")
    stop = (title("summary.stop", channel), "/stop")
    if slots.get("correcting") == "confirm_summary":
        fields = [("field_when", "occurred_on"), ("field_where", "location"),
                  ("field_who", "perpetrator"), ("field_what", "incident_types"),
                  ("field_because", "strands"), ("field_needs", "wishes"),
                  ("field_contact", "anonymous"), ("field_sharing", "consent_police")]
        return Question("confirm_summary", words("ask.confirm_summary_change", channel),
                        "choice", [(title(f"summary.{k}", channel), correct(f))
                                   for k, f in fields])
    unclear = _attempts(slots)
    if unclear:
        index = (unclear - 1) % count("report.ask.confirm_summary_retry")
        return Question("confirm_summary", words(f"ask.confirm_summary_retry.{index}", channel),
                        "yes_no", [send, change, stop])
    return Question("confirm_summary", summary(slots, now, channel), "yes_no", [send, change])


SHARING = {
    "consent_police": consent_police,
    "consent_support": consent_support,
    "consent_landlord": consent_landlord,
    "confirm_summary": confirm_summary,
}
