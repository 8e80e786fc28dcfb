"""'What's happening with my case?' in plain words: the status, the case officer's name and
direct contact, what has been done that the resident may know (never internal notes, never
what was done to whom), and what to do if they are not happy."""

from __future__ import annotations

from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from bot.messaging.outbox import council_section
from bot.models import Case, CaseAction, DiaryEntry, OutboundMessage
from bot.perpetrators import action_taken
from bot.settings import Settings
from bot.wording import say

DONE_REFERRALS = {"police": "done_police", "cmarac": "done_cmarac",
                  "housing_provider": "done_housing", "victim_support": "done_support",
                  "stop_hate_uk": "done_support"}
SENT = ("sent", "delivered", "read", "accepted", "queued", "sending")


def _s(key: str, channel: str, **values: Any) -> str:
    return say(f"returning.status.{key}", channel, **values)


def _reach(item: dict[str, Any]) -> str:
    ways = [str(item[k]) for k in ("phone", "email", "url") if item.get(k)]
    return f" ({', '.join(ways)})" if ways else ""


def status_text(session: Session, case: Case, settings: Settings, channel: str) -> str:
    lines = [_s("heading", channel, reference=case.reference)]
    if case.status == "new":
        lines.append(_s("new", channel, due=f"{case.due_by:%A %-d %B}") if case.due_by
                     else _s("new_no_date", channel))
    else:
        lines.append(_s(case.status, channel))
    officer = case.assigned_officer
    if officer is not None and case.status != "new":
        lines.append(" ".join(p for p in (
            _s("officer", channel, name=officer.display_name or officer.username),
            _s("officer_phone", channel, phone=officer.phone) if officer.phone else "",
            _s("officer_email", channel, email=officer.email) if officer.email else "") if p))
    actions = session.execute(select(CaseAction.kind, CaseAction.action)
                              .where(CaseAction.case_id == case.id)).all()
    done = [DONE_REFERRALS[a] for k, a in actions if k == "referral" and a in DONE_REFERRALS]
    # Enforcement on the case, or against a perpetrator linked to it: that action was taken,
    # never what or against whom (the person is criminal offence data, not convicted).
    if any(k == "enforcement" for k, _ in actions) or action_taken(session, case):
        done.append("done_action")
    lines += [_s(key, channel) for key in dict.fromkeys(done)]
    sent = session.scalar(select(func.count(OutboundMessage.id)).where(
        OutboundMessage.case_id == case.id, OutboundMessage.purpose == "resident",
        OutboundMessage.status.in_(SENT)))
    if sent:
        lines.append(_s("done_messages", channel, count=sent))
    diary = session.scalar(select(func.count(DiaryEntry.id)).where(DiaryEntry.case_id == case.id))
    if diary:
        lines.append(_s("diary", channel, count=diary))
    council = council_section(settings)
    lines.append(_s("unhappy", channel, complaints=_reach(council.get("complaints") or {}),
                    review=_reach(council.get("community_trigger") or {})))
    return "\n".join(lines)
