"""Perpetrator data under retention and erasure: erasing or anonymising a case unlinks it
(and lowers the risk it raised elsewhere); a record with no linked case is deleted after
PERPETRATOR_UNLINKED_RETENTION_DAYS, its enforcement kept only as anonymous rows."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from sqlalchemy import func, select
from typer.testing import CliRunner

from bot.models import (
    Case,
    CasePerpetratorLink,
    CasePlace,
    CaseRepeatRisk,
    Perpetrator,
    PerpetratorEnforcement,
    PerpetratorIdentifier,
)
from bot.perpetrators import purge_unlinked_records
from bot.retention import run_retention
from bot.settings import get_settings

NEIGHBOUR = "My neighbour keeps shouting racist abuse at me on the stairs"


def count(s, model, *where) -> int:
    return s.scalar(select(func.count()).select_from(model).where(*where))


def test_erasure_unlinks_the_case_and_lowers_the_risk_it_raised(
        client, auth, make_officer, make_case, create_record, link, session_factory,
        audit_actions):
    me, boss, second = make_officer(), make_officer("supervisor"), make_officer("supervisor")
    kept = make_case(assigned=me, narrative=NEIGHBOUR, perpetrator="neighbour")
    erased = make_case(assigned=me, narrative=NEIGHBOUR, perpetrator="neighbour",
                       location_text="14 Fulham Court")
    record = create_record(me)
    link(me, kept, record["id"])
    link(me, erased, record["id"])
    assert client.get(f"/api/v1/cases/{kept.reference}",
                      headers=auth(me)).json()["risk"]["level"] == "high"
    assert client.post(f"/api/v1/cases/{erased.reference}/erasure", headers=auth(second),
                       json={"reason": "the resident asked by phone"}).status_code == 201
    r = client.delete(f"/api/v1/cases/{erased.reference}", headers=auth(boss))
    assert r.status_code == 200, r.text
    assert r.json()["perpetrator_links"] == 1
    with session_factory() as s:
        assert count(s, CasePerpetratorLink, CasePerpetratorLink.case_id == erased.id) == 0
        assert count(s, CaseRepeatRisk) == 0
        assert count(s, CasePlace, CasePlace.case_id == erased.id) == 0
        assert s.get(Perpetrator, record["id"]).unlinked_since is None  # still on `kept`
    kept_now = client.get(f"/api/v1/cases/{kept.reference}", headers=auth(me)).json()
    assert kept_now["risk"]["level"] == "medium"
    assert "repeat_perpetrator" not in kept_now["risk"]["reasons"]
    assert [p["id"] for p in kept_now["perpetrators"]] == [record["id"]]
    got = client.get(f"/api/v1/perpetrators/{record['id']}", headers=auth(me)).json()
    assert [c["reference"] for c in got["cases"]] == [kept.reference]
    events = audit_actions("perpetrator.unlinked", erased.reference)
    assert [(e[1], e[2]) for e in events] == [
        ({"perpetrator_id": record["id"], "reason": "erasure"}, boss.username)]


def test_retention_unlinks_anonymised_cases_and_deletes_orphaned_records(
        client, auth, make_officer, make_case, create_record, link, session_factory,
        audit_actions):
    me = make_officer()
    old = make_case(assigned=me)
    record = create_record(me, name="Dave Example", address="14 Fulham Court")
    keep = create_record(me, name="Someone Else")
    link(me, old, record["id"])
    link(me, make_case(assigned=me), keep["id"])
    r = client.post(f"/api/v1/perpetrators/{record['id']}/enforcement",
                    json={"type": "injunction", "date": "2025-01-10", "notes": "granted"},
                    headers=auth(me))
    assert r.status_code == 201
    now = datetime.now(UTC)
    with session_factory() as s:
        case = s.get(Case, old.id)
        case.status, case.closed_at = "closed", now - timedelta(days=800)
        s.commit()
        done, _ = run_retention(s, get_settings(), now=now)
        assert (done.cases, done.perpetrator_links) == (1, 1)
        orphan = s.get(Perpetrator, record["id"])
        assert orphan.unlinked_since is not None
        settings = get_settings()
        # within the grace period: kept
        assert purge_unlinked_records(s, settings, now=now).records == 0
        later = now + timedelta(days=settings.perpetrator_unlinked_retention_days + 1)
        assert purge_unlinked_records(s, settings, now=later, dry_run=True).records == 1
        purged = purge_unlinked_records(s, settings, now=later)
        assert (purged.records, purged.enforcement_anonymised) == (1, 1)
        s.expire_all()
        assert s.get(Perpetrator, record["id"]) is None
        assert s.get(Perpetrator, keep["id"]) is not None  # still linked to an open case
        assert count(s, PerpetratorIdentifier,
                     PerpetratorIdentifier.perpetrator_id == record["id"]) == 0
        left = s.scalars(select(PerpetratorEnforcement)).all()
        assert [(e.perpetrator_id, e.type, e.outcome, e.notes) for e in left] == [
            (None, "injunction", None, None)]
    deleted = audit_actions("perpetrator.deleted")
    assert [e[1] for e in deleted] == [{"perpetrator_id": record["id"], "reason": "retention"}]


def test_an_unlinked_record_starts_its_clock_and_relinking_stops_it(
        client, auth, make_officer, make_case, create_record, link, session_factory):
    me = make_officer()
    case = make_case(assigned=me)
    record = create_record(me)
    with session_factory() as s:
        assert s.get(Perpetrator, record["id"]).unlinked_since is not None  # never linked
    link(me, case, record["id"])
    with session_factory() as s:
        assert s.get(Perpetrator, record["id"]).unlinked_since is None
    client.request("DELETE", f"/api/v1/cases/{case.reference}/perpetrators",
                   json={"perpetrator_id": record["id"], "reason": "wrong person"},
                   headers=auth(me))
    with session_factory() as s:
        assert s.get(Perpetrator, record["id"]).unlinked_since is not None


def test_cli_runs_the_perpetrator_rule_and_prints_counts_only(make_officer, create_record,
                                                              session_factory, monkeypatch):
    me = make_officer()
    record = create_record(me, name="Dave Example")
    with session_factory() as s:
        s.get(Perpetrator, record["id"]).unlinked_since = datetime.now(UTC) - timedelta(days=45)
        s.commit()
    from bot.cli import app

    dry = CliRunner().invoke(app, ["retention", "run", "--dry-run"])
    assert dry.exit_code == 0, dry.output
    assert "(30 days): would delete 1 record(s)" in dry.output
    result = CliRunner().invoke(app, ["retention", "run"])
    assert result.exit_code == 0, result.output
    assert "(30 days): deleted 1 record(s)" in result.output and "Dave" not in result.output
    with session_factory() as s:
        assert s.get(Perpetrator, record["id"]) is None
