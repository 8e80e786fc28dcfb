"""The spaCy pipeline: blank English tokenizer + sentencizer + place EntityRuler + our place finder.

Built from code and the YAML in bot/reference_data, never downloaded. ``get_pipeline()`` builds it
on first use and caches it (about half a second, most of it importing spaCy).
"""

from __future__ import annotations

import threading
from typing import TYPE_CHECKING, Any

from bot.extraction.places import load_places, ruler_patterns

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

_LOCK = threading.Lock()
_NLP: Language | None = None

PREPS = ["on", "in", "at", "near", "outside", "off", "along", "down", "up", "by", "from", "round",
         "around", "opposite", "inside", "into", "onto", "behind", "across", "past", "towards",
         "to",
         "through", "under"]
STOP = ["the", "a", "an", "my", "our", "his", "her", "their", "your", "this", "that", "same",
        "main",
        "no", "one", "any", "other", "which", "every", "each", "all", "some", "long", "right",
        "wrong",
        "best", "way", "took", "take", "i", "he", "she", "they", "we", "it", "me", "him", "them",
        "us",
        "was", "were", "is", "are", "and", "but", "or", "so", "then", "when", "just", "in", "on",
        "at",
        "to", "of", "for", "with", "by", "near", "outside", "called", "said", "shouted", "back",
        "first",
        "last", "next", "front", "old", "new", "whole", "middle", "end", "top", "bottom", "high",
        "half",
        "what", "there", "here", "not", "because", "while", "after", "before", "walking", "going",
        "coming", "home", "work", "school", "out", "up", "down", "off", "over", "into", "again"]
ROAD_SUFFIX = ["road", "rd", "rd.", "street", "st", "st.", "avenue", "ave", "ave.", "lane", "ln",
               "grove", "gardens", "gdns", "terrace", "place", "close", "crescent", "square", "sq",
               "walk", "mews", "row", "parade", "court", "drive", "hill", "broadway", "green",
               "way",
               "bridge", "embankment", "market", "common", "park", "station", "church", "mosque",
               "synagogue", "gurdwara", "temple", "school", "academy", "college", "library",
               "hospital", "centre", "center", "estate", "house", "tower", "mansions", "wharf"]
# Suffixes safe enough to accept after lower-case words ("on askew rd", "the maystar estate").
LOWER_SUFFIX = ["road", "rd", "rd.", "street", "st", "st.", "avenue", "ave", "lane", "gardens",
                "terrace", "crescent", "estate", "mews", "gdns", "broadway"]
GENERIC = ["mosque", "church", "synagogue", "gurdwara", "temple", "mandir", "bus", "tube", "train",
           "overground", "station", "park", "playground", "school", "shop", "supermarket", "pub",
           "bar", "club", "nightclub", "gym", "library", "hospital", "surgery", "doctors",
           "pharmacy",
           "chemist", "cafe", "café", "restaurant", "takeaway", "launderette", "laundrette",
           "market",
           "lift", "stairwell", "stairs", "staircase", "corridor", "landing", "college",
           "university",
           "nursery", "garage", "barbers", "salon", "platform", "pavement", "underpass", "mall",
           "estate", "canal", "towpath", "river", "stadium", "office", "cinema", "theatre", "pool",
           "carpark", "bus stop", "car park", "community centre", "leisure centre", "sports centre",
           "post office", "job centre", "jobcentre", "high street", "high st", "petrol station",
           "off licence", "corner shop", "chicken shop", "kebab shop", "train station",
           "tube station", "bus station", "bus shelter", "shopping centre", "play area",
           "youth club",
           "community hall", "food bank", "swimming pool", "street", "road", "car", "taxi", "uber",
           "workplace", "block", "building", "hallway", "entrance", "alleyway", "alley", "beach",
           "barber", "barber's", "hotel", "hostel", "flyover", "cash machine", "cashpoint",
           "gp surgery", "gp", "doctor's", "health centre", "medical centre", "dentist", "clinic",
           "shul", "chapel", "cathedral", "ground", "pitch", "football pitch", "school gates",
           "bookies", "betting shop", "tram", "ward", "waiting room", "queue", "footbridge",
           "bridge", "subway", "train", "job centre plus", "council office", "housing office",
           "bike store", "bin store", "bin shed", "laundry room", "communal garden", "courtyard",
           "lobby", "foyer", "reception", "changing room", "changing rooms", "toilets", "canteen",
           "common room", "halls", "building site", "construction site", "school gate",
           "corner shop", "staffroom", "classroom", "community room", "meeting room", "prayer room",
           "function room", "residents lounge", "residents' lounge",
           # round 14, read off the facts and danger sets: venues said before a named place
           "rank", "taxi rank", "stop", "depot", "scaffolding", "food court", "garages", "yard",
           "river path", "doorway", "newsagent", "newsagents", "bakery", "butchers", "kiosk",
           "warehouse", "factory", "venue", "hall", "church hall", "offices", "bank",
           "care home", "nursing home", "sheltered housing", "supported housing",
           "pitches", "football pitches", "arcade", "stall", "market stall", "bus garage"]
