"""Synthetic cases for demos and benchmarks (``tellonce seed --cases 100000``).

Realistic in shape, fictitious in content: 18 months of reports over the borough's wards,
a strand and incident-type mix, statuses that follow age, assigned officers, and a few rising
trends in the last three whole months (religion, transgender, White City ward) so the insight
endpoint has something to find. Narratives are built from fragments; phone numbers come from
Ofcom's drama range and e-mail addresses from example.org. Rows go in with bulk inserts
(``insertmanyvalues``), in chunks; field encryption still applies.
"""

from __future__ import annotations

import random
import time
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from typing import Any

import yaml
from sqlalchemy import insert, select
from sqlalchemy.orm import Session

from bot.cases import add_working_days
from bot.models import Case, CaseIncidentType, CaseStrand, Officer, facet_rows
from bot.references import ALPHABET, LENGTH
from bot.report import Report
from bot.settings import Settings
from bot.stats import add_months, refresh_planner_statistics
from bot.triage import assess, load_rules

MONTHS = 18
STRAND_WEIGHTS = {"race": 45, "religion": 15, "sexual_orientation": 12, "disability": 8,
                  "transgender": 5, "sex_gender": 7, "alternative_subculture": 2, "other": 6}
INCIDENT_WEIGHTS = {"verbal_abuse": 50, "harassment": 20, "threats": 15, "online_abuse": 10,
                    "physical_assault": 8, "property_damage": 7, "other": 3}
CHANNEL_WEIGHTS = {"web": 60, "sms": 25, "whatsapp": 15}
SURGE_SHARE = 0.04  # extra cases in the last 3 whole months: the trends to find
WHO = ["A man", "A woman", "Two men", "A group of teenagers", "My neighbour", "A driver",
       "Someone I know from work", "A customer", "A person on the bus"]
DID = {
    "verbal_abuse": ["shouted abuse at me", "called me names", "yelled slurs at my friend"],
    "harassment": ["keeps following me", "has been harassing my family", "stares and mutters"],
    "threats": ["threatened to hurt me", "said they would burn our house down",
                "told me to watch my back"],
    "online_abuse": ["posted hateful comments about me online", "sent abusive messages"],
    "physical_assault": ["pushed me over", "punched me", "spat at me"],
    "property_damage": ["smashed our window", "sprayed graffiti on our door"],
    "other": ["did something that frightened me"],
}
WHERE = ["near the station", "outside the shops", "on the bus", "in the park", "at the estate",
         "by the school gates", "in the high street", "outside my flat", "at the bus stop",
         "in the supermarket", "outside the pub", "on the footpath"] * 3 + ["outside the mosque"]
EXTRA = [""] * 12 + [" It has happened again.", " I was really scared.", " My son saw it.",
                     " He had a knife.", " I ended up with a cut lip.", " It was horrible."]
STATUSES_RECENT = [("new", 45), ("triaged", 25), ("in_progress", 30)]
OUTCOMES = ["advice_given", "referred_to_police", "warning_letter", "no_further_action",
            "resolved"]


@dataclass
class SeedResult:
    cases: int
    officers: int
    seconds: float


def _pick(rng: random.Random, weights: dict[str, int]) -> str:
    return rng.choices(list(weights), weights=list(weights.values()))[0]


def _some(rng: random.Random, weights: dict[str, int], extra: float) -> list[str]:
    first = _pick(rng, weights)
    if rng.random() < extra:
        return sorted({first, _pick(rng, weights)})
    return [first]


def _wards(settings: Settings) -> list[str]:
    with open(settings.reference_data_dir / "lbhf_places.yml", encoding="utf-8") as handle:
        return list(yaml.safe_load(handle)["wards"])


