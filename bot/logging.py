"""Logging that never carries resident data: structured key=value lines, and a filter that
redacts phone numbers and e-mail addresses should any slip into a message."""

from __future__ import annotations

import logging
import re

_PHONE = re.compile(r"(?<![\w])(\+?\d[\d\s\-()]{7,}\d)")
_EMAIL = re.compile(r"[\w.+-]+@[\w-]+\.[\w.-]+")


class RedactingFilter(logging.Filter):
    """Last line of defence: scrub contact-like strings from every record."""

    def filter(self, record: logging.LogRecord) -> bool:
        msg = record.getMessage()
        clean = _EMAIL.sub("[email]", _PHONE.sub("[phone]", msg))
        if clean != msg:
            record.msg, record.args = clean, None
        return True


def configure_logging(level: int = logging.INFO) -> None:
    root = logging.getLogger()
    if any(isinstance(f, RedactingFilter) for h in root.handlers for f in h.filters):
        return
    handler = logging.StreamHandler()
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s %(message)s"))
    handler.addFilter(RedactingFilter())
    root.addHandler(handler)
    root.setLevel(level)
    # Client libraries log every request URL at INFO; keep them to warnings.
    for noisy in ("httpx", "httpcore", "twilio.http_client", "urllib3"):
        logging.getLogger(noisy).setLevel(logging.WARNING)
