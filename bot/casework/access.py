"""Who may see or work which case: the object-level check (OWASP API1) applied on load."""

from __future__ import annotations

from sqlalchemy.orm import Session

from bot import workflow
from bot.cases import get_case
from bot.casework.errors import AccessDenied, CaseNotFound
from bot.models import Case, Officer


def load_case(session: Session, reference: str, officer: Officer, work: bool = False) -> Case:
    """The case, if this officer may read it (or work it, with ``work``).

    Raises CaseNotFound or AccessDenied with a reason the officer can act on."""
    require_role(officer, *workflow.CASE_ROLES)
    case = get_case(session, reference)
    if case is None:
        raise CaseNotFound(f"No case {reference.upper()}")
    (workflow.check_can_work if work else workflow.check_can_read)(officer, case)
    return case


def require_role(officer: Officer, *roles: str) -> None:
    """Refuse (AccessDenied) unless the officer has one of ``roles``; same words as the API."""
    if officer.role not in roles:
        raise AccessDenied(f"This needs the {' or '.join(roles)} role; you are {officer.role}")