def _when(rng: random.Random, now: datetime, surge: bool) -> datetime:
    """Base cases: anywhere in the last 18 months, a little busier lately; surges: the last
    three whole months."""
    this_month = add_months(now.date(), 0)
    if surge:
        start, end = add_months(this_month, -3), this_month
    else:
        start = add_months(this_month, -MONTHS)
        end = now.date()
        # gentle growth: later dates are a little more likely
        if rng.random() < 0.1:
            start = add_months(this_month, -MONTHS // 2)
    span = (datetime.combine(end, datetime.min.time(), tzinfo=UTC)
            - datetime.combine(start, datetime.min.time(), tzinfo=UTC)).total_seconds()
    moment = datetime.combine(start, datetime.min.time(), tzinfo=UTC)
    return min(now, moment + timedelta(seconds=rng.random() * max(span, 3600)))


def _case(rng: random.Random, now: datetime, wards: list[str], officers: list[int],
          settings: Settings, rules: Any, surge: str | None) -> dict[str, Any]:
    created = _when(rng, now, surge is not None)
    strands = _some(rng, STRAND_WEIGHTS, 0.15)
    if surge in ("religion", "transgender"):
        strands = sorted({surge, *strands[1:]})
    incidents = _some(rng, INCIDENT_WEIGHTS, 0.25)
    online = "online_abuse" in incidents and rng.random() < 0.7
    ward = None if online or rng.random() < 0.1 else rng.choice(wards)
    if surge == "White City":
        ward, online = "White City", False
    narrative = (f"{rng.choice(WHO)} {rng.choice(DID[incidents[0]])} "
                 f"{'online' if online else rng.choice(WHERE)}.{rng.choice(EXTRA)}")
    anonymous = rng.random() < 0.4
    method = None if anonymous else rng.choice(["phone", "sms", "whatsapp", "email"])
    contact = (None if anonymous else f"resident{rng.randrange(10**6)}@example.org"
               if method == "email" else f"07700 900{rng.randrange(1000):03d}")
    report = Report(
        channel=_pick(rng, CHANNEL_WEIGHTS), reporter_role=rng.choice(
            ["victim"] * 6 + ["witness"] * 2 + ["third_party"] * 2),
        narrative=narrative, strands=strands, incident_types=incidents,
        occurred_on=(created - timedelta(days=rng.randrange(0, 5))).date(),
        ongoing=rng.random() < 0.15, location_text=None if online else rng.choice(WHERE),
        location_ward=ward, location_online=online,
        perpetrator=rng.choice(["unknown"] * 7 + ["neighbour"] * 2 + ["known"]),
        injured=rng.random() < 0.06, danger_now=rng.random() < 0.01, anonymous=anonymous,
        contact_method=method, contact_value=contact, share_consent=rng.random() < 0.7,
    )
    risk = assess(report, rules)
    days = settings.response_days_high if risk.level == "high" else settings.response_days_standard
    age = now - created
    status = ("closed" if age > timedelta(days=60) and rng.random() < 0.9
              else rng.choices(*zip(*STATUSES_RECENT, strict=True))[0])
    row = report.model_dump()
    row.update(
        created_at=created, updated_at=created, status=status,
        conversation_id=f"{report.channel[0]}-seed{rng.getrandbits(64):016x}",
        risk_level=risk.level, risk_rank=risk.rank, risk_reasons=risk.reasons,
        due_by=add_working_days(created, days),
        assigned_officer_id=None if status == "new" or not officers else rng.choice(officers),
        contacted_at=None, closed_at=None, outcome=None, anonymised_at=None,
    )
    if status in ("in_progress", "closed"):
        row["contacted_at"] = created + timedelta(hours=rng.uniform(2, 70))
    if status == "closed":
        row["closed_at"] = min(now, created + timedelta(days=rng.uniform(3, 50)))
        row["outcome"] = rng.choice(OUTCOMES)
        row["updated_at"] = row["closed_at"]
    return row


def _officers(session: Session, count: int) -> list[int]:
    """Seed case officers (they cannot sign in: no usable password hash)."""
    names = [f"seed-officer-{i:02d}" for i in range(1, count + 1)]
    existing = set(session.scalars(select(Officer.username).where(Officer.username.in_(names))))
    for name in names:
        if name not in existing:
            session.add(Officer(username=name, password_hash="!seed", role="officer",  # noqa: S106 - not a hash: no password can match
                                display_name=name.replace("-", " ").title()))
    session.flush()
    return list(session.scalars(select(Officer.id).where(Officer.username.in_(names))))


def _references(session: Session, rng: random.Random, prefix: str, n: int,
                taken: set[str]) -> list[str]:
    """``n`` fresh references, unique in this run and in the database."""
    refs: list[str] = []
    while len(refs) < n:
        batch = {f"{prefix}-" + "".join(rng.choices(ALPHABET, k=LENGTH))
                 for _ in range(n - len(refs))} - taken
        clash = set(session.scalars(select(Case.reference).where(Case.reference.in_(batch))))
        fresh = sorted(batch - clash)
        taken.update(fresh)
        refs.extend(fresh)
    return refs


def generate(rng: random.Random, n: int, now: datetime, wards: list[str], officers: list[int],
             settings: Settings) -> Iterator[dict[str, Any]]:
    rules = load_rules(settings.triage_rules_path)
    surges = ["religion"] * 5 + ["White City"] * 2 + ["transgender"] * 3
    for _ in range(n):
        surge = rng.choice(surges) if rng.random() < SURGE_SHARE else None
        yield _case(rng, now, wards, officers, settings, rules, surge)


def seed_cases(session: Session, settings: Settings, n: int, now: datetime | None = None,
               seed: int = 20260101, chunk: int = 2000, officers: int = 12) -> SeedResult:
    """Insert ``n`` synthetic cases (and their strand / incident-type rows), committing each
    chunk so a long run shows progress and a failure keeps what was done."""
    started = time.perf_counter()
    now = now or datetime.now(UTC)
    rng = random.Random(seed)  # noqa: S311 - synthetic data, reproducible on purpose
    officer_ids = _officers(session, officers)
    session.commit()
    wards = _wards(settings)
    table = Case.__table__
    taken: set[str] = set()
    rows = generate(rng, n, now, wards, officer_ids, settings)
    done = 0
    while done < n:
        size = min(chunk, n - done)
        batch = [next(rows) for _ in range(size)]
        for row, ref in zip(batch, _references(session, rng, settings.reference_prefix, size,
                                               taken), strict=True):
            row["reference"] = ref
        ids = session.execute(insert(table).returning(table.c.id, sort_by_parameter_order=True),
                              batch).scalars().all()
        strand_rows: list[dict[str, Any]] = []
        type_rows: list[dict[str, Any]] = []
        for case_id, row in zip(ids, batch, strict=True):
            s, t = facet_rows(case_id, row["created_at"], row["strands"], row["incident_types"])
            strand_rows += s
            type_rows += t
        if strand_rows:
            session.execute(insert(CaseStrand.__table__), strand_rows)
        if type_rows:
            session.execute(insert(CaseIncidentType.__table__), type_rows)
        session.commit()
        done += size
    refresh_planner_statistics(session)
    session.commit()
    return SeedResult(cases=n, officers=len(officer_ids), seconds=time.perf_counter() - started)


def seed_until(day: date) -> datetime:
    """Noon UTC on ``day`` (a fixed "now" makes a seeded data set reproducible)."""
    return datetime(day.year, day.month, day.day, 12, tzinfo=UTC)
