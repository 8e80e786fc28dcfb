"""Where it happened: known borough places from editable YAML, plus patterns for the rest.

Known names (wards, stations, parks, areas, estates, roads, venues, online platforms) become
EntityRuler phrase patterns matched on lower case, with and without apostrophes. Roads, estates,
shops and places of worship that no list holds ("on Askew Road", "outside the mosque", "in tesco
on king st") are found by token patterns in ``pipeline.py``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

from bot.extraction.normalize import fold

KNOWN_LISTS = {
    "wards": "WARD", "stations": "STATION", "parks": "PARK", "areas": "AREA", "estates": "ESTATE",
    "roads": "ROAD", "venues": "VENUE", "shops": "SHOP", "online_platforms": "ONLINE",
}
# Display form for platform names typed in lower case.
_PLATFORM_FIX = {"whatsapp": "WhatsApp", "tiktok": "TikTok", "youtube": "YouTube",
                 "linkedin": "LinkedIn", "playstation network": "PlayStation Network"}


@dataclass(frozen=True)
class PlaceData:
    """The borough's places: names by label, and the ward of each known place (folded keys)."""

    names: dict[str, list[str]]
    wards: dict[str, str]
    ward_names: tuple[str, ...]


def _reference_dir() -> Path:
    from bot.settings import get_settings

    return Path(get_settings().reference_data_dir)


@lru_cache(maxsize=4)
def load_places(path: Path | None = None) -> PlaceData:
    """Read lbhf_places.yml once (the council edits it; restart to reload)."""
    path = path or (_reference_dir() / "lbhf_places.yml")
    raw: dict[str, Any] = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    names = {label: [str(n) for n in raw.get(key) or []] for key, label in KNOWN_LISTS.items()}
    wards = {fold(w): str(w) for w in raw.get("wards") or []}
    for place, ward in (raw.get("place_wards") or {}).items():
        wards[fold(str(place))] = str(ward)
    ward_names = tuple(str(w) for w in raw.get("wards") or [])
    _add_short_names(names, wards)
    return PlaceData(names=names, wards=wards, ward_names=ward_names)


# Short names residents use: "on the Goldhawk" (Goldhawk Road), "on the Clem Attlee" / "in
# Charecroft" (the estates), "Brackenbury" (Brackenbury Village). Too-common words are left out.
_ROAD_END = re.compile(r"\s+(road|rd|lane|street|st)$", re.IGNORECASE)
_ESTATE_END = re.compile(r"\s+(estate|village)$", re.IGNORECASE)
_TOO_COMMON = {"king", "king's", "kings", "new king's", "wood", "fulham", "hammersmith",
               "shepherd's bush", "north end", "peterborough", "old oak", "white city",
               "west kensington", "sands end", "du cane", "scrubs", "queen caroline"}


def _add_short_names(names: dict[str, list[str]], wards: dict[str, str]) -> None:
    """Add short names for roads ("the Goldhawk") and estates/villages ("Clem Attlee")."""
    taken = {fold(n) for ns in names.values() for n in ns}
    for label, end, prefix in (("ROAD", _ROAD_END, "the "), ("ESTATE", _ESTATE_END, ""),
                               ("AREA", _ESTATE_END, "")):
        for name in list(names.get(label, [])):
            stem = end.sub("", name)
            if stem == name or fold(stem) in _TOO_COMMON or fold(stem) in taken:
                continue
            short = prefix + stem
            names[label].append(short)
            taken.add(fold(short))
            if fold(name) in wards:
                wards.setdefault(fold(stem), wards[fold(name)])


def spelling_variants(name: str) -> set[str]:
    """Lower-case spellings residents type: with or without apostrophes, '&' or 'and'."""
    low = name.lower().strip()
    out = {low, low.replace("'", ""), low.replace("&", "and")}
    out.add(low.replace("'", "").replace("&", "and"))
    # "bishops park" -> also "bishop's park"
    out |= {re.sub(r"(\w)s\b", r"\1's", v, count=1) for v in list(out) if "'" not in v}
    if low.startswith("the "):
        out |= {v[4:] for v in list(out)}
    # "north end road" -> also "north end rd" (residents abbreviate the suffix)
    for full, short in (("road", "rd"), ("street", "st"), ("avenue", "ave"), ("gardens", "gdns")):
        out |= {v[: -len(full)] + short for v in list(out) if v.endswith(" " + full)}
    return {v for v in out if v}


def ruler_patterns(data: PlaceData) -> list[dict[str, Any]]:
    """EntityRuler phrase patterns (matched on LOWER) for every known place name."""
    patterns: list[dict[str, Any]] = []
    for label, names in data.names.items():
        for name in names:
            if label == "ONLINE" and len(name) < 3:
                continue  # "X" alone is too ambiguous; "on X" is matched by a token pattern
            for variant in spelling_variants(name):
                patterns.append({"label": label, "pattern": variant, "id": name})
    return patterns


def ward_of(place_text: str, data: PlaceData) -> str | None:
    """The ward for a place text, when the YAML knows it (exact, then trailing 'station' etc.)."""
    key = fold(place_text)
    for short, full in (("st", "street"), ("rd", "road"), ("ave", "avenue"), ("gdns", "gardens")):
        key = re.sub(rf"\b{short}$", full, key)
    if key in data.wards:
        return data.wards[key]
    suffix = r"\b(station|tube|overground|stop|estate|park|green|road|street)$"
    key = re.sub(suffix, "", key).strip()
    key = re.sub(r"^(the|outside|near|in|at|on)\s+", "", key).strip()
    return data.wards.get(key)


def platform_display(name: str) -> str:
    """'whatsapp group' -> 'WhatsApp group' for read-backs."""
    low = name.lower()
    for raw, fixed in _PLATFORM_FIX.items():
        if low.startswith(raw):
            return fixed + name[len(raw):]
    return name[:1].upper() + name[1:]

