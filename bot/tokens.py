"""Short-lived HS256 bearer tokens for officers.

Tokens carry the username and the account's ``token_version``; the role and the active flag are
read from the database on every request, and the version is bumped on password change,
deactivation and role change, so such a change ends every outstanding token at once. A token
living longer than ``ACCESS_TOKEN_MAX_MINUTES`` (``exp - iat``) is refused whatever it says.
"""

from __future__ import annotations

import secrets
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

import jwt

from bot.settings import Settings

ALGORITHM = "HS256"
ISSUER = "tellonce"
AUDIENCE = "tellonce-officer-api"


class InvalidToken(Exception):
    """The token is missing, malformed, expired, too long-lived, or not signed by us."""


@dataclass(frozen=True)
class TokenClaims:
    username: str
    version: int


def create_access_token(username: str, settings: Settings, now: datetime | None = None,
                        version: int = 0) -> str:
    """Sign a token for ``username`` (at the account's ``version``) valid for
    ``settings.access_token_minutes``."""
    issued = now or datetime.now(UTC)
    claims: dict[str, Any] = {
        "sub": username,
        "ver": version,
        "iss": ISSUER,
        "aud": AUDIENCE,
        "iat": int(issued.timestamp()),
        "exp": int((issued + timedelta(minutes=settings.access_token_minutes)).timestamp()),
        "jti": secrets.token_urlsafe(12),
    }
    return jwt.encode(claims, settings.secret_key, algorithm=ALGORITHM)


def decode_access_token(token: str, settings: Settings) -> TokenClaims:
    """The claims of a valid token, or :class:`InvalidToken`."""
    try:
        claims = jwt.decode(
            token,
            settings.secret_key,
            algorithms=[ALGORITHM],  # never trust the header's choice ("none", RS/HS confusion)
            audience=AUDIENCE,
            issuer=ISSUER,
            options={"require": ["exp", "iat", "sub", "iss", "aud", "ver"]},
        )
    except jwt.PyJWTError as exc:
        raise InvalidToken(str(exc)) from exc
    sub, version = claims.get("sub"), claims.get("ver")
    if not isinstance(sub, str) or not sub:
        raise InvalidToken("token has no subject")
    if not isinstance(version, int) or isinstance(version, bool):
        raise InvalidToken("token has no version")
    lifetime = claims["exp"] - claims["iat"]
    if not isinstance(lifetime, int | float) or lifetime > settings.access_token_max_minutes * 60:
        raise InvalidToken("token lives longer than allowed")
    return TokenClaims(sub, version)
