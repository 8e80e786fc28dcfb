"""Place keys for hotspots: the same place text, or the same estate, hashes to the same key.

Place text is encrypted, so grouping it on each stats request would mean decrypting every
case. Instead each case gets keyed hashes (``crypto.pseudonym``, purpose ``place`` /
``estate``) of its normalised place text and of the estate it names, written with the case
(``bot.models.perpetrators.CasePlace``); stats group those with a plain indexed GROUP BY.
"""

from __future__ import annotations

import re
from functools import lru_cache

from bot import crypto
from bot.identifiers import STREET_WORDS, words

# Words that say where relative to a place, not which place ("outside 14 Fulham Court").
_RELATIVE = frozenset({"outside", "near", "by", "opposite", "behind", "next", "to", "round",
                       "around", "just", "inside", "front", "corner", "top", "end", "bottom",
                       "off", "along", "from", "my", "our", "his", "her", "their"})
_ESTATE_WORDS = ("estate", "village")


def place_key(text: str | None) -> str | None:
    """The place text in canonical words, without leading "outside", "near the"..."""
    found = words(text)
    while found and found[0] in _RELATIVE:
        found = found[1:]
    return " ".join(found) or None


@lru_cache(maxsize=1)
def _known_estates() -> tuple[dict[str, str], frozenset[str]]:
    """Known estate stems (folded, without "estate") -> display name, from lbhf_places.yml,
    and the ward names (a stem that is also a ward's name needs the word "estate")."""
    from bot.extraction.places import load_places

    data = load_places()
    known: dict[str, str] = {}
    for name in data.names.get("ESTATE", []):
        stem = " ".join(w for w in words(name) if w not in _ESTATE_WORDS)
        if stem:
            known.setdefault(stem, name)
    return known, frozenset(" ".join(words(w)) for w in data.ward_names)


def estate_of(text: str | None) -> tuple[str, str] | None:
    """``(key, display name)`` of the estate a place text names: a known estate (also by its
    short name, "the Clem Attlee", unless another place follows: "Wormholt Park") or "<up to
    three words> estate"."""
    found = words(text)
    joined = " " + " ".join(found) + " "
    known, wards = _known_estates()
    for stem in sorted(known, key=len, reverse=True):
        at = joined.find(f" {stem} ")
        if at < 0:
            continue
        after = joined[at + len(stem) + 2:].split()
        following = after[0] if after else None
        if following in _ESTATE_WORDS or (following not in STREET_WORDS and stem not in wards):
            return stem, known[stem]
    match = re.search(r"((?:[a-z0-9]+ ){1,3})estate ", joined)
    if match:
        stem_words = [w for w in match.group(1).split() if w not in _RELATIVE]
        if stem_words:
            stem = " ".join(stem_words[-3:])
            return stem, " ".join(w.capitalize() for w in stem.split()) + " Estate"
    return None


def place_digests(text: str | None, online: bool) -> dict[str, str]:
    """``{"place": digest, "estate": digest}`` for a case (either may be missing). Online
    incidents have no physical place to patrol."""
    if online or not text:
        return {}
    out = {}
    key = place_key(text)
    if key:
        out["place"] = crypto.pseudonym(key, "place")
    estate = estate_of(text)
    if estate:
        out["estate"] = crypto.pseudonym(estate[0], "estate")
    return out


def place_label(text: str | None, kind: str) -> str | None:
    """What a hotspot is called: the estate's name, or the place text as one case typed it."""
    if kind == "estate":
        estate = estate_of(text)
        return estate[1] if estate else None
    return (text or "").strip() or None
