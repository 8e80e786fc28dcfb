"""Thin rasa_sdk adapters (docs/architecture.md). The action server imports this package first:
it installs TellOnce's logging (redacted lines, tracebacks without exception messages, no access
log) over rasa_sdk's and Sanic's."""

from bot.logging import configure_logging

configure_logging()
