"""GET /: the web chat page and its static files."""

from fastapi import APIRouter

router = APIRouter(tags=["web"])
