"""Field encryption at rest and keyed pseudonyms.

Fernet (AES-128-CBC + HMAC) with a MultiFernet key ring: the first key encrypts, every key
decrypts, so keys rotate without downtime (docs/security.md).
"""

from __future__ import annotations

import base64
import hashlib
import hmac
from functools import lru_cache

from cryptography.fernet import Fernet, InvalidToken, MultiFernet

from bot.settings import Settings, get_settings


@lru_cache
def _key_ring(keys: tuple[str, ...]) -> MultiFernet:
    return MultiFernet([Fernet(k.encode()) for k in keys])


def key_ring() -> MultiFernet:
    return _key_ring(tuple(get_settings().field_encryption_keys))


def encrypt(plain: str) -> str:
    return key_ring().encrypt(plain.encode("utf-8")).decode("ascii")


def decrypt(token: str) -> str:
    try:
        return key_ring().decrypt(token.encode("ascii")).decode("utf-8")
    except InvalidToken as exc:  # a key was removed before data was re-encrypted
        raise ValueError("cannot decrypt field: no configured key matches") from exc


def rotate(token: str) -> str:
    """Re-encrypt a value under the newest key."""
    return key_ring().rotate(token.encode("ascii")).decode("ascii")


def pseudonym(value: str, purpose: str = "sender") -> str:
    """A stable keyed hash (HMAC-SHA256) so an identifier can be matched but not recovered."""
    key = get_settings().pseudonym_key.encode()
    digest = hmac.new(key, f"{purpose}:{value}".encode(), hashlib.sha256).hexdigest()
    return digest[:40]


def generate_key() -> str:
    return Fernet.generate_key().decode("ascii")


def tracker_keys(settings: Settings | None = None) -> list[str]:
    """The key ring for Rasa's encrypted tracker store: ``TRACKER_ENCRYPTION_KEYS``, or else one
    key derived by HMAC from each field key (same order, so field key rotation rotates it too).
    A derived key cannot be turned back into the field key: Rasa can read conversations, never
    cases."""
    settings = settings or get_settings()
    if settings.tracker_encryption_keys:
        return list(settings.tracker_encryption_keys)
    return [
        base64.urlsafe_b64encode(
            hmac.new(k.encode(), b"tellonce:rasa-tracker-store", hashlib.sha256).digest()
        ).decode("ascii")
        for k in settings.field_encryption_keys
    ]
