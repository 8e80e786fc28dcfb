"""Officer API latency at scale: the queue and the stats, through the real HTTP routes.

Seeds a fresh database with ``--cases`` synthetic cases (``bot.seed``), then drives the real app
in-process (``create_app`` + Starlette's TestClient: routing, auth, validation, audit writes and
serialisation all included; no network) and reports p50/p95 per request.

    .venv/bin/python benchmarks/bench_officer_api.py --backend sqlite --cases 100000 [--keep FILE]
    .venv/bin/python benchmarks/bench_officer_api.py --backend postgresql --cases 100000 \
        --pg-url postgresql://postgres@127.0.0.1:5432/postgres

Targets at 100,000 cases: queue p95 <= 50 ms, stats p95 <= 300 ms.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from sqlalchemy.engine import make_url  # noqa: E402

from bot.scratch_db import scratch_database  # noqa: E402

TARGETS = {"queue": 50.0, "stats": 300.0}


@contextmanager
def fresh_database(backend: str, pg_url: str, keep: str | None) -> Iterator[str]:
    """A new empty database URL, dropped afterwards; ``keep`` names a SQLite file or a
    PostgreSQL URL to seed into (if short of cases) and keep."""
    if backend == "postgresql" and keep:
        yield make_url(keep).set(drivername="postgresql+psycopg").render_as_string(
            hide_password=False)
        return
    if backend == "sqlite":
        path = Path(keep) if keep else Path(tempfile.mkdtemp()) / "bench.db"
        yield f"sqlite:///{path}"
        if not keep:
            path.unlink(missing_ok=True)
        return
    url, drop = scratch_database("postgresql", Path(tempfile.gettempdir()), pg_url,
                                 prefix="tellonce_bench")
    try:
        yield url
    finally:
        drop()


def percentile(values: list[float], pct: float) -> float:
    ordered = sorted(values)
    index = min(len(ordered) - 1, max(0, round(pct / 100 * len(ordered) + 0.5) - 1))
    return ordered[index]


def measure(call: Callable[[], object], runs: int, warmup: int = 3) -> list[float]:
    for _ in range(warmup):
        call()
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        call()
        times.append((time.perf_counter() - started) * 1000)
    return times


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
    from fastapi.testclient import TestClient
    from sqlalchemy import func, select
    from sqlalchemy.orm import sessionmaker

    from api.main import create_app
    from bot.db import make_engine, session_scope
    from bot.migrations import upgrade_head
    from bot.models import Case, Officer
    from bot.seed import seed_cases
    from bot.settings import Settings
    from bot.tokens import create_access_token

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
        with session_scope(factory) as session:
            for name, role in (("bench-supervisor", "supervisor"), ("bench-officer", "officer")):
                if not session.scalar(select(Officer).where(Officer.username == name)):
                    session.add(Officer(username=name, password_hash="!", role=role))
            total = session.scalar(select(func.count()).select_from(Case))

        def auth(name: str) -> dict[str, str]:
            return {"Authorization": f"Bearer {create_access_token(name, settings)}"}

        sup, off = auth("bench-supervisor"), auth("bench-officer")
        results: list[tuple[str, str, list[float]]] = []
        with TestClient(create_app(settings)) as client:
            def get(path: str, headers: dict[str, str], **params: object) -> Callable[[], object]:
                def call() -> object:
                    response = client.get(path, params=params, headers=headers)
                    assert response.status_code == 200, (path, response.status_code,
                                                         response.text[:300])
                    return response
                return call

            first = get("/api/v1/cases", sup)().json()
            cursor = first["next_cursor"]
            plan = [
                ("queue", "first page (supervisor, all cases)", get("/api/v1/cases", sup)),
                ("queue", "first page (officer: unassigned + own)", get("/api/v1/cases", off)),
                ("queue", "filtered: status=new, risk=high, strand=race",
                 get("/api/v1/cases", sup, status="new", risk="high", strand="race")),
                ("queue", "filtered: ward=White City, incident_type=threats",
                 get("/api/v1/cases", sup, ward="White City", incident_type="threats")),
                ("queue", "filtered: overdue=true", get("/api/v1/cases", sup, overdue="true")),
                ("queue", "second page (cursor)", get("/api/v1/cases", sup, cursor=cursor)),
            ] + [
                ("stats", f"group_by={group}", get("/api/v1/stats", sup, group_by=group))
                for group in ("strand", "incident_type", "ward", "month", "channel")
            ] + [
                ("stats", "group_by=ward, from/to one quarter",
                 get("/api/v1/stats", sup, group_by="ward", **{"from": "2026-01-01",
                                                                "to": "2026-03-31"})),
                ("stats", "group_by=strand, CSV", get("/api/v1/stats", {**sup,
                                                                        "Accept": "text/csv"})),
            ]
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
