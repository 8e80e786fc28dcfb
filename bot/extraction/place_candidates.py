"""Every place the account could mean, with what a learned choice weighs about each.

The rules pick one place (``locate.rules_pick``); when several are said, a linear model trained
on the labelled accounts (``learned/place_choice.py``) may pick another. Both choose among the
same candidates, built here from the same spans, so neither can name a place the other never
saw. The features are words around the place and where it sits, never the resident's text as
a whole.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from bot.extraction.locate import (
    _groups,
    _score,
    _text,
    group_ward,
    kind_of,
    physical_spans,
    rules_pick,
)
from bot.extraction.places import PlaceData, load_places

if TYPE_CHECKING:
    from spacy.tokens import Doc

Features = tuple[tuple[str, float], ...]
SENTENCE_WEIGHT = 0.3  # the words of the place's sentence say less than those next to it


@dataclass(frozen=True)
class Candidate:
    """One place group: what the result would say if it were chosen, and its features."""

    text: str
    ward: str | None
    kind: str
    features: Features


def candidates(doc: Doc, data: PlaceData | None = None) -> tuple[tuple[Candidate, ...],
                                                                 int | None]:
    """(the physical place groups in order, the index of the rules' pick); ((), None) when the
    account names no physical place."""
    data = data or load_places()
    physical, _online, _named = physical_spans(doc)
    if not physical:
        return (), None
    groups = _groups(physical, doc)
    pick = rules_pick(groups, doc)
    sentences = list(doc.sents)
    texts = [_text(doc, start, end, members).lower() for start, end, members in groups]
    out = []
    for n, group in enumerate(groups):
        start, end, members = group
        sentence = next((s for s in sentences if s.start <= start < s.end), sentences[-1])
        alongside = sum(1 for g in groups if sentence.start <= g[0] < sentence.end)
        feats: dict[str, float] = {f"label={kind_of(members)}": 1.0,
                                   "rules_score": _score(group, doc) / 3,
                                   "rules_pick": float(group is pick),
                                   "first": float(n == 0), "last": float(n == len(groups) - 1),
                                   "position": start / max(1, len(doc)),
                                   "members": min(len(members), 4) / 4,
                                   "first_sentence": float(sentence.start == sentences[0].start),
                                   "in_sentence": float(alongside),
                                   "repeated": float(texts.count(texts[n]) - 1)}
        for span in members:
            feats[f"has={span.label_}"] = 1.0
        for tok in doc[sentence.start:sentence.end]:
            feats[f"sentence={tok.lower_}"] = SENTENCE_WEIGHT
        for tok in doc[max(0, start - 3):start]:
            feats[f"before={tok.lower_}"] = 1.0
        if start:
            feats[f"just_before={doc[start - 1].lower_}"] = 1.0
        for tok in doc[end:end + 2]:
            feats[f"after={tok.lower_}"] = 1.0
        for tok in doc[start:end]:
            feats[f"word={tok.lower_}"] = 1.0
        out.append(Candidate(text=_text(doc, start, end, members),
                             ward=group_ward(members, physical, data), kind=kind_of(members),
                             features=tuple(sorted(feats.items()))))
    return tuple(out), groups.index(pick)
