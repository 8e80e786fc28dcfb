"""Render bot messages for a text channel: numbered options, GSM-7 bodies, sentence splits.

A phone has no buttons: "Reply 1 for Yes, 2 for No" and the gateway maps "1" back to the
payload it offered. Messages are joined into as few bodies as possible (each extra SMS costs a
partial segment) and only split, on sentence boundaries, past Twilio's 1,600-character limit.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from bot.messaging.gsm7 import to_gsm7

MAX_BODY = 1600  # Twilio's limit for one message body
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+|\n+")
_DIGITS = re.compile(r"^\s*(\d{1,2})\s*[.)]?\s*$")


def numbered_options(titles: Sequence[str]) -> str:
    """``Reply 1 for Yes, 2 for No.``"""
    if not titles:
        return ""
    parts = [f"{i} for {title.strip().rstrip('.')}" for i, title in enumerate(titles, start=1)]
    return "Reply " + ", ".join(parts) + "."


def render_text(messages: Iterable[tuple[str, Sequence[str]]], channel: str) -> str:
    """One body from (text, button titles) pairs; SMS bodies are rewritten into GSM-7."""
    blocks: list[str] = []
    for text, titles in messages:
        block = text.strip()
        options = numbered_options(titles)
        if options:
            block = f"{block}\n{options}" if block else options
        if block:
            blocks.append(block)
    body = "\n\n".join(blocks)
    return to_gsm7(body) if channel == "sms" else body


def _pieces(text: str) -> list[str]:
    """Sentences (and line breaks) as units; keeps each sentence's trailing separator."""
    out: list[str] = []
    start = 0
    for match in _SENTENCE_END.finditer(text):
        out.append(text[start : match.end()])
        start = match.end()
    if start < len(text):
        out.append(text[start:])
    return [p for p in out if p]


def _hard_split(piece: str, limit: int) -> list[str]:
    """A sentence longer than the limit: split on spaces, or mid-word as a last resort."""
    chunks: list[str] = []
    current = ""
    for word in re.split(r"(?<=\s)", piece):
        while len(word) > limit:
            if current:
                chunks.append(current)
                current = ""
            chunks.append(word[:limit])
            word = word[limit:]
        if len(current) + len(word) > limit:
            chunks.append(current)
            current = ""
        current += word
    if current:
        chunks.append(current)
    return chunks


def split_body(text: str, limit: int = MAX_BODY) -> list[str]:
    """Split on sentence boundaries into the fewest parts of at most ``limit`` characters."""
    text = text.strip()
    if len(text) <= limit:
        return [text] if text else []
    parts: list[str] = []
    current = ""
    for piece in _pieces(text):
        units = [piece] if len(piece) <= limit else _hard_split(piece, limit)
        for unit in units:
            if len(current) + len(unit) > limit and current:
                parts.append(current)
                current = ""
            current += unit
    if current:
        parts.append(current)
    return [p.strip() for p in parts if p.strip()]


def render_parts(
    messages: Iterable[tuple[str, Sequence[str]]], channel: str, limit: int = MAX_BODY
) -> list[str]:
    """The message bodies to send for one bot turn."""
    return split_body(render_text(messages, channel), limit)


def option_index(text: str) -> int | None:
    """The 0-based option a reply like "2" or "2." picks, else None."""
    match = _DIGITS.match(text or "")
    if not match:
        return None
    number = int(match.group(1))
    return number - 1 if number >= 1 else None
