"""Submit the report: one case, its reference, what happens next and when, and signposting."""

from __future__ import annotations

import logging
from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.events import AllSlotsReset
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from actions.common import channel_of, end, off_loop, slots_of
from actions.safety import stop_hate_line
from bot.cases import create_case
from bot.db import session_scope
from bot.report import Report
from bot.report_form.flow import known, to_report
from bot.settings import get_settings
from bot.signposting import for_case

log = logging.getLogger(__name__)
METHODS = {"phone": "phone", "sms": "text message", "whatsapp": "WhatsApp", "email": "email"}


def save_report(report: Report) -> tuple[str, str]:
    """Write the case (blocking: call it in a worker thread); return (reference, risk level)."""
    with session_scope() as session:
        case = create_case(session, report)
        return case.reference, case.risk_level


def next_steps(report: Report, risk_level: str) -> str:
    """Who does what by when, in plain words (high risk: the faster response target)."""
    settings = get_settings()
    days = settings.response_days_high if risk_level == "high" else settings.response_days_standard
    within = f"within {days} working day{'s' if days != 1 else ''}"
    team = "the council's anti-social behaviour team"
    if not report.anonymous and report.contact_method in METHODS and report.contact_value:
        text = (
            f"An officer from {team} will contact you by {METHODS[report.contact_method]} {within}."
        )
        text += " If nobody has been in touch by then, come back here with your reference."
    elif report.anonymous:
        text = (
            f"An officer from {team} will look at it {within}. As you stayed anonymous, we can't "
            "update you unless you come back with your reference."
        )
    else:
        text = (
            f"An officer from {team} will look at it {within}. We won't contact you; come back "
            "with your reference for an update."
        )
    if report.share_consent:
        text += (
            " We'll share it with the police and partner services, so you don't have to tell"
            " it again."
        )
    return text


def signposting_text(strands: list[str]) -> str:
    lines = [s.line() for s in for_case(strands)]
    return "If you need support now:\n" + "\n".join(f"- {line}" for line in lines)


class ActionSubmitReport(Action):
    """Writes one case from the form's slots and tells the resident what happens next."""

    def name(self) -> str:
        return "action_submit_report"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> list[dict[str, Any]]:
        slots = slots_of(tracker)
        if not any(
            known(slots.get(s))
            for s in ("narrative", "narrative_parts", "strands", "incident_types")
        ):
            dispatcher.utter_message(
                text="There's no report to send yet. Would you like to start one?",
                buttons=[{"title": "Start a report", "payload": "/start_report"}],
            )
            return []
        if slots.get("confirm_summary") != "yes":  # never sent without the resident's yes
            dispatcher.utter_message(
                text="I haven't sent anything yet: please check your report first.",
                buttons=[{"title": "Check my report", "payload": "/start_report"}],
            )
            return []
        report = to_report(slots, channel_of(tracker), tracker.sender_id)
        try:
            reference, risk_level = await off_loop(save_report, report)
        except Exception as exc:  # noqa: BLE001 - tell the resident, keep their answers
            log.error("report not saved: %s", type(exc).__name__)
            dispatcher.utter_message(
                text=f"Sorry, I couldn't save your report just now. Please try again in a minute. "
                f"{stop_hate_line()}",
                buttons=[{"title": "Try again", "payload": "/submit_report"}],
            )
            return []
        log.info("case created (risk %s, channel %s)", risk_level, report.channel)
        dispatcher.utter_message(
            text=f"Thank you. Your report is in. Your reference is {reference}. "
            "Please keep it somewhere safe."
        )
        dispatcher.utter_message(text=next_steps(report, risk_level))
        dispatcher.utter_message(text=signposting_text(report.strands))
        if report.reporter_role == "witness":
            dispatcher.utter_message(
                text="Thank you for speaking up for someone. Would you like a few tips on helping "
                "safely if you see something like this again?",
                buttons=[{"title": "How to help safely", "payload": "/faq_bystander"}],
            )
        end(dispatcher)
        return [AllSlotsReset()]
