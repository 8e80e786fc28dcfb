"""Working a case from the workspace: claim/assign, status, note, action or referral, and a
message to the resident (preview first). Every form is CSRF-checked (``FormUser``), validated
with the API's own request models, and carried out by ``bot.casework`` (same rules, same audit).
A refusal re-renders the case with the reason and the API's status code; success redirects
(303) back to the case."""

from __future__ import annotations

import re
from typing import Annotated

from fastapi import APIRouter, Form, Request
from fastapi.responses import Response
from pydantic import ValidationError

from api.deps import SessionDep, SettingsDep
from api.officer.admin import USERNAME
from api.officer.messages import MessageIn
from api.officer.schemas import ActionIn, NoteIn, StatusIn
from api.workspace.case import Ref, case_page, case_url, find_case
from api.workspace.errors import REFUSALS, status_of, wording
from api.workspace.render import html, redirect
from api.workspace.session import FormUser
from bot.casework import messages, work
from bot.models import Case

router = APIRouter()
Text = Annotated[str, Form(max_length=10_000)]
Short = Annotated[str, Form(max_length=100)]
FIELD_NAMES = {"text": "The text", "status": "The new status", "outcome": "The outcome",
               "kind": "The kind of action", "action": "The action", "detail": "The detail",
               "officer": "The officer"}


def problem(exc: ValidationError) -> str:
    """The first validation problem in words (the field named, not pydantic's jargon)."""
    err = exc.errors()[0]
    field = FIELD_NAMES.get(str(err["loc"][0]) if err["loc"] else "", "A field")
    kind = err.get("type", "")
    if kind in ("string_too_short", "missing", "string_pattern_mismatch") and field == "The text":
        return "Write something first: the text is empty."
    if kind == "string_too_long":
        return f"{field} is too long (at most {err['ctx']['max_length']} characters)."
    if kind in ("literal_error", "enum"):
        return f"{field} is not one of the choices offered."
    return f"{field} is not valid: {err['msg']}."


class CaseForm:
    """Shared plumbing: load the case, run the domain call, answer with a page."""

    def __init__(self, request: Request, session: SessionDep, settings: SettingsDep,
                 user: FormUser) -> None:
        self.request, self.session, self.settings, self.user = request, session, settings, user

    def case(self, reference: str) -> Case:
        return find_case(self.session, self.user, reference)

    def refuse(self, case: Case, status: int, reason: str, **values: str) -> Response:
        self.session.rollback()
        return case_page(self.request, self.session, self.settings, self.user, case, status,
                         error=reason, values=values)


@router.post("/officer/cases/{reference}/assign", summary="Claim or assign a case")
def assign(reference: Ref, request: Request, session: SessionDep, settings: SettingsDep,
           user: FormUser, officer: Short = "") -> Response:
    f = CaseForm(request, session, settings, user)
    case = f.case(reference)
    if officer and not re.fullmatch(USERNAME, officer):
        return f.refuse(case, 422, "Choose an officer from the list.")
    try:
        work.assign(session, user.officer, case, officer or None)
    except REFUSALS as exc:
        return f.refuse(case, status_of(exc), wording(str(exc)))
    mine = case.assigned_officer_id == user.officer.id
    return redirect(case_url(case, "claimed" if mine else "assigned"))


@router.post("/officer/cases/{reference}/status", summary="Change a case's status")
def change_status(reference: Ref, request: Request, session: SessionDep,
                  settings: SettingsDep, user: FormUser, status: Short = "",
                  outcome: Short = "") -> Response:
    f = CaseForm(request, session, settings, user)
    case = f.case(reference)
    try:
        body = StatusIn(status=status, outcome=outcome or None)
    except ValidationError as exc:
        return f.refuse(case, 422, problem(exc))
    try:
        work.change_status(session, user.officer, case, body.status, body.outcome)
    except REFUSALS as exc:
        return f.refuse(case, status_of(exc), wording(str(exc)))
    return redirect(case_url(case, "status"))


@router.post("/officer/cases/{reference}/notes", summary="Add a note to a case")
def add_note(reference: Ref, request: Request, session: SessionDep, settings: SettingsDep,
             user: FormUser, text: Text = "") -> Response:
    f = CaseForm(request, session, settings, user)
    case = f.case(reference)
    try:
        body = NoteIn(text=text)
    except ValidationError as exc:
        return f.refuse(case, 422, problem(exc), note=text)
    try:
        work.add_note(session, user.officer, case, body.text)
    except REFUSALS as exc:
        return f.refuse(case, status_of(exc), wording(str(exc)), note=text)
    return redirect(case_url(case, "note", "timeline"))


@router.post("/officer/cases/{reference}/actions", summary="Record an action or a referral")
def record_action(reference: Ref, request: Request, session: SessionDep,
                  settings: SettingsDep, user: FormUser, action: Short = "",
                  detail: Text = "") -> Response:
    f = CaseForm(request, session, settings, user)
    case = f.case(reference)
    kind, _, key = action.partition(":")
    try:
        body = ActionIn(kind=kind, action=key, detail=detail or None)
    except ValidationError as exc:
        return f.refuse(case, 422, problem(exc), action=action, detail=detail)
    try:
        work.record_action(session, user.officer, case, body.kind, body.action, body.detail)
    except REFUSALS as exc:
        return f.refuse(case, status_of(exc), wording(str(exc)), action=action, detail=detail)
    return redirect(case_url(case, "action", "timeline"))


@router.post("/officer/cases/{reference}/messages/preview",
             summary="Preview exactly what the resident will receive")
def preview_message(reference: Ref, request: Request, session: SessionDep,
                    settings: SettingsDep, user: FormUser, text: Text = "") -> Response:
    f = CaseForm(request, session, settings, user)
    case = f.case(reference)
    try:
        body = MessageIn(text=text)
    except ValidationError as exc:
        return f.refuse(case, 422, problem(exc), message=text)
    try:
        preview = messages.preview_for(session, user.officer, case, body.text, settings)
    except REFUSALS as exc:
        return f.refuse(case, status_of(exc), wording(str(exc)), message=text)
    return html(request, "preview.html", nav="queue", case=case, preview=preview,
                text=body.text)


@router.post("/officer/cases/{reference}/messages", summary="Send a message to the resident")
def send_message(reference: Ref, request: Request, session: SessionDep, settings: SettingsDep,
                 user: FormUser, text: Text = "") -> Response:
    f = CaseForm(request, session, settings, user)
    case = f.case(reference)
    try:
        body = MessageIn(text=text)
    except ValidationError as exc:
        return f.refuse(case, 422, problem(exc), message=text)
    try:
        messages.send_message(session, user.officer, case, body.text, settings)
    except REFUSALS as exc:
        return f.refuse(case, status_of(exc), wording(str(exc)), message=text)
    return redirect(case_url(case, "message", "timeline"))
