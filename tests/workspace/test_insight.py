"""Supervisors' trends (SVG charts, each with a table), the CSV export and the audit log, all
from the same code as the API's /stats and /audit."""

from __future__ import annotations

import html as htmllib
import re
from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import select

from bot.models import AuditEvent


def table_rows(page: str, caption: str) -> dict[str, int]:
    """The chart's table view (what a screen reader reads): name -> count."""
    table = re.search(rf"<caption>{re.escape(caption)}</caption>(.*?)</table>", page, re.S)
    assert table, caption
    return {htmllib.unescape(name): int(n) for name, n in re.findall(
        r'<tr><th scope="row">([^<]+)</th><td>(\d+)</td>', table.group(1))}


def test_trends_draw_svg_charts_with_tables_matching_the_api(signed_in, make_case, client,
                                                             auth, session_factory):
    b = signed_in("supervisor")
    make_case(strands=["race"], location_ward="Grove")
    make_case(strands=["race", "religion"], location_ward="Grove")
    make_case(strands=["disability"], location_ward="White City")
    page = b.get("/officer/stats")
    assert page.status_code == 200
    assert page.text.count('<svg class="bars') == 6  # three charts, wide and narrow layouts
    assert 'aria-hidden="true"' in page.text
    strands = table_rows(page.text, "Cases by strand")
    wards = table_rows(page.text, "Cases by ward")
    assert strands == {"race or ethnicity": 2, "religion or belief": 1, "disability": 1}
    assert wards == {"Grove": 2, "White City": 1}
    api = client.get("/api/v1/stats", params={"group_by": "ward"}, headers=auth(b.officer))
    assert {c["key"]: c["count"] for c in api.json()["counts"]} == wards
    month = datetime.now(UTC).strftime("%b %Y")
    assert table_rows(page.text, "Cases by month") == {month: 3}
    with session_factory() as s:
        event = s.scalars(select(AuditEvent).where(
            AuditEvent.action == "stats.read",
            AuditEvent.officer_username == b.officer.username)).first()
    assert event.changes["group_by"] == "strand,ward,month"


def test_rising_strands_and_wards_are_flagged_in_words(signed_in, make_case, monkeypatch):
    import bot.stats as stats

    monkeypatch.setattr(stats, "_rising_cache", {})
    b = signed_in("supervisor")
    recent = datetime.now(UTC).replace(day=1) - timedelta(days=20)
    for _ in range(4):
        make_case(strands=["transgender"], location_ward="Wormholt", stored={"created_at": recent})
    page = b.get("/officer/stats").text
    assert "transgender identity ▲ rising" in page  # the narrow (phone) chart
    assert "4 ▲ rising" in page  # the wide chart: beside the value
    rising = re.search(r'class="data rising-table">(.*?)</table>', page, re.S).group(1)
    assert "transgender identity" in rising and "Wormholt" in rising
    strands = re.search(r"<caption>Cases by strand</caption>(.*?)</table>", page, re.S).group(1)
    assert re.search(r"transgender identity</th><td>4</td><td>Yes</td>", strands)


def test_the_date_range_filters_and_bad_dates_are_400(signed_in, make_case):
    b = signed_in("supervisor")
    make_case(stored={"created_at": datetime(2025, 1, 15, tzinfo=UTC)})
    make_case()
    page = b.get("/officer/stats?from=2025-01-01&to=2025-01-31")
    assert page.status_code == 200 and "1 case reported between 2025-01-01" in page.text
    for bad in ("from=2025-02-30", "from=yesterday", "to=12", "from=2025-02-01&to=2025-01-01"):
        r = b.get(f"/officer/stats?{bad}")
        assert r.status_code == 400, bad


def test_the_csv_export_is_the_apis_csv(signed_in, make_case, client, auth):
    b = signed_in("supervisor")
    make_case(location_ward="Grove")
    make_case(location_ward="=HYPERLINK(1)")
    r = b.get("/officer/stats.csv?group_by=ward")
    assert r.status_code == 200
    assert r.headers["content-type"].startswith("text/csv")
    assert r.headers["content-disposition"] == 'attachment; filename="tellonce-stats-ward.csv"'
    assert r.headers["cache-control"] == "no-store"
    api = client.get("/api/v1/stats", params={"group_by": "ward"},
                     headers={**auth(b.officer), "Accept": "text/csv"})
    assert r.text == api.text
    assert "'=HYPERLINK(1)" in r.text
    assert b.get("/officer/stats.csv?group_by=colour").status_code == 400


def test_the_audit_log_newest_first_filtered_and_paged(signed_in, make_case, session_factory):
    b = signed_in("supervisor")
    case = make_case()
    b.get(f"/officer/cases/{case.reference}")
    page = b.get(f"/officer/audit?case={case.reference.lower()}").text
    actions = re.findall(r'<td data-label="Action"><code>([a-z._]+)</code>', page)
    assert actions == ["case.read"]
    mine = b.get(f"/officer/audit?officer={b.officer.username}").text
    actions = re.findall(r'<td data-label="Action"><code>([a-z._]+)</code>', mine)
    assert actions == ["audit.read", "case.read", "auth.login"]  # newest first
    with session_factory() as s:
        reads = s.scalars(select(AuditEvent).where(
            AuditEvent.action == "audit.read",
            AuditEvent.officer_username == b.officer.username)).all()
    assert reads[0].changes["case"] == case.reference
    for _ in range(60):
        b.get("/officer/stats.csv")
    first = b.get("/officer/audit").text
    link = re.search(r'<a rel="next" href="([^"]+)"', first).group(1).replace("&amp;", "&")
    second = b.get(link).text
    ids = lambda p: re.findall(r"<time datetime", p)  # noqa: E731
    assert len(ids(first)) == 50 and 0 < len(ids(second)) <= 50
    assert "Newest entries" in second


def test_the_audit_log_shows_redacted_diffs_never_text(signed_in, make_case):
    b = signed_in("supervisor")
    case = make_case(assigned=b.officer)
    b.post(f"/officer/cases/{case.reference}/notes", {"text": "secret resident detail"})
    page = b.get("/officer/audit").text
    assert "secret resident detail" not in page
    assert "[redacted]" in page


@pytest.mark.parametrize("query", ["case=%3Cscript%3E", "officer=a", "before=abc", "from=x"])
def test_bad_audit_filters_are_400(signed_in, query):
    b = signed_in("supervisor")
    assert b.get(f"/officer/audit?{query}").status_code == 400
