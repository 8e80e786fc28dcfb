"""Text clean-up before matching: SMS spelling, curly quotes, run-together words.

Real reports arrive as texts typed fast on a phone ("ppl", "2day", "hes outside"). Rules match
one canonical spelling, so we rewrite the common variants first. Nothing here is heavy: plain
regular expressions compiled at import.
"""

from __future__ import annotations

import re
import unicodedata

# Extraction reads at most this much text; a report longer than this is far beyond any channel's
# limit, and capping keeps the time per message bounded whatever arrives.
MAX_CHARS = 10_000

# Whole-word SMS spellings -> canonical words (lower case keys).
SMS = {
    "ppl": "people", "peeps": "people", "n": "and", "nd": "and", "&": "and", "u": "you",
    "ur": "your", "r": "are", "b4": "before", "2day": "today", "2dy": "today", "tdy": "today",
    "2nite": "tonight", "2night": "tonight", "tonite": "tonight", "2moro": "tomorrow",
    "yday": "yesterday", "ystrday": "yesterday", "yest": "yesterday", "yesterdy": "yesterday",
    "yesturday": "yesterday", "yesteday": "yesterday", "lst": "last", "nite": "night",
    "tues": "tuesday", "tue": "tuesday", "weds": "wednesday", "thurs": "thursday",
    "thur": "thursday", "thu": "thursday", "thrs": "thursday", "fri": "friday",
    "wk": "week", "wks": "weeks",
    "hes": "he's", "shes": "she's", "theyre": "they're", "im": "i'm", "ive": "i've",
    "dont": "don't", "didnt": "didn't", "doesnt": "doesn't", "cant": "can't", "wont": "won't",
    "isnt": "isn't", "wasnt": "wasn't", "werent": "weren't", "thats": "that's", "theres": "there's",
    "whos": "who's", "idk": "i don't know", "dunno": "don't know", "cos": "because",
    "coz": "because", "bc": "because", "cuz": "because", "bcoz": "because", "wiv": "with",
    "w/": "with", "tho": "though", "pls": "please", "plz": "please", "plse": "please",
    "nbr": "neighbour", "neighbor": "neighbour", "neighbors": "neighbours", "naybor": "neighbour",
    "neighbours'": "neighbours", "nabour": "neighbour", "gona": "going to", "gonna": "going to",
    "gunna": "going to", "wanna": "want to", "tryin": "trying", "tryna": "trying to",
    "outsde": "outside", "outsid": "outside", "otside": "outside",
    "b/c": "because", "thru": "through", "bk": "back", "wiff": "with", "sum": "some",
    "ppls": "people's", "fone": "phone", "msg": "message", "msgs": "messages", "txt": "text",
    "insta": "instagram", "ig": "instagram", "fb": "facebook",
    "hrs": "hours", "mins": "minutes", "abt": "about", "aprox": "about", "approx": "about",
    "arnd": "around", "rnd": "round", "agn": "again", "agen": "again", "evry": "every",
    "evryday": "every day", "everyday": "every day", "alot": "a lot", "smashd": "smashed",
    "hijabi": "hijab", "raciest": "racist", "rasist": "racist", "racsit": "racist",
    "homophopic": "homophobic", "homofobic": "homophobic", "threatend": "threatened",
    "threatnd": "threatened", "thretened": "threatened", "punchd": "punched",
    "shud": "should", "shld": "should", "wud": "would", "cud": "could", "some1": "someone",
    "sum1": "someone", "every1": "everyone", "any1": "anyone", "no1": "no one",
    "happend": "happened", "rn": "right now", "atm": "at the moment", "asap": "right now",
    "nieghbour": "neighbour", "nieghbours": "neighbours", "theyll": "they'll", "youll": "you'll",
    "theyve": "they've", "youve": "you've", "weve": "we've", "whats": "what's",
    "couldnt": "couldn't", "wouldnt": "wouldn't", "shouldnt": "shouldn't", "havent": "haven't",
    "hasnt": "hasn't", "arent": "aren't", "youre": "you're", "hed": "he'd", "theyd": "they'd",
    "youd": "you'd", "calld": "called", "bak": "back",
}
# Dropped g's of the verbs reports use ("followin", "shoutin"): a list, since many real words end
# in "-in" (cabin, margin, violin).
_G_DROPPED = ("follow", "shout", "go", "com", "say", "call", "scream", "wait", "walk", "runn",
              "kick", "bang", "hitt", "punch", "chas", "look", "star", "laugh", "spitt", "throw",
              "threaten", "hid", "stay", "sitt", "stand", "do", "gett", "talk", "text", "messag",
              "post", "harass", "swear", "yell", "push", "grabb", "smash", "tell", "tak", "mak",
              "film", "touch", "pull", "shov", "slapp", "stamp", "tripp", "bit", "abus",
              "attack", "bully", "mock", "giv", "liv", "mov",
              "hang", "knock", "jump", "stalk", "send", "leav", "sleep", "cry", "shak", "lock",
              "beat", "break", "burn", "chuck", "spray", "writ", "wear", "work", "happen")
