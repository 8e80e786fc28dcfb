"""SQLAlchemy 2 models. Alembic (migrations/) is the only way the schema changes.

Sensitive free text and contact details use ``EncryptedText`` (encrypted at rest). Importing
this package registers every table on ``Base.metadata`` / ``AuditBase.metadata``.
"""

from bot.models.audit import AuditBase, AuditEvent
from bot.models.cases import (
    Case,
    CaseAction,
    CaseIncidentType,
    CaseNote,
    CaseStrand,
    Officer,
    facet_rows,
)
from bot.models.erasure import ErasureRequest
from bot.models.messaging import ChatSession, InboundClaim, OptOut, OutboundMessage
from bot.models.perpetrators import (
    CasePerpetratorLink,
    CasePlace,
    CaseRepeatRisk,
    Perpetrator,
    PerpetratorEnforcement,
    PerpetratorIdentifier,
)
from bot.models.returning import DiaryEntry, Feedback, ReturnGuard
from bot.models.sessions import OfficerEnrolment, OfficerSession, SignInThrottle
from bot.models.types import Base, EncryptedText, UTCDateTime, utcnow

__all__ = [
    "AuditBase", "AuditEvent", "Base", "Case", "CaseAction", "CaseIncidentType", "CaseNote",
    "CaseStrand", "ChatSession", "EncryptedText", "ErasureRequest", "InboundClaim", "OptOut", "Officer",
    "OutboundMessage", "UTCDateTime", "facet_rows", "utcnow",
    "CasePerpetratorLink", "CasePlace", "CaseRepeatRisk", "Perpetrator",
    "PerpetratorEnforcement", "PerpetratorIdentifier", "DiaryEntry", "Feedback", "ReturnGuard",
    "OfficerSession", "OfficerEnrolment", "SignInThrottle",
]
