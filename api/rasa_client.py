"""The gateway's only way to talk to Rasa: its REST channel on localhost."""

from __future__ import annotations

from typing import Any

import httpx


class RasaUnavailable(Exception):
    """Rasa did not answer in time or answered with an error."""


class RasaClient:
    """A pooled async HTTP client for Rasa's REST webhook, created per app (not at import)."""

    def __init__(self, base_url: str, timeout: float = 10.0) -> None:
        self._base = base_url.rstrip("/")
        self._http = httpx.AsyncClient(timeout=timeout)

    async def send(
        self, conversation_id: str, message: str, metadata: dict[str, Any]
    ) -> list[dict[str, Any]]:
        try:
            response = await self._http.post(
                f"{self._base}/webhooks/rest/webhook",
                json={"sender": conversation_id, "message": message, "metadata": metadata},
            )
        except httpx.HTTPError as exc:
            raise RasaUnavailable(type(exc).__name__) from exc
        if response.status_code != 200:
            raise RasaUnavailable(f"rasa answered {response.status_code}")
        try:
            body = response.json()
        except ValueError as exc:  # a proxy's HTML error page, a truncated answer
            raise RasaUnavailable("rasa answered something that is not JSON") from exc
        if body is None:
            return []
        if not isinstance(body, list):
            raise RasaUnavailable("rasa answered JSON that is not a list of messages")
        return body

    async def healthy(self) -> bool:
        try:
            return (await self._http.get(f"{self._base}/", timeout=2.0)).status_code == 200
        except httpx.HTTPError:
            return False

    async def aclose(self) -> None:
        await self._http.aclose()
