"""Short answers to one question ("tuesday", "on the bus", "my neighbour", "no", "skip").

The Rasa form actions call these for the slot being asked. An answer to a single question is
read more generously than a whole account: "race" alone names a strand, "bus" alone a place.
"""

from __future__ import annotations

import re
from datetime import UTC, date, datetime
from typing import Any

from bot.extraction import classify
from bot.extraction.dates import find_dates, find_times, resolve
from bot.extraction.normalize import normalize
from bot.taxonomy import INCIDENT_TYPES, STRANDS

_PREPS = {"on", "in", "at", "near", "outside", "by", "off", "along", "opposite", "inside", "from"}
_SKIP = re.compile(
    r"^\W*(skip( it| this| that| please| question)?|pass|next|no idea|not sure|unsure|unknown|"
    r"n/?a|i? ?(do ?n'?t|do not|dont) know|i? ?(do ?n'?t|do not) remember|can'?t remember|"
    r"i can'?t remember|(i'?d )?(rather|prefer) not( to)?( say| answer)?|i'?d rather not|"
    r"prefer not to (say|answer)|rather not say|dunno|idk|don'?t know|no comment|"
    r"not telling|none of your business|i'?m not sure|no clue|can'?t say|"
    r"i don'?t want to (say|answer)|leave it|doesn'?t matter|whatever)\W*$"
)
_YES = re.compile(r"^\W*(y|ya|yes+|yeah|yea|yep|yup|ye|aye|sure|ok|okay|correct|right|"
                  r"that'?s right|"
                  r"that'?s correct|true|definitely|of course|please|yes please|i (do|am|was|did)|"
                  r"it (is|was|does|did)|they (were|are|did)|he (was|did)|she (was|did)|absolutely|"
                  r"indeed|affirmative|go ahead|fine|that'?s fine|yes it is|yes they (were|did))\b")
_NO = re.compile(r"^\W*(n|no+|nope|nah|na|not really|no thanks|no thank you|never|i (don'?t|am not|"
                 r"wasn'?t|didn'?t)|it (isn'?t|wasn'?t|doesn'?t|didn'?t)|not at all|negative|"
                 r"they (weren'?t|didn'?t)|he (wasn'?t|didn'?t)|she (wasn'?t|didn'?t)|wrong|"
                 r"incorrect|"
                 r"that'?s wrong|don'?t|do not)\b")
_STRAND_WORDS = {
    "race": r"race|racial|racism|racist|ethnic\w*|colou?r|nationality|where i'?m from|my country",
    "religion": r"relig\w*|faith|belief|beliefs",
    "sexual_orientation": r"sexual orientation|sexuality|orientation|gay|lesbian|bi|bisexual|lgb",
    "disability": r"disab\w*",
    "transgender": r"trans\w*|gender identity",
    "sex_gender": r"sex|gender|misogyn\w*|sexis\w*|being a woman|women|woman",
    "alternative_subculture": r"alternative|subculture|goth|emo|punk",
    "other": r"other|something else|none of (them|these|those)|not sure what",
}
_TYPE_WORDS = {
    "verbal_abuse": r"verbal\w*|words|shout\w*|names|insult\w*|abuse",
    "threats": r"threat\w*",
    "physical_assault": r"physical\w*|assault\w*|attack\w*|violence|violent",
    "property_damage": r"damage\w*|property|vandal\w*|graffiti",
    "online_abuse": r"online|internet|social media",
    "harassment": r"harass\w*|stalk\w*",
    "other": r"other|something else",
}
_ROLE = {
    "victim": r"^(me|myself|i was|victim|it was me|to me|i am|i'm the victim|mine|for me|"
              r"me personally)\b|"
              r"\b(happened to me|i was the (victim|target)|myself)\b",
    "witness": r"\b(witness\w*|i saw|saw it|i watched|bystander|passer ?by|someone else.*i saw)\b",
    "third_party": r"\b(someone else|somebody else|for (my|a|her|his|their) \w+|on behalf|"
                   r"another person|other person|third party|my (son|daughter|child|mum|dad|friend|"
                   r"brother|sister|partner|client|wife|husband|kid|kids|children|pupil|student)|"
                   r"carer|"
                   r"family member|relative)\b",
}


