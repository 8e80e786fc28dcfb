"""Working cases, one implementation for every front end: the officer API (api/officer) and the
officers' workspace (api/workspace) both call these functions, so access per role and per case,
workflow transitions, consent gates, redaction and the audit trail come from one place.

Each function that changes something does act + audit + commit once; each read that shows case
data records its audit event. Refusals are exceptions whose message is safe to show an officer:
``CaseNotFound`` / ``OfficerNotFound`` / ``RecordNotFound`` (404), ``AccessDenied`` and
``NoConsent`` (403), ``WorkflowError`` (and its ``CaseChanged``), ``CannotMessage`` and
``AccountConflict`` (409), ``MessageLimitReached`` (429: the day's cap of messages).
Perpetrator records: ``bot.casework.perpetrators``.
"""

from bot.casework.access import load_case, require_role
from bot.casework.errors import (
    AccessDenied,
    AccountConflict,
    CannotMessage,
    CaseChanged,
    CaseNotFound,
    MessageLimitReached,
    NoConsent,
    OfficerNotFound,
    RecordNotFound,
    WorkflowError,
)

__all__ = [
    "AccessDenied", "AccountConflict", "CannotMessage", "CaseChanged", "CaseNotFound",
    "MessageLimitReached", "NoConsent", "OfficerNotFound", "RecordNotFound", "WorkflowError",
    "load_case",
    "require_role",
]
