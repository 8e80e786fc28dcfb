"""The sign-in step both officer front ends share: ``bot.casework.sign_in`` run in the
sign-in pool (never the AnyIO pool), with the client's address for per-address throttling.

The address is the socket peer, or, when the gateway is told to trust its proxy
(``TRUST_FORWARDED_HEADERS``), the last ``X-Forwarded-For`` hop: the one that proxy added (the
earlier ones are whatever the client sent). It is only ever stored as a keyed hash.
"""

from __future__ import annotations

from fastapi import Request
from sqlalchemy.orm import Session, sessionmaker

from bot.casework.sign_in import Outcome, sign_in
from bot.settings import Settings


def client_address(request: Request, settings: Settings) -> str | None:
    if settings.trust_forwarded_headers:
        forwarded = request.headers.get("x-forwarded-for", "").split(",")[-1].strip()
        if forwarded:
            return forwarded
    return request.client.host if request.client else None


def _in_thread(sessions: sessionmaker[Session], settings: Settings, username: str,
               password: str, code: str, address: str | None) -> Outcome:
    with sessions() as session:
        return sign_in(session, settings, username, password, code, address)


async def check(request: Request, username: str, password: str, code: str = "") -> Outcome:
    """Sign in off the event loop, in the bounded pool; ``Busy`` when it is full."""
    state = request.app.state
    return await state.sign_in_pool.run(
        _in_thread, state.sessions, state.settings, username, password, code,
        client_address(request, state.settings))
