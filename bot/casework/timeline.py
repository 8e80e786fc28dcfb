"""One timeline of a case: the report, diary entries, messages and their delivery, notes,
status changes, assignments, referrals and actions, and audit entries, newest first.

Built from the case view (``views.case_detail``), the outbox and the audit log; runs of the same
read by the same officer (a case seen in the queue twenty times) are folded into one entry.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from bot.models import AuditEvent, Case

AUDIT_LIMIT = 200  # newest audit events shown on a case; the audit log has them all
# Audit actions already shown as their own item (the note, the action, the message).
SHOWN_ELSEWHERE = frozenset({"case.note_added", "case.action_recorded", "message.queued",
                             "case.perpetrator_enforcement"})
READS = {
    "case.read": "Opened the case",
    "case.listed": "Saw it in the queue",
    "case.messages_read": "Read the messages",
    "case.referral_packet": "Produced a referral packet",
    "message.previewed": "Previewed a message",
    "perpetrator.read": "Saw the linked perpetrator records",
    "perpetrator.match_shown": "Was shown possible perpetrator matches",
}
LINKS = {"perpetrator.linked": "Linked to perpetrator record {id}",
         "perpetrator.unlinked": "Unlinked from perpetrator record {id}"}


@dataclass
class Event:
    """One timeline entry; ``text`` is shown as plain text, never markup."""

    at: datetime
    kind: str  # report | diary | message | note | status | assignment | action |
    #            enforcement | perpetrator | audit
    title: str
    who: str | None = None
    text: str | None = None
    facts: list[tuple[str, Any]] = field(default_factory=list)
    count: int = 1


def _when(value: Any) -> datetime | None:
    """A datetime from the case JSON (datetime, ISO string or date), UTC; None if unreadable."""
    if isinstance(value, datetime):
        return value if value.tzinfo else value.replace(tzinfo=UTC)
    if isinstance(value, date):
        return datetime(value.year, value.month, value.day, tzinfo=UTC)
    if isinstance(value, str):
        try:
            return _when(datetime.fromisoformat(value.replace("Z", "+00:00")))
        except ValueError:
            return None
    return None


def _diary(detail: dict[str, Any]) -> list[Event]:
    events = []
    for entry in detail.get("diary") or []:
        if not isinstance(entry, dict):
            continue
        at = _when(entry.get("added_at")) or _when(entry.get("occurred_on"))
        if at is None:
            continue
        facts = [("Happened on", str(entry["occurred_on"]))] if entry.get("occurred_on") else []
        if entry.get("channel"):
            facts.append(("Added by", str(entry["channel"])))
        events.append(Event(at, "diary", str(entry.get("summary") or "Diary entry"),
                            text=entry.get("account"), facts=facts))
    return events


def _enforcement(detail: dict[str, Any]) -> list[Event]:
    """Enforcement against a linked perpetrator: one entry on the record, shown on every
    linked case (``perpetrator_enforcement`` of the case's detail)."""
    events = []
    for e in detail.get("perpetrator_enforcement") or []:
        facts: list[tuple[str, Any]] = [("Record", f"perpetrator record {e['perpetrator_id']}"),
                                        ("Taken on", e["date"])]
        if e.get("outcome"):
            facts.append(("Outcome", str(e["outcome"])))
        events.append(Event(_when(e["created_at"]) or _when(e["date"]), "enforcement",
                            f"Enforcement against the perpetrator: {e['label']}",
                            who=e.get("officer"), text=e.get("notes"), facts=facts))
    return events


def _change(changes: dict[str, Any] | None, field_name: str) -> tuple[Any, Any]:
    item = (changes or {}).get(field_name) or {}
    return (item.get("from"), item.get("to")) if isinstance(item, dict) else (None, None)


def _from_audit(event: Any) -> Event | None:
    changes = event.changes if isinstance(event.changes, dict) else None
    if event.action in SHOWN_ELSEWHERE:
        return None
    if event.action in ("case.status_changed", "case.reopened"):
        old, new = _change(changes, "status")
        _, outcome = _change(changes, "outcome")
        title = "Reopened" if event.action == "case.reopened" else "Status changed"
        facts = [("From", str(old)), ("To", str(new))]
        if outcome:
            facts.append(("Outcome", str(outcome)))
        return Event(event.at, "status", title, who=event.officer_username, facts=facts)
    if event.action == "case.assigned":
        old, new = _change(changes, "assigned_officer")
        return Event(event.at, "assignment", f"Assigned to {new}", who=event.officer_username,
                     facts=[("Before", str(old or "nobody"))])
    if event.action in LINKS:
        record = (changes or {}).get("perpetrator_id")
        return Event(event.at, "perpetrator", LINKS[event.action].format(id=record),
                     who=event.officer_username)
    if event.action == "case.risk_changed":
        old, new = _change(changes, "risk_level")
        facts = [("From", str(old)), ("To", str(new))] if new else []
        if (changes or {}).get("signal") == "repeat_perpetrator":
            count = changes.get("linked_reports") or 0
            facts.append(("Because", f"perpetrator linked to {count} reports" if count >= 2
                          else "no longer a repeat perpetrator"))
        title = "Risk changed" if new else "Risk reasons changed"  # same level, new reason
        return Event(event.at, "status", title, who=event.officer_username, facts=facts)
    title = READS.get(event.action, event.action)
    facts = []
    if event.action == "case.referral_packet" and changes:
        facts = [(k, str(v)) for k, v in sorted(changes.items())]
    return Event(event.at, "audit", title, who=event.officer_username, facts=facts)


def _fold(events: list[Event]) -> list[Event]:
    """Fold consecutive identical audit reads (newest first) into one entry with a count."""
    folded: list[Event] = []
    for e in events:
        last = folded[-1] if folded else None
        if (last and e.kind == last.kind == "audit" and e.title == last.title
                and e.who == last.who and not e.facts and not last.facts):
            last.count += 1
            continue
        folded.append(e)
    return folded


def build_timeline(session: Session, case: Case, detail: dict[str, Any],
                   messages: list[dict[str, Any]]) -> list[Event]:
    """Every event on the case, newest first (ties keep a stable, sensible order)."""
    events = [Event(case.created_at, "report", "Report received",
                    facts=[("Channel", case.channel), ("Reference", case.reference)])]
    events += _diary(detail)
    for m in messages:
        facts = [("Channel", str(m["channel"])), ("Delivery", str(m["status"]))]
        if m.get("error"):
            facts.append(("Problem", str(m["error"])))
        if m.get("updated_at") and m["updated_at"] != m["created_at"]:
            facts.append(("Last update", m["updated_at"]))
        events.append(Event(m["created_at"], "message", "Message to the resident",
                            who=m.get("officer"), text=m.get("body"), facts=facts))
    for n in detail.get("notes") or []:
        events.append(Event(n["created_at"], "note", "Note", who=n.get("officer"),
                            text=n.get("text")))
    for a in detail.get("actions") or []:
        kind = "Referral" if a["kind"] == "referral" else "Enforcement"
        events.append(Event(a["created_at"], "action", f"{kind}: {a['label']}",
                            who=a.get("officer"), text=a.get("detail")))
    events += _enforcement(detail)
    rows = session.execute(  # plain rows, not ORM objects: a busy case has hundreds
        select(AuditEvent.at, AuditEvent.officer_username, AuditEvent.action,
               AuditEvent.changes)
        .where(AuditEvent.case_reference == case.reference)
        .order_by(AuditEvent.id.desc()).limit(AUDIT_LIMIT)
    ).all()
    events += [e for e in (_from_audit(r) for r in rows) if e is not None]
    order = {"report": 0, "diary": 1, "status": 2, "assignment": 3, "action": 4,
             "enforcement": 4, "perpetrator": 4, "note": 5, "message": 6, "audit": 7}
    events.sort(key=lambda e: (e.at, -order.get(e.kind, 9)), reverse=True)
    return _fold(events)
