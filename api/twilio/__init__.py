"""Twilio SMS and WhatsApp under /twilio: inbound messages, delivery status, and (when
OUTBOX_WORKER_IN_GATEWAY is set) the outbox worker as a background thread of the gateway."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from fastapi import APIRouter, FastAPI


@asynccontextmanager
async def _lifespan(app: FastAPI) -> AsyncIterator[None]:
    """Runs inside the app's own lifespan (settings and sessions already on ``app.state``)."""
    settings = app.state.settings
    worker = None
    if settings.outbox_worker_in_gateway:
        from bot.messaging.worker import start_background

        worker = start_background(app.state.sessions, settings)
    try:
        yield
    finally:
        if worker is not None:
            thread, stop = worker
            stop.set()
            thread.join(timeout=15)


def _build() -> APIRouter:
    from api.twilio import inbound, status

    built = APIRouter(prefix="/twilio", tags=["twilio"], lifespan=_lifespan)
    built.include_router(inbound.router)
    built.include_router(status.router)
    return built


router = _build()
