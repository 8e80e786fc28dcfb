"""The case store on every configured database backend."""

from __future__ import annotations

import re

from sqlalchemy import text

from bot.cases import case_to_dict, create_case, get_case
from bot.references import ALPHABET
from bot.report import Report


def test_case_gets_unique_random_reference_and_round_trips(db) -> None:
    report = Report(
        reporter_role="victim",
        narrative="A man shouted at me on King Street",
        strands=["race", "nonsense"],
        incident_types=["verbal_abuse"],
        anonymous=False,
        contact_method="email",
        contact_value="me@example.org",
    )
    refs = {create_case(db, report).reference for _ in range(30)}
    db.commit()
    assert len(refs) == 30
    for ref in refs:
        assert re.fullmatch(rf"HF-[{ALPHABET}]{{6,}}", ref)
    case = get_case(db, sorted(refs)[0])
    data = case_to_dict(case)
    assert data["strands"] == ["race"]
    assert data["contact"]["value"] == "me@example.org"
    assert data["narrative"] == "A man shouted at me on King Street"


def test_sensitive_fields_are_encrypted_at_rest(db) -> None:
    case = create_case(db, Report(narrative="secret story 123", contact_value="07700900123"))
    db.commit()
    raw = db.execute(
        text("SELECT narrative, contact_value FROM cases WHERE id = :i"), {"i": case.id}
    ).one()
    assert "secret story" not in raw[0]
    assert "07700900123" not in raw[1]
