"""The redacting log filter scrubs contact details that slip into a log message."""

from __future__ import annotations

import logging

from bot.logging import RedactingFilter


def _record(msg: str, *args: object) -> logging.LogRecord:
    return logging.LogRecord("t", logging.INFO, __file__, 1, msg, args, None)


def test_phone_numbers_and_emails_are_redacted() -> None:
    record = _record("sending to %s and %s", "+44 7700 900123", "someone@example.org")
    assert RedactingFilter().filter(record)
    text = record.getMessage()
    assert "7700" not in text and "example.org" not in text
    assert "[phone]" in text and "[email]" in text


def test_ordinary_messages_are_untouched() -> None:
    record = _record("case %s created in %d ms", "HF-7K3M9Q", 12)
    RedactingFilter().filter(record)
    assert record.getMessage() == "case HF-7K3M9Q created in 12 ms"
