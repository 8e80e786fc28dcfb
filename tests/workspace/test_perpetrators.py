"""Perpetrator records in the workspace: the case page's linked records, possible matches and
forms (link, unlink, create), the record page with its enforcement form, the queue's repeat
flag; each through the same casework calls as the API (same refusals, same audit)."""

from __future__ import annotations

import html as htmllib
import re
from datetime import UTC, datetime, timedelta

from sqlalchemy import func, select

from bot.models import AuditEvent, Case, CasePerpetratorLink, Perpetrator, PerpetratorEnforcement
from tests.perpetrators.conftest import ADDRESS

NARRATIVE = "My neighbour at 14 Fulham Court shouts racist abuse at me on the stairs"


def text_of(page: str) -> str:
    """The page's visible words, roughly (tags stripped, spaces folded)."""
    words = re.sub(r"\s+", " ", htmllib.unescape(re.sub(r"<[^>]+>", " ", page)))
    return re.sub(r" ([:.,;])", r"\1", words)


def case_url(case, suffix: str = "") -> str:
    return f"/officer/cases/{case.reference}{suffix}"


def actions_since(session_factory, start: int, prefix: str = "") -> list[tuple]:
    with session_factory() as s:
        rows = s.scalars(select(AuditEvent).where(AuditEvent.id > start,
                                                  AuditEvent.action.startswith(prefix))
                         .order_by(AuditEvent.id))
        return [(e.action, e.officer_username, e.case_reference) for e in rows]


def last_audit_id(session_factory) -> int:
    with session_factory() as s:
        return s.scalar(select(func.max(AuditEvent.id))) or 0


def count(session_factory, model) -> int:  # noqa: ANN001
    with session_factory() as s:
        return s.scalar(select(func.count()).select_from(model))


def test_a_match_is_offered_linked_through_the_form_and_shown_on_the_case(
        signed_in, make_case, create_record, session_factory):
    b = signed_in("officer")
    case = make_case(assigned=b.officer, narrative=NARRATIVE)
    record = create_record(b.officer, name="Dennis Quarrington", address=ADDRESS,
                           tenancy="council_tenant")["id"]
    page = b.get(case_url(case))
    assert page.status_code == 200
    words = text_of(page.text)
    assert f"Record {record}: the account names an address on this record" in words
    assert "No perpetrator record is linked to this case." in words
    assert "Perpetrator is a council tenant" not in words  # offered, not linked

    start = last_audit_id(session_factory)
    r = b.post(case_url(case, "/perpetrators/link"),
               {"perpetrator_id": str(record), "reason": "same flat as the housing file"})
    assert r.status_code == 303
    assert r.headers["location"] == case_url(case, "?done=linked#perpetrators")
    assert [a for a in actions_since(session_factory, start) if a[0] == "perpetrator.linked"] \
        == [("perpetrator.linked", b.officer.username, case.reference)]

    words = text_of(b.get(r.headers["location"]).text)
    assert "The case is linked to the perpetrator record." in words
    assert f"Record {record}: Dennis Quarrington" in words
    assert "same flat as the housing file" in words and "Council tenant" in words
    assert "A linked perpetrator is a council tenant." in words
    assert f"Linked to perpetrator record {record}" in words  # on the timeline
    assert "the account names an address" not in words  # linked: no longer offered


def test_a_second_link_flags_both_cases_in_the_queue_and_raises_their_risk(
        signed_in, make_case, create_record, session_factory):
    b = signed_in("supervisor")
    first = make_case(assigned=b.officer, narrative=NARRATIVE, risk="standard")
    second = make_case(assigned=b.officer, narrative="The man at 14 Fulham Court swore at me",
                       risk="medium")
    record = create_record(b.officer)["id"]
    before = {first.id: first.risk_level, second.id: second.risk_level}
    for case in (first, second):
        r = b.post(case_url(case, "/perpetrators/link"),
                   {"perpetrator_id": str(record), "reason": "same man"})
        assert r.status_code == 303, r.text
    queue = b.get("/officer/").text
    for case in (first, second):
        row = re.search(rf'<tr[^>]*>\s*<th[^>]*><a href="{case_url(case)}">.*?</tr>', queue,
                        re.S)
        assert row and "Repeat perpetrator" in row.group(0), case.reference
    words = text_of(b.get(case_url(first)).text)
    assert "Perpetrator linked to 2 reports." in words
    assert "{count}" not in words  # the risk reason is counted too
    assert "Risk changed" in words and "perpetrator linked to 2 reports" in words
    with session_factory() as s:
        after = {c.id: c.risk_level for c in s.scalars(select(Case))}
    assert after == {first.id: "medium", second.id: "high"}  # one level up each
    assert before == {first.id: "standard", second.id: "medium"}


