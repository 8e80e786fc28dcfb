"""Abuse limits of the resident channels (/chat and the Twilio webhook), docs/security.md.

Per sender (a web page's id, a phone number) and per client address, counted in
``bot.ratelimit`` (Redis when configured). ``TRUSTED_ADDRESSES`` skips the per-address limits
only. Reports are limited per client address (web) or number (SMS, WhatsApp) per hour: a turn
that could send one (the answer to the summary, "send it now") is held once the origin is at
the limit, and a turn that did write a case is counted afterwards. Every counter key is a keyed
hash: no address or number is stored or logged.
"""

from __future__ import annotations

import ipaddress
from dataclasses import dataclass
from functools import cached_property

from starlette.requests import Request

from bot.crypto import pseudonym
from bot.ratelimit import Counter, Hit
from bot.settings import Settings

MINUTE = 60
HOUR = 3600
# Payloads that send a report at once, and the question whose answer sends it.
SENDS_REPORT = ("/send_now", "/submit_report")
FINAL_QUESTION = "confirm_summary"


@dataclass(frozen=True)
class Limited:
    """A refused message: which limit, how long to wait, and whether to say so (only the first
    refusal in a window is answered on SMS/WhatsApp, so a flood does not become a flood of
    paid replies)."""

    reason: str  # sender | address
    retry_after: int
    answer: bool


def client_address(request: Request, settings: Settings) -> str | None:
    """The resident's address: the proxy's last ``X-Forwarded-For`` entry when forwarded
    headers are trusted (the address it saw), else the connection's."""
    if settings.trust_forwarded_headers:
        forwarded = request.headers.get("x-forwarded-for", "")
        last = forwarded.split(",")[-1].strip()
        if last:
            return last
    return request.client.host if request.client else None


def address_key(address: str) -> str:
    """A keyed hash of the address; IPv6 by its /64 (one subscriber's whole range)."""
    try:
        ip = ipaddress.ip_address(address)
    except ValueError:
        return pseudonym(address, "address")
    if isinstance(ip, ipaddress.IPv6Address):
        if ip.ipv4_mapped is not None:
            return pseudonym(str(ip.ipv4_mapped), "address")
        return pseudonym(str(ipaddress.ip_network(f"{ip}/64", strict=False)), "address")
    return pseudonym(str(ip), "address")


class Guard:
    """The gateway's limits, on one counter (``app.state.guard``)."""

    def __init__(self, settings: Settings, counter: Counter) -> None:
        self.settings = settings
        self.counter = counter

    @cached_property
    def _trusted(self) -> list[ipaddress.IPv4Network | ipaddress.IPv6Network]:
        return [ipaddress.ip_network(a, strict=False) for a in self.settings.trusted_addresses]

    def trusted(self, address: str | None) -> bool:
        if not address or not self._trusted:
            return False
        try:
            ip = ipaddress.ip_address(address)
        except ValueError:
            return False
        return any(ip in network for network in self._trusted)

    async def message(self, request: Request, channel: str, conversation_id: str) -> Limited | None:
        """Count one inbound message; a ``Limited`` when it is over a limit."""
        s = self.settings
        sender = await self.counter.hit(f"sender:{conversation_id}",
                                        s.rate_limit_sender_per_minute, MINUTE)
        if not sender.allowed:
            return _limited("sender", sender)
        address = client_address(request, s)
        if address is None or self.trusted(address):
            return None
        web = channel == "web"
        per_address = s.rate_limit_address_per_minute if web else \
            s.rate_limit_twilio_address_per_minute
        hit = await self.counter.hit(f"{'web' if web else 'twilio'}:{address_key(address)}",
                                     per_address, MINUTE)
        return None if hit.allowed else _limited("address", hit)

    def report_origin(self, request: Request, channel: str, conversation_id: str) -> str | None:
        """Whose reports are counted: the client address on the web (None when trusted), the
        number (its conversation id) on SMS and WhatsApp."""
        if channel != "web":
            return f"reports:{conversation_id}"
        address = client_address(request, self.settings)
        if address is None or self.trusted(address):
            return None
        return f"reports:{address_key(address)}"

    async def report_hold(self, origin: str | None) -> int | None:
        """Seconds until this origin may send a report again, or None when it may now."""
        if origin is None:
            return None
        hit = await self.counter.peek(origin, self.settings.reports_per_address_per_hour, HOUR)
        return hit.retry_after if hit.count >= hit.limit else None

    async def reported(self, origin: str | None) -> None:
        if origin is not None:
            await self.counter.hit(origin, self.settings.reports_per_address_per_hour, HOUR)


def could_send_report(message: str, asking: str | None) -> bool:
    """This turn may write a case: the answer to the summary question, or "send it now"."""
    return asking == FINAL_QUESTION or message.strip() in SENDS_REPORT


def _limited(reason: str, hit: Hit) -> Limited:
    return Limited(reason, hit.retry_after, hit.first_refusal)
