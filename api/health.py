"""GET /healthz: the database, Rasa and the action server."""

from __future__ import annotations

import httpx
from anyio import to_thread
from fastapi import APIRouter, Request
from fastapi.responses import JSONResponse
from sqlalchemy import text

router = APIRouter(tags=["health"])


def _db_ok(request: Request) -> bool:
    try:
        with request.app.state.engine.connect() as conn:
            conn.execute(text("SELECT 1"))
        return True
    except Exception:  # noqa: BLE001 - any failure means unhealthy
        return False


async def _http_ok(url: str) -> bool:
    try:
        async with httpx.AsyncClient(timeout=2.0) as client:
            return (await client.get(url)).status_code == 200
    except httpx.HTTPError:
        return False


@router.get("/healthz", summary="Health of the database, Rasa and the action server")
async def healthz(request: Request) -> JSONResponse:
    settings = request.app.state.settings
    checks = {
        "database": await to_thread.run_sync(_db_ok, request),
        "rasa": await request.app.state.rasa.healthy(),
        "action_server": await _http_ok(settings.action_server_url.rstrip("/") + "/health"),
    }
    ok = all(checks.values())
    return JSONResponse(
        {"status": "ok" if ok else "degraded", "checks": checks}, status_code=200 if ok else 503
    )
