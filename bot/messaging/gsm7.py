"""The GSM-7 character set: keep SMS bodies in it so a reply is not re-encoded as UCS-2.

One character outside GSM-7 turns a whole SMS into UCS-2 (70 characters a segment instead of
160), so a typographic apostrophe from Rasa could triple the resident's (and council's) cost.
"""

from __future__ import annotations

import math
import re
import unicodedata

# GSM 03.38 basic character set and the extension table (extension characters cost two septets).
BASIC = set(
    "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?"
    "¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà"
)
EXTENSION = set("^{}\\[~]|€\f")

_REPLACEMENTS = {
    "\u2018": "'", "\u2019": "'", "\u201a": "'", "\u201b": "'", "\u2032": "'", "\u00b4": "'",
    "`": "'",
    "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u201f": '"', "\u2033": '"',
    "\u00ab": '"', "\u00bb": '"',
    "\u2010": "-", "\u2011": "-", "\u2012": "-", "\u2013": "-", "\u2014": "-", "\u2015": "-",
    "\u2212": "-",
    "\u2026": "...", "\u2022": "-", "\u00b7": "-",
    "\u00a0": " ", "\u2007": " ", "\u2009": " ", "\u200a": " ", "\u202f": " ", "\t": " ",
    "\u200b": "", "\u200c": "", "\u200d": "", "\u2060": "", "\ufeff": "", "\ufe0f": "",
    "\u2122": "TM", "\u00a9": "(c)", "\u00ae": "(R)",
    "\u0141": "L", "\u0142": "l", "\u0110": "D", "\u0111": "d", "\u0131": "i",
    "\u0152": "OE", "\u0153": "oe", "\u00de": "Th", "\u00fe": "th", "\u00f0": "d",
    "\u2192": "->", "\u2190": "<-", "\u2713": "", "\u2714": "", "\u2705": "",
}

# Emoji and pictographs: dropped (they carry no meaning the words don't already say).
_EMOJI = re.compile(
    "[\U0001f000-\U0001faff\U00002600-\U000027bf\U0001f1e6-\U0001f1ff\U00002300-\U000023ff"
    "\U00002b00-\U00002bff\U0000fe00-\U0000fe0f\U0001f3fb-\U0001f3ff]"
)
_SPACES = re.compile(r"[ ]{2,}")


def is_gsm7(text: str) -> bool:
    return all(ch in BASIC or ch in EXTENSION for ch in text)


def _fallback(ch: str) -> str:
    """An accented letter loses its accent (á → a); anything else unrepresentable becomes '?'."""
    stripped = "".join(
        c for c in unicodedata.normalize("NFKD", ch) if not unicodedata.combining(c)
    )
    if stripped and all(c in BASIC or c in EXTENSION for c in stripped):
        return stripped
    return "?"


def to_gsm7(text: str) -> str:
    """Rewrite text into GSM-7: typographic quotes, dashes, ellipses made plain; emoji gone."""
    text = _EMOJI.sub("", unicodedata.normalize("NFC", text))
    out: list[str] = []
    for ch in text:
        if ch in BASIC or ch in EXTENSION:
            out.append(ch)
        elif ch in _REPLACEMENTS:
            out.append(_REPLACEMENTS[ch])
        elif unicodedata.category(ch) in {"Cc", "Cf", "Mn"}:
            continue
        else:
            out.append(_fallback(ch))
    lines = [_SPACES.sub(" ", line).rstrip() for line in "".join(out).split("\n")]
    return "\n".join(lines).strip()


def septets(text: str) -> int:
    return sum(2 if ch in EXTENSION else 1 for ch in text)


def segments(text: str) -> int:
    """How many SMS segments the body costs (GSM-7 160/153, UCS-2 70/67)."""
    if not text:
        return 1
    if is_gsm7(text):
        n = septets(text)
        return 1 if n <= 160 else math.ceil(n / 153)
    units = len(text.encode("utf-16-le")) // 2
    return 1 if units <= 70 else math.ceil(units / 67)
