"""The officer API under /api/v1 (built out by the officer-API issue)."""

from fastapi import APIRouter

router = APIRouter(prefix="/api/v1")
