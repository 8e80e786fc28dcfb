"""Possible safeguarding concerns (a child, or an adult with care and support needs), so the
triage rules can raise them and the officer sees them without asking the resident again."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import yaml

from bot.settings import PROJECT_ROOT
from bot.triage import _AGE, _keyword_pattern

CONFIG = PROJECT_ROOT / "bot" / "config" / "safeguarding.yml"


@dataclass(frozen=True)
class Concern:
    """``kind`` is "child", "adult" or None; ``reasons`` say why, for the officer."""

    kind: str | None = None
    reasons: list[str] = field(default_factory=list)


@lru_cache
def _rules(path: str, mtime: float) -> dict:
    data = yaml.safe_load(Path(path).read_text(encoding="utf-8")) or {}
    for kind in ("child", "adult"):
        spec = data.get(kind) or {}
        spec["pattern"] = _keyword_pattern(spec.get("keywords") or [])
        data[kind] = spec
    return data


def _config(path: Path = CONFIG) -> dict:
    return _rules(str(path), path.stat().st_mtime)


def _says(kind: str, text: str, rules: dict) -> bool:
    spec = rules[kind]
    pattern = spec.get("pattern")
    if pattern is not None and pattern.search(text):
        return True
    under = spec.get("ages_under")
    if under:
        for match in _AGE.finditer(text):
            age = int(next(g for g in match.groups() if g))
            if 0 < age < int(under):
                return True
    return False


def assess(answer: str | None, narrative: str | None) -> Concern:
    """The concern from the resident's answer ("child"/"adult") or, failing that, the account."""
    rules = _config()
    if answer in ("child", "adult"):
        return Concern(answer, [f"{rules[answer].get('label', answer)} (said by the reporter)"])
    text = narrative or ""
    for kind in ("child", "adult"):
        if text and _says(kind, text, rules):
            return Concern(kind, [f"{rules[kind].get('label', kind)} (from the account)"])
    return Concern()
