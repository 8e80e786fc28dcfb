"""Response and request models of the officer API (they make the OpenAPI document complete)."""

from __future__ import annotations

import re
from datetime import UTC, date, datetime
from typing import Annotated, Literal

from pydantic import BaseModel, BeforeValidator, Field

from api.officer.perpetrator_schemas import (
    CasePerpetrator,
    EnforcementOut,
    Match,
    RepeatPerpetrator,
)
from bot.taxonomy import CASE_STATUSES, CHANNELS, RISK_LEVELS
from bot.workflow import ENFORCEMENT, OUTCOMES, REFERRALS

ACTIONS = (*REFERRALS, *ENFORCEMENT)

_NUMBER = re.compile(r"\s*[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?\s*")


def _iso_only(value: object) -> object:
    """Query datetimes must be ISO 8601: pydantic would also take a bare number as a Unix
    timestamp, which the documented ``date-time`` format does not allow."""
    if isinstance(value, str) and _NUMBER.fullmatch(value):
        raise ValueError("use an ISO 8601 date or date-time, e.g. 2026-03-01T09:00:00Z")
    return value


_ISO_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")


def _iso_date_only(value: object) -> object:
    """Query dates must be ISO 8601 calendar dates (YYYY-MM-DD, the documented ``date``
    format): pydantic would also take a bare number as a Unix timestamp, and a date-time at
    midnight, which that format does not allow."""
    if isinstance(value, str) and not _ISO_DATE.fullmatch(value):
        raise ValueError("use an ISO 8601 date (YYYY-MM-DD), e.g. 2026-03-01")
    return value


# Patterns: nothing a database cannot store (PostgreSQL refuses NUL) and nothing surprising.
USERNAME_PATTERN = r"^[A-Za-z0-9_.-]{3,64}$"
REFERENCE_PATTERN = r"^[A-Za-z0-9-]{1,24}$"
TEXT_PATTERN = r"^[^\x00]*$"

IsoDateTime = Annotated[datetime, BeforeValidator(_iso_only)]


def as_utc(value: datetime | None) -> datetime | None:
    """A query datetime without a zone is read as UTC (the database stores UTC)."""
    return value.replace(tzinfo=UTC) if value and value.tzinfo is None else value
IsoDate = Annotated[date, BeforeValidator(_iso_date_only)]
Status = Literal[CASE_STATUSES]  # type: ignore[valid-type]
RiskLevel = Literal[RISK_LEVELS]  # type: ignore[valid-type]


class Location(BaseModel):
    text: str | None
    ward: str | None
    online: bool


class Housing(BaseModel):
    tenure: str | None
    provider: str | None


class Contact(BaseModel):
    method: str | None
    value: str | None
    safe_time: str | None
    name: str | None = Field(default=None, description="A name to ask for when calling")
    voicemail_ok: bool | None = None


class Consent(BaseModel):
    """Each sharing choice as the resident made it; null when not asked or skipped."""

    police: bool | None
    support: bool | None = Field(description="Victim Support and the specialist service")
    landlord: bool | None = Field(description="Asked only when a neighbour rents their home")


class Wishes(BaseModel):
    outcomes: list[str] = Field(description="stop_it, action_against, support, record_only, other")
    in_their_words: str | None
    support_wanted: bool | None


class AccessNeeds(BaseModel):
    needs: list[str] = Field(description="interpreter, bsl, easy_read, other")
    language: str | None
    other: str | None


class Subject(BaseModel):
    """The person it happened to, in a third-party report."""

    knows: bool | None = Field(description="Knows the report was made")
    agrees_to_contact: bool | None
    contact: str | None


class DiaryEntryOut(BaseModel):
    """One further incident the resident added by coming back (issue 9)."""

    occurred_on: date | None
    summary: str | None
    account: str | None
    added_at: datetime
    channel: str
    location: str | None = None
    incident_types: list[str] = Field(default_factory=list)


class FeedbackOut(BaseModel):
    rating: int | None
    comment: str | None
    stage: str = Field(description="report (at the end of the report) or closure")
    channel: str
    created_at: datetime


class SafeguardingOut(BaseModel):
    concern: Literal["child", "adult"] | None
    reasons: list[str]


class Risk(BaseModel):
    level: RiskLevel
    reasons: list[str]
    suggest_cmarac: bool = Field(description="High risk: the rules suggest a CMARAC referral")


class NoteOut(BaseModel):
    id: int
    officer: str | None
    text: str | None
    created_at: datetime


class ActionOut(BaseModel):
    id: int
    kind: Literal["referral", "enforcement"]
    action: str
    label: str
    detail: str | None
    officer: str | None
    created_at: datetime


