"""Submit the report: one case, its reference, what happens next and when, and support."""

from __future__ import annotations

import logging
from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.events import AllSlotsReset, FollowupAction, SlotSet
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from actions.common import channel_of, off_loop, slots_of, tell
from bot.report import Report
from bot.report_form.flow import known
from bot.report_form.submitted import next_steps, support_text
from bot.report_form.to_report import to_report
from bot.submission import save_report, with_secret
from bot.wording import say

log = logging.getLogger(__name__)


def _b(key: str, channel: str) -> str:
    return say(f"choices.{key}", channel)


class ActionSubmitReport(Action):
    """Writes one case from the form's slots and tells the resident what happens next."""

    def name(self) -> str:
        return "action_submit_report"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> list[dict[str, Any]]:
        slots = slots_of(tracker)
        channel = channel_of(tracker)
        if not any(
            known(slots.get(s))
            for s in ("narrative", "narrative_parts", "strands", "incident_types")
        ):
            tell(dispatcher, say("submitted.nothing_to_send", channel),
                 [(_b("common.start_report", channel), "/start_report")])
            return []
        if slots.get("confirm_summary") != "yes":  # never sent without the resident's yes
            tell(dispatcher, say("submitted.not_checked", channel),
                 [(_b("common.check_report", channel), "/start_report")])
            return []
        report, code = await off_loop(with_secret, to_report(slots, channel, tracker.sender_id))
        try:
            done = await off_loop(save_report, report)
        except Exception as exc:  # noqa: BLE001 - tell the resident, keep their answers
            log.error("report not saved: %s", type(exc).__name__)
            tell(dispatcher, say("submitted.save_failed", channel),
                 [(_b("common.try_again", channel), "/submit_report")])
            return [FollowupAction("action_listen")]
        log.info("case %s (risk %s, channel %s)", "kept in the spool" if done.kept else "created",
                 done.risk_level, report.channel)
        for text in submitted_messages(report, done.reference, done.risk_level, code, channel,
                                       kept=done.kept):
            tell(dispatcher, text)
        if report.reporter_role == "witness":
            tell(dispatcher, say("submitted.witness_tip", channel),
                 [(_b("common.how_to_help", channel), "/faq_bystander")])
        # Then a rating of the service (skippable), asked by the coming-back form.
        return [AllSlotsReset(), SlotSet("return_case", done.reference),
                SlotSet("return_purpose", "feedback"), SlotSet("feedback_stage", "report")]


def submitted_messages(report: Report, reference: str, risk_level: str, code: str,
                       channel: str, kept: bool = False) -> list[str]:
    """The reference and secret (shown once), what happens next, support, and the diary."""
    secret = say("returning.secret", channel, code=code)
    if channel in ("sms", "whatsapp"):
        secret += " " + say("returning.secret_text", channel)
    thanks = say("submitted.kept" if kept else "submitted.thanks", channel, reference=reference)
    texts = [thanks + " " + secret,
             next_steps(report, risk_level, channel), support_text(report, channel)]
    if report.ongoing is True:
        texts.append(say("returning.diary_offer", channel))
    return texts
