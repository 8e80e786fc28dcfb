"""POST /twilio/messages: SMS and WhatsApp messages in, TwiML reply out, in the same response.

Order matters: the body (urlencoded only, size counted on the stream, api/twilio/form.py), the
signature (else 403, nothing touched), the abuse limits (api/abuse.py; STOP and START are never
held), then the MessageSid claim (at most once), then carrier keywords (STOP must work whatever
the conversation is doing), then the turn.
The number is only ever hashed (conversation id, opt-out key) or stored encrypted.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass

from anyio import to_thread
from fastapi import APIRouter, Request, Response
from twilio.twiml.messaging_response import MessagingResponse

from api.abuse import Guard
from api.degraded import Unavailable, trouble_text
from api.turns import Conversations, ReportLimitReached
from api.twilio import claims, state
from api.twilio.form import BadForm, read_form
from api.twilio.signature import is_valid
from bot.crypto import pseudonym
from bot.messaging import keywords
from bot.messaging.keywords import Keyword
from bot.messaging.optout import normalise_number
from bot.messaging.render import option_index, render_parts
from bot.returning import feedback
from bot.wording import say

log = logging.getLogger("tellonce.twilio")
router = APIRouter()
_SID = re.compile(r"^[A-Za-z0-9]{2,64}$")
NEVER_HELD = (Keyword.OPT_OUT, Keyword.OPT_IN)  # a number must always be able to opt out


@dataclass
class Inbound:
    """One webhook's essentials (the number stays in memory, never logged)."""

    sid: str
    channel: str  # sms | whatsapp
    number: str
    body: str
    num_media: int
    turn_taken: bool = False  # Rasa has acted on it: never release the claim after this

    @property
    def conversation_id(self) -> str:
        prefix = "wa" if self.channel == "whatsapp" else "s"
        return f"{prefix}-{pseudonym(self.number, self.channel)}"


def twiml(parts: list[str]) -> str:
    reply = MessagingResponse()
    for part in parts:
        reply.message(part)
    return str(reply)


def _xml(body: str) -> Response:
    return Response(content=body, media_type="application/xml")


def parse(form: dict[str, str]) -> Inbound | None:
    sid = form.get("MessageSid") or form.get("SmsSid") or ""
    sender = form.get("From") or ""
    number = normalise_number(sender)
    if not _SID.match(sid) or len(number) < 4:
        return None
    channel = "whatsapp" if sender.lower().startswith("whatsapp:") else "sms"
    try:
        num_media = int(form.get("NumMedia") or 0)
    except ValueError:
        num_media = 0
    return Inbound(sid, channel, number, form.get("Body") or "", num_media)


@router.post("/messages", response_class=Response,
             responses={200: {"content": {"application/xml": {}}}, 403: {}, 413: {},
                        415: {}})
async def messages(request: Request) -> Response:
    """Twilio's incoming-message webhook for the SMS number and the WhatsApp sender."""
    try:
        form = await read_form(request)
    except BadForm as bad:
        return Response(status_code=bad.status)
    settings = request.app.state.settings
    if not is_valid(request, form, settings):
        log.warning("twilio signature rejected path=/twilio/messages")
        return Response(status_code=403)
    msg = parse({k: str(v) for k, v in form.items()})
    if msg is None:
        return Response(status_code=400)
    guard: Guard = request.app.state.guard
    if keywords.classify(msg.body) not in NEVER_HELD:
        limited = await guard.message(request, msg.channel, msg.conversation_id)
        if limited is not None:
            log.warning("twilio message held: %s limit channel=%s", limited.reason, msg.channel)
            # answered once per window, so a flood does not become a flood of paid replies
            text = say("gateway.too_many_messages", msg.channel)
            return _xml(twiml(render_parts([(text, [])], msg.channel) if limited.answer
                              else []))
    sessions = request.app.state.sessions
    claimed, stored = await to_thread.run_sync(claims.claim, sessions, msg.sid)
    if claimed is claims.ClaimState.DONE:
        return _xml(stored or twiml([]))
    if claimed is claims.ClaimState.BUSY:
        return _xml(twiml([]))
    try:
        reply = twiml(await handle(request.app.state.conversations, sessions, settings, msg,
                                   guard.report_origin(request, msg.channel,
                                                       msg.conversation_id)))
    except Exception as exc:  # release so a retry can succeed; say something safe meanwhile
        part = exc.part if isinstance(exc, Unavailable) else "gateway"
        log.error("twilio message failed sid=%s part=%s error=%s", msg.sid, part,
                  type(exc).__name__)
        sorry = twiml([_sorry(msg.channel)])
        if msg.turn_taken:  # a retry would be a second turn (maybe a second case): keep it
            await to_thread.run_sync(claims.complete, sessions, msg.sid, sorry)
        else:
            await to_thread.run_sync(claims.release, sessions, msg.sid)
        return _xml(sorry)
    await to_thread.run_sync(claims.complete, sessions, msg.sid, reply)
    log.info("twilio message sid=%s channel=%s", msg.sid, msg.channel)
    return _xml(reply)


