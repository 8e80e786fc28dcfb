"""Who reports, what kind of hate, what happened, who did it, injuries, repeat: rules on words.

Every function takes normalised lower-case text (``normalize(text).lower()``) and is cheap. The
rules are tuned on the tuning parts of tests/data only; the held-out part measures how well they
generalise (docs/extraction.md). The reporter-role rules live in ``roles.py``.
"""

from __future__ import annotations

import re

from bot.extraction import ongoing_injured
from bot.extraction.lexicon import incident_words, masked_strands, strand_cues
from bot.extraction.perpetrators import perpetrator, perpetrator_and_reason
from bot.extraction.roles import reporter_role
from bot.taxonomy import INCIDENT_TYPES, STRANDS

__all__ = ["incident_types", "injured", "ongoing_words", "perpetrator", "perpetrator_and_reason",
           "reporter_role", "strands"]

_INJURED_NO = re.compile(
    r"\b(not|wasn'?t|weren'?t|isn'?t|aren'?t|didn'?t get|did not get|wasn'?t badly|never got|"
    r"no one|"
    r"nobody|none of us|neither of us|without being|luckily not|thankfully not|"
    r"not physically) (\w+ )?(hurt|injured)|"
    r""
    r"\b(it|they|he|she) missed( me| us| him| her)?\b|"
    r"\b(it|that) (didn'?t|did not) hurt\b|\b(he|she|they) (didn'?t|did not) (hurt|injure) (me|us|"
    r"him|her|them)\b|"
    r"\bno (injur\w+|one (was |got )?(hurt|injured)|physical harm|marks?\b(?! but))\b|"
    r"\bunhurt\b|"
    r"\buninjured\b|"
    r""
    r"\bnot hurt\b|\b(i'?m|we'?re|he'?s|she'?s|they'?re) (ok|okay|fine|alright) physically\b|"
    r"\b(i'?m|i am|we'?re|we are) (ok|okay|fine|alright)\s*[.!]|"
    r"\bdidn'?t touch (me|him|her|us|them)\b|\bnever touched\b|\bno one touched\b"
)
_INJURED_YES = re.compile(
    r"\b(injur(ed|y|ies)|bleeding|bled|bruis\w*|black eye|concussion|stitches|fractur\w*|sprain\w*|"
    r"a&e|a and e|hospital|paramedics?|ambulance|swollen|swelling|cut (my|his|her|their|open)|"
    r"(cut|split|busted|fat) lip|broken (nose|arm|rib|ribs|tooth|teeth|wrist|jaw|finger|leg|"
    r"glasses)|"
    r"(nose|arm|rib|tooth|wrist|jaw|finger|leg) (is |was )?(broken|bleeding|cut)|"
    r"(was|were|got|been|am|is|are|'m|'s|left|quite|badly|really) (\w+ )?(hurt|hurting|in pain)|"
    r"hurt (my|his|her|their) \w+|(?<!n't )(?<!not )(it|that) hurt|lump on|scratches|grazes?|"
    r"grazed|knocked out|(a|some|two|three) cuts? (on|to|above|under|in) |"
    r"unconscious|needed treatment|treated for|first aid|sore|aching|still hurts|teeth out|"
    r"scraped|bloody (nose|lip|face|mouth)|tetanus|glass in (my|his|her|their) \w+|"
    r"(broke|broken|cut|split|bust|busted) (my|his|her|their) (nose|arm|rib|ribs|tooth|teeth|"
    r"wrist|jaw|finger|leg|lip|head|eyebrow|cheek|knee|hand)|"
    r"(cut|grazed|bruised|swollen|bloody) (knee|knees|hand|hands|head|arm|face|leg|lip|eye|cheek)|"
    r"bit (me|him|her|my (leg|arm|hand))|"
    r"(lip|nose|eye|head|face|arm|cheek|knee|knees|hand|hands) (was |is |were |"
    r"are )?(split|cut|"
    r""
    r"swollen|bleeding|broken|bruised|grazed))\b"
)
_ONGOING_NO = re.compile(
    r"\b((?<!not the )(?<!n't the )(?<!nt the )(?<!not )(?<!n't )first time|one[- ]off|only once|"
    r"never happened before|the only time|"
    r"nothing (like (this|that|it)|of the (sort|kind)) (has |had |'s )?(ever )?"
    r"happened( to (me|us|him|her|them))? before|never had (any |a )?(trouble|"
    r"problems?|issues?|bother)( like (this|that))?( with (him|her|them|anyone)"
    r")? (before|until)|"
    r"hasn'?t happened (since|before|again)|never seen (him|her|them) again|"
    r"nothing since|"
    r"not since|nothing (else )?has happened since|no (problems|"
    r"trouble) since)\b")