# Round 14: a venue said before a named place with no preposition in front of it ("The chemist
# on Dawes Road", "leaving a bar near the Apollo", "our takeaway on Blythe Road"): found with
# the preposition after it, which is then cut, so the two merge into one place.
_VENUE_BEFORE = ["on", "in", "at", "near", "off", "by", "behind", "outside", "opposite", "above"]
_NAMED_LABELS = {"ROAD", "ESTATE", "STATION", "PARK", "VENUE", "SHOP", "WARD", "AREA"}
# Places of worship and the like, also after my/our/his/her and with no article ("out of shul").
WORSHIP = ["mosque", "church", "synagogue", "shul", "gurdwara", "temple", "mandir", "chapel",
           "cathedral", "masjid", "surgery", "gp surgery", "school", "college", "nursery"]
LINES = ["district", "piccadilly", "central", "circle", "metropolitan", "jubilee", "northern",
         "victoria", "bakerloo", "elizabeth", "hammersmith and city", "hammersmith & city"]
HOME = ["house", "flat", "home", "building", "block", "doorstep", "garden", "street", "road",
        "balcony", "stairs", "hallway", "corridor", "workplace", "work", "shop", "school",
        "driveway", "front garden", "back garden", "landing", "stall", "office", "van",
        "bathroom", "bedroom", "kitchen", "toilet"]
# Parts of a home that are usually what was hit, not where it happened ("through my letterbox",
# "on my door"): a place only when the resident was at them ("outside my door", "came to my door").
HOME_OBJECTS = ["door", "front door", "back door", "window", "gate", "car", "letterbox",
                "doorbell"]


_AFTER_NAME = {"station", "tube", "overground", "estate", "market", "library", "park", "bus",
               "surgery", "school", "church", "mosque", "synagogue", "gurdwara", "temple",
               "hospital", "academy", "college", "clinic", "practice", "centre", "pool"}


# After a number, these make it an age, a count or an amount, not a bus route.
_NOT_ROUTE = {"year", "years", "yr", "yrs", "yo", "month", "months", "day", "days", "times",
              "minutes", "mins", "hours", "people", "of", "pounds", "quid", "%", "weeks", "men",
              "women", "lads", "boys", "girls", "kids", "others", "more", "or", "-"}


def _phrase(words: str) -> list[dict[str, Any]]:
    return [{"LOWER": w} for w in words.split()]


