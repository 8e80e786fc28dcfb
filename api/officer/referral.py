"""``GET /api/v1/cases/{ref}/referral?to=<partner>``: the referral packet (JSON or HTML)."""

from __future__ import annotations

from datetime import date, datetime
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Query, Request
from fastapi.encoders import jsonable_encoder
from fastapi.responses import HTMLResponse, JSONResponse
from pydantic import BaseModel, Field

from api.deps import SessionDep, SettingsDep
from api.officer.auth import CaseWorker
from api.officer.deps import WorkableCase, refused
from api.officer.errors import responses
from api.officer.referral_html import headers as packet_headers
from api.officer.referral_html import render
from bot.casework.referrals import referral_packet as produce_packet
from bot.workflow import REFERRALS

router = APIRouter(tags=["referrals"])
Partner = Literal[tuple(REFERRALS)]  # type: ignore[valid-type]


class Named(BaseModel):
    key: str
    name: str


class PreparedBy(BaseModel):
    name: str
    email: str | None
    phone: str | None
    organisation: str


class PacketLocation(BaseModel):
    text: str | None
    ward: str | None
    online: bool


class PacketRisk(BaseModel):
    level: str
    reasons: list[str]


class PacketHousing(BaseModel):
    tenure: str | None
    provider: str | None
    perpetrator_council_tenant: bool = Field(
        default=False, description="A perpetrator linked to the case is a council tenant")


class ResidentContact(BaseModel):
    method: str
    value: str | None
    safe_time: str | None
    name: str | None = None
    voicemail_ok: bool | None = None


class ConsentChoices(BaseModel):
    police: bool | None
    support: bool | None
    landlord: bool | None


class PacketNeeds(BaseModel):
    """What matters to the resident, so the partner does not have to ask again."""

    wishes: list[str]
    in_their_words: str | None
    support_wanted: bool | None
    feels_safe_at_home: bool | None
    access_needs: list[str]
    language: str | None
    access_other: str | None


class PacketDiaryEntry(BaseModel):
    occurred_on: date | None
    summary: str | None
    account: str | None
    added_at: datetime
    channel: str
    location: str | None = None
    incident_types: list[str] = []


class PacketSubject(BaseModel):
    knows: bool | None
    agrees_to_contact: bool | None
    contact: str | None


class PacketSafeguarding(BaseModel):
    concern: str | None
    reasons: list[str]


class ReferralPacket(BaseModel):
    """Only what the resident consented to share; no internal notes or actions."""

    reference: str
    recipient: Named
    prepared_at: datetime
    prepared_by: PreparedBy
    consent: str
    consent_choices: ConsentChoices
    reported_at: datetime
    channel: str
    reporter_role: str | None
    account: str | None
    hostility: list[str]
    incident_types: list[str]
    occurred_on: date | None
    occurred_time: str | None
    ongoing: bool | None
    location: PacketLocation
    perpetrator: str | None
    injured: bool | None
    risk: PacketRisk
    housing: PacketHousing | None
    anonymous: bool
    urgent: bool
    needs: PacketNeeds
    diary: list[PacketDiaryEntry] = []
    subject: PacketSubject | None
    safeguarding: PacketSafeguarding
    resident_contact: ResidentContact | None


def _wants_html(request: Request, fmt: str | None) -> bool:
    if fmt is not None:
        return fmt == "html"
    accept = request.headers.get("accept", "")
    return "text/html" in accept and "application/json" not in accept


@router.get(
    "/cases/{reference}/referral",
    response_model=ReferralPacket,
    summary="The referral packet for a partner (JSON; printable HTML with Accept: text/html "
            "or format=html). 403 without the resident's consent to share with that partner "
            "(police, support services and the landlord are separate choices).",
    responses={
        200: {"content": {"text/html": {"schema": {"type": "string"}}},
              "description": "The packet"},
        **responses(403, 404),
    },
)
def referral_packet(
    case: WorkableCase,
    request: Request,
    session: SessionDep,
    settings: SettingsDep,
    officer: CaseWorker,
    to: Annotated[Partner, Query(description="Who the packet is for")],
    fmt: Annotated[Literal["json", "html"] | None, Query(alias="format")] = None,
) -> Any:
    html = _wants_html(request, fmt)
    with refused():
        packet = produce_packet(session, officer, case, to, settings, "html" if html else "json")
    headers = {"Cache-Control": "no-store"}
    if html:
        return HTMLResponse(render(packet), headers=packet_headers())
    body = ReferralPacket.model_validate(packet).model_dump(mode="json")
    return JSONResponse(jsonable_encoder(body), headers=headers)
