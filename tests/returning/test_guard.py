"""Checking a reference and secret (SQLite, and PostgreSQL when TEST_DATABASE_URL is set):
nothing is revealed before a successful check, a wrong reference and a wrong secret are the
same, failures are limited per case and per sender with a cool-down, and every check is
audited."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from sqlalchemy import func, select

from bot.cases import create_case
from bot.models import AuditEvent
from bot.report import Report
from bot.returning import guard
from bot.returning.secret import hash_code, matches, new_code

NOW = datetime(2026, 12, 1, 12, tzinfo=UTC)


def made(db, code: str = "482913"):  # noqa: ANN001, ANN201
    case = create_case(db, Report(narrative="shouted at", return_secret_hash=hash_code(code),
                                  conversation_id="w-owner"))
    db.commit()
    return case


def test_codes_are_six_digits_and_only_their_hash_is_kept(db_url, db) -> None:
    codes = {new_code() for _ in range(50)}
    assert all(len(c) == 6 and c.isdigit() for c in codes) and len(codes) > 40
    case = made(db)
    assert "482913" not in (case.return_secret_hash or "")
    assert case.return_secret_hash.startswith("$argon2id$")
    assert matches(case.return_secret_hash, "482 913") and not matches(case.return_secret_hash,
                                                                        "482914")
    assert not matches(None, "482913")


def test_right_reference_and_code_find_the_case(db_url, db) -> None:
    case = made(db)
    found = guard.check(db, case.reference.lower(), "482913", "w-someone", now=NOW)
    db.commit()
    assert found.case is not None and found.case.id == case.id


def test_wrong_code_and_wrong_reference_are_indistinguishable(db_url, db) -> None:
    case = made(db)
    wrong_code = guard.check(db, case.reference, "000000", "w-a", now=NOW)
    wrong_ref = guard.check(db, "HF-XXXXXX", "482913", "w-b", now=NOW)
    someone_elses = guard.check(db, made(db, "111111").reference, "482913", "w-c", now=NOW)
    db.commit()
    assert wrong_code == wrong_ref == someone_elses == guard.Check(None, False)


def test_per_case_limit_locks_even_the_right_code_then_cools_down(db_url, db) -> None:
    case = made(db)
    for i in range(5):  # five different senders: the case's own limit
        assert guard.check(db, case.reference, "999999", f"w-guess{i}", now=NOW).case is None
    assert guard.check(db, case.reference, "482913", "w-owner", now=NOW).case is None
    later = NOW + timedelta(minutes=16)
    assert guard.check(db, case.reference, "482913", "w-owner", now=later).case is not None
    db.commit()


def test_per_sender_limit_across_cases(db_url, db) -> None:
    cases = [made(db, f"{n:06d}") for n in range(3)]
    for i in range(10):
        guard.check(db, cases[i % 3].reference, "123456", "w-prober", now=NOW)
    blocked = guard.check(db, cases[0].reference, "000000", "w-prober", now=NOW)
    assert blocked.case is None and blocked.sender_locked
    assert guard.check(db, cases[0].reference, "000000", "w-other", now=NOW).case is not None
    db.commit()


def test_every_check_is_audited_without_the_code_or_the_sender(db_url, db) -> None:
    case = made(db)
    before = db.scalar(select(func.max(AuditEvent.id))) or 0
    guard.check(db, case.reference, "000000", "w-a", now=NOW)
    guard.check(db, case.reference, "482913", "w-a", now=NOW)
    db.commit()
    events = list(db.scalars(select(AuditEvent).where(
        AuditEvent.action == "resident.return_checked", AuditEvent.id > before)
        .order_by(AuditEvent.id)))
    assert [(e.case_reference, e.changes["ok"]) for e in events] == [(None, False),
                                                                      (case.reference, True)]
    dump = repr([e.changes for e in events])
    assert "000000" not in dump and "482913" not in dump and "w-a" not in dump
