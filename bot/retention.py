"""Retention and erasure of residents' personal data.

- Retention: closed cases older than ``settings.retention_days_closed`` (counted from
  ``closed_at``) are anonymised: the narrative, place text, contact details, free text in notes,
  action details and message bodies are removed, and the conversation's events are deleted from
  Rasa's tracker store. What statistics need (strands, incident types, ward, dates, channel,
  risk, status, outcome, which actions were taken) stays, so counts do not change.
- Erasure on request (a supervisor, ``DELETE /api/v1/cases/{ref}``): the same removal for one
  case at once, recorded in the audit log without content.

- Purges by age (also in ``tellonce retention run``): tracker events of senders with no open
  case (abandoned conversations) and the gateway's chat state (``chat_sessions``, one row per
  page load) after ``tracker_retention_days``, and Twilio webhook claims after
  ``inbound_claim_retention_days``.

The tracker store is cleaned *before* the case is changed: if it fails, nothing is marked done
and the run (or the request) can be repeated; deleting twice is harmless.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

from sqlalchemy import delete, func, insert, or_, select, update
from sqlalchemy.orm import Session

from bot import perpetrators, tracker_store
from bot.models import (
    AuditEvent,
    Case,
    CaseAction,
    CaseNote,
    ChatSession,
    DiaryEntry,
    Feedback,
    InboundClaim,
    OutboundMessage,
)
from bot.settings import Settings

# Personal data on the case row, and what it becomes.
CASE_SCRUB: dict[str, Any] = {
    "narrative": None,
    "location_text": None,
    "contact_value": None,
    "safe_contact_time": None,
    "housing_provider": None,
    "occurred_time": None,
    "contact_name": None,
    "subject_contact": None,
    "wishes_text": None,
    "access_other": None,
    "conversation_id": None,
}
_BATCH = 500
# Outbox states from which bot/messaging/worker.py may still send: pending and retrying are
# claimed when due, claimed is re-claimed when its lease ends, held goes out when the resident
# next writes on WhatsApp.
UNSENT = ("pending", "retrying", "claimed", "held")


@dataclass
class Scrubbed:
    """What was removed (counts only: a report must never repeat personal data)."""

    cases: int = 0
    notes: int = 0
    action_details: int = 0
    messages: int = 0
    tracker_events: int = 0
    perpetrator_links: int = 0

    def add(self, other: Scrubbed) -> None:
        for name, value in asdict(other).items():
            setattr(self, name, getattr(self, name) + value)


def _scrub(session: Session, case_ids: list[int], conversation_ids: list[str],
           now: datetime, officer: str | None = None, reason: str = "retention") -> Scrubbed:
    """Remove personal data from these cases and everything hanging off them (no commit)."""
    done = Scrubbed(cases=len(case_ids))
    # Links to perpetrator records go too (the records keep their own retention rule).
    done.perpetrator_links = perpetrators.release_cases(session, case_ids, now, officer, reason)
    done.notes = session.execute(
        update(CaseNote).where(CaseNote.case_id.in_(case_ids), CaseNote.text.is_not(None))
        .values(text=None)
    ).rowcount or 0
    done.action_details = session.execute(
        update(CaseAction).where(CaseAction.case_id.in_(case_ids), CaseAction.detail.is_not(None))
        .values(detail=None)
    ).rowcount or 0
    # A message that has not gone out must not go out empty: it is cancelled, whatever state
    # the outbox worker has it in (a send in flight then cannot record over the cancellation).
    session.execute(
        update(OutboundMessage)
        .where(OutboundMessage.case_id.in_(case_ids), OutboundMessage.status.in_(UNSENT))
        .values(status="cancelled", next_attempt_at=None, updated_at=now)
    )
    # to_hash goes too: it is the number's keyed hash, and release_held matches on it.
    done.messages = session.execute(
        update(OutboundMessage)
        .where(OutboundMessage.case_id.in_(case_ids),
               or_(OutboundMessage.body.is_not(None), OutboundMessage.to.is_not(None),
                   OutboundMessage.to_hash.is_not(None)))
        .values(body=None, to=None, to_hash=None)
    ).rowcount or 0
    # What the resident added when coming back: their words and places, and rating comments.
    session.execute(update(DiaryEntry).where(DiaryEntry.case_id.in_(case_ids))
                    .values(summary=None, account=None, location_text=None))
    session.execute(update(Feedback).where(Feedback.case_id.in_(case_ids)).values(comment=None))
    session.execute(
        update(Case).where(Case.id.in_(case_ids))
        .values(**CASE_SCRUB, anonymised_at=now, updated_at=now)
        .execution_options(synchronize_session="fetch")
    )
    if conversation_ids:
        session.execute(
            ChatSession.__table__.delete().where(ChatSession.conversation_id.in_(conversation_ids))
        )
    return done


def due_for_anonymisation(settings: Settings, now: datetime):  # noqa: ANN201 - SQL select
    """Closed, not yet anonymised, closed before the retention cut-off."""
    cutoff = now - timedelta(days=settings.retention_days_closed)
    return (
        select(Case.id, Case.conversation_id)
        .where(Case.status == "closed", Case.anonymised_at.is_(None),
               func.coalesce(Case.closed_at, Case.updated_at) < cutoff)
        .order_by(Case.id)
    )


def run_retention(session: Session, settings: Settings, now: datetime | None = None,
                  dry_run: bool = False) -> tuple[Scrubbed, datetime]:
    """Anonymise every closed case past the retention period, committing batch by batch.

    Returns the counts and the cut-off. Tracker events of those conversations older than the
    cut-off are deleted (newer ones belong to a later conversation from the same sender)."""
    now = now or datetime.now(UTC)
    cutoff = now - timedelta(days=settings.retention_days_closed)
    total = Scrubbed()
    if dry_run:
        rows = session.execute(due_for_anonymisation(settings, now)).all()
        total.cases = len(rows)
        return total, cutoff
    while True:
        rows = session.execute(due_for_anonymisation(settings, now).limit(_BATCH)).all()
        if not rows:
            return total, cutoff
        ids = [r.id for r in rows]
        conversations = [r.conversation_id for r in rows if r.conversation_id]
        events = tracker_store.delete_conversations(settings.tracker_database_url,
                                                    conversations, before=cutoff)
        batch = _scrub(session, ids, conversations, now)
        batch.tracker_events = events
        session.execute(insert(AuditEvent), [
            {"at": now, "officer_username": None, "case_reference": ref,
             "action": "case.anonymised", "changes": {"reason": "retention"}}
            for ref in session.scalars(select(Case.reference).where(Case.id.in_(ids)))
        ])
        session.commit()
        total.add(batch)


def erase_case(session: Session, case: Case, settings: Settings,
               officer: str | None = None) -> Scrubbed:
    """Erase one resident's personal data on request (the caller commits).

    The case row stays, emptied of personal data, so the reference still resolves and the
    anonymous counts still add up; the audit log records who erased it and how much was
    removed, never what. All of the conversation's tracker events are deleted."""
    now = datetime.now(UTC)
    conversations = [case.conversation_id] if case.conversation_id else []
    events = tracker_store.delete_conversations(settings.tracker_database_url, conversations)
    done = _scrub(session, [case.id], conversations, now, officer, "erasure")
    done.tracker_events = events
    session.add(AuditEvent(at=now, officer_username=officer, case_reference=case.reference,
                           action="case.erased", changes=asdict(done)))
    session.flush()
    session.refresh(case)
    return done


