"""``/officer/cases/{ref}``: one case in full (account, read-back, risk, one timeline), the
consent and contact preferences next to the forms that act on them, and the printable,
consent-gated referral packet. Loads go through ``bot.casework`` (same checks and audit as
the API)."""

from __future__ import annotations

import re
from typing import Annotated, Any

from fastapi import APIRouter, Path, Query, Request
from fastapi.responses import Response
from sqlalchemy.orm import Session

from api.deps import SessionDep, SettingsDep
from api.officer.schemas import REFERENCE_PATTERN
from api.workspace.errors import Refusal, refused, wording
from api.workspace.render import html
from api.workspace.session import SignedIn, SignedInDep
from bot import workflow
from bot.cases import is_overdue
from bot.casework import accounts, load_case, reads
from bot.casework.errors import AccessDenied, CannotMessage, WorkflowError
from bot.casework.referrals import referral_packet
from bot.casework.timeline import build_timeline
from bot.casework.views import is_urgent
from bot.messaging.outbox import check_reachable, messages_for_case
from bot.models import Case
from bot.settings import Settings
from bot.triage import load_rules

router = APIRouter()
Ref = Annotated[str, Path(max_length=24)]
DONE = {
    "claimed": "You have claimed this case: it is in your queue.",
    "assigned": "The case has a new case officer.",
    "status": "The status has changed.",
    "note": "Your note has been added.",
    "action": "The action has been recorded.",
    "message": "Your message is queued to the resident: its delivery shows in the timeline.",
    "linked": "The case is linked to the perpetrator record.",
    "unlinked": "The case is no longer linked to that perpetrator record.",
}


def case_url(case: Case, done: str | None = None, anchor: str = "") -> str:
    url = f"/officer/cases/{case.reference}"
    return url + (f"?done={done}" if done else "") + (f"#{anchor}" if anchor else "")


def valid_reference(reference: str) -> str:
    if not re.fullmatch(REFERENCE_PATTERN, reference):
        raise Refusal(404, f"No case {reference[:24]!r}: a reference looks like HF-7K3M9Q.",
                      "Case not found")
    return reference


def find_case(session: Session, user: SignedIn, reference: str, work: bool = False) -> Case:
    """The case if this officer may read (or work) it; a refusal page otherwise."""
    with refused():
        return load_case(session, valid_reference(reference), user.officer, work=work)


def _why_not(check: Any, *args: Any) -> str | None:
    try:
        check(*args)
    except (AccessDenied, WorkflowError, CannotMessage) as exc:
        return wording(str(exc))
    return None


def _reach(case: Case) -> tuple[str | None, str | None]:
    """(channel, None) if the resident can be messaged now, else (None, the reason)."""
    try:
        channel = check_reachable(case)
    except CannotMessage as exc:
        return None, str(exc)
    if case.assigned_officer is None:
        return None, ("Assign the case first: messages carry the case officer's name and "
                      "direct contact details.")
    return channel, None


def action_options(case: Case) -> list[dict[str, Any]]:
    """Every referral and enforcement action, each with the reason it is refused now (if so)."""
    options = []
    for kind, actions in workflow.ACTION_KINDS.items():
        for key, name in actions.items():
            options.append({"value": f"{kind}:{key}", "kind": kind, "name": name,
                            "refused": _why_not(workflow.check_action, case, kind, key)})
    return options


def case_page(request: Request, session: Session, settings: Settings, user: SignedIn,
              case: Case, status: int = 200, *, error: str | None = None,
              values: dict[str, str] | None = None, done: str | None = None) -> Response:
    """Render the case (the read audited as case.read); ``error`` shows a refusal at the top."""
    officer = user.officer
    with refused():
        detail = reads.read_case(session, officer, case)
    full = detail.get("access") == "full"
    # Messages carry the resident's address and words: only with the full case.
    messages = messages_for_case(session, case) if full else []
    channel, unreachable = _reach(case)
    supervisor = officer.role == "supervisor"
    return html(
        request, "case.html", status, nav="queue", case=case, c=detail,
        timeline=build_timeline(session, case, detail, messages),
        overdue=is_overdue(case), urgent=is_urgent(case) or bool(detail.get("urgent")),
        error=error, values=values or {}, done=DONE.get(done or ""),
        cannot_work=_why_not(workflow.check_can_work, officer, case),
        can_claim=case.assigned_officer_id != officer.id and case.status != "closed",
        assignable=accounts.case_workers(session) if supervisor else [],
        next_statuses=workflow.TRANSITIONS.get(case.status, ()),
        outcomes=workflow.OUTCOMES, channel=channel, unreachable=unreachable,
        actions=action_options(case), partners=workflow.REFERRALS,
        max_message=1000, reason_label=load_rules(settings.triage_rules_path).label,
    )


@router.get("/officer/cases/{reference}", summary="One case in the workspace")
def case_view(request: Request, reference: Ref, user: SignedInDep, session: SessionDep,
              settings: SettingsDep, done: Annotated[str, Query(max_length=20)] = "") -> Response:
    case = find_case(session, user, reference)
    return case_page(request, session, settings, user, case, done=done)


@router.get("/officer/cases/{reference}/referral", summary="The printable referral packet")
def packet_view(request: Request, reference: Ref, user: SignedInDep, session: SessionDep,
                settings: SettingsDep,
                to: Annotated[str, Query(max_length=40)] = "") -> Response:
    case = find_case(session, user, reference, work=True)
    if to not in workflow.REFERRALS:
        raise Refusal(400, "Choose who the packet is for: " + ", ".join(workflow.REFERRALS.values())
                      + ".", "No recipient chosen")
    with refused():
        packet = referral_packet(session, user.officer, case, to, settings, "html")
    return html(request, "packet.html", nav="queue", p=packet, case=case)
