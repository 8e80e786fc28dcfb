"""Officers' workspace latency at scale: the queue and case pages, through the real routes.

Seeds a fresh database with ``--cases`` synthetic cases (``bot.seed``, as bench_officer_api.py),
signs a supervisor and an officer in (server-side sessions, real cookies), then drives the real
app in-process (``create_app`` + Starlette's TestClient: session resume, access checks, audit
writes, the timeline and Jinja2 rendering all included; no network) and reports p50/p95.

    .venv/bin/python benchmarks/bench_workspace.py --backend sqlite --cases 100000 [--keep FILE]
    .venv/bin/python benchmarks/bench_workspace.py --backend postgresql --cases 100000 \
        --pg-url postgresql://postgres@127.0.0.1:5432/postgres

Target at 100,000 cases: p95 <= 50 ms for the queue and for a case page.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
from collections.abc import Callable
from itertools import cycle
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_officer_api import fresh_database, measure, percentile  # noqa: E402

TARGETS = {"queue": 50.0, "case": 50.0}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--backend", choices=["sqlite", "postgresql"], default="sqlite")
    parser.add_argument("--cases", type=int, default=100_000)
    parser.add_argument("--runs", type=int, default=60)
    parser.add_argument("--pg-url", default=os.environ.get(
        "TEST_DATABASE_URL", "postgresql://postgres@127.0.0.1:5432/postgres"))
    parser.add_argument("--keep", help="seed into / reuse this SQLite file or PostgreSQL URL")
    args = parser.parse_args()

    os.environ.setdefault("ENVIRONMENT", "development")
    import re

    from fastapi.testclient import TestClient
    from sqlalchemy import func, select
    from sqlalchemy.orm import sessionmaker

    from api.main import create_app
    from bot import officer_sessions
    from bot.db import make_engine, session_scope
    from bot.messaging.outbox import queue_message
    from bot.migrations import upgrade_head
    from bot.models import Case, CaseNote, Officer
    from bot.seed import seed_cases
    from bot.settings import Settings

    with fresh_database(args.backend, args.pg_url, args.keep) as url:
        settings = Settings(database_url=url)
        upgrade_head(url)
        factory = sessionmaker(bind=make_engine(url), expire_on_commit=False)
        with session_scope(factory) as session:
            have = session.scalar(select(func.count()).select_from(Case)) or 0
        if have < args.cases:
            with session_scope(factory) as session:
                seeded = seed_cases(session, settings, args.cases - have)
            print(f"seeded {seeded.cases} cases in {seeded.seconds:.1f} s", flush=True)
        cookies = {}
        with session_scope(factory) as session:
            for name, role in (("bench-supervisor", "supervisor"), ("bench-officer", "officer")):
                officer = session.scalar(select(Officer).where(Officer.username == name))
                if officer is None:
                    officer = Officer(username=name, password_hash="!", role=role,
                                      phone="020 7946 0000")
                    session.add(officer)
                    session.flush()
                cookies[role] = officer_sessions.start(session, officer, settings).token
            total = session.scalar(select(func.count()).select_from(Case))
            # a worked case: notes and a message in its timeline, as officers leave them
            busy = session.scalar(select(Case).where(Case.status == "in_progress",
                                                     Case.contact_method == "sms").limit(1))
            if busy is not None and not session.scalar(
                    select(CaseNote.id).where(CaseNote.case_id == busy.id).limit(1)):
                for i in range(10):
                    session.add(CaseNote(case_id=busy.id, officer_id=busy.assigned_officer_id,
                                         text=f"Follow-up call {i}"))
                if busy.assigned_officer and busy.assigned_officer.phone is None:
                    busy.assigned_officer.phone = "020 7946 0001"
                queue_message(session, busy, "I will ring you tomorrow.", settings)

        results: list[tuple[str, str, list[float]]] = []
        with TestClient(create_app(settings)) as sup, TestClient(create_app(settings)) as off:
            sup.cookies.set("tellonce_officer", cookies["supervisor"], path="/officer")
            off.cookies.set("tellonce_officer", cookies["officer"], path="/officer")

            def get(client: TestClient, path: str | Callable[[], str],
                    **params: object) -> Callable[[], object]:
                def call() -> object:
                    target = path() if callable(path) else path
                    response = client.get(target, params=params, follow_redirects=False)
                    assert response.status_code == 200, (target, response.status_code,
                                                         response.text[:300])
                    return response
                return call

            first = get(sup, "/officer/")().text
            refs = re.findall(r'href="/officer/cases/([A-Z0-9-]+)"', first)
            cursor = re.search(r'cursor=([A-Za-z0-9_-]+)', first).group(1)
            unassigned = re.findall(r'href="/officer/cases/([A-Z0-9-]+)"',
                                    get(off, "/officer/", assigned="none")().text)
            rotate = cycle(refs)
            plan = [
                ("queue", "first page (supervisor, open cases)", get(sup, "/officer/")),
                ("queue", "first page (officer: unassigned + own)", get(off, "/officer/")),
                ("queue", "filtered: status=new, risk=high, strand=race",
                 get(sup, "/officer/", status="new", risk="high", strand="race")),
                ("queue", "filtered: ward=White City", get(sup, "/officer/", ward="White City")),
                ("queue", "filtered: overdue", get(sup, "/officer/", overdue="yes")),
                ("queue", "every status, newest first",
                 get(sup, "/officer/", status="any", sort="newest")),
                ("queue", "second page (cursor)", get(sup, "/officer/", cursor=cursor)),
                ("case", "case page (supervisor, 25 different cases)",
                 get(sup, lambda: f"/officer/cases/{next(rotate)}")),
                ("case", "case page (officer, an unassigned case)",
                 get(off, f"/officer/cases/{unassigned[0]}")),
            ]
            if busy is not None:
                plan.append(("case", "case page with notes, a message and a long audit trail",
                             get(sup, f"/officer/cases/{busy.reference}")))
            for kind, label, call in plan:
                results.append((kind, label, measure(call, args.runs)))

    print(f"\n{args.backend}, {total:,} cases, {args.runs} runs each (ms)\n")
    print("| request | p50 | p95 | target p95 |")
    print("|---|---:|---:|---:|")
    failed = False
    for kind, label, times in results:
        p50, p95 = statistics.median(times), percentile(times, 95)
        ok = p95 <= TARGETS[kind]
        failed |= not ok
        print(f"| {kind}: {label} | {p50:.1f} | {p95:.1f} | {TARGETS[kind]:.0f}"
              f"{'' if ok else ' MISSED'} |")
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main())
