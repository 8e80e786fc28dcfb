"""What each classifier reads: the account's words and, since round 10, the rules' answers.

The rules' answers are appended as tokens ("zzrolewitness", "zzwhyisaw", "zztypethreats"), so a
classifier learns when the rules are right as well as what the words say. On the fresh parts,
cross-validated, this took role from 0.881 to 0.900 and strands from 0.905 to 0.916. The danger
classifier reads the words alone: the gateway runs it on every message with no rules' reading.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache

from bot.extraction.learned.data import model_text

PLAIN = ("danger_now",)  # classifiers that read the words alone
# Round 11: role also reads the lead pairs (fresh parts, cross-validated: role 0.903 -> 0.915);
# perpetrator and strands lost a little with them, danger gained nothing, so they read without.
PAIRED = ("reporter_role",)
_NOT_WORD = re.compile(r"[^a-z0-9]")
# Words that say whose account it is and who it happened to: with the next word they tell
# "my son was" from "a boy was", "i saw" from "i was"; a bag of single words cannot.
LEADS = frozenset({"i", "im", "ive", "me", "my", "we", "us", "our", "he", "him", "his", "she",
                   "her", "they", "them", "their", "you", "your"})
_WORDS = re.compile(r"[a-z0-9]+")


def pairs(plain: str) -> str:
    """Each lead word with the word after it, as one token ("zzpmyson", "zzpisaw")."""
    words = _WORDS.findall(plain.replace("'", ""))
    return " ".join(f"zzp{a}{b}" for a, b in zip(words, words[1:], strict=False) if a in LEADS)


def _tok(value: object) -> str:
    return _NOT_WORD.sub("", str(value).lower())


def hint_tokens(role: str | None, role_reason: str, strands: Iterable[str],
                types: Iterable[str], perpetrator: str | None, perpetrator_reason: str) -> str:
    """The rules' answers as tokens no resident types ("zz" + field + value)."""
    strands, types = list(strands), list(types)
    out = [f"zzrole{_tok(role)}", f"zzwhy{_tok(role_reason)}", f"zzperp{_tok(perpetrator)}",
           f"zzpwhy{_tok(perpetrator_reason)}"]
    out += [f"zzstrand{_tok(s)}" for s in strands] or ["zzstrandnone"]
    out += [f"zztype{_tok(t)}" for t in types] or ["zztypenone"]
    return " ".join(out)


@lru_cache(maxsize=4096)  # training reads with train.reads; scoring without a reading here
def hints(text: str, normalized: bool = False) -> str:
    """The rules' answers for ``text``, read here (training, and scoring without a reading)."""
    from bot.extraction import classify
    from bot.extraction.normalize import normalize
    from bot.extraction.roles import role_and_reason

    low = (text if normalized else normalize(text)).lower()
    role, reason = role_and_reason(low)
    types = classify.incident_types(low)
    perpetrator, perpetrator_reason = classify.perpetrator_and_reason(low, types)
    return hint_tokens(role, reason, classify.strands(low), types, perpetrator,
                       perpetrator_reason)


def texts(text: str, normalized: bool = False, given: str | None = None) -> tuple[str, str]:
    """(the words alone, the words and the rules' answers) as the classifiers read them
    (``given``: the rules' answers when the caller has them)."""
    plain = text.lower() if normalized else model_text(text)
    return plain, hinted(plain, given if given is not None else hints(text, normalized))


def hinted(plain: str, given: str) -> str:
    return f"{plain} {given}"


def kind(name: str) -> tuple[bool, bool]:
    """Which text a classifier reads: (the words without the rules' answers, with lead pairs)."""
    return name in PLAIN, name in PAIRED


def for_component(name: str, plain: str, hinted: str) -> str:
    alone, paired = kind(name)
    base = plain if alone else hinted
    return f"{base} {pairs(plain)}" if paired else base
