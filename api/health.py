"""GET /healthz: the database, Rasa (each replica) and the action server, plus what the
supervisor of ``tellonce run`` says about every process (a part restarting or given up on).

``checks`` and the status code are what a load balancer reads: 200 only when the database, at
least one Rasa replica and the action server answer, else 503. ``parts`` says which part is
degraded and how; ``degraded`` lists them (a Rasa replica down while another answers, or the
outbox worker restarting, is degraded but still 200: conversations go on).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

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


def _processes(path: Path | None) -> dict[str, dict[str, Any]]:
    """The supervisor's last word on each process (empty when not run by ``tellonce run``)."""
    if path is None:
        return {}
    try:
        raw = json.loads(Path(path).read_text())
    except (OSError, ValueError):
        return {}
    parts = raw.get("parts") if isinstance(raw, dict) else None
    if not isinstance(parts, dict):
        return {}
    return {
        str(name): {"state": str(p.get("state")), "restarts_in_window":
                    int(p.get("restarts_in_window") or 0)}
        for name, p in parts.items() if isinstance(p, dict)
    }


@router.get("/healthz", summary="Health of the database, Rasa, the action server and processes")
async def healthz(request: Request) -> JSONResponse:
    settings = request.app.state.settings
    replicas = await request.app.state.rasa.replica_health()
    checks = {
        "database": await to_thread.run_sync(_db_ok, request),
        "rasa": any(replicas.values()),
        "action_server": await _http_ok(settings.action_server_url.rstrip("/") + "/health"),
    }
    parts: dict[str, dict[str, Any]] = {name: {"ok": ok} for name, ok in checks.items()}
    up = sum(replicas.values())
    parts["rasa"].update(replicas=len(replicas), replicas_up=up)
    processes = await to_thread.run_sync(_processes, settings.supervisor_status_file)
    for name, proc in processes.items():
        parts.setdefault(name, {"ok": proc["state"] == "up"}).update(proc)
        if proc["state"] != "up":
            parts[name]["ok"] = False
    degraded = [name for name, p in parts.items() if not p["ok"]]
    if up < len(replicas) and "rasa" not in degraded:
        degraded.append("rasa")
    ok = all(checks.values())
    return JSONResponse(
        {"status": "ok" if ok and not degraded else "degraded", "checks": checks,
         "parts": parts, "degraded": degraded},
        status_code=200 if ok else 503,
    )