def test_unlinking_through_the_form_needs_a_reason_and_keeps_the_history(
        signed_in, make_case, create_record, link, session_factory):
    b = signed_in("officer")
    case = make_case(assigned=b.officer)
    record = create_record(b.officer)["id"]
    link(b.officer, case, record)
    r = b.post(case_url(case, "/perpetrators/unlink"),
               {"perpetrator_id": str(record), "reason": "  "})
    assert r.status_code == 422
    assert "Give a reason" in text_of(r.text)
    assert f"Unlink record {record} from this case" in r.text
    r = b.post(case_url(case, "/perpetrators/unlink"),
               {"perpetrator_id": str(record), "reason": "a different flat after all"})
    assert r.status_code == 303
    words = text_of(b.get(case_url(case, "?done=unlinked")).text)
    assert "no longer linked" in words and "No perpetrator record is linked" in words
    assert f"Unlinked from perpetrator record {record}" in words
    with session_factory() as s:
        row = s.scalar(select(CasePerpetratorLink))
        assert row.unlinked_at is not None and row.unlink_reason == "a different flat after all"


def test_the_workspace_refuses_what_the_api_refuses_with_the_same_words(
        signed_in, client, auth, make_officer, make_case, create_record, link,
        session_factory):
    b = signed_in("officer")
    theirs = make_case(assigned=make_officer())
    unclaimed = make_case()
    mine = make_case(assigned=b.officer)
    record = create_record(b.officer)["id"]
    link(b.officer, mine, record)
    attempts = [
        (unclaimed, record, 403),      # not claimed: cannot work it
        (theirs, record, 403),         # another officer's case
        (mine, record, 409),           # already linked
        (mine, 2_000_000_000, 404),    # no such record
    ]
    before = count(session_factory, CasePerpetratorLink)
    for case, rid, status in attempts:
        body = {"perpetrator_id": rid, "reason": "same man"}
        api = client.post(f"/api/v1/cases/{case.reference}/perpetrators", json=body,
                          headers=auth(b.officer))
        page = b.post(case_url(case, "/perpetrators/link"), {**body, "perpetrator_id": str(rid)})
        assert (api.status_code, page.status_code) == (status, status), (case, rid, page.text)
        reason = api.json()["detail"].replace(" (POST .../assign)", "")
        assert reason in text_of(page.text)
    assert count(session_factory, CasePerpetratorLink) == before
    r = b.post(case_url(mine, "/perpetrators/link"), {"perpetrator_id": "twelve",
                                                      "reason": "x"})
    assert r.status_code == 422 and "The record number is the number shown" in text_of(r.text)
    r = b.post(case_url(mine, "/perpetrators/link"), {"perpetrator_id": str(record),
                                                      "reason": "x"}, csrf="forged")
    assert r.status_code == 403 and "Nothing was changed" in text_of(r.text)


def test_a_record_linked_only_to_another_officers_case_is_neither_offered_nor_shown(
        signed_in, make_officer, make_case, create_record, link):
    b = signed_in("officer")
    other = make_officer()
    hidden = create_record(other, address="14 Fulham Court")["id"]
    link(other, make_case(assigned=other), hidden)
    mine = make_case(assigned=b.officer, narrative=NARRATIVE)
    page = b.get(case_url(mine))
    assert f"/officer/perpetrators/{hidden}" not in page.text
    assert "Possible matches" not in page.text
    r = b.get(f"/officer/perpetrators/{hidden}")
    assert r.status_code == 403
    assert "linked only to cases you cannot see" in text_of(r.text)
    assert "Fulham Court" not in r.text


