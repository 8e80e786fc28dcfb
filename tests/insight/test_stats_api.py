"""``GET /api/v1/stats`` through the real app: roles, JSON, CSV, validation."""

from __future__ import annotations

import csv
import io
import uuid
from collections.abc import Iterator
from datetime import date

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import select

from api.main import create_app
from bot.models import AuditEvent, Officer
from bot.settings import get_settings
from bot.tokens import create_access_token
from tests.insight.helpers import add_case


@pytest.fixture
def client(db_url: str) -> Iterator[TestClient]:
    with TestClient(create_app(get_settings())) as test_client:
        yield test_client


@pytest.fixture
def headers(db):
    def make(role: str) -> dict[str, str]:
        name = f"{role}_{uuid.uuid4().hex[:6]}"
        db.add(Officer(username=name, password_hash="x", role=role))
        db.commit()
        return {"Authorization": f"Bearer {create_access_token(name, get_settings())}"}

    return make


@pytest.fixture
def cases(db):
    add_case(db, date(2026, 1, 5), ["race"], ["threats"], "Addison", "web")
    add_case(db, date(2026, 1, 6), ["race", "religion"], ["verbal_abuse"], "Grove", "sms")
    db.commit()


def test_needs_a_token_and_the_supervisor_role(client, headers) -> None:
    assert client.get("/api/v1/stats").status_code == 401
    assert client.get("/api/v1/stats", headers=headers("officer")).status_code == 403
    assert client.get("/api/v1/stats", headers=headers("admin")).status_code == 403
    assert client.get("/api/v1/stats", headers=headers("supervisor")).status_code == 200


def test_json_counts_and_audit(client, headers, cases, db) -> None:
    reads = select(AuditEvent).where(AuditEvent.action == "stats.read")
    before = len(db.scalars(reads).all())
    response = client.get("/api/v1/stats", params={"group_by": "strand", "from": "2026-01-01",
                                                    "to": "2026-01-31"},
                          headers=headers("supervisor"))
    assert response.status_code == 200
    body = response.json()
    assert body["from"] == "2026-01-01" and body["to"] == "2026-01-31"
    assert body["total_cases"] == 2
    assert body["counts"] == [{"key": "race", "count": 2}, {"key": "religion", "count": 1}]
    assert body["rising_rule"]["threshold_pct"] == 50.0
    assert isinstance(body["rising"], list)
    assert len(db.scalars(reads).all()) == before + 1


@pytest.mark.parametrize("group_by", ["strand", "incident_type", "ward", "month", "channel"])
def test_every_grouping_answers(client, headers, cases, group_by) -> None:
    body = client.get("/api/v1/stats", params={"group_by": group_by},
                      headers=headers("supervisor")).json()
    assert sum(c["count"] for c in body["counts"]) >= 2
    assert body["group_by"] == group_by


def test_csv_when_asked(client, headers, cases) -> None:
    response = client.get("/api/v1/stats", params={"group_by": "ward"},
                          headers={**headers("supervisor"), "Accept": "text/csv"})
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/csv")
    assert "attachment" in response.headers["content-disposition"]
    rows = list(csv.DictReader(io.StringIO(response.text)))
    assert {(r["key"], r["count"]) for r in rows if r["section"] == "count"} == {
        ("Addison", "1"), ("Grove", "1")}


def test_bad_parameters_are_422(client, headers) -> None:
    auth = headers("supervisor")
    assert client.get("/api/v1/stats", params={"group_by": "officer"}, headers=auth).status_code == 422
    assert client.get("/api/v1/stats", params={"from": "2026-02-01", "to": "2026-01-01"},
                      headers=auth).status_code == 422
    assert client.get("/api/v1/stats", params={"from": "yesterday"}, headers=auth).status_code == 422


@pytest.mark.parametrize("value", ["2.8e-274", "0", "1767225600", " 20 ", "2026-01-01T00:00:00",
                                   "0000-01-01", "2026-13-01", "20260101"])
def test_dates_must_be_iso_calendar_dates(client, headers, value) -> None:
    """The schema says ``format: date`` (YYYY-MM-DD): a bare number is not a Unix timestamp
    here, and nothing else pydantic would coerce is taken either."""
    auth = headers("supervisor")
    for name in ("from", "to"):
        response = client.get("/api/v1/stats", params={name: value}, headers=auth)
        assert response.status_code == 422, (name, value, response.text)
        assert response.json()["detail"][0]["loc"] == ["query", name]


@pytest.mark.parametrize("day", ["0001-01-01", "0001-03-31", "9999-12-31", "9999-12-01"])
def test_every_calendar_date_the_schema_allows_answers(client, headers, cases, day) -> None:
    """Dates at the ends of the calendar are valid ``format: date`` values: no 500 from date
    arithmetic (the rising window goes back 15 months, the range end forward one day)."""
    auth = headers("supervisor")
    for params in ({"to": day}, {"from": day}, {"from": "0001-01-01", "to": day}):
        response = client.get("/api/v1/stats", params=params, headers=auth)
        assert response.status_code == 200, (params, response.text)
        body = response.json()
        assert body["to"] == params.get("to")
        assert body["total_cases"] == (2 if params.get("from", "0001-01-01") <= "2026-01-05"
                                       <= params.get("to", "9999-12-31") else 0)
