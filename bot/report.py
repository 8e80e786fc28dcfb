"""The validated report a conversation produces: the one shape actions hand to the case store."""

from __future__ import annotations

from datetime import date
from typing import Literal

from pydantic import BaseModel, Field, field_validator, model_validator

from bot.taxonomy import (
    ACCESS_NEEDS,
    FAITHS,
    INCIDENT_TYPES,
    LANDLORD_TENURES,
    STRANDS,
    WISHES,
)

Role = Literal["victim", "witness", "third_party"]
Perpetrator = Literal["neighbour", "known", "unknown"]
ContactMethod = Literal["phone", "sms", "whatsapp", "email", "none"]
Channel = Literal["web", "sms", "whatsapp"]
Safeguarding = Literal["child", "adult"]


def _known(values: list[str], vocabulary: tuple[str, ...]) -> list[str]:
    return sorted({v for v in values if v in vocabulary})


class Report(BaseModel):
    """Everything the resident told us; ``None`` means not said or skipped."""

    channel: Channel = "web"
    conversation_id: str | None = None
    # The same report sent twice (a retry, a double press) has the same key: one case.
    submission_key: str | None = Field(default=None, max_length=160)
    # Chosen before saving when the database is down (the resident is told it at once).
    reference: str | None = Field(default=None, max_length=24)
    # Argon2 hash of the secret code shown once at submission (coming back, issue 9).
    return_secret_hash: str | None = Field(default=None, max_length=255)
    reporter_role: Role | None = None
    narrative: str | None = Field(default=None, max_length=20000)
    strands: list[str] = Field(default_factory=list)
    faiths: list[str] = Field(default_factory=list)
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
    urgent: bool = False  # sent early by a resident in danger now

    # The person it happened to (third-party reports).
    subject_knows: bool | None = None
    subject_agrees: bool | None = None
    subject_contact: str | None = Field(default=None, max_length=255)
    safeguarding: Safeguarding | None = None

    # What matters to them.
    wishes: list[str] = Field(default_factory=list)
    wishes_text: str | None = Field(default=None, max_length=1000)
    support_wanted: bool | None = None
    feels_safe_home: bool | None = None
    access_needs: list[str] = Field(default_factory=list)
    access_language: str | None = Field(default=None, max_length=64)
    access_other: str | None = Field(default=None, max_length=255)

    anonymous: bool = True
    contact_method: ContactMethod | None = None
    contact_value: str | None = Field(default=None, max_length=255)
    contact_name: str | None = Field(default=None, max_length=120)
    voicemail_ok: bool | None = None
    safe_contact_time: str | None = Field(default=None, max_length=255)

    # Sharing, asked separately: True/False as answered, None when not asked or skipped.
    consent_police: bool | None = None
    consent_support: bool | None = None
    consent_landlord: bool | None = None
    # Older callers' single yes: sharing with the police and support (and the landlord when a
    # neighbour rents). Never set by the conversation itself.
    share_consent: bool = False

    @field_validator("strands")
    @classmethod
    def _known_strands(cls, value: list[str]) -> list[str]:
        return _known(value, STRANDS)

    @field_validator("incident_types")
    @classmethod
    def _known_incidents(cls, value: list[str]) -> list[str]:
        return _known(value, INCIDENT_TYPES)

    @field_validator("faiths")
    @classmethod
    def _known_faiths(cls, value: list[str]) -> list[str]:
        return _known(value, FAITHS)

    @field_validator("wishes")
    @classmethod
    def _known_wishes(cls, value: list[str]) -> list[str]:
        return _known(value, WISHES)

    @field_validator("access_needs")
    @classmethod
    def _known_needs(cls, value: list[str]) -> list[str]:
        return _known(value, ACCESS_NEEDS)

    @model_validator(mode="after")
    def _legacy_consent(self) -> Report:
        if self.share_consent and (self.consent_police, self.consent_support,
                                   self.consent_landlord) == (None, None, None):
            self.consent_police = self.consent_support = True
            if self.perpetrator == "neighbour" and self.housing in LANDLORD_TENURES:
                self.consent_landlord = True
        self.share_consent = any((self.consent_police, self.consent_support,
                                  self.consent_landlord))
        return self

    # Flags the triage rules can name (bot/config/triage.yml, ``flag:``).
    @property
    def safeguarding_concern(self) -> bool:
        return self.safeguarding is not None

    @property
    def unsafe_at_home(self) -> bool:
        return self.feels_safe_home is False
