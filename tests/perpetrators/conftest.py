"""Fixtures for perpetrator tests: the officer API fixtures (real app, real database on SQLite
and PostgreSQL), plus helpers to create records and links through the API."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from sqlalchemy import func, select

from bot.models import AuditEvent
from tests.officer.conftest import auth, client, make_case, make_officer  # noqa: F401

ADDRESS = "Flat 3, 14 Fulham Ct, London SW6 7XX"


@pytest.fixture(autouse=True)
def _own_tracker(tmp_path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Erasure and retention clean a tracker store: an empty one of this test's own."""
    monkeypatch.setenv("TRACKER_DATABASE_URL", f"sqlite:///{tmp_path / 'tracker.db'}")


@pytest.fixture
def create_record(client, auth) -> Callable[..., dict[str, Any]]:  # noqa: F811
    def create(officer, **body: Any) -> dict[str, Any]:
        body = body or {"name": "Dave Example", "address": ADDRESS}
        r = client.post("/api/v1/perpetrators", json=body, headers=auth(officer))
        assert r.status_code == 201, r.text
        return r.json()

    return create


@pytest.fixture
def link(client, auth) -> Callable[..., Any]:  # noqa: F811
    def do(officer, case, record_id: int, reason: str = "same neighbour, checked with housing",
           expect: int = 201):
        r = client.post(f"/api/v1/cases/{case.reference}/perpetrators",
                        json={"perpetrator_id": record_id, "reason": reason},
                        headers=auth(officer))
        assert r.status_code == expect, r.text
        return r.json()

    return do


@pytest.fixture
def audit_actions(session_factory) -> Callable[..., list[tuple[str, Any]]]:
    """This test's audit events (the append-only log outlives every test):
    ``(action, changes, officer, case reference)``, oldest first."""
    with session_factory() as s:
        start = s.scalar(select(func.max(AuditEvent.id))) or 0

    def actions(prefix: str = "perpetrator.", reference: str | None = None):
        with session_factory() as s:
            stmt = select(AuditEvent).where(AuditEvent.id > start,
                                            AuditEvent.action.startswith(prefix))
            if reference:
                stmt = stmt.where(AuditEvent.case_reference == reference)
            return [(e.action, e.changes, e.officer_username, e.case_reference)
                    for e in s.scalars(stmt.order_by(AuditEvent.id))]

    return actions