_ONGOING_YES = re.compile(
    r"\b(again|keeps?|kept|every (day|night|week|time|morning|evening|weekend|month)|all the time|"
    r"for (weeks|months|years|ages|a long time|a while|over a year|\w+ (weeks|months|years))|since|"
    r"still (happening|going on|doing|does|do|is|are|keep|continu\w*)|ongoing|repeatedly|repeated|"
    r"(not|isn'?t|wasn'?t|aren'?t|ain'?t) (the )?first time|"
    r"(second|third|fourth|fifth|\d+(th|rd|nd)) time|many times|several times|"
    r"lots of times|loads of times|few times|times now|twice|(two|three|four|five|\d+) times|"
    r"gets? (picked on|bullied|called)|"
    r"picked on|constant\w*|always|on and off|months|"
    r"regularly|most days|most nights|daily|nightly|weekly|every other|over and over|continu\w*|"
    r"happened before|happened once before|happens a lot|often|has been \w+ing|have been \w+ing|"
    r"'ve been \w+ing|"
    r"'s been \w+ing|"
    r""
    r"more and more|again and again|each time|whenever|every single|"
    r"(started|begun|began|starting) (calling|saying|shouting|leaving|sending|posting|"
    r"following|to call|to shout|to follow|to post)|(has|have|'s|'ve) been (called|sent|"
    r"targeted|followed|harassed|bullied)|everyone'?s (calling|laughing|saying|sharing)|"
    r"(at|by|from) (first|the start))\b"
)


def strands(low: str) -> list[str]:
    """Hate strands named or implied (slurs included, masked or not)."""
    found = {s for s, starts in strand_cues(low).items() if starts}
    found |= masked_strands(low, found)
    if len(found) > 1:
        found.discard("other")
    return [s for s in STRANDS if s in found]


# Shouting a threat is a threat, not verbal abuse: "shouting he'll burn us out" (labelling rules).
_THREAT_SPEECH = re.compile(
    r"\b(shout\w*|scream\w*|yell\w*|threaten\w*|saying|said|says)( at (\w+ ){0,3}\w+)?( that|"
    r" about how)? ((he|she|they|we|i|[a-z]+|[a-z]+ [a-z]+)('ll| will| would|'d| is going to|"
    r"'s going to|'re going to| are going to| was going to| were going to| should| must|"
    r" deserve to| ought to)? )?['\"]?(kill|burn|stab|hurt|get|beat|cut|chop|shoot|bomb|rape|"
    r"sort|find|batter|smash|fix|do|die|hang|throw acid)\b")
# Words written on a thing are not spoken abuse: "a note saying", "graffiti saying".
_WRITTEN = re.compile(r"\b(notes?|leaflets?|letters?|signs?|graffiti|stickers?|posters?|caption|"
                      r"banners?|flags?|cards?|brick|written|wrote|sprayed|painted|scratched|"
                      r"carved|daubed|scrawled|etched)( [\w']+,?){0,14} (saying|says|that said|"
                      r"reading|with)\b")
