"""The outbox worker: drains ``OutboundMessage`` rows through Twilio, never inside a web request.

Transactional outbox: the officer API commits a ``pending`` row with its case change; this worker
claims rows (``SELECT ... FOR UPDATE SKIP LOCKED`` on PostgreSQL plus a compare-and-set UPDATE
that also makes SQLite safe), sends with no transaction open, then records the result. A claim
is a lease (OUTBOX_LEASE_SECONDS): a worker that dies mid-send leaves a ``claimed`` row that
becomes claimable again when the lease ends, so nothing queued is lost. Each send asks Twilio
for a status callback naming the row and attempt (``?outbox=<id>.<attempt>``): when the worker
died after Twilio accepted the message, that callback records the send on the row, so it is
not sent twice. A duplicate remains possible only if no callback arrives within the lease.
"""

from __future__ import annotations

import logging
import threading
from datetime import datetime, timedelta

from sqlalchemy import and_, or_, select, update
from sqlalchemy.orm import Session, sessionmaker
from twilio.rest import Client

from bot import spool
from bot.messaging import optout
from bot.messaging.email import send_email
from bot.messaging.outbound import OPTED_OUT_CODE, SendResult, describe, send
from bot.models import Case, ChatSession, OutboundMessage, utcnow
from bot.settings import Settings

log = logging.getLogger("tellonce.outbox")
CHANNELS = ("sms", "whatsapp", "email")
WINDOW = timedelta(hours=24)
LEASE = timedelta(minutes=5)  # the default of OUTBOX_LEASE_SECONDS


def backoff(attempts: int) -> timedelta:
    """30 s, 2 min, 8 min, 32 min, then hourly."""
    return timedelta(seconds=min(30 * 4 ** max(attempts - 1, 0), 3600))


def _claimable(now: datetime):  # noqa: ANN202 - a SQL expression
    due = or_(OutboundMessage.next_attempt_at.is_(None), OutboundMessage.next_attempt_at <= now)
    return and_(
        OutboundMessage.channel.in_(CHANNELS),
        or_(
            and_(OutboundMessage.status.in_(("pending", "retrying")), due),
            and_(OutboundMessage.status == "claimed", OutboundMessage.next_attempt_at <= now),
        ),
    )


def claim_batch(sessions: sessionmaker[Session], limit: int = 20,
                lease: timedelta = LEASE) -> list[int]:
    """Claim up to ``limit`` due rows; each id is returned to exactly one worker."""
    now = utcnow()
    with sessions() as db, db.begin():
        query = select(OutboundMessage.id).where(_claimable(now)).order_by(OutboundMessage.id)
        query = query.limit(limit)
        if db.get_bind().dialect.name == "postgresql":
            query = query.with_for_update(skip_locked=True)
        claimed: list[int] = []
        for row_id in db.scalars(query).all():
            result = db.execute(
                update(OutboundMessage)
                .where(OutboundMessage.id == row_id, _claimable(now))
                .values(status="claimed", attempts=OutboundMessage.attempts + 1,
                        next_attempt_at=now + lease, updated_at=now)
                .execution_options(synchronize_session=False)
            )
            if result.rowcount == 1:
                claimed.append(row_id)
    return claimed


def _in_window(db: Session, number: str, now: datetime) -> bool:
    """WhatsApp free text is allowed only within 24 h of the resident's last message."""
    from bot.crypto import pseudonym

    conversation_id = "wa-" + pseudonym(optout.normalise_number(number), "whatsapp")
    session = db.get(ChatSession, conversation_id)
    last = session.last_inbound_at if session else None
    return bool(last and now - last < WINDOW)


def process(sessions: sessionmaker[Session], client: Client | None, settings: Settings,
            row_id: int) -> SendResult | None:
    """Send one claimed row and record the outcome (None if it is no longer ours)."""
    now = utcnow()
    with sessions() as db:
        row = db.get(OutboundMessage, row_id)
        if row is None or row.status != "claimed":
            return None
        to, body, channel, attempts = row.to or "", row.body or "", row.channel, row.attempts
        case = db.get(Case, row.case_id) if row.case_id else None
        reference = case.reference if case else None
        opted_out = channel != "email" and bool(to) and optout.is_opted_out(db, to)
        in_window = channel != "whatsapp" or (bool(to) and _in_window(db, to, now))
    if not to:
        result = SendResult("failed", error="no number to send to")
    elif channel == "email":
        result = send_email(settings, to=to, body=body, row_id=row_id)
    elif opted_out:
        result = SendResult("opted_out", error=describe(OPTED_OUT_CODE, ""))
    elif client is None:
        result = SendResult("retry", error="Twilio is not configured")
    else:
        result = send(client, settings, channel=channel, to=to, body=body,
                      in_window=in_window, reference=reference,
                      callback_ref=f"{row_id}.{attempts}")
    record(sessions, settings, row_id, attempts, to, result)
    log.info("outbound message=%s outcome=%s attempts=%s", row_id, result.outcome, attempts)
    return result


