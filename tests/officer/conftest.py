"""Fixtures for the officer API: a gateway app on the test database, officers, tokens, cases."""

from __future__ import annotations

import uuid
from collections.abc import Callable, Iterator
from functools import lru_cache
from typing import Any

import pytest
from fastapi.testclient import TestClient
from sqlalchemy.orm import Session, sessionmaker

from api.main import create_app
from bot.cases import create_case
from bot.models import Case, Officer
from bot.passwords import hash_password
from bot.report import Report
from bot.settings import get_settings
from bot.tokens import create_access_token

RANKS = {"standard": 0, "medium": 1, "high": 2}
PASSWORD = "correct horse battery staple"  # noqa: S105 - test credential


@lru_cache
def password_hash() -> str:
    return hash_password(PASSWORD)


@pytest.fixture
def client(db_url: str) -> Iterator[TestClient]:
    """The real gateway app (lifespan and all) on the per-run test database."""
    with TestClient(create_app(get_settings())) as test_client:
        yield test_client


@pytest.fixture
def make_officer(session_factory: sessionmaker[Session]) -> Callable[..., Officer]:
    def make(role: str = "officer", username: str | None = None, **fields: Any) -> Officer:
        with session_factory() as s:
            officer = Officer(
                username=username or f"{role}_{uuid.uuid4().hex[:8]}",
                password_hash=password_hash(),
                role=role,
                display_name=fields.pop("display_name", "Sam Officer"),
                email=fields.pop("email", "sam.officer@lbhf.example"),
                phone=fields.pop("phone", "020 7946 0000"),
                **fields,
            )
            s.add(officer)
            s.commit()
            return officer

    return make


@pytest.fixture
def auth(session_factory: sessionmaker[Session]) -> Callable[[Officer], dict[str, str]]:
    """Authorization headers for an officer (token minted directly at the account's current
    token version; the login route has its own tests)."""

    def headers(officer: Officer) -> dict[str, str]:
        with session_factory() as s:
            version = s.get(Officer, officer.id).token_version
        token = create_access_token(officer.username, get_settings(), version=version)
        return {"Authorization": f"Bearer {token}"}

    return headers


@pytest.fixture
def make_case(session_factory: sessionmaker[Session]) -> Callable[..., Case]:
    def make(assigned: Officer | None = None, risk: str | None = None,
             stored: dict[str, Any] | None = None, **fields: Any) -> Case:
        """A case from a report; ``risk`` and ``stored`` (column values) override afterwards."""
        defaults: dict[str, Any] = {
            "reporter_role": "victim",
            "narrative": "A man shouted racist abuse at me on Uxbridge Road",
            "strands": ["race"],
            "incident_types": ["verbal_abuse"],
            "location_text": "Uxbridge Road bus stop",
            "location_ward": "Shepherd's Bush Green",
            "perpetrator": "unknown",
            "anonymous": False,
            "contact_method": "sms",
            "contact_value": "+447700900123",
            "safe_contact_time": "weekdays after 6pm",
            "share_consent": True,
        }
        with session_factory() as s:
            case = create_case(s, Report(**{**defaults, **fields}))
            if assigned is not None:
                case.assigned_officer_id = assigned.id
            if risk is not None:
                case.risk_level, case.risk_rank = risk, RANKS[risk]
            for column, value in (stored or {}).items():
                setattr(case, column, value)
            s.commit()
            s.refresh(case)
            return case

    return make
