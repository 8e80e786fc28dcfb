"""The workspace's own stylesheet and script, from a fixed allow-list (no path from the URL
reaches the disk), with the same strict headers as the pages."""

from __future__ import annotations

from pathlib import Path

from fastapi import APIRouter, HTTPException
from fastapi.responses import FileResponse

from api.web import PAGE_HEADERS

router = APIRouter()
STATIC_DIR = Path(__file__).resolve().parent.parent / "static"
FILES = {
    "workspace.css": "text/css; charset=utf-8",
    "workspace.js": "text/javascript; charset=utf-8",
}


@router.get("/officer/static/{name}", summary="The workspace's stylesheet and script")
def static(name: str) -> FileResponse:
    media_type = FILES.get(name)
    if media_type is None:
        raise HTTPException(status_code=404, detail="Not found")
    return FileResponse(STATIC_DIR / name, media_type=media_type, headers=PAGE_HEADERS)
