"""Thin rasa_sdk adapters (docs/architecture.md). The action server imports this package first:
it installs TellOnce's logging (redacted lines, tracebacks without exception messages, no access
log) over rasa_sdk's and Sanic's, and, outside development, refuses to start without real
secrets (exit code 1 and a message naming settings, never values, written straight to stderr:
the redacting log would withhold an exception's message)."""

import sys

from bot.logging import configure_logging
from bot.settings import InsecureSettings, get_settings

configure_logging()
try:
    get_settings()
except InsecureSettings as exc:
    sys.stderr.write(f"{exc}\n")
    raise SystemExit(1) from None