def test_the_record_page_shows_identifiers_visible_cases_and_records_enforcement(
        signed_in, make_officer, make_case, create_record, link, session_factory):
    b = signed_in("officer")
    other = make_officer()
    record = create_record(b.officer, name="Dennis Quarrington", aliases=["Den Q"],
                           address=ADDRESS, tenancy="council_tenant",
                           online_handles=[{"platform": "instagram", "handle": "@den.q"}],
                           description="man in his fifties", notes="dog on the balcony")["id"]
    mine, theirs = make_case(assigned=b.officer), make_case(assigned=b.officer)
    link(b.officer, mine, record)
    link(b.officer, theirs, record)
    with session_factory() as s:  # the second case goes to another officer
        s.get(Case, theirs.id).assigned_officer_id = other.id
        s.commit()
    start = last_audit_id(session_factory)
    page = b.get(f"/officer/perpetrators/{record}")
    assert page.status_code == 200
    words = text_of(page.text)
    for shown in ("Perpetrator record", "Dennis Quarrington", "Den Q", ADDRESS, "Council tenant",
                  "den.q (instagram)", "man in his fifties", "dog on the balcony",
                  mine.reference, "1 more linked case is assigned to other officers",
                  "No enforcement has been recorded"):
        assert shown in words, shown
    assert theirs.reference not in words
    assert ("perpetrator.read", b.officer.username, None) in actions_since(session_factory,
                                                                           start)

    url = f"/officer/perpetrators/{record}/enforcement"
    future = (datetime.now(UTC) + timedelta(days=5)).date().isoformat()
    r = b.post(url, {"type": "community_protection_warning", "date": future,
                     "outcome": "served", "notes": ""})
    assert r.status_code == 422 and "The date is in the future" in text_of(r.text)
    assert 'value="served"' in r.text  # what was typed is kept
    r = b.post(url, {"type": "arrest", "date": "2026-11-30"})
    assert r.status_code == 422 and "not one of the choices" in text_of(r.text)
    r = b.post(url, {"type": "community_protection_warning", "date": "2026-11-30"},
               csrf="forged")
    assert r.status_code == 403
    assert count(session_factory, PerpetratorEnforcement) == 0

    r = b.post(url, {"type": "community_protection_warning", "date": "2026-11-30",
                     "outcome": "served at the flat", "notes": "warned about the stairs"})
    assert r.status_code == 303
    assert r.headers["location"] == f"/officer/perpetrators/{record}?done=enforcement#enforcement"
    words = text_of(b.get(r.headers["location"]).text)
    assert "Community protection warning" in words and "served at the flat" in words
    assert "it shows on every linked case" in words
    timeline = text_of(b.get(case_url(mine)).text)
    assert "Enforcement against the perpetrator: Community protection warning" in timeline
    assert "served at the flat" in timeline and "warned about the stairs" in timeline
    with session_factory() as s:
        trail = set(s.scalars(select(AuditEvent.case_reference).where(
            AuditEvent.id > start, AuditEvent.action == "case.perpetrator_enforcement")))
    assert trail == {mine.reference, theirs.reference}  # audited on every linked case


def test_a_record_created_from_a_case_is_linked_and_its_matches_listed(
        signed_in, make_case, create_record, session_factory):
    b = signed_in("officer")
    case = make_case(assigned=b.officer)
    existing = create_record(b.officer, address="14 Fulham Court, SW6")["id"]
    form = {"name": "", "aliases": "", "description": "", "address": "", "tenancy": "unknown",
            "platform": "", "handle": "", "notes": "", "reason": "she named him"}
    r = b.post(case_url(case, "/perpetrators/new"), form)
    assert r.status_code == 422
    assert "Give at least a description, name, alias, address or online handle" in \
        text_of(r.text)
    r = b.post(case_url(case, "/perpetrators/new"), {**form, "name": "Dennis Q", "reason": ""})
    assert r.status_code == 422 and "Give a reason" in text_of(r.text)
    assert 'value="Dennis Q"' in r.text  # kept, in the form left open
    assert count(session_factory, Perpetrator) == 1

    r = b.post(case_url(case, "/perpetrators/new"), {
        **form, "name": "Dennis Q", "aliases": "Den\nDenny", "address": "Flat 9, 14 Fulham Ct",
        "tenancy": "council_tenant", "platform": "IG", "handle": "@den.q"})
    assert r.status_code == 303, r.text
    record = int(r.headers["location"].split("/")[-1].split("?")[0])
    words = text_of(b.get(r.headers["location"]).text)
    assert "created and linked to the case" in words
    assert f"Record {existing}: same address" in words
    assert case.reference in words and "she named him" in words
    with session_factory() as s:
        made = s.get(Perpetrator, record)
        assert made.aliases == ["Den", "Denny"] and made.tenancy == "council_tenant"
        assert made.online_handles == [{"platform": "IG", "handle": "@den.q"}]
    assert "Perpetrator is a council tenant" in text_of(b.get(case_url(case)).text)


def test_bad_record_numbers_are_404_pages_and_admins_are_refused(signed_in, create_record):
    b = signed_in("officer")
    for bad in ("abc", "0", "99999999999", "2147483648", "3000"):
        r = b.get(f"/officer/perpetrators/{bad}")
        assert r.status_code == 404, bad
        assert "No perpetrator record" in text_of(r.text)
    record = create_record(b.officer)["id"]
    admin = signed_in("admin")
    r = admin.get(f"/officer/perpetrators/{record}")
    assert r.status_code == 403
    assert "Only officers and supervisors can see perpetrator records" in text_of(r.text)
