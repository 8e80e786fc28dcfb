"""Perpetrator records in the workspace: the record page (``/officer/perpetrators/{id}``) with
its enforcement form, and the case page's forms to link, unlink and create a record.

Every form is CSRF-checked (``FormUser``), validated with the API's request models and carried
out by ``bot.casework.perpetrators`` (the API's own calls: same access rules, same audit). A
refusal re-renders the page with the reason and the API's status code; success redirects (303).
"""

from __future__ import annotations

import re
from datetime import datetime
from typing import Annotated, Any

from fastapi import APIRouter, Form, Path, Query, Request
from fastapi.responses import Response
from pydantic import ValidationError
from sqlalchemy.orm import Session

from api.deps import SessionDep, SettingsDep
from api.officer.perpetrator_schemas import MAX_ID, EnforcementIn, LinkIn, PerpetratorIn
from api.officer.perpetrators import record_input
from api.workspace.case import Ref, case_url
from api.workspace.errors import REFUSALS, Refusal, refused, status_of, wording
from api.workspace.render import LONDON, html, redirect
from api.workspace.session import FormUser, SignedIn, SignedInDep
from api.workspace.work import CaseForm, Short, Text
from bot.casework import perpetrators as casework
from bot.perpetrators import ENFORCEMENT_TYPES

router = APIRouter()
RecordRef = Annotated[str, Path(max_length=12)]
Line = Annotated[str, Form(max_length=600)]
DONE = {
    "created": "The record has been created and linked to the case.",
    "enforcement": "The enforcement has been recorded: it shows on every linked case.",
}
FIELDS = {"perpetrator_id": "The record number", "reason": "The reason", "type": "The kind of "
          "enforcement", "date": "The date", "taken_on": "The date", "outcome": "The outcome",
          "notes": "The notes", "description": "The description", "name": "The name",
          "aliases": "Another name", "address": "The address", "tenancy": "The tenancy",
          "online_handles": "The online handle", "platform": "The platform",
          "handle": "The handle"}


def explain(exc: ValidationError) -> str:
    """The first problem in words, naming the field as the form labels it."""
    err = exc.errors()[0]
    names = [str(part) for part in err["loc"] if isinstance(part, str)]
    field = FIELDS.get(names[-1] if names else "", "A field")
    kind = err.get("type", "")
    if field == "The reason" and kind in ("string_too_short", "missing",
                                          "string_pattern_mismatch"):
        return "Give a reason: it is kept with the link, for whoever reviews it later."
    if kind in ("int_parsing", "int_type") or (field == "The record number"
                                               and kind.startswith(("less", "greater"))):
        return "The record number is the number shown on the record, e.g. 12."
    if kind == "string_too_long":
        return f"{field} is too long (at most {err['ctx']['max_length']} characters)."
    if kind in ("literal_error", "enum"):
        return f"{field} is not one of the choices offered."
    if kind == "string_pattern_mismatch" and field == "The handle":
        return "The handle needs a letter or a number, e.g. @j.smith99."
    message = str(err["msg"]).removeprefix("Value error, ")
    if kind == "value_error":
        return message[:1].upper() + message[1:] + "."
    return f"{field} is not valid: {message}."


def record_id(value: str) -> int:
    """A record number from the URL; anything else is a 404 page, never a 500."""
    if not re.fullmatch(r"[1-9][0-9]{0,9}", value) or int(value) > MAX_ID:
        raise Refusal(404, f"No perpetrator record {value[:12]!r}: a record number looks "
                           "like 12.", "Record not found")
    return int(value)


def record_page(request: Request, session: Session, user: SignedIn, rid: int,
                status: int = 200, *, error: str | None = None,
                values: dict[str, str] | None = None, done: str | None = None) -> Response:
    """Render a record (the read audited as perpetrator.read, its cases as case.listed)."""
    with refused():
        view = casework.read(session, user.officer, rid)
    return html(request, "perpetrator.html", status, nav="queue", r=view, error=error,
                values=values or {}, done=DONE.get(done or ""), types=ENFORCEMENT_TYPES,
                today=datetime.now(LONDON).date().isoformat(),
                hidden=view["linked_case_count"] - len(view["cases"]))


@router.get("/officer/perpetrators/{rid}", summary="One perpetrator record in the workspace")
def record_view(request: Request, rid: RecordRef, user: SignedInDep, session: SessionDep,
                done: Annotated[str, Query(max_length=20)] = "") -> Response:
    return record_page(request, session, user, record_id(rid), done=done)


