"""Loading and rendering the wording catalogue (``bot/wording/*.yml``).

Keys are dotted paths prefixed by the file's name (``safety.danger.call_now`` lives in
``safety.yml``), so a key found in code names the file that holds its words.
"""

from __future__ import annotations

import string
from functools import lru_cache
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import yaml

CHANNELS = ("web", "sms", "whatsapp")
TEXT_CHANNELS = ("sms", "whatsapp")
VARIANTS = frozenset({"web", "text", "sms", "whatsapp", "default"})
HERE = Path(__file__).resolve().parent


class WordingError(KeyError):
    """A key, a channel variant or a placeholder that the catalogue does not have."""


def _is_leaf(value: Any) -> bool:
    return isinstance(value, str) or (
        isinstance(value, dict) and bool(value) and set(value) <= VARIANTS
        and all(isinstance(v, str) for v in value.values())
    )


def _flatten(prefix: str, node: Any, out: dict[str, Any]) -> None:
    if _is_leaf(node):
        out[prefix] = node
        return
    if isinstance(node, list):  # variants said in turn (never the same words twice in a row)
        for index, value in enumerate(node):
            _flatten(f"{prefix}.{index}", value, out)
        return
    if not isinstance(node, dict):
        raise WordingError(f"{prefix}: expected text or a mapping, got {type(node).__name__}")
    for key, value in node.items():
        _flatten(f"{prefix}.{key}", value, out)


@lru_cache
def _load(folder: str) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for path in sorted(Path(folder).glob("*.yml")):
        _flatten(path.stem, yaml.safe_load(path.read_text(encoding="utf-8")) or {}, out)
    return out


def catalogue() -> dict[str, Any]:
    """Every entry, by dotted key (loaded once)."""
    return _load(str(HERE))


def keys() -> list[str]:
    return sorted(catalogue())


def count(key: str) -> int:
    """How many numbered variants ``key`` has (``key.0``, ``key.1``...)."""
    return sum(1 for k in catalogue() if k.startswith(key + ".") and k[len(key) + 1:].isdigit())


def raw(key: str) -> Any:
    try:
        return catalogue()[key]
    except KeyError:
        raise WordingError(f"no wording {key!r} in bot/wording/") from None


def variant(entry: Any, channel: str) -> str:
    """The text of one entry for a channel: its own variant, then ``text`` for SMS/WhatsApp,
    then ``default`` (``web`` serves the web only)."""
    if isinstance(entry, str):
        return entry
    order = [channel, "text", "default"] if channel in TEXT_CHANNELS else ["web", "default"]
    for name in order:
        if name in entry:
            return entry[name]
    raise WordingError(f"no {channel} variant")


class _Formatter(string.Formatter):
    """``str.format`` that refuses missing fields and renders a missing optional value as ''."""

    def format_field(self, value: Any, format_spec: str) -> str:
        return "" if value is None else super().format_field(value, format_spec)


_FORMAT = _Formatter()


def context() -> dict[str, Any]:
    """Placeholders every entry may use: the council and the signposting directory."""
    from bot.settings import get_settings
    from bot.signposting import directory

    settings = get_settings()
    return _context(settings.council_name, settings.borough, tuple(directory(settings).values()))


@lru_cache(maxsize=8)
def _context(council: str, borough: str, signposts: tuple[Any, ...]) -> dict[str, Any]:
    """Built once per directory: every sentence a resident sees reads it, so a form turn built
    it a dozen times."""
    return {
        "council": council,
        "borough": borough,
        "sp": SimpleNamespace(**{item.key: SimpleNamespace(
            **{f: getattr(item, f) for f in item.__dataclass_fields__}) for item in signposts}),
    }


def say(key: str, channel: str = "web", **values: Any) -> str:
    """One entry, rendered for ``channel`` with ``values`` (raises WordingError if anything is
    missing, so a typo fails in tests rather than reaching a resident)."""
    template = variant(raw(key), channel if channel in CHANNELS else "web")
    try:
        return _FORMAT.format(template, **{**context(), **values}).strip("\n")
    except (KeyError, AttributeError, IndexError) as exc:
        raise WordingError(f"{key}: placeholder {exc} has no value") from None