SMS.update({f"{stem}in": f"{stem}ing" for stem in _G_DROPPED})
_WORD = re.compile(r"(?<![\w'*-])([A-Za-z0-9&/']+)(?![\w*-])")
# Short day names that are also ordinary words ("he sat", "the sun") only after a time word.
_SHORT_DAY = re.compile(r"\b(on|last|this|since|from|every|by)\s+(mon|wed|sat|sun)\b(?!')",
                        re.IGNORECASE)
_DAYS = {"mon": "monday", "wed": "wednesday", "sat": "saturday", "sun": "sunday"}
_QUOTES = str.maketrans({"\u2019": "'", "\u2018": "'", "\u201c": '"', "\u201d": '"', "`": "'",
                         "\u00b4": "'", "\u2013": "-", "\u2014": "-"})
_SPACES = re.compile(r"[ \t\r\f\v]+")
_N_WORD = re.compile(r"\b[nN][- ]?[wW]ord\b")
_TWO_WORD = re.compile(r"(?<![\w'])2(?=\s+(get|be|do|go|kill|hurt|come|me|my|the|school|work)\b)",
                       re.IGNORECASE)


# Round 7: local place abbreviations typed in messages ("n end rd", "shep bush", "h'smith",
# "hammersmith bway", "ravenscourt pk"), expanded before the SMS words ("n" would be "and").
_PLACE_SHORT = [(re.compile(p, re.IGNORECASE), r) for p, r in (
    (r"\bn\.? ?end (rd|road)\b", "North End Road"),
    (r"\bshep'?s?\.? ?bush\b", "Shepherd's Bush"),
    (r"\bh'?smith\b|\bhammersmth\b|\bhamm?ersmith\b", "Hammersmith"),
    (r"\b(\w+) b'?way\b", r"\1 Broadway"),
    (r"\bfulham pal\.? (rd|road)\b", "Fulham Palace Road"),
    (r"\bw\.? ?ken(s|sington)?\b(?! (rd|road|st)\b)", "West Kensington"),
    (r"\bravenscourt pk\b", "Ravenscourt Park"), (r"\bbishops? pk\b", "Bishops Park"),
    (r"\bs\.? end\b(?! of)", "Sands End"),
)]


def _swap(match: re.Match[str]) -> str:
    word = match.group(1)
    low = word.lower()
    repl = SMS.get(low)
    if repl is None:
        return word
    if word[:1].isupper() and len(word) > 1:
        return repl[:1].upper() + repl[1:]
    return repl


def normalize(text: str | None) -> str:
    """Canonical spelling of a message; safe on any input (None, control chars, huge text)."""
    if not text:
        return ""
    if not isinstance(text, str):
        text = str(text)
    text = unicodedata.normalize("NFKC", text[:MAX_CHARS]).translate(_QUOTES)
    for pattern, repl in _PLACE_SHORT:
        text = pattern.sub(repl, text)
    text = _TWO_WORD.sub("to", text)
    text = _N_WORD.sub("n-word", text)  # not "and word"
    text = _WORD.sub(_swap, text)
    text = _SHORT_DAY.sub(lambda m: f"{m.group(1)} {_DAYS[m.group(2).lower()]}", text)
    return _SPACES.sub(" ", text).strip()


def fold(text: str) -> str:
    """Lower case without apostrophes or extra spaces: how places are compared."""
    return re.sub(r"\s+", " ", re.sub(r"['.]", "", (text or "").lower())).strip()