@router.post("/officer/perpetrators/{rid}/enforcement",
             summary="Record enforcement against a perpetrator")
def add_enforcement(request: Request, rid: RecordRef, session: SessionDep, user: FormUser,
                    type: Short = "", date: Short = "", outcome: Line = "",  # noqa: A002
                    notes: Text = "") -> Response:
    number = record_id(rid)
    typed = {"type": type, "date": date, "outcome": outcome, "notes": notes}

    def refuse(status: int, reason: str) -> Response:
        session.rollback()
        return record_page(request, session, user, number, status, error=reason, values=typed)

    try:
        body = EnforcementIn(type=type, date=date, outcome=outcome.strip() or None,
                             notes=notes.strip() or None)
    except ValidationError as exc:
        return refuse(422, explain(exc))
    with refused():  # a record they may not see (or none): a refusal page, as on reading it
        casework.add_enforcement(session, user.officer, number, body.type, body.taken_on,
                                 body.outcome, body.notes)
    return redirect(f"/officer/perpetrators/{number}?done=enforcement#enforcement")


def _link_form(request: Request, session: SessionDep, settings: SettingsDep, user: FormUser,
               reference: str, perpetrator_id: str, reason: str, linking: bool) -> Response:
    f = CaseForm(request, session, settings, user)
    case = f.case(reference)
    typed = {"perpetrator_id": perpetrator_id, "link_reason": reason,
             "link_action": "link" if linking else "unlink"}
    try:
        body = LinkIn(perpetrator_id=perpetrator_id, reason=reason)
    except ValidationError as exc:
        return f.refuse(case, 422, explain(exc), **typed)
    try:
        (casework.link if linking else casework.unlink)(
            session, user.officer, case, body.perpetrator_id, body.reason)
    except REFUSALS as exc:
        return f.refuse(case, status_of(exc), wording(str(exc)), **typed)
    return redirect(case_url(case, "linked" if linking else "unlinked", "perpetrators"))


@router.post("/officer/cases/{reference}/perpetrators/link",
             summary="Link a case to a perpetrator record, with a reason")
def link(reference: Ref, request: Request, session: SessionDep, settings: SettingsDep,
         user: FormUser, perpetrator_id: Short = "", reason: Text = "") -> Response:
    return _link_form(request, session, settings, user, reference, perpetrator_id, reason, True)


@router.post("/officer/cases/{reference}/perpetrators/unlink",
             summary="Unlink a case from a perpetrator record, with a reason")
def unlink(reference: Ref, request: Request, session: SessionDep, settings: SettingsDep,
           user: FormUser, perpetrator_id: Short = "", reason: Text = "") -> Response:
    return _link_form(request, session, settings, user, reference, perpetrator_id, reason,
                      False)


def _lines(text: str) -> list[str]:
    return [line.strip() for line in text.splitlines() if line.strip()]


@router.post("/officer/cases/{reference}/perpetrators/new",
             summary="Create a perpetrator record from a case and link it")
def create(reference: Ref, request: Request, session: SessionDep, settings: SettingsDep,
           user: FormUser, description: Text = "", name: Line = "", aliases: Text = "",
           address: Line = "", tenancy: Short = "unknown", platform: Short = "",
           handle: Line = "", notes: Text = "", reason: Text = "") -> Response:
    f = CaseForm(request, session, settings, user)
    case = f.case(reference)
    typed = {"new_description": description, "new_name": name, "new_aliases": aliases,
             "new_address": address, "new_tenancy": tenancy, "new_platform": platform,
             "new_handle": handle, "new_notes": notes, "new_reason": reason}
    data: dict[str, Any] = {
        "description": description.strip() or None, "name": name.strip() or None,
        "aliases": _lines(aliases), "address": address.strip() or None,
        "tenancy": tenancy or "unknown", "notes": notes.strip() or None,
        "online_handles": ([{"platform": platform.strip() or "unknown",
                             "handle": handle.strip()}] if handle.strip() else []),
    }
    try:
        body = PerpetratorIn(**data)
        LinkIn(perpetrator_id=1, reason=reason)  # the link's reason, checked before anything
    except ValidationError as exc:
        return f.refuse(case, 422, explain(exc), **typed)
    try:
        record, _ = casework.create_for_case(session, user.officer, case, record_input(body),
                                             reason.strip())
    except REFUSALS as exc:
        return f.refuse(case, status_of(exc), wording(str(exc)), **typed)
    return redirect(f"/officer/perpetrators/{record.id}?done=created")