def _sorry(channel: str) -> str:
    """A part is down (Rasa, its actions, the database): the answers so far are kept, send
    this one again; the emergency number and Stop Hate UK meanwhile."""
    return render_parts([(trouble_text(channel), [])], channel)[0]


async def handle(conversations: Conversations, sessions, settings, msg: Inbound,  # noqa: ANN001
                 origin: str | None = None) -> list[str]:
    """The reply parts for one claimed message (``origin``: whose reports it counts)."""
    kw = keywords.classify(msg.body)
    opted_out = await to_thread.run_sync(state.is_opted_out, sessions, msg.number)

    def reply(pairs: list[tuple[str, list[str]]]) -> list[str]:
        return render_parts(pairs, msg.channel)

    if kw is Keyword.OPT_OUT:
        await to_thread.run_sync(state.set_opted_out, sessions, msg.number, True)
        await _end_quietly(conversations, msg)
        return reply([(keywords.opt_out_text(msg.channel), [])])
    if kw is Keyword.OPT_IN and opted_out:
        await to_thread.run_sync(state.set_opted_out, sessions, msg.number, False)
        return reply([(keywords.opt_in_text(msg.channel), [])])
    if kw is Keyword.HELP:
        return reply([(keywords.help_text(settings, msg.channel), [])])
    if opted_out:
        return []  # the resident said STOP: nothing is sent until START
    if kw is Keyword.EXIT:  # asks first when an account was given (send / delete / carry on)
        turn = await conversations.turn(msg.conversation_id, msg.channel, "exit",
                                        {"contact_hint": msg.channel})
        msg.turn_taken = True
        await to_thread.run_sync(state.after_turn, sessions, msg.conversation_id, msg.channel,
                                 msg.number)
        pairs = [(m.text, [b.title for b in m.buttons]) for m in turn.messages]
        if turn.ended:
            pairs.append((keywords.exit_text(msg.channel), []))
        return reply(pairs)
    if msg.num_media > 0 and not msg.body.strip():
        await to_thread.run_sync(state.touch, sessions, msg.conversation_id, msg.channel,
                                 msg.number)
        return reply([(keywords.media_only_text(msg.channel), [])])
    rated = await to_thread.run_sync(_closure_rating, sessions, settings, msg)
    if rated:
        return reply([(rated, [])])
    text = await _map_option(sessions, msg)
    try:
        turn = await conversations.turn(msg.conversation_id, msg.channel, text,
                                        {"contact_hint": msg.channel}, origin=origin)
    except ReportLimitReached:  # nothing reached Rasa: their answers wait for them
        return reply([(say("gateway.too_many_reports", msg.channel), [])])
    msg.turn_taken = True
    await to_thread.run_sync(state.after_turn, sessions, msg.conversation_id, msg.channel,
                             msg.number)
    pairs = [(m.text, [b.title for b in m.buttons]) for m in turn.messages]
    if msg.num_media > 0:
        pairs.append((keywords.media_note(msg.channel), []))
    if turn.ended and any(m.text for m in turn.messages) and _was_exit(text):
        pairs.append((keywords.exit_text(msg.channel), []))
    return reply(pairs)


async def _map_option(sessions, msg: Inbound) -> str:  # noqa: ANN001
    """"2" → the payload offered as option 2 last turn; anything else passes through."""
    offered = await to_thread.run_sync(state.offered_payloads, sessions, msg.conversation_id)
    index = option_index(msg.body)
    if index is not None and index < len(offered):
        return offered[index]
    return msg.body


def _closure_rating(sessions, settings, msg: Inbound) -> str | None:  # noqa: ANN001
    """A rating ("4", "5 thank you") replied to a closing message: kept as that case's feedback."""
    rated = feedback.parse_rating(msg.body)
    if rated is None:
        return None
    with sessions() as db, db.begin():
        case = feedback.awaiting_closure_rating(db, msg.conversation_id, settings)
        if case is None:
            return None
        feedback.record(db, case, rated[0], rated[1], msg.channel, stage="closure")
    return say("returning.closure_thanks", msg.channel)


def _was_exit(payload: str) -> bool:
    """The resident chose to end (a numbered 'Delete it' or 'Exit' after EXIT)."""
    return payload in ("/delete_report", "/stop")


async def _end_quietly(conversations: Conversations, msg: Inbound) -> None:
    """STOP also ends any report in progress without sending it (we can no longer ask what
    they want); Rasa being down must not block the opt-out."""
    try:
        await conversations.command(msg.conversation_id, msg.channel, "/delete_report",
                                    {"contact_hint": msg.channel})
    except Exception as exc:
        log.warning("could not end conversation after opt-out error=%s", type(exc).__name__)
