"""Choose the place of the incident among the place mentions the pipeline found.

Mentions next to each other merge ("the mosque" + "on" + "Askew Road" -> "the mosque on Askew
Road"); the most specific group wins, the first one on a tie. A place after "I live" loses to any
other. The ward comes from the YAML when a place in the group (or, failing that, in the whole
text) is known.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

from bot.extraction.places import PlaceData, load_places, platform_display, ward_of

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span

RANK = {"ROAD": 3, "ESTATE": 3, "STATION": 3, "PARK": 3, "VENUE": 3, "SHOP": 3, "WARD": 2,
        "AREA": 2, "BUS": 2, "GENERIC": 2, "HOME": 1}
_JOIN = {"on", "in", "at", "near", "by", "off", "outside", "opposite", "of", ",", "the", "along",
         "next", "to", "just", "round", "around", "behind", "-", "in front", "front", "from"}
_LIVE = {"live", "lives", "living", "lived", "moved", "from"}
# A place the resident was heading to or got off at is not where it happened.
_AWAY = re.compile(r"\b(got off|get off|getting off|heading|headed|going|on (my|the|our) way)"
                   r" (at|to|towards|for|into)?\s*$")
_NAMED = {"ROAD", "ESTATE", "STATION", "PARK", "VENUE", "SHOP", "WARD", "AREA"}
_SMALL = {"'s", "of", "and", "the", "on", "&"}


def _text(doc: Doc, start: int, end: int, members: list[Span]) -> str:
    """The group's words as typed, with names typed in lower case capitalised ("King St")."""
    named = {i for s in members if s.label_ in _NAMED and s.text == s.text.lower()
             for i in range(s.start, s.end)}
    words = []
    for tok in doc[start:end]:
        word = tok.text
        if tok.i in named and word not in _SMALL:
            word = word[:1].upper() + word[1:]
        words.append(word + tok.whitespace_)
    return "".join(words).strip(" ,")


def _groups(spans: list[Span], doc: Doc) -> list[tuple[int, int, list[Span]]]:
    spans = sorted(spans, key=lambda s: (s.start, -s.end))
    groups: list[tuple[int, int, list[Span]]] = []
    for span in spans:
        if groups:
            start, end, members = groups[-1]
            gap = doc[end:span.start] if span.start > end else []
            if span.start <= end or (len(gap) <= 3 and all(t.lower_ in _JOIN for t in gap)):
                groups[-1] = (start, max(end, span.end), [*members, span])
                continue
        groups.append((span.start, span.end, [span]))
    return groups


def _score(group: tuple[int, int, list[Span]], doc: Doc) -> float:
    start, _end, members = group
    distinct = {s.end for s in members}  # one place matched by two patterns counts once
    score = max(RANK.get(s.label_, 1) for s in members) + 0.25 * (len(distinct) - 1)
    before = {t.lower_ for t in doc[max(0, start - 3):start]}
    if before & _LIVE:
        score -= 2.5
    if _AWAY.search(doc[max(0, start - 4):start].text.lower()):
        score -= 1.5
    return score


def locate(doc: Doc, data: PlaceData | None = None) -> dict[str, Any]:
    """{text, ward, online} for the incident's place (all None/False when none is said)."""
    data = data or load_places()
    spans = list(doc.spans.get("places", []))
    online = [s for s in spans if s.label_ == "ONLINE"]
    physical = [s for s in spans if s.label_ != "ONLINE"]
    text: str | None = None
    ward: str | None = None
    if physical:
        groups = _groups(physical, doc)
        best = max(groups, key=lambda g: (_score(g, doc), -g[0]))
        start, end, members = best
        text = _text(doc, start, end, members)
        for span in sorted(members, key=lambda s: -RANK.get(s.label_, 0)):
            ward = ward_of(span.text, data) or ward
            if ward:
                break
        if ward is None:
            wards = {w for s in physical if (w := ward_of(s.text, data))}
            ward = wards.pop() if len(wards) == 1 else None
    if text is None and online:
        named = [s for s in online if s.text.lower() not in ("online", "dm", "dms", "the comments")]
        text = platform_display((named or online)[0].text)
        if text.lower().startswith("on "):
            text = text[3:]
    return {"text": text, "ward": ward, "online": bool(online)}
