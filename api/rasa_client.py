"""The gateway's only way to talk to Rasa: its REST channel on localhost, one server or several
replicas (``RASA_URL`` as a comma list) sharing the tracker store and the Redis lock store."""

from __future__ import annotations

import asyncio
import itertools
from typing import Any

import httpx

from api.degraded import Unavailable


class RasaUnavailable(Unavailable):
    """Rasa did not answer in time or answered with an error."""

    part = "rasa"


class RasaBusy(RasaUnavailable):
    """Every place in Rasa was taken for longer than the gateway waits: nothing was sent."""

    part = "rasa_capacity"


class ActionsUnavailable(RasaUnavailable):
    """Rasa answered, but its action server is down: the turn did nothing (send it again)."""

    part = "action_server"


class RasaClient:
    """A pooled async HTTP client for Rasa's REST webhook, created per app (not at import).

    Replicas are taken in turn, one per request. A refused connection (a replica restarting),
    or one closed under the request (a replica killed: its pooled keep-alive connection dies
    with it), moves on to the next one. A timeout or an error status is not retried: that
    replica is alive and may still act on the message, and a second replica would act again.
    A connection closed mid-request could, rarely, follow a turn Rasa had already saved; that
    is the same as the resident sending it again, which the outage reply asks them to do.

    At most ``max_concurrent`` turns are in Rasa at once; a turn that waits longer than
    ``queue_seconds`` for a place is refused at once (``RasaBusy``), so a flood gets the kind
    busy reply quickly instead of piling up behind Rasa's timeout.
    """

    def __init__(self, base_url: str | list[str], timeout: float = 10.0,
                 max_concurrent: int = 16, queue_seconds: float = 2.0) -> None:
        urls = base_url.split(",") if isinstance(base_url, str) else base_url
        self.urls = [u.strip().rstrip("/") for u in urls if u.strip()]
        if not self.urls:
            raise ValueError("no Rasa URL")
        self._turn = itertools.count()
        self._http = httpx.AsyncClient(timeout=timeout)
        self._places = asyncio.Semaphore(max_concurrent)
        self._queue_seconds = queue_seconds

    async def send(
        self, conversation_id: str, message: str, metadata: dict[str, Any]
    ) -> list[dict[str, Any]]:
        try:
            await asyncio.wait_for(self._places.acquire(), self._queue_seconds)
        except TimeoutError:
            raise RasaBusy("every place in Rasa taken") from None
        try:
            return await self._send(conversation_id, message, metadata)
        finally:
            self._places.release()

    async def _send(
        self, conversation_id: str, message: str, metadata: dict[str, Any]
    ) -> list[dict[str, Any]]:
        start = next(self._turn)
        payload = {"sender": conversation_id, "message": message, "metadata": metadata}
        last: Exception | None = None
        for i in range(len(self.urls)):
            base = self.urls[(start + i) % len(self.urls)]
            try:
                response = await self._http.post(f"{base}/webhooks/rest/webhook", json=payload)
                break
            except (httpx.ConnectError, httpx.ConnectTimeout, httpx.ReadError,
                    httpx.WriteError, httpx.RemoteProtocolError) as exc:
                last = exc  # this replica is gone: the next one may take it
            except httpx.HTTPError as exc:
                raise RasaUnavailable(type(exc).__name__) from exc
            except Exception as exc:  # noqa: BLE001 - a transport failure httpx did not wrap
                raise RasaUnavailable(type(exc).__name__) from exc
        else:
            raise RasaUnavailable(type(last).__name__) from last
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

    async def replica_health(self) -> dict[str, bool]:
        """Each replica's answer to ``GET /`` (keyed by URL)."""
        out: dict[str, bool] = {}
        for base in self.urls:
            try:
                out[base] = (await self._http.get(f"{base}/", timeout=2.0)).status_code == 200
            except httpx.HTTPError:
                out[base] = False
        return out

    async def healthy(self) -> bool:
        """At least one replica answers (the gateway can hold conversations)."""
        return any((await self.replica_health()).values())

    @property
    def http(self) -> httpx.AsyncClient:
        return self._http

    async def aclose(self) -> None:
        await self._http.aclose()
