"""Short-lived HS256 bearer tokens for officers.

Tokens carry only the username; the role and the active flag are read from the database on every
request, so a deactivated account or a changed role takes effect at once, not when the token ends.
"""

from __future__ import annotations

import secrets
from datetime import UTC, datetime, timedelta
from typing import Any

import jwt

from bot.settings import Settings

ALGORITHM = "HS256"
ISSUER = "tellonce"
AUDIENCE = "tellonce-officer-api"


class InvalidToken(Exception):
    """The token is missing, malformed, expired, or not signed by us."""


def create_access_token(username: str, settings: Settings, now: datetime | None = None) -> str:
    """Sign a token for ``username`` valid for ``settings.access_token_minutes``."""
    issued = now or datetime.now(UTC)
    claims: dict[str, Any] = {
        "sub": username,
        "iss": ISSUER,
        "aud": AUDIENCE,
        "iat": int(issued.timestamp()),
        "exp": int((issued + timedelta(minutes=settings.access_token_minutes)).timestamp()),
        "jti": secrets.token_urlsafe(12),
    }
    return jwt.encode(claims, settings.secret_key, algorithm=ALGORITHM)


def decode_access_token(token: str, settings: Settings) -> str:
    """Return the username in a valid token, or raise :class:`InvalidToken`."""
    try:
        claims = jwt.decode(
            token,
            settings.secret_key,
            algorithms=[ALGORITHM],  # never trust the header's choice ("none", RS/HS confusion)
            audience=AUDIENCE,
            issuer=ISSUER,
            options={"require": ["exp", "iat", "sub", "iss", "aud"]},
        )
    except jwt.PyJWTError as exc:
        raise InvalidToken(str(exc)) from exc
    sub = claims.get("sub")
    if not isinstance(sub, str) or not sub:
        raise InvalidToken("token has no subject")
    return sub