def _matcher_patterns() -> dict[str, list[list[dict[str, Any]]]]:
    """Token patterns for places that no list holds."""
    title = {"IS_TITLE": True, "LOWER": {"NOT_IN": STOP}}
    low = {"IS_ALPHA": True, "LOWER": {"NOT_IN": STOP + PREPS}}
    road = [
        [title, {"ORTH": "'s", "OP": "?"}, {"IS_TITLE": True, "OP": "{0,2}"},
         {"LOWER": {"IN": ROAD_SUFFIX}}],
        # round 7: "of" too ("at the end of bloemfontein road")
        [{"LOWER": {"IN": [*PREPS, "of"]}}, {"LOWER": "the", "OP": "?"}, low,
         {"ORTH": "'s", "OP": "?"},
         {"IS_ALPHA": True, "LOWER": {"NOT_IN": STOP}, "OP": "?"}, {"LOWER": {"IN": LOWER_SUFFIX}}],
    ]
    generic = [[{"LOWER": {"IN": PREPS}}, {"LOWER": {"IN": ["the", "a", "this", "that"]}},
                {"IS_ALPHA": True, "LOWER": {"NOT_IN": STOP + PREPS}, "OP": "?"},
                *_phrase(g)] for g in GENERIC]
    generic += [[{"LOWER": {"IN": [*PREPS, "of"]}},
                 {"LOWER": {"IN": ["the", "a", "my", "our", "his", "her", "their"]}, "OP": "?"},
                 {"IS_ALPHA": True, "LOWER": {"NOT_IN": STOP + PREPS}, "OP": "?"},
                 *_phrase(w)] for w in WORSHIP]
    # round 7: a place of worship said as what was harmed, with no preposition ("our mosque
    # windows smashed again")
    generic += [[{"LOWER": {"IN": ["our", "my"]}}, *_phrase(w)] for w in WORSHIP[:10]]
    generic += [[{"LOWER": "the"}, *_phrase(line), {"LOWER": "line"}] for line in LINES]
    generic += [[{"LOWER": "out"}, {"LOWER": "of"}, {"LOWER": {"IN": ["the", "a", "my", "our"]}},
                 *_phrase(g)] for g in GENERIC]
    generic += [[{"LOWER": "at"}, {"LOWER": {"IN": ["school", "work", "college", "uni"]}}],
                [{"LOWER": "in"}, {"LOWER": "class"}], [{"LOWER": "on"}, {"LOWER": "site"}]]
    generic += [[{"LOWER": {"IN": ["runs", "owns", "manages", "run", "own"]}}, {"LOWER": "the"},
                 *_phrase(g)] for g in GENERIC]
    before = [[{"LOWER": {"IN": ["the", "a", "an", "our", "my", "their", "his", "her"]}},
               {"IS_ALPHA": True, "LOWER": {"NOT_IN": STOP + PREPS}, "OP": "{0,2}"},
               *_phrase(g), {"LOWER": {"IN": _VENUE_BEFORE}}] for g in GENERIC]
    generic += [[{"LOWER": {"IN": PREPS}}, {"LOWER": {"IN": ["my", "our", "his", "her", "the"]}},
                 {"IS_ALPHA": True, "OP": "?"}, {"ORTH": {"IN": ["'", "'s"]}, "OP": "?"},
                 {"LOWER": "school"}, {"LOWER": {"IN": ["gate", "gates"]}}]]
    route = {"LOWER": {"REGEX": r"^n?\d{1,3}$"}}  # "72", "N11"; never "the third (time)"
    bus = [[{"LOWER": {"IN": ["the", "a"]}}, {"LOWER": "number", "OP": "?"}, route,
            {"LOWER": {"IN": ["bus", "night"]}, "OP": "?"}],
           [{"LOWER": {"IN": ["bus", "route"]}}, route], [route, {"LOWER": "bus"}]]
    owner = {"LOWER": {"IN": ["my", "our", "his", "her", "their", "the"]}}
    home = [[{"LOWER": {"IN": ["outside", "at", "on", "in", "near", "by", "from", "to"]}}, owner,
             *_phrase(h)] for h in HOME]
    home += [[{"LOWER": "into"}, {"LOWER": {"IN": ["my", "our"]}}, *_phrase(h)] for h in HOME]
    home += [[{"LOWER": {"IN": ["outside", "at", "near", "by", "to"]}}, owner, *_phrase(h)]
             for h in HOME_OBJECTS]
    home += [[{"LOWER": "in"}, {"LOWER": "front"}, {"LOWER": "of"}, owner, *_phrase(h)]
             for h in [*HOME, *HOME_OBJECTS]]
    home += [[{"LOWER": "in"}, owner, {"LOWER": "car"}],
             [{"IS_SENT_START": True, "LOWER": {"IN": ["front", "back"]}}, {"LOWER": "door"}]]
    home += [[{"LOWER": "at"}, {"LOWER": "home"}]]
    online = [[{"LOWER": "online"}], [{"LOWER": "social"}, {"LOWER": "media"}],
              [{"LOWER": "group"}, {"LOWER": "chat"}], [{"LOWER": "on"}, {"ORTH": "X"}],
              [{"LOWER": {"IN": ["dm", "dms"]}}], [{"LOWER": "the"}, {"LOWER": "comments"}]]
    return {"ROAD": road, "GENERIC": generic, "BUS": bus, "HOME": home, "ONLINE": online,
            "VENUE_BEFORE": before}


