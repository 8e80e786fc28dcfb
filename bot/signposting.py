"""The signposting directory, loaded from editable YAML (bot/reference_data/signposts.yml)."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

from bot.settings import get_settings


@dataclass(frozen=True)
class Signpost:
    key: str
    name: str
    phone: str | None
    url: str | None
    hours: str | None
    when: str | None

    def line(self) -> str:
        """One short line for a chat bubble or SMS."""
        how = " or ".join(p for p in (self.phone, self.url) if p)
        extra = f" ({self.hours})" if self.hours else ""
        return f"{self.name}: {how}{extra}" if how else self.name


NAMES = {
    "police_999": "Police emergency",
    "relay_uk_999": "Text relay emergency",
    "police_101": "Police non-emergency",
    "true_vision": "True Vision (report online to the police)",
    "stop_hate_uk": "Stop Hate UK, 24/7",
    "crimestoppers": "Crimestoppers, 100% anonymous",
    "victim_support": "Victim Support",
    "samaritans": "Samaritans",
    "galop": "Galop (LGBT+)",
    "cst": "CST (antisemitic incidents)",
}


@lru_cache
def _load(path: Path) -> dict[str, Signpost]:
    raw: dict[str, Any] = yaml.safe_load(path.read_text(encoding="utf-8"))
    out: dict[str, Signpost] = {}
    for group in raw.values():
        for key, item in (group or {}).items():
            out[key] = Signpost(
                key=key,
                name=NAMES.get(key, key.replace("_", " ").title()),
                phone=item.get("phone"),
                url=item.get("url"),
                hours=item.get("hours"),
                when=item.get("when"),
            )
    return out


def directory() -> dict[str, Signpost]:
    return _load(get_settings().reference_data_dir / "signposts.yml")


def for_case(strands: list[str] | None = None) -> list[Signpost]:
    """The standard set after a report, plus community services chosen by the strands."""
    d = directory()
    keys = ["stop_hate_uk", "crimestoppers", "police_101", "true_vision", "victim_support"]
    strands = strands or []
    if {"sexual_orientation", "transgender"} & set(strands):
        keys.append("galop")
    if "religion" in strands:
        keys.append("cst")
    return [d[k] for k in keys if k in d]


def emergency_text() -> str:
    d = directory()
    phone = d["police_999"].phone if "police_999" in d else "999"
    relay = d["relay_uk_999"].phone if "relay_uk_999" in d else "18000"
    return (
        f"If you are in danger now, call {phone}. "
        f"If you are deaf or can't speak, text relay {relay}."
    )
