"""The signposting directory (``bot/reference_data/signposts.yml``, editable by the council) and
which services a case is pointed to. Every number a resident sees comes from here."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

from bot.settings import Settings, get_settings

FIELDS = ("name", "phone", "text", "email", "url", "hours", "keys", "when", "threshold")
# Specialist services by the faith targeted; anti-LGBT+ hate by strand.
FAITH_SERVICES = {"muslim": "tell_mama", "jewish": "cst"}
LGBT_STRANDS = frozenset({"sexual_orientation", "transgender"})
LGBT_SERVICE = "galop_hate_crime"
# After a report: support for the person, and other ways to report (never both).
SUPPORT_FOR_YOU = ("victim_support", "stop_hate_uk")
OTHER_WAYS = ("police_101", "true_vision", "crimestoppers")
COUNCIL_TEAM = "asb_unit"


@dataclass(frozen=True)
class Signpost:
    key: str
    name: str
    phone: str | None = None
    text: str | None = None
    email: str | None = None
    url: str | None = None
    hours: str | None = None
    keys: str | None = None
    when: str | None = None
    threshold: str | None = None

    @property
    def reachable(self) -> bool:
        return any((self.phone, self.text, self.email, self.url))


@lru_cache
def _load(path: Path, mtime: float) -> dict[str, Signpost]:
    raw: dict[str, Any] = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    out: dict[str, Signpost] = {}
    for group in raw.values():
        for key, item in (group or {}).items():
            item = item or {}
            values = {f: (str(item[f]) if item.get(f) is not None else None) for f in FIELDS}
            values["name"] = values["name"] or key.replace("_", " ").title()
            out[key] = Signpost(key=key, **values)
    return out


def _with_team(entries: dict[str, Signpost], settings: Settings) -> dict[str, Signpost]:
    """The council team's details set at deployment (settings win over the YAML)."""
    team = entries.get(COUNCIL_TEAM) or Signpost(COUNCIL_TEAM, "The council's team")
    overrides = {
        "phone": settings.council_team_phone,
        "email": settings.council_team_email,
        "url": settings.council_team_url,
    }
    values = {f: getattr(team, f) for f in Signpost.__dataclass_fields__}
    values.update({k: v for k, v in overrides.items() if v})
    return {**entries, COUNCIL_TEAM: Signpost(**values)}


def directory(settings: Settings | None = None) -> dict[str, Signpost]:
    """Every service by key (the file is re-read when it changes)."""
    settings = settings or get_settings()
    path = Path(settings.reference_data_dir) / "signposts.yml"
    return _with_team(_load(path, path.stat().st_mtime), settings)


@dataclass(frozen=True)
class CaseSignposts:
    """What a resident is shown after a report: support first, then other ways to report."""

    support: list[Signpost]
    other_ways: list[Signpost]


def specialists(strands: list[str] | None, faiths: list[str] | None) -> list[str]:
    """The specialist services for this case: Tell MAMA for anti-Muslim hate, CST for
    antisemitic hate (other faiths get neither), Galop's hate crime line for anti-LGBT+ hate."""
    strands = list(strands or [])
    keys = []
    if "religion" in strands or faiths:
        keys += [FAITH_SERVICES[f] for f in sorted(set(faiths or [])) if f in FAITH_SERVICES]
    if LGBT_STRANDS & set(strands):
        keys.append(LGBT_SERVICE)
    return keys


def for_case(strands: list[str] | None = None, faiths: list[str] | None = None,
             settings: Settings | None = None) -> CaseSignposts:
    """Support chosen by the case, and the other ways to report, each service listed once."""
    d = directory(settings)
    support_keys = [*SUPPORT_FOR_YOU, *specialists(strands, faiths), COUNCIL_TEAM]
    support = [d[k] for k in dict.fromkeys(support_keys) if k in d and d[k].reachable]
    shown = {s.key for s in support}
    other = [d[k] for k in OTHER_WAYS if k in d and k not in shown and d[k].reachable]
    return CaseSignposts(support=support, other_ways=other)
