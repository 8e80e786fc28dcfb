"""Request and response models of the perpetrator routes and of the perpetrator part of a
case's detail (docs/perpetrators.md)."""

from __future__ import annotations

import re
from datetime import UTC, date, datetime, timedelta
from typing import Annotated, Literal

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, field_validator, model_validator

from bot.models.perpetrators import TENANCIES
from bot.perpetrators import ENFORCEMENT_TYPES

MAX_ID = 2**31 - 1  # the database's integer: larger ids cannot exist (and must not 500)
Tenancy = Literal[TENANCIES]  # type: ignore[valid-type]
EnforcementType = Literal[tuple(ENFORCEMENT_TYPES)]  # type: ignore[valid-type]
_ISO_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")


def _iso_date(value: object) -> object:
    """A calendar date as the documented ``date`` format (YYYY-MM-DD), never a number."""
    if not isinstance(value, str) or not _ISO_DATE.fullmatch(value):
        raise ValueError("use an ISO 8601 date (YYYY-MM-DD), e.g. 2026-03-01")
    return value


def _text(max_length: int) -> object:
    """Optional free text: null or omitted for none; when given it must say something."""
    return Annotated[str, Field(max_length=max_length, pattern=r"\S")] | None


OptionalText200 = _text(200)
OptionalText500 = _text(500)
OptionalText2000 = _text(2000)
OptionalText5000 = _text(5000)
Alias = Annotated[str, Field(min_length=1, max_length=200, pattern=r"\S")]
HANDLE_PATTERN = r"[A-Za-z0-9_.-]"


class OnlineHandle(BaseModel):
    """An account on a platform ("instagram", "@j.smith99" or a profile link)."""

    model_config = ConfigDict(extra="forbid")

    platform: str = Field(min_length=1, max_length=40, pattern=r"\S")
    handle: str = Field(min_length=1, max_length=200, pattern=HANDLE_PATTERN,
                        description="Needs a letter, digit, '.', '_' or '-'")


_SAYS_WHO = [  # "at least one of", in the JSON schema too (so clients and fuzzers know)
    {"required": [field], "properties": {field: {"type": "string"}}}
    for field in ("description", "name", "address")
] + [{"required": [field], "properties": {field: {"type": "array", "minItems": 1}}}
     for field in ("aliases", "online_handles")]


class PerpetratorIn(BaseModel):
    """Any of these; at least one that says who it is (description, name, alias, address or
    handle). Identifiers are stored encrypted and matched through keyed hashes."""

    model_config = ConfigDict(extra="forbid", json_schema_extra={"anyOf": _SAYS_WHO})

    description: OptionalText2000 = None  # type: ignore[valid-type]
    name: OptionalText200 = None  # type: ignore[valid-type]
    aliases: list[Alias] = Field(default_factory=list, max_length=20)
    address: OptionalText500 = Field(default=None, description="Free text, normalised for "
                                     "matching, e.g. 'Flat 3, 14 Fulham Court, SW6'")
    tenancy: Tenancy = "unknown"
    online_handles: list[OnlineHandle] = Field(default_factory=list, max_length=20)
    notes: OptionalText5000 = None  # type: ignore[valid-type]

    @model_validator(mode="after")
    def _says_who(self) -> PerpetratorIn:
        if not (self.description or self.name or self.aliases or self.address
                or self.online_handles):
            raise ValueError("give at least a description, name, alias, address or online "
                             "handle: a record must say who it is about")
        return self


class Match(BaseModel):
    id: int
    reason: str = Field(description="Why it may be the same person, e.g. 'same address'")


class PerpetratorCreated(BaseModel):
    id: int
    possible_matches: list[Match] = Field(
        description="Existing records sharing an identifier that you may see. Linking or "
                    "merging is your decision; nothing is done automatically.")


class LinkedCase(BaseModel):
    reference: str
    status: str
    risk_level: str
    linked_at: datetime
    linked_by: str | None
    reason: str | None


class EnforcementOut(BaseModel):
    id: int
    perpetrator_id: int | None
    type: str
    label: str
    taken_on: date = Field(alias="date")
    outcome: str | None
    notes: str | None
    officer: str | None
    created_at: datetime


class PerpetratorOut(BaseModel):
    """The record, the linked cases you may read, its enforcement (every read is audited)."""

    id: int
    created_at: datetime
    updated_at: datetime
    created_by: str | None
    description: str | None
    name: str | None
    aliases: list[str]
    address: str | None
    tenancy: Tenancy
    online_handles: list[OnlineHandle]
    notes: str | None
    linked_case_count: int = Field(description="All linked cases, including ones you cannot see")
    cases: list[LinkedCase]
    enforcement: list[EnforcementOut]
    possible_matches: list[Match]


class LinkIn(BaseModel):
    """Which record, and why (stored encrypted with the link; audited as redacted)."""

    model_config = ConfigDict(extra="forbid")

    perpetrator_id: int = Field(ge=1, le=MAX_ID)
    reason: str = Field(min_length=1, max_length=1000, pattern=r"\S")


class LinkOut(BaseModel):
    reference: str
    perpetrator_id: int
    linked: bool
    linked_reports: int = Field(description="Cases the record is linked to now")
    risk_level: str = Field(description="The case's risk level now")
    risk_reasons: list[str]


class EnforcementIn(BaseModel):
    model_config = ConfigDict(extra="forbid", populate_by_name=True)

    type: EnforcementType = Field(description=", ".join(ENFORCEMENT_TYPES))  # type: ignore[valid-type]
    taken_on: Annotated[date, BeforeValidator(_iso_date)] = Field(
        alias="date", description="When it was done (YYYY-MM-DD), not in the future")
    outcome: OptionalText500 = None  # type: ignore[valid-type]
    notes: OptionalText5000 = None  # type: ignore[valid-type]

    @field_validator("taken_on")
    @classmethod
    def _not_future(cls, value: date) -> date:
        if value > datetime.now(UTC).date() + timedelta(days=1):
            raise ValueError("the date is in the future: record enforcement once it is taken")
        return value


class CasePerpetrator(BaseModel):
    id: int
    name: str | None
    description: str | None
    tenancy: Tenancy
    council_tenant: bool
    linked_reports: int
    linked_at: datetime
    linked_by: str | None
    reason: str | None


class RepeatPerpetrator(BaseModel):
    linked_reports: int
    label: str = Field(description="e.g. 'Perpetrator linked to 3 reports'")
