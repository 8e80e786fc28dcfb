"""Case routes' dependencies: ``CurrentCase`` (read access) and ``WorkableCase`` (work access)
load the case named in the path with ``bot.casework``'s check applied (404/403 otherwise), and
``refused`` turns the domain's refusals into the API's status codes."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Annotated

from fastapi import Depends, HTTPException, Path

from api.deps import SessionDep
from api.officer.auth import CaseWorker
from api.officer.errors import conflict, forbidden, not_found, too_many
from api.officer.schemas import REFERENCE_PATTERN
from bot import casework
from bot.models import Case

Reference = Annotated[str, Path(pattern=REFERENCE_PATTERN,
                                 description="The case reference, e.g. HF-7K3M9Q")]


def to_http(exc: Exception) -> HTTPException:
    """The API's answer to a domain refusal (the message is the domain's, unchanged)."""
    if isinstance(exc, (casework.CaseNotFound, casework.OfficerNotFound,
                        casework.RecordNotFound)):
        return not_found(str(exc))
    if isinstance(exc, (casework.AccessDenied, casework.NoConsent)):
        return forbidden(str(exc))
    if isinstance(exc, casework.MessageLimitReached):
        return too_many(str(exc))
    return conflict(str(exc))


REFUSALS = (casework.CaseNotFound, casework.OfficerNotFound, casework.RecordNotFound,
            casework.AccessDenied, casework.NoConsent, casework.WorkflowError,
            casework.CannotMessage, casework.AccountConflict)


@contextmanager
def refused() -> Iterator[None]:
    """``with refused(): casework.add_note(...)``: domain refusals become 403/404/409."""
    try:
        yield
    except REFUSALS as exc:
        raise to_http(exc) from None


def _case(reference: str, session: SessionDep, officer: CaseWorker, work: bool) -> Case:
    with refused():
        return casework.load_case(session, reference, officer, work=work)


def get_current_case(reference: Reference, session: SessionDep, officer: CaseWorker) -> Case:
    return _case(reference, session, officer, work=False)


def get_workable_case(reference: Reference, session: SessionDep, officer: CaseWorker) -> Case:
    return _case(reference, session, officer, work=True)


CurrentCase = Annotated[Case, Depends(get_current_case)]
WorkableCase = Annotated[Case, Depends(get_workable_case)]