def _make_place_finder(nlp: Language) -> Any:
    from spacy.matcher import Matcher
    from spacy.tokens import Span

    matcher = Matcher(nlp.vocab)
    for label, pats in _matcher_patterns().items():
        matcher.add(label, pats, greedy="LONGEST")
    strip = set(PREPS) | {"the", "a", "this", "that", "local", "number", "of"}

    def place_finder(doc: Doc) -> Doc:
        """Put every place mention (known names + patterns) in doc.spans['places']."""
        spans: list[Span] = []
        before: list[tuple[int, int]] = []
        for ent in doc.ents:
            end = ent.end
            if ent.label_ != "ONLINE" and end < len(doc) and doc[end].lower_ in _AFTER_NAME:
                end += 1  # "shepherds bush station", "white city estate"
            spans.append(Span(doc, ent.start, end, label=ent.label_))
        for match_id, start, end in matcher(doc):
            label = nlp.vocab.strings[match_id]
            if label == "BUS" and end < len(doc) and doc[end].lower_ in _NOT_ROUTE:
                continue  # "a 17 year old"
            if label == "VENUE_BEFORE":  # kept below only if a named place follows
                before.append((start, end))
                continue
            if label != "ONLINE":
                cut = strip if label == "ROAD" else set(PREPS) if label == "BUS" else \
                    {*PREPS, "out", "of", "runs", "owns", "manages", "run", "own"} - (
                        {"outside"} if label in ("HOME", "GENERIC") else set())
                while start < end - 1 and doc[start].lower_ in cut:
                    start += 1
            spans.append(Span(doc, start, end, label=label))
        # "the chemist on" + "Dawes Road" (or "near" + "the" + "Hammersmith Apollo"): the venue
        # without the preposition, which then merges with the named place
        named = {s.start for s in spans if s.label_ in _NAMED_LABELS}
        spans += [Span(doc, start, end - 1, label="GENERIC") for start, end in before
                  if end in named or (end + 1 in named and doc[end].lower_ == "the")]
        doc.spans["places"] = spans
        return doc

    return place_finder


def build_pipeline() -> Language:
    """A fresh pipeline (tests may build their own; the app uses get_pipeline())."""
    import spacy
    from spacy.language import Language

    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    ruler = nlp.add_pipe("entity_ruler", config={"phrase_matcher_attr": "LOWER"})
    ruler.add_patterns(ruler_patterns(load_places()))
    if not Language.has_factory("tellonce_places"):
        Language.factory("tellonce_places", func=lambda nlp, name: _make_place_finder(nlp))
    nlp.add_pipe("tellonce_places")
    return nlp


def get_pipeline() -> Language:
    """The process-wide pipeline, built once (thread-safe)."""
    global _NLP
    if _NLP is None:
        with _LOCK:
            if _NLP is None:
                _NLP = build_pipeline()
                from bot.extraction.dates import warm_up

                warm_up()
    return _NLP
