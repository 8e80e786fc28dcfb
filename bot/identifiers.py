"""Canonical forms of the identifiers a perpetrator record is matched on, and the ones an
account names, so that "Flat 3, 14 Fulham Ct, London W6 7XX" on a record and "my neighbour at
14 fulham court" in a report give the same key. Pure functions: hashing is in ``keys.py``.
"""

from __future__ import annotations

import re
import unicodedata

# Street-type words: an address key runs from the building number to the last of these.
STREET_WORDS = frozenset({
    "road", "street", "avenue", "lane", "court", "house", "gardens", "close", "way", "place",
    "square", "terrace", "crescent", "grove", "mews", "walk", "row", "hill", "green", "parade",
    "drive", "broadway", "mansions", "buildings", "tower", "estate", "villas", "gate", "park",
    "yard", "wharf", "quay", "point", "rise", "vale", "passage", "embankment", "common",
})
_ABBREVIATIONS = {
    "rd": "road", "st": "street", "str": "street", "ave": "avenue", "av": "avenue",
    "ln": "lane", "ct": "court", "crt": "court", "ho": "house", "hse": "house",
    "gdns": "gardens", "gdn": "gardens", "cl": "close", "pl": "place", "sq": "square",
    "terr": "terrace", "tce": "terrace", "cres": "crescent", "gr": "grove", "gro": "grove",
    "dr": "drive", "pde": "parade", "mans": "mansions", "bldgs": "buildings", "twr": "tower",
    "est": "estate", "wk": "walk", "grn": "green",
}
# Words that say "this is a flat or house number": dropped, the number stays.
_FILLER = frozenset({"flat", "flats", "apartment", "apt", "unit", "no", "number", "num", "nr"})
_TOWN = frozenset({"london", "uk", "england", "united", "kingdom"})
# Small words residents put between a number and its street ("flat 12 on Edward Woods Estate",
# "3 the Limes"): dropped on both sides, so they never decide a match.
_SMALL = frozenset({"the", "of", "on", "in", "at"})
_POSTCODE = re.compile(r"\b[a-z]{1,2}\d[a-z\d]?\s*\d[a-z]{2}\b")
_OUTWARD = re.compile(r"\b(?:w|sw|nw|se|e|n)\d{1,2}\b")
_SEGMENT = re.compile(r"[,;:\n.!?()\[\]\"]+")
_NUMBER = re.compile(r"^\d{1,4}[a-z]?$")
_WORD = re.compile(r"[a-z0-9]+")
MAX_KEY_WORDS = 5


def _fold(text: str) -> str:
    """Lower case, accents and typographic quotes folded, apostrophes dropped ("king's")."""
    text = unicodedata.normalize("NFKD", text or "")
    text = "".join(c for c in text if not unicodedata.combining(c)).lower()
    return re.sub(r"['\u2019\u2018`]", "", text)


def _segments(text: str) -> list[list[str]]:
    """Words per clause, abbreviations expanded, filler and town words and postcodes dropped.
    A clause boundary (comma, full stop...) ends an address key."""
    folded = _OUTWARD.sub(" ", _POSTCODE.sub(" ", _fold(text)))
    folded = re.sub(r"(?<=\d)(?=[a-z]{3,})", " ", folded)  # "14fulham" -> "14 fulham"
    out = []
    for part in _SEGMENT.split(folded):
        words = [_ABBREVIATIONS.get(w, w) for w in _WORD.findall(part)]
        words = [w for w in words if w not in _FILLER and w not in _TOWN and w not in _SMALL]
        if words:
            out.append(words)
    return out


def words(text: str | None) -> list[str]:
    """All the canonical words of a text, clause boundaries ignored (place keys)."""
    return [w for segment in _segments(text or "") for w in segment]


def normalise_address(text: str | None) -> str:
    """The whole address in canonical words (what is stored, encrypted, for display)."""
    return " ".join(" ".join(words) for words in _segments(text or ""))


