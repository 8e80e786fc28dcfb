"""Case workflow rules, pure and framework-free: statuses, transitions, actions, outcomes,
response targets, and who may see or work a case.

Every refusal is a :class:`WorkflowError` whose message is a sentence an officer can act on
(the API turns it into a 409; access refusals into a 403).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Protocol

STATUSES = ("new", "triaged", "in_progress", "closed")
# Forward one step at a time; a closed case can be reopened (back to in_progress).
TRANSITIONS: dict[str, tuple[str, ...]] = {
    "new": ("triaged",),
    "triaged": ("in_progress",),
    "in_progress": ("closed",),
    "closed": ("in_progress",),
}
OUTCOMES = (
    "resolved",
    "referred_to_police",
    "enforcement_taken",
    "victim_supported",
    "no_further_action",
    "resident_withdrew",
    "unable_to_contact",
    "other",
)
REFERRALS = {
    "police": "Metropolitan Police",
    "cmarac": "Community MARAC (CMARAC)",
    "housing_provider": "Housing provider / registered social landlord",
    "victim_support": "Victim Support",
    "stop_hate_uk": "Stop Hate UK",
}
ENFORCEMENT = {
    "warning_letter": "Warning letter",
    "pspo_fixed_penalty": "PSPO fixed penalty notice",
    "tenancy_action": "Tenancy action / possession proceedings",
    "injunction": "Injunction",
}
ACTION_KINDS = {"referral": REFERRALS, "enforcement": ENFORCEMENT}
CASE_ROLES = ("officer", "triage", "supervisor")
# Roles that read every case in full: supervisors, and triage officers (who assess new cases
# before anyone claims them). Triage officers work only the cases assigned to them, as officers do.
READS_ALL = ("triage", "supervisor")


class WorkflowError(Exception):
    """A request the case's current state does not allow (HTTP 409)."""


class AccessDenied(Exception):
    """The officer's role or relation to the case does not allow this (HTTP 403)."""


class OfficerLike(Protocol):
    id: int
    username: str
    role: str


class CaseLike(Protocol):
    status: str
    assigned_officer_id: int | None
    due_by: datetime | None
    risk_level: str
    share_consent: bool
    consent_police: bool | None
    consent_support: bool | None
    consent_landlord: bool | None


@dataclass(frozen=True)
class Transition:
    """What a status change does to the case's fields."""

    status: str
    outcome: str | None
    closed: bool
    reopened: bool


def check_transition(case: CaseLike, new_status: str, outcome: str | None) -> Transition:
    """Validate ``case.status -> new_status``; raise WorkflowError with the reason if illegal."""
    current = case.status
    allowed = TRANSITIONS.get(current, ())
    if new_status == current:
        raise WorkflowError(f"The case is already {current}.")
    if new_status not in allowed:
        hint = " or ".join(allowed) or "nothing"
        raise WorkflowError(
            f"A case cannot move from {current} to {new_status}: from {current} it can only "
            f"move to {hint} (new -> triaged -> in_progress -> closed; closed can be reopened)."
        )
    if new_status == "in_progress" and case.assigned_officer_id is None:
        raise WorkflowError("Assign the case to an officer before starting work on it.")
    closing = new_status == "closed"
    if closing and not outcome:
        raise WorkflowError("Closing a case needs an outcome.")
    if not closing and outcome:
        raise WorkflowError("An outcome is only recorded when closing a case.")
    return Transition(new_status, outcome if closing else None, closing, current == "closed")


def check_action(case: CaseLike, kind: str, action: str) -> None:
    """A referral or enforcement action may be recorded on this case now."""
    if action not in ACTION_KINDS.get(kind, {}):
        known = ", ".join(ACTION_KINDS.get(kind, {})) or "none"
        raise WorkflowError(f"{action!r} is not a {kind} action (known: {known}).")
    if case.status == "closed":
        raise WorkflowError("The case is closed: reopen it before recording actions.")
    if kind == "referral":
        from bot.consent import basis

        allowed = basis(case, action)  # type: ignore[arg-type]
        if not allowed.allowed:
            raise WorkflowError(allowed.reason + " (Only a high-risk case may go to CMARAC "
                                "without consent.)")


def check_can_read(officer: OfficerLike, case: CaseLike) -> None:
    """Supervisors and triage officers read every case; officers the open queue and their own
    cases."""
    if officer.role in READS_ALL:
        return
    if officer.role != "officer":
        raise AccessDenied("Only officers, triage officers and supervisors can see cases.")
    if case.assigned_officer_id not in (None, officer.id):
        raise AccessDenied("This case is assigned to another officer.")


def may_read_full(officer: OfficerLike, case: CaseLike) -> bool:
    """The account in the resident's words and how to reach them: for the case's own officer
    supervisors and triage officers. Other officers see a summary until they claim it."""
    return officer.role in READS_ALL or (
        case.assigned_officer_id is not None and case.assigned_officer_id == officer.id)


def check_can_read_full(officer: OfficerLike, case: CaseLike) -> None:
    check_can_read(officer, case)
    if not may_read_full(officer, case):
        raise AccessDenied("Claim this case (POST .../assign) to see the account and the "
                           "resident's contact details.")


def check_can_work(officer: OfficerLike, case: CaseLike) -> None:
    """Supervisors work every case; officers and triage officers only cases assigned to them."""
    check_can_read(officer, case)
    if officer.role != "supervisor" and case.assigned_officer_id != officer.id:
        raise AccessDenied("Claim this case (POST .../assign) before working on it.")


def check_assign(
    actor: OfficerLike, case: CaseLike, target: OfficerLike, target_active: bool
) -> None:
    """Officers may claim an unassigned case; supervisors assign any open case to anyone."""
    check_can_read(actor, case)
    if actor.role != "supervisor" and target.id != actor.id:
        raise AccessDenied("Only supervisors can assign cases to other officers.")
    if actor.role != "supervisor" and case.assigned_officer_id not in (None, actor.id):
        raise AccessDenied("This case is assigned to another officer.")
    if not target_active or target.role not in CASE_ROLES:
        raise WorkflowError(f"{target.username} is not an active officer or supervisor.")
    if case.status == "closed":
        raise WorkflowError("The case is closed: reopen it before assigning it.")


def suggested_actions(
    risk_level: str, perpetrator: str | None, housing: str | None, recorded: set[str]
) -> list[str]:
    """Actions the rules suggest that nobody has recorded yet (``kind:action``)."""
    wanted = []
    if risk_level == "high":
        wanted.append("referral:cmarac")
    if perpetrator == "neighbour" and housing in ("council", "housing_association"):
        wanted.append("referral:housing_provider")
    return [w for w in wanted if w not in recorded]
