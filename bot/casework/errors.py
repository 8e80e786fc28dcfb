"""The refusals of case work, in one module so front ends can map them to status codes."""

from __future__ import annotations

from bot.messaging.outbox import CannotMessage, MessageLimitReached
from bot.perpetrators.access import RecordNotFound
from bot.referral import NoConsent
from bot.workflow import AccessDenied, WorkflowError

CHANGED = "The case changed while you were working on it: reload it and try again."


class CaseNotFound(LookupError):
    """No case with that reference."""


class OfficerNotFound(LookupError):
    """No account with that username."""


class CaseChanged(WorkflowError):
    """Someone else changed the case between loading it and saving (a lost race)."""

    def __init__(self, message: str = CHANGED) -> None:
        super().__init__(message)


class AccountConflict(Exception):
    """An account change that cannot be made (a taken name, locking yourself out)."""


__all__ = [
    "AccessDenied", "AccountConflict", "CannotMessage", "CaseChanged", "CaseNotFound",
    "MessageLimitReached", "NoConsent", "OfficerNotFound", "RecordNotFound", "WorkflowError",
]
