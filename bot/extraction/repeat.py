"""Is this message the same account again? So "anything else to add?" never stores it twice.

Residents paste their account again, retype it with small changes, or send it twice in one
message. A word counts as repeated when it sits in a run of three words (or a whole short
message) found in an earlier account; the message repeats one when nearly all its words are
repeated and nothing new of any length is left over. A genuinely new detail ("also he came back
on Tuesday") is a run of new words, so it is not a repeat.
"""

from __future__ import annotations

import re

from bot.extraction.normalize import normalize

SHINGLE = 3  # words per run looked up in the earlier accounts
MIN_COVERED = 0.85  # share of the message's words that must be repeated
MAX_NEW_RUN = 2  # longest run of new words still read as "a few words changed"
MIN_WORDS = 4  # shorter messages ("yes", "no") repeat only when they are the same words
_TOKEN = re.compile(r"[a-z0-9]+(?:'[a-z]+)?")


def _words(text: str) -> list[str]:
    return _TOKEN.findall(normalize(text).lower())


def _padded(words: list[str]) -> list[str]:
    """The words between start and end marks, so a changed first or last word counts as one."""
    return ["<s>", *words, "</s>"]


def _shingles(words: list[str]) -> set[tuple[str, ...]]:
    return {tuple(words[i:i + SHINGLE]) for i in range(max(0, len(words) - SHINGLE + 1))}


def is_repeat(text: str | None, previous: list[str] | None) -> bool:
    """True when ``text`` repeats (word for word or nearly) an account in ``previous``."""
    if not isinstance(text, str) or not previous:
        return False
    words = _words(text)
    if not words:
        return False
    earlier = [_words(p) for p in previous if isinstance(p, str)]
    if any(words == e for e in earlier):
        return True
    if len(words) < MIN_WORDS:
        return False
    known: set[tuple[str, ...]] = set()
    for e in earlier:
        known |= _shingles(_padded(e))
    padded = _padded(words)
    marks = [False] * len(padded)
    for i in range(len(padded) - SHINGLE + 1):
        if tuple(padded[i:i + SHINGLE]) in known:
            for j in range(i, i + SHINGLE):
                marks[j] = True
    covered = marks[1:-1]
    if sum(covered) < MIN_COVERED * len(words):
        return False
    run = longest = 0
    for seen in covered:
        run = 0 if seen else run + 1
        longest = max(longest, run)
    return longest <= MAX_NEW_RUN
