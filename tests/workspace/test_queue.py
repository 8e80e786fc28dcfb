"""The workspace queue: the API's order and visibility (one implementation), its filters,
keyset paging, the new and overdue counts, and overdue / danger-now rows standing out."""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import select

from bot.models import AuditEvent

ROW = re.compile(r'<tr class="([^"]*)">\s*<th scope="row" data-label="Case"><a href="/officer/'
                 r'cases/([A-Z0-9-]+)">')


def rows(html: str) -> list[str]:
    return [ref for _, ref in ROW.findall(html)]


def row_classes(html: str) -> dict[str, str]:
    return {ref: cls for cls, ref in ROW.findall(html)}


def api_refs(client, auth, officer, **params) -> list[str]:
    r = client.get("/api/v1/cases", headers=auth(officer), params={"limit": 100, **params})
    assert r.status_code == 200, r.text
    return [c["reference"] for c in r.json()["items"]]


def test_the_queue_is_the_apis_order_and_visibility_for_the_same_officer(
        signed_in, make_officer, make_case, client, auth):
    other = make_officer()
    officer = signed_in("officer")
    boss = signed_in("supervisor")
    old = datetime.now(UTC) - timedelta(days=3)
    make_case(risk="medium", stored={"created_at": old})
    make_case(risk="high")
    make_case(risk="high", stored={"created_at": old})
    make_case()
    make_case(assigned=officer.officer)
    theirs = make_case(assigned=other, risk="high")
    for b in (officer, boss):
        page = b.get("/officer/")
        assert page.status_code == 200
        assert rows(page.text) == api_refs(client, auth, b.officer)
    assert theirs.reference not in rows(officer.get("/officer/").text)
    assert theirs.reference in rows(boss.get("/officer/").text)


def test_the_default_queue_is_open_cases_and_any_status_includes_closed(signed_in, make_case):
    b = signed_in("supervisor")
    open_case = make_case()
    closed = make_case(stored={"status": "closed", "outcome": "resolved"})
    assert rows(b.get("/officer/").text) == [open_case.reference]
    assert set(rows(b.get("/officer/?status=any").text)) == {open_case.reference,
                                                             closed.reference}
    assert rows(b.get("/officer/?status=closed").text) == [closed.reference]


def test_filters(signed_in, make_case, client, auth):
    b = signed_in("supervisor")
    me = b.officer
    past = datetime.now(UTC) - timedelta(days=5)
    race = make_case(risk="high", location_ward="White City")
    religion = make_case(strands=["religion"], location_ward="Grove",
                         stored={"status": "triaged"})
    late = make_case(stored={"due_by": past})
    mine = make_case(assigned=me)
    cases = {
        "status=triaged": [religion],
        "risk=high": [race],
        "strand=religion": [religion],
        "ward=Grove": [religion],
        "overdue=yes": [late],
        "assigned=me": [mine],
        "assigned=none": [race, religion, late],
    }
    for query, wanted in cases.items():
        got = rows(b.get(f"/officer/?{query}").text)
        assert set(got) == {c.reference for c in wanted}, query
    assert late.reference not in rows(b.get("/officer/?overdue=no").text)
    # and the same filters through the API give the same rows
    assert set(rows(b.get("/officer/?strand=religion&ward=Grove").text)) == set(
        api_refs(client, auth, me, strand="religion", ward="Grove"))


def test_keyset_paging_walks_the_whole_queue_once(signed_in, make_case, client, auth):
    b = signed_in("supervisor")
    for _ in range(30):
        make_case()
    first = b.get("/officer/")
    refs = rows(first.text)
    assert len(refs) == 25
    link = re.search(r'<a rel="next" href="([^"]+)"', first.text).group(1).replace("&amp;", "&")
    assert "cursor=" in link
    second = b.get(link)
    more = rows(second.text)
    assert len(more) == 5
    assert 'rel="next"' not in second.text and "First page" in second.text
    assert refs + more == api_refs(client, auth, b.officer)


def test_counts_of_new_and_overdue_cases(signed_in, make_case, make_officer):
    b = signed_in("officer")
    past = datetime.now(UTC) - timedelta(days=5)
    make_case()
    make_case(stored={"due_by": past})
    make_case(stored={"status": "triaged", "due_by": past})
    make_case(assigned=make_officer(), stored={"due_by": past})  # not this officer's to see
    page = b.get("/officer/").text
    assert re.search(r'<span class="count-n">2</span> new', page)
    assert re.search(r'<span class="count-n">2</span> overdue', page)


def test_the_headline_overdue_count_is_the_overdue_rule(session_factory, make_case, make_officer):
    """The count's indexable form (bot.casework.reads) selects exactly bot.cases' overdue cases."""
    from sqlalchemy import func

    from bot.cases import overdue_clause
    from bot.casework.reads import overdue_count_clause
    from bot.models import Case

    past, soon = datetime.now(UTC) - timedelta(days=2), datetime.now(UTC) + timedelta(days=2)
    for status in ("new", "triaged", "in_progress", "closed"):
        for due in (past, soon, None):
            for contacted in (None, past):
                make_case(stored={"status": status, "due_by": due, "contacted_at": contacted})
    now = datetime.now(UTC)
    with session_factory() as s:
        rule = set(s.scalars(select(Case.id).where(overdue_clause(now))))
        count = set(s.scalars(select(Case.id).where(overdue_count_clause(now))))
        assert s.scalar(select(func.count()).select_from(Case).where(overdue_clause(now))) == 2
    assert rule == count and len(rule) == 2


def test_overdue_and_danger_now_cases_stand_out(signed_in, make_case):
    b = signed_in("supervisor")
    late = make_case(stored={"due_by": datetime.now(UTC) - timedelta(days=1)})
    urgent = make_case(danger_now=True)
    calm = make_case()
    page = b.get("/officer/").text
    classes = row_classes(page)
    assert "is-overdue" in classes[late.reference]
    assert "is-urgent" in classes[urgent.reference]
    assert classes[calm.reference].strip() == ""
    assert page.count("Danger now</span>") >= 1 and page.count("Overdue</span>") >= 1


def test_each_case_shown_is_audited_as_listed(signed_in, make_case, session_factory):
    b = signed_in("officer")
    refs = {make_case().reference for _ in range(3)}
    b.get("/officer/")
    with session_factory() as s:
        listed = {e.case_reference for e in s.scalars(
            select(AuditEvent).where(AuditEvent.action == "case.listed",
                                     AuditEvent.officer_username == b.officer.username))}
    assert listed == refs


@pytest.mark.parametrize("query,reason", [
    ("status=bogus", "status filter"),
    ("risk=extreme", "risk filter"),
    ("strand=football", "strand filter"),
    ("ward=Atlantis", "ward filter"),
    ("overdue=maybe", "overdue filter"),
    ("assigned=someone", "assigned filter"),
    ("cursor=not-a-cursor", "out of date"),
])
def test_bad_filters_and_forged_cursors_get_a_clear_400(signed_in, query, reason):
    b = signed_in("supervisor")
    r = b.get(f"/officer/?{query}")
    assert r.status_code == 400
    assert reason in r.text


def test_admins_have_no_queue(signed_in):
    b = signed_in("admin")
    r = b.get("/officer/")
    assert r.status_code == 303 and r.headers["location"] == "/officer/accounts"
