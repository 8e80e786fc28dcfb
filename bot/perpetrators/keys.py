"""Keyed hashes of identifiers (HMAC-SHA256 with ``PERPETRATOR_MATCH_KEY``, a key of its own):
the matching table holds only these, so it reveals nothing about anyone without the key."""

from __future__ import annotations

import hashlib
import hmac

from bot import identifiers as normalise
from bot.settings import get_settings

ADDRESS, NAME, HANDLE, HANDLE_ANY = "address", "name", "handle", "handle_any"


def digest(kind: str, value: str) -> str:
    """The keyed hash of one normalised identifier; the kind is part of the message, so the same
    text as a name and as an address hashes differently."""
    key = get_settings().perpetrator_match_key.encode()
    return hmac.new(key, f"{kind}:{value}".encode(), hashlib.sha256).hexdigest()


def record_identifiers(name: str | None, aliases: list[str], address: str | None,
                       handles: list[dict[str, str]]) -> set[tuple[str, str]]:
    """``(kind, digest)`` pairs for everything a record can be matched on."""
    pairs: set[tuple[str, str]] = set()
    for value in [name, *aliases]:
        folded = normalise.normalise_name(value)
        if folded:
            pairs.add((NAME, digest(NAME, folded)))
    for key in normalise.address_keys(address):
        pairs.add((ADDRESS, digest(ADDRESS, key)))
    for item in handles:
        handle = normalise.normalise_handle(item.get("handle"))
        if not handle:
            continue
        platform = normalise.normalise_platform(item.get("platform"))
        pairs.add((HANDLE, digest(HANDLE, f"{platform}:{handle}")))
        pairs.add((HANDLE_ANY, digest(HANDLE_ANY, handle)))
    return pairs


def account_identifiers(*texts: str | None) -> dict[tuple[str, str], str]:
    """``(kind, digest) -> what matched`` for the addresses and handles an account names (its
    narrative and place text). Names are not looked for: too many false matches in free text."""
    found: dict[tuple[str, str], str] = {}
    for text in texts:
        for candidate in normalise.address_candidates(text):
            found[(ADDRESS, digest(ADDRESS, candidate))] = "address"
        for handle in normalise.handle_candidates(text):
            found[(HANDLE_ANY, digest(HANDLE_ANY, handle))] = "handle"
    return found
