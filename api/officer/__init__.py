"""The officer API under /api/v1. Every route needs a bearer token except POST /auth/token
(tests/officer/test_route_protection.py walks the route table to keep it so)."""

from fastapi import APIRouter

from api.officer import (
    admin,
    audit,
    auth,
    cases,
    erasure,
    me,
    messages,
    perpetrators,
    referral,
    stats,
    workflow,
)

router = APIRouter(prefix="/api/v1")
router.include_router(auth.router)
router.include_router(me.router)
router.include_router(cases.router)
router.include_router(workflow.router)
router.include_router(audit.router)
router.include_router(referral.router)
router.include_router(messages.router)
router.include_router(erasure.router)
router.include_router(admin.router)
router.include_router(perpetrators.router)

# Insight (api/officer/stats.py, owned by the stats engineer): include its router here.
router.include_router(stats.router)
