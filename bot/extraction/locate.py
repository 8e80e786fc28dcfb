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
         "next", "to", "just", "round", "around", "behind", "-", "in front", "front", "from",
         "between", "and"}
_LIVE = {"live", "lives", "living", "lived", "moved"}
# Where the reporter works or teaches is context; the incident's own place says more.
_WORK = {"teach", "teaches", "work", "works", "worked", "run", "runs", "manage", "manages",
         "volunteer", "volunteers", "worker", "teacher", "officer", "nurse", "carer"}
# "from" marks origin only after "I'm / he is / comes": "followed me from the tube" is a place.
_ORIGIN = re.compile(r"\b(am|'m|is|'s|are|'re|come|comes|came|originally) from\s*$")
# A place the resident was heading to, got off at, or asks to be met at is not where it happened.
_AWAY = re.compile(r"\b(got off|get off|getting off|heading|headed|going|on (my|the|our) way|"
                   r"meet (me|us|her|him|them)|pick (me|us|her|him) up)"
                   r" (at|to|towards|for|into)?\s*$")
# Round 7: on a numbered bus, the stops said along the way ("since Putney Bridge", "from Stamford
# Brook to Hammersmith") are the journey, not where it happened: the bus is.
_ALONG = {"from", "since", "to", "till", "until", "towards", "past", "between"}
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


def _quoted(doc: Doc) -> set[int]:
    """Token positions inside quotation marks: a place in what was said is not the place."""
    inside: set[int] = set()
    opened: int | None = None
    for tok in doc:
        if tok.text not in ("'", '"'):
            continue
        spaced_before = tok.i == 0 or bool(doc[tok.i - 1].whitespace_)
        if opened is None and spaced_before and not tok.whitespace_:
            opened = tok.i
        elif opened is not None and not spaced_before:
            if tok.i - opened <= 16:
                inside.update(range(opened + 1, tok.i))
            opened = None
    return inside


def _lived_in(group: tuple[int, int, list[Span]], doc: Doc) -> bool:
    """The target's home ("she lives in X", "we moved to X"), not "the man who lives above"."""
    words = [t.lower_ for t in doc[max(0, group[0] - 3):group[0]]]
    at = next((i for i, w in enumerate(words) if w in _LIVE), None)
    if at is None:
        return False
    before = doc[group[0] - len(words) + at - 1].lower_ if group[0] - len(words) + at > 0 else ""
    return before in ("i", "we", "she", "he", "they", "mum", "dad", "son", "daughter", "family")


def _at_work(group: tuple[int, int, list[Span]], doc: Doc) -> bool:
    return bool({t.lower_ for t in doc[max(0, group[0] - 3):group[0]]} & _WORK)


def _score(group: tuple[int, int, list[Span]], doc: Doc) -> float:
    start, _end, members = group
    distinct = {s.end for s in members}  # one place matched by two patterns counts once
    score = max(RANK.get(s.label_, 1) for s in members) + 0.25 * (len(distinct) - 1)
    if any(s.label_ == "BUS" and any(c.isdigit() for c in s.text) for s in members):
        score += 0.5  # "the 72 bus" says more than "the bus"
    before = {t.lower_ for t in doc[max(0, start - 3):start]}
    if before & _LIVE or _ORIGIN.search(doc[max(0, start - 3):start].text.lower()):
        score -= 2.5
    if before & _WORK:
        score -= 1.5
    if members[0].label_ == "HOME" and doc[start].lower_ == "outside":
        score += 0.1  # "outside my door" says where; "on my corridor" less so
    if _AWAY.search(doc[max(0, start - 4):start].text.lower()):
        score -= 1.5
    if start and doc[start - 1].lower_ in _ALONG and _numbered_bus(doc) and not any(
            s.label_ == "BUS" for s in members):
        score -= 2.0
    return score


def _numbered_bus(doc: Doc) -> bool:
    return any(s.label_ == "BUS" and any(c.isdigit() for c in s.text)
               for s in doc.spans.get("places", []))


