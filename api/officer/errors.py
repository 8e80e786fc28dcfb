"""Error bodies and their OpenAPI documentation for the officer API.

Refusals are ``HTTPException`` with a plain-English ``detail`` string; validation problems
(422) keep FastAPI's standard list shape so the documented schema always holds.
"""

from __future__ import annotations

from typing import Any

from fastapi import HTTPException, status
from fastapi.exceptions import RequestValidationError
from pydantic import BaseModel, Field


class Problem(BaseModel):
    """Why the request was refused."""

    detail: str = Field(description="A plain-English reason.")


_DESCRIPTIONS = {
    400: "The request body could not be parsed (malformed JSON or form data).",
    401: "Missing, expired or invalid bearer token (or wrong username/password).",
    403: "Your role or your relation to this case does not allow this.",
    404: "No such case (or officer).",
    409: "The case is not in a state that allows this; the detail says why.",
    429: "A limit was reached (e.g. the day's cap of messages); the detail says which and when.",
}


def responses(*codes: int) -> dict[int | str, dict[str, Any]]:
    """OpenAPI ``responses`` entries for the given error codes (401 is added everywhere)."""
    wanted = sorted({401, *codes})
    return {code: {"model": Problem, "description": _DESCRIPTIONS[code]} for code in wanted}


def unauthorized(detail: str = "Not authenticated: send a valid bearer token") -> HTTPException:
    return HTTPException(status.HTTP_401_UNAUTHORIZED, detail,
                         headers={"WWW-Authenticate": "Bearer"})


def forbidden(detail: str) -> HTTPException:
    return HTTPException(status.HTTP_403_FORBIDDEN, detail)


def not_found(detail: str) -> HTTPException:
    return HTTPException(status.HTTP_404_NOT_FOUND, detail)


def conflict(detail: str) -> HTTPException:
    return HTTPException(status.HTTP_409_CONFLICT, detail)


def too_many(detail: str) -> HTTPException:
    return HTTPException(status.HTTP_429_TOO_MANY_REQUESTS, detail)


def invalid(location: tuple[str, ...], message: str, value: Any = None) -> RequestValidationError:
    """A 422 in FastAPI's standard shape, for checks that need the database."""
    return RequestValidationError(
        [{"type": "value_error", "loc": location, "msg": message, "input": value}]
    )
