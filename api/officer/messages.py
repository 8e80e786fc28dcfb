"""Messaging the resident: ``POST``/``GET /api/v1/cases/{ref}/messages``.

Messages are queued as ``pending`` outbox rows (bot/messaging/outbox.py) and delivered by the Twilio
worker; the listing shows each one's delivery status.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from fastapi import APIRouter, status
from pydantic import BaseModel, Field

from api.deps import SessionDep, SettingsDep
from api.officer.auth import CaseWorker
from api.officer.deps import CurrentCase, WorkableCase, refused
from api.officer.errors import responses
from bot.casework import messages, reads

router = APIRouter(tags=["messages"])


class MessageIn(BaseModel):
    text: str = Field(min_length=1, max_length=1000, pattern=r"\S",
                      description="Your words; your name and direct contact details are added")


class MessageOut(BaseModel):
    id: int
    channel: str
    status: str = Field(description="pending, claimed, retrying, queued, sent, delivered, "
                                    "undelivered, failed, cancelled, ...")
    body: str | None = Field(description="Exactly what the resident receives")
    officer: str | None
    sent_as: str | None
    error: str | None
    attempts: int
    created_at: datetime
    updated_at: datetime | None


@router.post(
    "/cases/{reference}/messages",
    response_model=MessageOut,
    status_code=status.HTTP_201_CREATED,
    summary="Queue a message to the resident on the channel they chose (409 if they cannot be "
            "messaged, e.g. anonymous or not a UK mobile; 429 past the day's cap per case or "
            "per officer)",
    responses=responses(400, 403, 404, 409, 429),
)
def send_message(case: WorkableCase, body: MessageIn, session: SessionDep,
                 settings: SettingsDep, officer: CaseWorker) -> Any:
    with refused():
        return messages.send_message(session, officer, case, body.text, settings)


@router.get(
    "/cases/{reference}/messages",
    response_model=list[MessageOut],
    summary="Messages to the resident on this case, with delivery status",
    responses=responses(403, 404),
)
def list_messages(case: CurrentCase, session: SessionDep, officer: CaseWorker) -> Any:
    with refused():  # the resident's address and words: the full case only
        return reads.list_messages(session, officer, case)
