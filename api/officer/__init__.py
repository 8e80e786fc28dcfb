"""The officer API under /api/v1. Every route needs a bearer token except POST /auth/token
(tests/officer/test_route_protection.py walks the route table to keep it so)."""

from fastapi import APIRouter

from api.officer import auth, cases, stats

router = APIRouter(prefix="/api/v1")
router.include_router(auth.router)
router.include_router(cases.router)

# Insight (api/officer/stats.py, owned by the stats engineer): include its router here.
router.include_router(stats.router)
