"""POST /chat: the web chat relay (see the foundation issue)."""

from fastapi import APIRouter

router = APIRouter(tags=["chat"])
