"""What a resident hears while a part of the service is down, and how the gateway notices that
the action server is (Rasa answers an empty turn when it cannot reach its actions).

Rasa 3.6 with its action server unreachable logs the message, leaves the form where it was and
answers nothing: nothing the resident said before is lost, and the same answer sent again once
the actions are back is read as if for the first time. So the resident is asked to send it again;
their answers so far live in Rasa's tracker store. Numbers come from the signposting directory.
"""

from __future__ import annotations

import time

import httpx

from bot.wording import say


class Unavailable(Exception):
    """A part the turn needs is down; ``part`` names it (never resident data)."""

    part = "service"


class StateUnavailable(Unavailable):
    """The gateway's own database could not be read before the turn (nothing was sent on)."""

    part = "database"


def trouble_text(channel: str = "web") -> str:
    """The kind outage message: answers kept, try again in a minute, the emergency number and
    Stop Hate UK (bot/wording/gateway.yml)."""
    return say("gateway.assistant_unavailable", channel)


class ActionServerWatch:
    """Is the action server up? Asked only after an empty turn, and before each turn while it
    was last seen down (at most once a second), so a healthy turn costs nothing extra."""

    def __init__(self, health_url: str, http: httpx.AsyncClient) -> None:
        self.health_url = health_url
        self._http = http
        self.down = False
        self._checked = 0.0

    async def check(self) -> bool:
        try:
            ok = (await self._http.get(self.health_url, timeout=1.0)).status_code == 200
        except httpx.HTTPError:
            ok = False
        self.down, self._checked = not ok, time.monotonic()
        return ok

    async def known_down(self) -> bool:
        """True while the last check failed and a fresh one (at most every second) agrees."""
        if not self.down:
            return False
        if time.monotonic() - self._checked < 1.0:
            return True
        return not await self.check()