class CaseSummary(BaseModel):
    """A queue row: enough to prioritise, nothing the resident said in their own words."""

    reference: str
    created_at: datetime
    status: Status
    channel: str = Field(description=f"One of {', '.join(CHANNELS)}")
    strands: list[str]
    incident_types: list[str]
    ward: str | None
    risk: Risk
    due_by: datetime | None
    overdue: bool
    assigned_officer: str | None
    anonymous: bool
    repeat_perpetrator: bool = Field(
        default=False, description="A linked perpetrator record is linked to other reports too")
    new_information: bool = Field(
        default=False,
        description="The resident added to the report since its officer last read it")
    urgent: bool = Field(default=False, description="Danger now: the resident sent it early")


class CaseList(BaseModel):
    items: list[CaseSummary]
    next_cursor: str | None = Field(
        description="Pass as `cursor` for the next page; null on the last page."
    )


class CaseOut(BaseModel):
    """The whole case as the officer needs it (every read is audited)."""

    reference: str
    access: Literal["full", "summary"] = Field(
        default="full", description="summary: not your case (claim it to see the account, "
        "exact place and time and contact details, which are then null here)")
    created_at: datetime
    status: Status
    channel: str
    reporter_role: str | None
    narrative: str | None
    strands: list[str]
    incident_types: list[str]
    occurred_on: date | None
    occurred_time: str | None
    ongoing: bool | None
    location: Location
    perpetrator: str | None
    housing: Housing
    injured: bool | None
    danger_now: bool
    urgent: bool = Field(description="Sent early by a resident in danger now")
    faiths: list[str] = Field(description="The faith(s) targeted, when religion is a strand")
    anonymous: bool
    contact: Contact
    share_consent: bool = Field(description="True when any of `consent` is true")
    consent: Consent
    wishes: Wishes
    feels_safe_at_home: bool | None
    access_needs: AccessNeeds
    subject: Subject | None
    safeguarding: SafeguardingOut
    new_information: bool = Field(
        default=False,
        description="The resident added to the report since its officer last read it")
    new_information_at: datetime | None = None
    diary: list[DiaryEntryOut] = Field(default_factory=list,
                                       description="Further incidents the resident added")
    feedback: list[FeedbackOut] = Field(default_factory=list)
    risk: Risk
    due_by: datetime | None
    overdue: bool
    assigned_officer: str | None
    outcome: str | None
    closed_at: datetime | None
    suggested_actions: list[str] = Field(
        description="Actions the rules suggest and nobody has recorded yet, e.g. referral:cmarac"
    )
    notes: list[NoteOut]
    actions: list[ActionOut]
    # The perpetrator part (docs/perpetrators.md): filled, and audited, by GET /cases/{ref};
    # null in the answers to changes (assign, status), which do not read perpetrator data.
    perpetrators: list[CasePerpetrator] | None = Field(
        default=None, description="Perpetrator records linked to this case")
    perpetrator_enforcement: list[EnforcementOut] | None = Field(
        default=None, description="Enforcement against the linked perpetrators, for the "
                                  "case's timeline (oldest first)")
    perpetrator_council_tenant: bool | None = Field(
        default=None, description="A linked perpetrator is a council tenant (for housing)")
    possible_perpetrators: list[Match] | None = Field(
        default=None, description="Records whose address or handle the account names, that "
                                  "you may see; linking them is your decision")
    repeat_perpetrator: RepeatPerpetrator | None = Field(
        default=None, description="Set when a linked record is linked to two or more reports")


class AssignIn(BaseModel):
    """Who takes the case; omit the body to claim it yourself."""

    officer: str = Field(pattern=USERNAME_PATTERN, description="The officer's username")


class NoteIn(BaseModel):
    text: str = Field(min_length=1, max_length=5000, pattern=r"\S")


class StatusIn(BaseModel):
    """new -> triaged -> in_progress -> closed (outcome required); closed -> in_progress reopens."""

    status: Status
    outcome: Literal[OUTCOMES] | None = Field(  # type: ignore[valid-type]
        default=None, description="Required when closing; not allowed otherwise"
    )


class ActionIn(BaseModel):
    """A referral to a partner or an enforcement action against a perpetrator."""

    kind: Literal["referral", "enforcement"]
    action: Literal[ACTIONS] = Field(  # type: ignore[valid-type]
        description="referral: " + ", ".join(REFERRALS) + "; enforcement: " + ", ".join(ENFORCEMENT)
    )
    detail: str | None = Field(default=None, max_length=2000)