def _norm(text: Any) -> str:
    return normalize(text if isinstance(text, str) else "").lower()


def is_skip(text: str | None) -> bool:
    """True for "skip", "I don't know", "dunno", "rather not say", "not sure" and the like."""
    return bool(_SKIP.match(_norm(text)))


def parse_yes_no(text: str | None) -> bool | None:
    """True for yes-like, False for no-like answers; None otherwise (or skip)."""
    low = _norm(text)
    if not low or is_skip(low):
        return None
    if isinstance(text, str) and text.strip().lower().strip(".!") in ("n", "y"):
        return text.strip().lower().startswith("y")  # SMS "n" must not read as "and"
    if _NO.match(low):
        return False
    if _YES.match(low):
        return True
    return None


def _labelled(low: str, words: dict[str, str], order: tuple[str, ...]) -> set[str]:
    return {key for key in order if re.search(rf"\b(?:{words[key]})\b", low)}


def parse_strands(text: str | None) -> list[str]:
    """Strands named in an answer: the words of the label, or what the account rules find."""
    low = _norm(text)
    if not low or is_skip(low):
        return []
    found = set(classify.strands(low)) | _labelled(low, _STRAND_WORDS, STRANDS)
    named_sex = re.search(r"\b(sex|misogyn|sexis|wom[ae]n)", low)
    if "transgender" in found and "sex_gender" in found and not named_sex:
        found.discard("sex_gender")
    if len(found) > 1:
        found.discard("other")
    return [s for s in STRANDS if s in found]


def parse_incident_types(text: str | None) -> list[str]:
    """Incident types named in an answer ("they hit me and shouted" -> assault + verbal abuse)."""
    low = _norm(text)
    if not low or is_skip(low):
        return []
    found = set(classify.incident_types(low)) | _labelled(low, _TYPE_WORDS, INCIDENT_TYPES)
    if len(found) > 1:
        found.discard("other")
    return [t for t in INCIDENT_TYPES if t in found]


def parse_date(text: str | None, now: datetime | None = None) -> tuple[date | None, str | None]:
    """(date, "HH:MM") from an answer like "tuesday", "14/11 about 6pm", "2 days ago"."""
    low = _norm(text)
    moment = (now or datetime.now(UTC)).replace(tzinfo=None)
    if not low or is_skip(low):
        return None, None
    dates = find_dates(low, moment)
    times = find_times(low)
    clock = times[0][1] if times else None
    if dates:
        return max(d[1] for d in dates), clock
    if len(low) <= 40:
        day = resolve(low, moment)
        if day is not None:
            return day, clock
    if clock:
        return None, clock
    return None, None


def parse_location(text: str | None) -> dict[str, Any] | None:
    """{text, ward, online} from an answer like "on the bus on king st" or "instagram"."""
    from bot.extraction.locate import locate
    from bot.extraction.pipeline import get_pipeline

    norm = normalize(text if isinstance(text, str) else "")
    if not norm.strip() or is_skip(norm):
        return None
    first = norm.split()[0].lower()
    # A bare answer ("the laundrette") gets the preposition an account would have had.
    doc = get_pipeline()(norm if first in _PREPS or len(norm.split()) > 12 else f"at {norm}")
    found = locate(doc)
    if found["text"] is None and not found["online"]:
        words = norm.strip(" .!?")
        if 0 < len(words) <= 60:  # a short answer to "where?" is the place, even if unknown to us
            return {"text": words, "ward": None, "online": False}
        return None
    return found


def parse_perpetrator(text: str | None) -> str | None:
    """neighbour | known | unknown from an answer ("a stranger", "next door", "my boss")."""
    low = _norm(text)
    if not low or is_skip(low):
        return None
    if re.search(r"^(no|nope|not really|don'?t know (them|him|her)|never seen)", low):
        return "unknown"
    if re.search(r"^(yes|yeah|yep)\b", low) and not classify.perpetrator(low):
        return "known"
    return classify.perpetrator(low)


def parse_reporter_role(text: str | None) -> str | None:
    """victim | witness | third_party from an answer ("it was me", "I saw it", "my son")."""
    low = _norm(text)
    if not low or is_skip(low):
        return None
    for role in ("witness", "third_party", "victim"):
        if re.search(_ROLE[role], low):
            return role
    return classify.reporter_role(low)