_BARE_ONLINE = ("online", "dm", "dms", "the comments")


def _not_posted(physical: list[Span], platforms: list[Span]) -> list[Span]:
    """Drop the physical places that only belong to what was posted on a named platform.

    A platform named before every physical place ("someone on Nextdoor keeps posting that the
    families on our street...") is where it happened; so is one a place runs into ("the office
    whatsapp group").
    """
    first = min(p.start for p in platforms)
    if first < min(s.start for s in physical):
        return []
    starts = {p.start for p in platforms}
    return [s for s in physical if s.end not in starts and s.end + 1 not in starts]


def locate(doc: Doc, data: PlaceData | None = None) -> dict[str, Any]:
    """{text, ward, online} for the incident's place (all None/False when none is said)."""
    return locate_detail(doc, data)[0]


def physical_spans(doc: Doc) -> tuple[list[Span], list[Span], list[Span]]:
    """(physical place spans, online ones, named platforms), quoted ones and those that only
    belong to what was posted on a named platform left out."""
    quoted = _quoted(doc)
    spans = [s for s in doc.spans.get("places", []) if not quoted & set(range(s.start, s.end))]
    online = [s for s in spans if s.label_ == "ONLINE"]
    physical = [s for s in spans if s.label_ != "ONLINE"]
    named_online = [s for s in online if s.text.lower() not in _BARE_ONLINE]
    if physical and named_online:
        physical = _not_posted(physical, named_online)
    return physical, online, named_online


Group = tuple[int, int, list["Span"]]


def rank(group: Group) -> int:
    return max(RANK.get(s.label_, 1) for s in group[2])


def _most_specific(groups: list[Group], doc: Doc) -> Group:
    return max(groups, key=lambda g: (_score(g, doc), -g[0]))


def rules_pick(groups: list[Group], doc: Doc) -> Group:
    """The rules' place among the groups: the most specific, the first on a tie; a bare home
    gives way to the home the account names ("she lives in Frank Banfield House")."""
    best = _most_specific(groups, doc)
    if rank(best) == 1:
        lived = [g for g in groups if _lived_in(g, doc) and rank(g) >= 2]
        best = lived[0] if lived else best
    return best


def group_ward(members: list[Span], physical: list[Span], data: PlaceData) -> str | None:
    """The ward of the group's most specific known place, else the one ward the text names."""
    for span in sorted(members, key=lambda s: -RANK.get(s.label_, 0)):
        if ward := ward_of(span.text, data):
            return ward
    wards = {w for s in physical if (w := ward_of(s.text, data))}
    return wards.pop() if len(wards) == 1 else None


def kind_of(members: list[Span]) -> str:
    return max((s.label_ for s in members), key=lambda label: RANK.get(label, 1))


def locate_detail(doc: Doc, data: PlaceData | None = None) -> tuple[dict[str, Any], str]:
    """``locate`` and the kind of place chosen (its most specific label; feeds the confidence)."""
    data = data or load_places()
    kind = "none"
    physical, online, named_online = physical_spans(doc)
    text: str | None = None
    ward: str | None = None
    if physical:
        groups = _groups(physical, doc)
        specific, best = _most_specific(groups, doc), rules_pick(groups, doc)
        work = [g for g in groups if g is not specific and _at_work(g, doc)]
        start, end, members = best
        text = _text(doc, start, end, members)
        if work and rank(specific) <= 2:
            # the spot ("the corridor") at the reporter's named workplace ("a school in X")
            text = f"{text}, {_text(doc, work[0][0], work[0][1], work[0][2])}"
            members = [*members, *work[0][2]]
        kind = kind_of(members)
        ward = group_ward(members, physical, data)
    if text is None and online:
        text = platform_display((named_online or online)[0].text)
        if text.lower().startswith("on "):
            text = text[3:]
        kind = "ONLINE" if named_online else "ONLINE_BARE"
    return {"text": text, "ward": ward, "online": bool(online)}, kind