@dataclass
class Purged:
    """Abandoned-conversation purge: counts only, and the cut-off used."""

    conversations: int
    events: int
    cutoff: datetime


def purge_abandoned_conversations(session: Session, settings: Settings,
                                  now: datetime | None = None,
                                  dry_run: bool = False) -> Purged:
    """Delete tracker events older than ``tracker_retention_days`` of every sender with no open
    (not closed) case: conversations that never became a case, and the Rasa copy of closed
    cases' conversations (the case keeps what officers need until its own retention).

    A sender with an open case keeps everything: its events go when the case is anonymised
    or erased. Rasa's sessions expire after an hour, so a 30-day-old event is never part of
    a conversation still going on."""
    now = now or datetime.now(UTC)
    cutoff = now - timedelta(days=settings.tracker_retention_days)
    url = settings.tracker_database_url
    old = tracker_store.old_events_by_sender(url, cutoff)
    open_senders = set(session.scalars(
        select(Case.conversation_id).where(Case.status != "closed",
                                           Case.conversation_id.is_not(None))
    ))
    stale = [sender for sender in old if sender not in open_senders]
    if dry_run:
        return Purged(len(stale), sum(old[s] for s in stale), cutoff)
    return Purged(len(stale), tracker_store.delete_old_events(url, stale, cutoff), cutoff)


def purge_inbound_claims(session: Session, settings: Settings, now: datetime | None = None,
                         dry_run: bool = False) -> int:
    """Delete Twilio webhook claims older than ``inbound_claim_retention_days`` (the caller
    commits). A claim only dedupes Twilio's retries, which stop within hours; its stored reply
    can repeat what the resident wrote (a read-back), so it must not outlive that need."""
    now = now or datetime.now(UTC)
    old = InboundClaim.claimed_at < now - timedelta(days=settings.inbound_claim_retention_days)
    if dry_run:
        return session.scalar(select(func.count()).select_from(InboundClaim).where(old)) or 0
    return session.execute(
        delete(InboundClaim).where(old).execution_options(synchronize_session=False)
    ).rowcount or 0


def purge_chat_sessions(session: Session, settings: Settings, now: datetime | None = None,
                        dry_run: bool = False) -> int:
    """Delete the gateway's per-conversation state (offered buttons, the question asked, the
    last message time) untouched for ``tracker_retention_days`` (the caller commits). Every page
    load leaves a row; without this it stayed until a case of that sender was erased. A
    conversation that old has long expired in Rasa, and WhatsApp's window is a day."""
    now = now or datetime.now(UTC)
    cutoff = now - timedelta(days=settings.tracker_retention_days)
    old = func.coalesce(ChatSession.last_inbound_at, ChatSession.updated_at) < cutoff
    if dry_run:
        return session.scalar(select(func.count()).select_from(ChatSession).where(old)) or 0
    return session.execute(
        delete(ChatSession).where(old).execution_options(synchronize_session=False)
    ).rowcount or 0