# Reported speech about who someone is ("said they don't want gays in there") is verbal abuse.
_SPEECH = re.compile(r"\b(said|told|tells|telling|shout\w*|yell\w*|scream\w*|mutter\w*|"
                     r"called|calling|going on about|says|saying|say(?= ['\"]))\b")
_QUOTE = re.compile(r"(?:^|[\s(])['\"]([^'\"]{2,80})['\"](?=[\s.,!?;:)]|$)")
# Said face to face (not only posted): keeps verbal abuse beside online abuse.
_IN_PERSON = re.compile(r"\b(shout\w*|yell\w*|scream\w*|to my face|in person|in front of|"
                        r"at work|in the office|on the (bus|tube|train|street)|outside|said to me|"
                        r"face to face|in the street|swore at|spat|(colleague|manager|boss|"
                        r"landlord|neighbou?r|teacher) (keeps|kept|always|has been|is always) "
                        r"(saying|making|telling|calling))\b")


def _speech_about_identity(low: str) -> bool:
    speech = [m.end() for m in _SPEECH.finditer(low)]
    if not speech:
        return False
    cues = sorted(c for starts in strand_cues(low).values() for c in starts)
    if any(end <= cue < end + 90 for end in speech for cue in cues):
        return True
    for q in _QUOTE.finditer(low):
        spoken = any(q.start() - 40 <= end <= q.start() for end in speech)
        if spoken and any(q.start(1) <= cue < q.end(1) for cue in cues):
            return True
    return False


def incident_types(low: str) -> list[str]:
    """What was done: several types may apply."""
    text = _WRITTEN.sub(lambda m: m.group(0).rsplit(" ", 1)[0] + " reading", low)
    text = _THREAT_SPEECH.sub(lambda m: "threatened to " + m.group(m.lastindex or 0), text)
    # the rewritten text decides abuse against threats; the other types read the account as is
    found = set(incident_words(text))
    if text != low:
        found |= incident_words(low) - {"verbal_abuse", "physical_assault"}
    if "verbal_abuse" not in found and _speech_about_identity(text):
        found.add("verbal_abuse")
    if "online_abuse" in found and "verbal_abuse" in found and not _IN_PERSON.search(low):
        found.discard("verbal_abuse")  # abuse only posted or messaged is online abuse
    return [t for t in INCIDENT_TYPES if t in found]


# "not badly hurt" still means hurt.
_NOT_BADLY = re.compile(r"\b(badly|seriously|too|very|that|really|much)\b")


# "I'm fine, my jacket's ruined": said of the body only when no injury is named.
_FINE = re.compile(r"\b(i'?m|i am|we'?re|we are) (ok|okay|fine|alright|unharmed)\s*,")


def injured(low: str) -> bool | None:
    """True/False when the text says whether anyone was hurt; None when it does not."""
    no = _INJURED_NO.search(low)
    if no and not _NOT_BADLY.search(no.group(0)) or ongoing_injured.NOT_HURT.search(low):
        return False
    if _INJURED_YES.search(low) or ongoing_injured.INJURED_YES.search(low) or \
            ongoing_injured.HURT_MARKS.search(low):
        return True
    return False if _FINE.search(low) or ongoing_injured.INJURED_NO.search(low) else None


def ongoing_words(low: str) -> bool | None:
    """Words that say it is repeated or still happening (True) or a one-off (False)."""
    if _ONGOING_NO.search(low) or ongoing_injured.ONGOING_NO.search(low) or \
            ongoing_injured.ONE_OFF.search(low):
        return False
    if _ONGOING_YES.search(low) or ongoing_injured.ONGOING_YES.search(low) or \
            ongoing_injured.REPEATED.search(low):
        return True
    return None


def one_off(low: str) -> bool:
    """A one-off said against the writer's own history ("never had anything like it"): it
    outweighs two days named in the account, which are often the report's and the incident's."""
    return bool(ongoing_injured.ONE_OFF.search(low))
