"""Logging that never carries resident data or client addresses: one root handler whose
formatter redacts phone numbers and e-mail addresses in the whole line, and writes tracebacks
without exception messages (an exception's text can quote what a resident typed). The web
servers' own loggers (uvicorn, Sanic) are routed through it, and their access logs, which write
every client IP, are off."""

from __future__ import annotations

import logging
import re
import sys
import threading
import traceback
from types import TracebackType

_PHONE = re.compile(r"(?<![\w])(\+?\d[\d\s\-()]{7,}\d)")
_EMAIL = re.compile(r"[\w.+-]+@[\w-]+\.[\w.-]+")
# Loggers of the servers we run under: taken over (their handlers bypass the redaction).
_SERVER_LOGGERS = ("uvicorn", "uvicorn.error", "sanic.root", "sanic.error", "sanic.server",
                   "rasa_sdk")
# Access logs: a line per request with the client's address.
_ACCESS_LOGGERS = ("uvicorn.access", "sanic.access")


def redact(text: str) -> str:
    return _EMAIL.sub("[email]", _PHONE.sub("[phone]", text))


def safe_traceback(exc: BaseException) -> str:
    """Where it failed (frames and source lines of our code) and the exception types of the
    chain, never ``str(exc)``."""
    chain: list[BaseException] = []
    while exc is not None and exc not in chain:
        chain.append(exc)
        exc = exc.__cause__ or (None if exc.__suppress_context__ else exc.__context__)
    parts = []
    for e in reversed(chain):
        kind = type(e)
        parts.append("Traceback (most recent call last):\n"
                     + "".join(traceback.format_tb(e.__traceback__))
                     + f"{kind.__module__}.{kind.__qualname__}: [message withheld]")
    return "\n\nwhich then led to:\n\n".join(parts)


class RedactingFilter(logging.Filter):
    """Scrub contact-like strings from a record's message (for handlers we do not format)."""

    def filter(self, record: logging.LogRecord) -> bool:
        msg = record.getMessage()
        clean = redact(msg)
        if clean != msg:
            record.msg, record.args = clean, None
        return True


class SafeFormatter(logging.Formatter):
    """The message and the traceback redacted (the timestamp is left alone: it looks like a
    number to the phone pattern); tracebacks without exception messages."""

    def formatException(self, ei) -> str:  # noqa: ANN001, N802 - logging's signature
        return redact(safe_traceback(ei[1])) if ei[1] is not None else ""

    def formatStack(self, stack_info: str) -> str:  # noqa: N802
        return redact(stack_info)

    def format(self, record: logging.LogRecord) -> str:
        record.exc_text = None  # never reuse text another formatter cached with the message
        saved = record.msg, record.args
        record.msg, record.args = redact(record.getMessage()), None
        try:
            return super().format(record)
        finally:
            record.msg, record.args = saved


def _owns(handler: logging.Handler) -> bool:
    return any(isinstance(f, RedactingFilter) for f in handler.filters)


def _console(handler: logging.Handler) -> bool:
    """A handler writing to the process's stdout or stderr (e.g. coloredlogs', uvicorn's)."""
    return isinstance(handler, logging.StreamHandler) and not isinstance(
        handler, logging.FileHandler) and getattr(handler, "stream", None) in (
        sys.stderr, sys.stdout, sys.__stderr__, sys.__stdout__)


def _log_uncaught(kind: type[BaseException], exc: BaseException,
                  tb: TracebackType | None) -> None:
    logging.getLogger("tellonce").critical("uncaught exception", exc_info=(kind, exc, tb))


def configure_logging(level: int = logging.INFO) -> None:
    """Install the one safe handler on the root logger (idempotent; the gateway, the action
    server and the workers call it at start)."""
    root = logging.getLogger()
    if not any(_owns(h) for h in root.handlers):
        for old in [h for h in root.handlers if _console(h)]:
            root.removeHandler(old)
        handler = logging.StreamHandler()
        handler.setFormatter(SafeFormatter("%(asctime)s %(levelname)s %(name)s %(message)s"))
        handler.addFilter(RedactingFilter())
        root.addHandler(handler)
        root.setLevel(level)
    for name in _SERVER_LOGGERS:
        server = logging.getLogger(name)
        for old in list(server.handlers):
            server.removeHandler(old)
        server.propagate = True
    for name in _ACCESS_LOGGERS:
        access = logging.getLogger(name)
        access.handlers.clear()
        access.propagate = False
        access.disabled = True
    sys.excepthook = _log_uncaught
    threading.excepthook = lambda a: _log_uncaught(a.exc_type, a.exc_value, a.exc_traceback)
    # Client libraries log every request URL at INFO; keep them to warnings.
    for noisy in ("httpx", "httpcore", "twilio.http_client", "urllib3"):
        logging.getLogger(noisy).setLevel(logging.WARNING)
