"""Risk triage: a level (standard / medium / high) and the reasons that set it.

The rules are configuration the council edits (``bot/config/triage.yml``, path in settings as
``triage_rules_path``), so officers can tune keywords and levels without a code change. Each
rule is one reason; the case takes the highest level among matched reasons.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

from bot.report import Report

RANK = {"standard": 0, "medium": 1, "high": 2}
_AGE = re.compile(
    r"\b(?:(\d{1,3})[- ]?(?:years?|yrs?)[- ]?old|aged (\d{1,3})|"
    r"(?:i am|i'm|he is|he's|she is|she's|they are) (\d{1,3})\b"
    r"(?! (?:minutes?|hours?|days?|weeks?|months?|times?|pounds?|quid|metres?|meters?|miles?)))",
    re.IGNORECASE,
)


@dataclass
class Risk:
    """The triage result stored on the case (``risk_level``, ``risk_rank``, ``risk_reasons``)."""

    level: str = "standard"
    reasons: list[str] = field(default_factory=list)
    suggest_cmarac: bool = False

    @property
    def rank(self) -> int:
        return RANK[self.level]


@dataclass(frozen=True)
class Rule:
    """One reason and the conditions (any of which) that trigger it."""

    key: str
    label: str
    level: str
    flag: str | None = None
    field_in: dict[str, tuple[str, ...]] = field(default_factory=dict)
    strands_any: frozenset[str] = frozenset()
    incident_types_any: frozenset[str] = frozenset()
    pattern: re.Pattern[str] | None = None
    text_fields: tuple[str, ...] = ("narrative",)
    age_under: int | None = None
    age_over: int | None = None
    # For signals set outside the report (repeat_perpetrator): levels above the case's own.
    raise_levels: int = 0


@dataclass(frozen=True)
class Rules:
    """The whole triage configuration, parsed and compiled once."""

    rules: tuple[Rule, ...]
    suggest_cmarac_levels: frozenset[str]
    medium_reasons_for_high: int | None
    negation: re.Pattern[str] | None

    def label(self, key: str) -> str:
        return next((r.label for r in self.rules if r.key == key), key.replace("_", " "))


def _keyword_pattern(words: list[str]) -> re.Pattern[str] | None:
    """One alternation of whole words/phrases; ``stab*`` is a prefix, spaces match any gap."""
    parts = []
    cleaned = {w.strip().lower() for w in words if w and w.strip()}
    for word in sorted(cleaned, key=len, reverse=True):
        prefix = word.endswith("*")
        body = r"\s+".join(re.escape(p) for p in word.rstrip("*").split())
        parts.append(body + (r"\w*" if prefix else ""))
    if not parts:
        return None
    return re.compile(r"(?<![\w&])(?:" + "|".join(parts) + r")(?![\w&])", re.IGNORECASE)


def parse_rules(data: dict[str, Any]) -> Rules:
    """Validate and compile the YAML structure (errors name the offending reason)."""
    rules = []
    for key, spec in (data.get("reasons") or {}).items():
        level = spec.get("level")
        if level not in RANK:
            raise ValueError(f"triage reason {key!r}: level must be one of {', '.join(RANK)}")
        ages = spec.get("ages") or {}
        rules.append(
            Rule(
                key=key,
                label=spec.get("label", key),
                level=level,
                flag=spec.get("flag"),
                field_in={f: tuple(v) for f, v in (spec.get("field_in") or {}).items()},
                strands_any=frozenset(spec.get("strands_any") or ()),
                incident_types_any=frozenset(spec.get("incident_types_any") or ()),
                pattern=_keyword_pattern(spec.get("keywords") or []),
                text_fields=tuple(spec.get("text_fields") or ("narrative",)),
                age_under=ages.get("under"),
                age_over=ages.get("over"),
                raise_levels=int(spec.get("raise_levels") or 0),
            )
        )
    negations = data.get("negations") or []
    negation = (
        re.compile(r"(?<!\w)(?:" + "|".join(re.escape(n) for n in negations) + r")(?!\w)", re.I)
        if negations
        else None
    )
    escalate = data.get("escalate") or {}
    return Rules(
        rules=tuple(rules),
        suggest_cmarac_levels=frozenset(data.get("suggest_cmarac_levels") or ["high"]),
        medium_reasons_for_high=escalate.get("medium_reasons_for_high"),
        negation=negation,
    )


@lru_cache
def _load(path: str, mtime: float) -> Rules:
    with open(path, encoding="utf-8") as handle:
        return parse_rules(yaml.safe_load(handle) or {})


def load_rules(path: Path | str | None = None) -> Rules:
    """The configured rules (re-read when the file changes)."""
    if path is None:
        from bot.settings import get_settings

        path = get_settings().triage_rules_path
    file = Path(path)
    return _load(str(file), file.stat().st_mtime)


def _negated(text: str, start: int, negation: re.Pattern[str] | None) -> bool:
    """A negation among the three words before a match ("no knife", "didn't have a gun")."""
    if negation is None:
        return False
    window = " ".join(re.split(r"[.!?;,\n]", text[max(0, start - 40):start])[-1].split()[-3:])
    return bool(negation.search(window))


def _keyword_hit(rule: Rule, texts: list[str], negation: re.Pattern[str] | None) -> bool:
    if rule.pattern is None:
        return False
    for text in texts:
        for match in rule.pattern.finditer(text):
            if not _negated(text, match.start(), negation):
                return True
    return False


def _age_hit(rule: Rule, texts: list[str]) -> bool:
    if rule.age_under is None and rule.age_over is None:
        return False
    for text in texts:
        for match in _AGE.finditer(text):
            age = int(next(g for g in match.groups() if g))
            if rule.age_under is not None and 0 < age < rule.age_under:
                return True
            if rule.age_over is not None and rule.age_over <= age < 120:
                return True
    return False


def _matches(rule: Rule, report: Report, negation: re.Pattern[str] | None) -> bool:
    if rule.flag and getattr(report, rule.flag, None) is True:
        return True
    for name, values in rule.field_in.items():
        if getattr(report, name, None) in values:
            return True
    if rule.strands_any & set(report.strands):
        return True
    if rule.incident_types_any & set(report.incident_types):
        return True
    texts = [t for t in (getattr(report, f, None) for f in rule.text_fields) if isinstance(t, str)]
    return _keyword_hit(rule, texts, negation) or _age_hit(rule, texts)


def assess(report: Report, rules: Rules | None = None) -> Risk:
    """Triage one report: every matching reason, the highest level, and the CMARAC hint."""
    rules = rules or load_rules()
    matched = [rule for rule in rules.rules if _matches(rule, report, rules.negation)]
    level = max((rule.level for rule in matched), key=RANK.__getitem__, default="standard")
    mediums = sum(1 for rule in matched if rule.level == "medium")
    threshold = rules.medium_reasons_for_high
    if threshold and level == "medium" and mediums >= threshold:
        level = "high"
    return Risk(
        level=level,
        reasons=[rule.key for rule in matched],
        suggest_cmarac=level in rules.suggest_cmarac_levels,
    )


def suggests_cmarac(level: str, rules: Rules | None = None) -> bool:
    """Whether a stored risk level should show the CMARAC referral suggestion."""
    return level in (rules or load_rules()).suggest_cmarac_levels
