"""POST /twilio/status: delivery callbacks for messages the outbox sent (shown on the case)."""

from __future__ import annotations

import logging
import time

from anyio import to_thread
from fastapi import APIRouter, Request, Response
from sqlalchemy.orm import Session, sessionmaker

from api.twilio.form import BadForm, read_form
from api.twilio.signature import is_valid
from bot.messaging.status import apply_callback, apply_to_claim

log = logging.getLogger("tellonce.twilio")
router = APIRouter()


def _apply(sessions: sessionmaker[Session], sid: str, status: str, code: str | None,
           ref: str | None = None) -> bool:
    """A callback can beat the worker's own write of the sid by milliseconds: look a few times.
    Still unknown after that and the URL names the outbox row (``?outbox=<id>.<attempt>``):
    the worker died between sending and recording, so the callback records the send."""
    for delay in (0.0, 0.1, 0.3, 0.6):
        time.sleep(delay)
        with sessions() as db, db.begin():
            if apply_callback(db, sid, status, code):
                return True
    if ref:
        with sessions() as db, db.begin():
            if apply_to_claim(db, ref, sid, status, code):
                log.warning("twilio status recorded a send its worker did not ref=%s", ref)
                return True
    return False


@router.post("/status", status_code=204, response_class=Response,
             responses={403: {}, 413: {}, 415: {}})
async def status(request: Request) -> Response:
    """Twilio's status callback (queued, sent, delivered, undelivered, failed, read)."""
    try:
        form = await read_form(request)
    except BadForm as bad:
        return Response(status_code=bad.status)
    if not is_valid(request, form, request.app.state.settings):
        log.warning("twilio signature rejected path=/twilio/status")
        return Response(status_code=403)
    sid = str(form.get("MessageSid") or form.get("SmsSid") or "")
    message_status = str(form.get("MessageStatus") or form.get("SmsStatus") or "")
    code = str(form.get("ErrorCode") or "") or None
    if not sid:
        return Response(status_code=400)
    ref = request.query_params.get("outbox")
    found = await to_thread.run_sync(_apply, request.app.state.sessions, sid, message_status,
                                     code, ref)
    log.info("twilio status sid=%s status=%s known=%s", sid, message_status, found)
    return Response(status_code=204)