def record(sessions: sessionmaker[Session], settings: Settings, row_id: int, attempts: int,
           to: str, result: SendResult) -> None:
    """Store one attempt's outcome, only if the row is still this worker's claim."""
    now = utcnow()
    values: dict = {"updated_at": now, "next_attempt_at": None, "error": result.error}
    if to and "@" not in to:
        values["to_hash"] = optout.number_hash(to)
    if result.outcome == "sent":
        values.update(status=result.provider_status or "queued", provider_sid=result.provider_sid,
                      sent_as=result.sent_as)
    elif result.outcome == "retry" and attempts < settings.outbox_max_attempts:
        values.update(status="retrying", next_attempt_at=now + backoff(attempts))
    elif result.outcome == "retry":
        gave_up = f"{result.error} (gave up after {attempts} attempts)"
        values.update(status="failed", error=gave_up[:255])
    elif result.outcome == "held":
        values.update(status="held")  # sent when the resident next writes (window reopens)
    else:
        values.update(status="failed")
    with sessions() as db, db.begin():
        done = db.execute(
            update(OutboundMessage)
            .where(OutboundMessage.id == row_id, OutboundMessage.status == "claimed",
                   OutboundMessage.attempts == attempts)
            .values(**values)
            .execution_options(synchronize_session=False)
        )
        if result.outcome == "sent" and done.rowcount == 1:
            _contacted(db, row_id, now)
        if result.outcome == "opted_out" and to:
            optout.set_opted_out(db, to, True)


def _contacted(db: Session, row_id: int, now: datetime) -> None:
    """A case counts as contacted once a message to the resident was accepted for delivery
    (never when it is merely queued): its response clock stops then."""
    row = db.get(OutboundMessage, row_id)
    if row is None or row.case_id is None or getattr(row, "purpose", "resident") != "resident":
        return
    db.execute(update(Case).where(Case.id == row.case_id, Case.contacted_at.is_(None))
               .values(contacted_at=now).execution_options(synchronize_session=False))


def release_held(db: Session, number: str) -> int:
    """The resident wrote on WhatsApp (window open): re-queue held messages and messages that only
    went out as the template, so the officer's own words follow now. The caller commits."""
    result = db.execute(
        update(OutboundMessage)
        .where(
            OutboundMessage.to_hash == optout.number_hash(number),
            OutboundMessage.channel == "whatsapp",
            or_(OutboundMessage.status == "held",
                and_(OutboundMessage.sent_as == "template",
                     OutboundMessage.status.in_(("accepted", "queued", "sending", "sent",
                                                 "delivered", "read")))),
        )
        .values(status="pending", sent_as=None, provider_sid=None, next_attempt_at=None,
                error=None, updated_at=utcnow())
        .execution_options(synchronize_session=False)
    )
    return result.rowcount or 0


def run_once(sessions: sessionmaker[Session], settings: Settings, client: Client | None = None,
             limit: int = 20) -> int:
    """Claim and send one batch; returns how many rows were processed."""
    if client is None and settings.twilio_account_sid and settings.twilio_auth_token:
        from bot.messaging.twilio_client import make_client

        client = make_client(settings)
    kept = spool.drain(sessions, settings) if spool.pending(settings) else 0
    ids = claim_batch(sessions, limit, timedelta(seconds=settings.outbox_lease_seconds))
    for row_id in ids:
        process(sessions, client, settings, row_id)
    return len(ids) + kept


def run_forever(sessions: sessionmaker[Session], settings: Settings, stop: threading.Event,
                client: Client | None = None) -> None:
    """Poll until ``stop`` is set; a failing batch is logged and retried on the next tick."""
    while not stop.is_set():
        try:
            busy = run_once(sessions, settings, client)
        except Exception:  # keep the worker alive; the rows stay claimable
            log.exception("outbox batch failed")
            busy = 0
        if not busy:
            stop.wait(settings.outbox_poll_seconds)


def start_background(sessions: sessionmaker[Session], settings: Settings
                     ) -> tuple[threading.Thread, threading.Event]:
    """A daemon worker thread (used by the gateway when OUTBOX_WORKER_IN_GATEWAY is set)."""
    stop = threading.Event()
    thread = threading.Thread(target=run_forever, args=(sessions, settings, stop),
                              name="tellonce-outbox", daemon=True)
    thread.start()
    return thread, stop
