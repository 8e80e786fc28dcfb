"""FastAPI dependencies as ``Annotated`` aliases (SettingsDep, SessionDep, ...)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Annotated

from fastapi import Depends, Request
from sqlalchemy.orm import Session, sessionmaker

from api.turns import Conversations
from bot.settings import Settings


def get_app_settings(request: Request) -> Settings:
    return request.app.state.settings


def get_sessionmaker(request: Request) -> sessionmaker[Session]:
    return request.app.state.sessions


def get_db(request: Request) -> Iterator[Session]:
    """One session per request (sync routes run in the threadpool, off the event loop)."""
    with request.app.state.sessions() as session:
        yield session


def get_conversations(request: Request) -> Conversations:
    return request.app.state.conversations


SettingsDep = Annotated[Settings, Depends(get_app_settings)]
SessionDep = Annotated[Session, Depends(get_db)]
SessionFactoryDep = Annotated[sessionmaker[Session], Depends(get_sessionmaker)]
ConversationsDep = Annotated[Conversations, Depends(get_conversations)]