def _until_street_word(words: list[str]) -> list[str]:
    """Words after a number up to the last street-type word among the first few; all of them
    (at most ``MAX_KEY_WORDS``) when none is a street word ("14 Broadway", "3 The Limes")."""
    window = []
    for word in words[:MAX_KEY_WORDS]:
        if _NUMBER.match(word):
            break
        window.append(word)
    last = max((i for i, w in enumerate(window) if w in STREET_WORDS), default=None)
    return window if last is None else window[: last + 1]


def address_keys(text: str | None) -> set[str]:
    """Keys of a record's address: "<number> <street...>" for each building or flat number, and
    the whole normalised address (so two records typed alike match even without a number)."""
    keys: set[str] = set()
    segments = _segments(text or "")
    for words in segments:
        for i, word in enumerate(words):
            if _NUMBER.match(word):
                street = _until_street_word(words[i + 1:])
                if street and not (len(street) == 1 and street[0] in STREET_WORDS):
                    keys.add(" ".join([word, *street]))
    whole = " ".join(" ".join(w) for w in segments)
    if whole:
        keys.add(whole)
    return keys


def address_candidates(text: str | None) -> set[str]:
    """Every "<number> <next 1..5 words>" in free text: the account's possible addresses. Only
    exact key matches count, so "14 fulham court keeps" simply matches nothing."""
    found: set[str] = set()
    for words in _segments(text or ""):
        for i, word in enumerate(words):
            if not _NUMBER.match(word):
                continue
            following: list[str] = []
            for nxt in words[i + 1: i + 1 + MAX_KEY_WORDS]:
                if _NUMBER.match(nxt):
                    break
                following.append(nxt)
                found.add(" ".join([word, *following]))
    return found


_TITLES = frozenset({"mr", "mrs", "ms", "miss", "mx", "dr", "sir", "prof"})


def normalise_name(text: str | None) -> str:
    """A person's name or alias: lower case, no titles or punctuation ("Mr. J. O'Neil" ->
    "j oneil")."""
    words = [w for w in _WORD.findall(_fold(text or "")) if w not in _TITLES]
    return " ".join(words)


PLATFORMS = {
    "instagram": "instagram", "insta": "instagram", "ig": "instagram",
    "facebook": "facebook", "fb": "facebook", "messenger": "facebook",
    "twitter": "x", "x": "x", "tiktok": "tiktok", "tik tok": "tiktok",
    "snapchat": "snapchat", "snap": "snapchat", "youtube": "youtube", "telegram": "telegram",
    "whatsapp": "whatsapp", "discord": "discord", "reddit": "reddit", "threads": "threads",
    "nextdoor": "nextdoor", "twitch": "twitch", "linkedin": "linkedin",
}
_URL = re.compile(
    r"(?:https?://)?(?:www\.|m\.)?(instagram|facebook|twitter|x|tiktok|snapchat|youtube|"
    r"threads|reddit|twitch)\.(?:com|net)/(?:@|u/|user/|add/)?([a-z0-9_.-]{1,64})"
)
_HANDLE_CHARS = re.compile(r"[^a-z0-9_.-]")
# "@name" not inside an e-mail address or a word.
_AT_HANDLE = re.compile(r"(?<![\w@.])@([a-z0-9_][a-z0-9_.]{0,63})")


def normalise_platform(text: str | None) -> str:
    """Known platforms by one name ("IG", "insta" -> "instagram"); others folded as typed."""
    folded = " ".join(_WORD.findall(_fold(text or "")))
    return PLATFORMS.get(folded, folded)


def normalise_handle(text: str | None) -> str:
    """A handle without "@", URL or case ("https://instagram.com/J.Smith99/" -> "j.smith99")."""
    folded = _fold(text or "").strip()
    url = _URL.search(folded)
    if url:
        folded = url.group(2)
    folded = folded.lstrip("@").strip().rstrip("/.")
    return _HANDLE_CHARS.sub("", folded)


def handle_candidates(text: str | None) -> set[str]:
    """Handles an account names: "@handle" and profile links."""
    folded = _fold(text or "")
    found = {m.group(1).rstrip(".") for m in _AT_HANDLE.finditer(folded)}
    found |= {normalise_handle(m.group(0)) for m in _URL.finditer(folded)}
    return {h for h in found if h}
