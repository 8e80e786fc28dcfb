"""Case references like ``HF-7K3M9Q``: a prefix, then random characters from an alphabet with
no look-alikes (no 0/O, 1/I/L, 5/S, 8/B, 2/Z), never sequential so they reveal no volumes."""

from __future__ import annotations

import re
import secrets

ALPHABET = "34679ACDEFGHJKMNPQRTUVWXY"
LENGTH = 6


def new_reference(prefix: str, length: int = LENGTH) -> str:
    return f"{prefix}-" + "".join(secrets.choice(ALPHABET) for _ in range(length))


def looks_like_reference(text: str, prefix: str) -> bool:
    pattern = rf"{re.escape(prefix)}-[{ALPHABET}]{{{LENGTH},}}"
    return re.fullmatch(pattern, text.strip().upper()) is not None
