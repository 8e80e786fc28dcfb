"""What the resident sent, and the readings every question shares (yes/no, skip, keywords)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from bot.report_form import understand

Slots = dict[str, Any]
HEDGED = re.compile(r"\b(but|except|apart from|although|though|however|not)\b", re.I)


@dataclass
class Answer:
    """What the resident sent: raw text, the NLU intent, and button entities."""

    text: str
    intent: str | None = None
    choice: str | None = None
    field: str | None = None

    @classmethod
    def from_message(cls, message: dict[str, Any]) -> Answer:
        entities = {e.get("entity"): e.get("value") for e in message.get("entities") or []}
        text = message.get("text") or ""
        if text.startswith("/"):  # a button payload: its text says nothing beyond the entities
            text = ""
        choice = entities.get("choice")
        return cls(
            text=text.strip(),
            intent=(message.get("intent") or {}).get("name"),
            choice=str(choice) if choice is not None else None,
            field=str(entities["field"]) if entities.get("field") else None,
        )

    @property
    def words(self) -> int:
        return len(self.text.split())


def yes_no(answer: Answer) -> bool | None:
    if answer.intent == "affirm":
        return True
    if answer.intent == "deny":
        return False
    return understand.yes_no(answer.text) if answer.text else None


def is_skip(answer: Answer) -> bool:
    return (
        answer.intent == "skip"
        or answer.choice == "skip"
        or (bool(answer.text) and answer.words <= 8 and understand.skip(answer.text))
    )


def keyword(text: str, table: tuple[tuple[str, str], ...]) -> str | None:
    """The first value whose pattern the text matches."""
    return next((value for value, pattern in table if re.search(pattern, text, re.I)), None)


def keywords(text: str, table: tuple[tuple[str, str], ...]) -> list[str]:
    """Every value whose pattern the text matches, in table order."""
    return [value for value, pattern in table if re.search(pattern, text, re.I)]


def free_text(answer: Answer, limit: int) -> str | None:
    value = answer.choice or answer.text
    return value[:limit] if value else None
