"""The gateway application factory. Nothing is built at import time: ``create_app()`` reads
settings and makes the engine, the Rasa client and the routers when called."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from fastapi import FastAPI
from sqlalchemy.orm import sessionmaker

from api.abuse import Guard
from api.degraded import ActionServerWatch
from api.headers import SecurityHeaders
from api.rasa_client import RasaClient
from api.sign_in_pool import SignInPool
from api.turns import Conversations
from bot.db import make_engine
from bot.extraction.learned.alarm import warm_up as warm_danger_check
from bot.logging import configure_logging
from bot.ratelimit import make_counter
from bot.settings import Settings, get_settings


def create_app(settings: Settings | None = None) -> FastAPI:
    settings = settings or get_settings()
    configure_logging()

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        engine = make_engine(settings.database_url)
        app.state.settings = settings
        app.state.engine = engine
        app.state.sessions = sessionmaker(bind=engine, expire_on_commit=False)
        app.state.rasa = RasaClient(settings.rasa_url, settings.rasa_timeout_seconds,
                                    settings.rasa_max_concurrent, settings.rasa_queue_seconds)
        watch = ActionServerWatch(settings.action_server_url.rstrip("/") + "/health",
                                  app.state.rasa.http)
        counter = make_counter(settings.redis_url)
        app.state.guard = Guard(settings, counter)
        app.state.conversations = Conversations(app.state.rasa, app.state.sessions, watch,
                                                app.state.guard)
        app.state.sign_in_pool = SignInPool(settings.password_check_workers,
                                            settings.password_check_max_waiting)
        await asyncio.to_thread(warm_danger_check)
        try:
            yield
        finally:
            app.state.sign_in_pool.shutdown()
            await app.state.rasa.aclose()
            await counter.aclose()
            engine.dispose()

    docs = settings.api_docs_enabled  # the API's map is for developers, not the internet
    app = FastAPI(
        title="TellOnce gateway",
        version="0.1.0",
        description="Report hate crime and hate incidents to the council; officer case API.",
        lifespan=lifespan,
        docs_url="/docs" if docs else None,
        redoc_url="/redoc" if docs else None,
        openapi_url="/openapi.json" if docs else None,
    )
    app.add_middleware(SecurityHeaders, settings=settings)
    _include_routers(app)
    return app


def _include_routers(app: FastAPI) -> None:
    from api import chat, health, web
    from api.officer import router as officer_router
    from api.twilio import router as twilio_router
    from api.workspace import install as install_workspace

    app.include_router(health.router)
    app.include_router(chat.router)
    app.include_router(officer_router)
    app.include_router(twilio_router)
    app.include_router(web.router)
    install_workspace(app)
