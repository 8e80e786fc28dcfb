"""A scripted resident for the load driver: tells one held-out account, then answers whatever the
bot asks (driven by ``expects.slot`` and the offered buttons, like tests/e2e/resident.py), so a
load run follows the real dialogue whatever order the questions come in."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

REFERENCE = re.compile(r"\bHF-[34679ACDEFGHJKMNPQRTUVWXY]{6,}\b")
HELD_OUT = Path(__file__).resolve().parent.parent / "tests" / "data" / "narratives_heldout3.yml"
ROLE_BUTTON = {"victim": "happened to me", "witness": "saw it", "third_party": "someone else"}
PERPETRATOR_BUTTON = {"neighbour": "neighbour", "known": "known", "unknown": "stranger"}

Reply = dict[str, Any]  # the shape of POST /chat's answer: messages, expects, ended


@dataclass(frozen=True)
class Account:
    """One held-out narrative with the labels the resident uses to answer follow-ups."""

    id: str
    text: str
    role: str | None
    strands: list[str]
    types: list[str]
    place: str | None
    perpetrator: str | None
    danger: bool


@dataclass
class Outcome:
    account: str
    turns: int = 0
    reference: str | None = None
    gave_999: bool = False
    danger: bool = False
    replies: list[Reply] = field(default_factory=list)

    @property
    def completed(self) -> bool:
        return self.reference is not None


def load_accounts(path: Path = HELD_OUT) -> list[Account]:
    raw = yaml.safe_load(path.read_text(encoding="utf-8"))
    return [
        Account(
            id=n["id"], text=n["text"], role=n.get("role"), strands=list(n.get("strands") or []),
            types=list(n.get("types") or []), place=n.get("place"),
            perpetrator=n.get("perpetrator"), danger=bool(n.get("danger")),
        )
        for n in raw["narratives"]
    ]


def pick(reply: Reply, *wanted: str) -> str | None:
    """The payload of the first offered button whose title contains one of ``wanted``."""
    for want in wanted:
        for message in reply.get("messages") or []:
            for button in message.get("buttons") or []:
                if want.lower() in (button.get("title") or "").lower():
                    return button["payload"]
    return None


def _text(reply: Reply) -> str:
    return " ".join(m.get("text") or "" for m in reply.get("messages") or [])


def answer(account: Account, reply: Reply, seen: dict[str, int], n: int) -> str:
    """What this resident says to ``reply`` (``seen`` counts how often each slot was asked)."""
    slot = reply.get("expects", {}).get("slot")
    times = seen.get(slot or "", 0)
    seen[slot or ""] = times + 1
    if slot == "reporter_role":
        return pick(reply, ROLE_BUTTON.get(account.role or "", "me"), "skip") or "it happened to me"
    if slot == "narrative":
        if times == 0:
            return account.text
        return pick(reply, "everything", "done") or "that's everything"
    if slot in ("strands", "incident_types"):
        labels = account.strands if slot == "strands" else account.types
        if times < 1 and labels:
            wanted = labels[0].replace("_", " ").split()[0]
            return pick(reply, wanted) or pick(reply, "done", "skip") or "skip"
        return pick(reply, "done", "skip") or "skip"
    if slot == "occurred_on":
        return pick(reply, "yesterday") or "yesterday"
    if slot == "location":
        return account.place or pick(reply, "skip") or "skip"
    if slot == "perpetrator":
        return pick(reply, PERPETRATOR_BUTTON.get(account.perpetrator or "", "stranger"),
                    "skip") or "skip"
    if slot in ("injured", "ongoing"):
        return pick(reply, "no") or "no"
    if slot == "anonymous":  # half stay anonymous, half leave an email address
        return (pick(reply, "stay anonymous") if n % 2 else pick(reply, "contact me")) or "no"
    if slot == "contact_method":
        return pick(reply, "email") or "email"
    if slot == "contact_value":
        return f"resident{n}@example.org"
    if slot == "safe_contact_time":
        return "weekday evenings"
    if slot == "share_consent":
        return pick(reply, "yes") or "yes"
    if slot == "confirm_summary":
        return pick(reply, "send it", "yes") or "yes"
    if times > 2:  # asked the same thing thrice: move on
        return pick(reply, "carry on", "skip", "done", "everything") or "skip"
    return pick(reply, "carry on", "yes", "right", "skip") or "yes"


def converse(send: Callable[[str], Reply], account: Account, n: int,
             max_turns: int = 40, keep: bool = False) -> Outcome:
    """Hold one whole report: greeting, start, account, follow-ups, until a reference (or the
    conversation ends, or ``max_turns``). ``send`` raises on a transport or HTTP error."""
    out = Outcome(account=account.id, danger=account.danger)
    seen: dict[str, int] = {}

    def say(text: str) -> Reply:
        reply = send(text)
        out.turns += 1
        if keep:
            out.replies.append(reply)
        body = _text(reply)
        if text == account.text:  # the greeting always names 999: count the answer to the account
            out.gave_999 = out.gave_999 or "999" in body
        found = REFERENCE.search(body)
        if found:
            out.reference = found.group(0)
        return reply

    reply = say("hi")
    reply = say(pick(reply, "report") or "I want to report something")
    while out.turns < max_turns and out.reference is None and not reply.get("ended"):
        reply = say(answer(account, reply, seen, n))
    return out
