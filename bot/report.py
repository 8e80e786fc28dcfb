"""The validated report a conversation produces: the one shape actions hand to the case store."""

from __future__ import annotations

from datetime import date
from typing import Literal

from pydantic import BaseModel, Field, field_validator

from bot.taxonomy import INCIDENT_TYPES, STRANDS

Role = Literal["victim", "witness", "third_party"]
Perpetrator = Literal["neighbour", "known", "unknown"]
ContactMethod = Literal["phone", "sms", "whatsapp", "email", "none"]
Channel = Literal["web", "sms", "whatsapp"]


class Report(BaseModel):
    """Everything the resident told us; ``None`` means not said or skipped."""

    channel: Channel = "web"
    conversation_id: str | None = None
    reporter_role: Role | None = None
    narrative: str | None = Field(default=None, max_length=20000)
    strands: list[str] = Field(default_factory=list)
    incident_types: list[str] = Field(default_factory=list)
    occurred_on: date | None = None
    occurred_time: str | None = None
    ongoing: bool | None = None
    location_text: str | None = Field(default=None, max_length=500)
    location_ward: str | None = None
    location_online: bool = False
    perpetrator: Perpetrator | None = None
    housing: str | None = None
    housing_provider: str | None = None
    injured: bool | None = None
    danger_now: bool = False
    anonymous: bool = True
    contact_method: ContactMethod | None = None
    contact_value: str | None = Field(default=None, max_length=255)
    safe_contact_time: str | None = Field(default=None, max_length=255)
    share_consent: bool = False

    @field_validator("strands")
    @classmethod
    def _known_strands(cls, value: list[str]) -> list[str]:
        return sorted({v for v in value if v in STRANDS})

    @field_validator("incident_types")
    @classmethod
    def _known_incidents(cls, value: list[str]) -> list[str]:
        return sorted({v for v in value if v in INCIDENT_TYPES})
