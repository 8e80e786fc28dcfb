"""Uniform error bodies for the public endpoints.

Every refusal says *why* in plain words (``detail``, safe to show a resident) and with a stable
machine code (``error``), so the web page and API clients can react without parsing prose.
"""

from __future__ import annotations

from typing import Any

from fastapi.responses import JSONResponse
from pydantic import BaseModel, Field


class ErrorBody(BaseModel):
    """The body of every 4xx/5xx answer from /chat."""

    detail: str = Field(description="A plain-English reason, safe to show to the resident.")
    error: str = Field(description="A stable machine-readable code, e.g. `message_too_long`.")


class ApiError(Exception):
    """Raised inside a route to answer with ``status`` and an :class:`ErrorBody`."""

    def __init__(self, status: int, error: str, detail: str,
                 retry_after: int | None = None) -> None:
        super().__init__(error)
        self.status = status
        self.error = error
        self.detail = detail
        self.retry_after = retry_after

    def response(self, headers: dict[str, str] | None = None) -> JSONResponse:
        body = ErrorBody(detail=self.detail, error=self.error).model_dump()
        headers = dict(headers or {})
        if self.retry_after is not None:
            headers["Retry-After"] = str(self.retry_after)
        return JSONResponse(body, status_code=self.status, headers=headers)


def error_doc(description: str, *examples: tuple[str, str]) -> dict[str, Any]:
    """An OpenAPI ``responses`` entry with the ErrorBody schema and named examples."""
    return {
        "model": ErrorBody,
        "description": description,
        "content": {
            "application/json": {
                "examples": {
                    code: {"value": {"detail": detail, "error": code}} for code, detail in examples
                }
            }
        },
    }
