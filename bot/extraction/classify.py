"""Who reports, what kind of hate, what happened, who did it, injuries, repeat: rules on words.

Every function takes normalised lower-case text (``normalize(text).lower()``) and is cheap. The
rules are tuned on the tuning part of tests/data/narratives.yml only; the held-out part measures
how well they generalise (docs/extraction.md).
"""

from __future__ import annotations

import re

from bot.extraction.lexicon import INCIDENT_RES, STRAND_RES, masked_strands
from bot.taxonomy import INCIDENT_TYPES, STRANDS

_REL = (r"(?:son|daughter|brother|sister|mum|mother|mom|dad|father|wife|husband|partner|boyfriend|"
        r"girlfriend|friend|mate|client|child|kid|kids|children|grandson|granddaughter|grandmother|"
        r"grandma|nan|nana|gran|grandad|grandfather|uncle|aunt|auntie|cousin|nephew|niece|flatmate|"
        r"housemate|colleague|pupil|student|tenant|resident|service user|pupils|students|"
        r"stepson|stepdaughter|family|boy|girl|baby|sons|daughters|brothers|sisters|parents|"
        r"carer|patient|customer|employee|member of staff|learner|young person)")
_THIRD_STRONG = re.compile(
    r"\b(on behalf of|reporting (this |it )?for|report(ing)? (this |it )?on behalf|"
    rf"i'?m (his|her|their|a|the) ({_REL}|carer|support worker|key worker|social worker|teacher|"
    r"care worker|keyworker|personal assistant|pa|advocate|youth worker|manager|landlord|guardian)|"
    r"i am (his|her|their|a|the) (carer|support worker|key worker|social worker|teacher|"
    r"care worker|"
    r""
    r"keyworker|advocate|youth worker|guardian)|"
    r"(calling|writing|messaging|texting|contacting you|emailing|here) (for|about|on behalf of) my|"
    r"(i|we) (care|look) (for|after) (him|her|them|my)|as (his|her|their) (carer|teacher|mum|dad|"
    r"parent|"
    r"support worker|key worker|social worker|advocate))\b"
)
_THIRD_REL = re.compile(
    rf"\bmy (\w+ ){{0,2}}{_REL}(?:'s)?( \w+){{0,3}} (was|were|is|has been|have been|had|got|gets|"
    rf"keeps|"
    r"keep|came home|told me|said|is being|are being|has had|being|rang|called me)\b|"
    rf"\b(someone|they|he|she|people|a man|a woman|a group|some \w+) (\w+ ){{0,3}}(at|to|on|"
    rf"towards|"
    rf"about|after) my {_REL}\b|\b(attacked|punched|hit|kicked|call(ed|ing)|abused|threatened|"
    rf"pushed|"
    rf"followed|bullied|harassed|targeted|spat at|insulted|mocked|chased) my (\w+ ){{0,2}}({_REL}|"
    rf"\d+ ?"
    r"(year|yr)s? old)\b"
)
_WITNESS = re.compile(
    r"\b(i|we) (saw|watched|witnessed|noticed|could see|was watching|were watching|heard (a|some|"
    r"two|"
    r"the|this|these|them|him|her|someone|people)|spotted)\b|\bwitness\w*\b|\b(i|we) (was|were) "
    r"(a )?(passer|bystander)"
)
_ME = re.compile(
    r"\b(me|myself|us|we|our)\b|\bmy (car|house|flat|home|door|front door|window|windows|hijab|"
    r"headscarf|turban|face|head|arm|wife and i|husband and i|shop|bag|phone|wall|fence|garden|"
    r"kippah|wheelchair|guide dog|hair|body|family|post|posts|photo|photos|account|page|video|"
    r"car's|property|business|stall|restaurant|van|bike|letterbox)\b|\bi (was|got|am|'m|have been|"
    r"had|keep|get) (called|attacked|punched|hit|pushed|spat|abused|threatened|followed|"
    r"harassed|targeted|assaulted|kicked|told|shouted|insulted|bullied|mocked|chased|being)\b"
)
_FIRST = re.compile(r"\b(i|i'm|i've|me|my|we|us|our)\b")

_NEIGHBOUR = re.compile(
    r"\b(neighbou?rs?\w*|next door|next-door|the (people|man|woman|family|guy|lady|bloke|kids|lads|"
    r"couple|tenants?) (upstairs|downstairs|above|below|opposite|across the (hall|landing|road|"
    r"street|"
    r"corridor))|(lives?|living) (above|below|opposite|next door|upstairs|downstairs|"
    r"on my (floor|landing))|"
    r""
    r"upstairs flat|downstairs flat|flat (no\.? ?)?\d+\w?|number \d+ (opposite|next door|across)|"
    r"(same|my|our) (building|block|landing|corridor) (is|are|has|have|keeps?|been|who)|"
    r"from (my|our|the same) (building|block|landing))\b"
)
_KNOWN = re.compile(
    r"\bmy (ex|ex-partner|ex-husband|ex-wife|ex-boyfriend|ex-girlfriend|landlord|landlady|boss|"
    r"manager|"
    r"supervisor|colleague|coworker|co-worker|colleagues|classmate|classmates|teacher|tutor|"
    r"lecturer|"
    r"former friend|old friend|flatmate|housemate|brother-in-law|"
    r"sister-in-law|in-laws|stepdad|stepmum|partner's|"
    r"(son|daughter|kids|children|child)'s (classmates?|friends?))\b|"
    r"\b(a|some|two|three|the|this|these) (girls?|boys?|kids?|lads?|students?|pupils?|parents?|"
    r"mums?|dads?|"
    r""
    r"teachers?) (from|at|in) (my|his|her|their|our|the) (school|class|college|work|year|uni|"
    r"university|"
    r"nursery|office|gym|mosque|church)|\b(someone|somebody|people|a man|a woman|a guy) (i|we|he|"
    r"she|they) "
    r"(know|knew|recogni[sz]ed?)\b|\b(i|we|he|she|they) (know|knew|recogni[sz]ed?) (him|her|them|"
    r"who)\b|"
    r"\b(kids|boys|girls|pupils|students|children|lads) (in|from|at) (his|her|my|their|"
    r"the) (class|school|"
    r""
    r"year|college)\b|\b(his|her|their|my) (classmates?|boss|manager|colleagues?|coworkers?|"
    r"landlord|ex)\b|\bat work\b.{0,40}\b(colleague|manager|boss|supervisor)\b|\b(colleague|"
    r"coworker|"
    r"manager|boss|supervisor|landlord|landlady|classmate)\b|\bformer (partner|friend|employer)\b|"
    r"\b(a|the) (regular|shopkeeper|owner of|security guard|bus driver|driver|staff|"
    r"member of staff)\b"
    r"(?=.{0,60}\b(always|every|knows|regular)\b)|\bi used to (work|go out|live) with\b"
)
_UNKNOWN = re.compile(
    r"\b(strangers?|(did ?n'?t|don'?t|never) (know|seen|recogni[sz]e) (him|her|them|who|the)|"
    r"(had )?never seen (him|her|them|before)|random\w*|unknown|no idea who|anonymous|"
    r"(a|an|one|two|three|four|five|some|several|couple of|group of|gang of|bunch of|load of|few) "
    r"(\w+ ){0,2}(man|woman|men|women|guy|guys|bloke|blokes|lad|lads|boy|boys|girl|girls|"
    r"teenagers?|"
    r"teens|youths?|kids|people|person|driver|cyclist|passenger|passengers|customer|shopper|"
    r"couple|youngsters|males?|females?|group|gang|account|accounts|profile|user|users|fans?|"
    r"drinkers?|schoolkids|school kids|students|pupils|security guard|parent|cashier|"
    r"shop assistant|"
    r""
    r"taxi driver|bus driver|delivery driver|players?|gamers?|cyclists?)|someone|somebody|a fake|"
    r"the driver|other (girls|boys|kids|children|pupils|students|people|passengers|players)|"
    r"the (same )?(man|woman|guy|bloke|lad|lads|boy|boys|girl|girls|passenger|cyclist|group|gang|"
    r"men|"
    r"women|youths|kids|teenagers)|some ?one|people|pupils|youths|teenagers)\b"
)
_INJURED_NO = re.compile(
    r"\b(not|wasn'?t|weren'?t|isn'?t|aren'?t|didn'?t get|did not get|wasn'?t badly|never got|"
    r"no one|"
    r"nobody|none of us|neither of us|without being|luckily not|thankfully not|"
    r"not physically) (\w+ )?(hurt|injured)|"
    r""
    r"\b(it|they|he|she) missed( me| us| him| her)?\b|"
    r"\bno (injur\w+|one (was |got )?(hurt|injured)|physical harm|marks?)\b|\bunhurt\b|"
    r"\buninjured\b|"
    r""
    r"\bnot hurt\b|\b(i'?m|we'?re|he'?s|she'?s|they'?re) (ok|okay|fine|alright) physically\b|"
    r"\bdidn'?t touch (me|him|her|us|them)\b|\bnever touched\b|\bno one touched\b"
)
_INJURED_YES = re.compile(
    r"\b(injur(ed|y|ies)|bleeding|bled|bruis\w*|black eye|concussion|stitches|fractur\w*|sprain\w*|"
    r"a&e|a and e|hospital|paramedics?|ambulance|swollen|swelling|cut (my|his|her|their|open)|"
    r"(cut|split|busted|fat) lip|broken (nose|arm|rib|ribs|tooth|teeth|wrist|jaw|finger|leg|"
    r"glasses)|"
    r"(nose|arm|rib|tooth|wrist|jaw|finger|leg) (is |was )?(broken|bleeding|cut)|"
    r"(was|were|got|been|am|is|are|'m|'s|left|quite|badly|really) (\w+ )?(hurt|hurting|in pain)|"
    r"hurt (my|his|her|their) \w+|(it|that) hurt|lump on|scratches|grazes?|grazed|knocked out|"
    r"unconscious|needed treatment|treated for|first aid|sore|aching|still hurts|teeth out|"
    r"scraped|(lip|nose|eye|head|face|arm|cheek|knee|knees|hand|hands) (was |is |were |"
    r"are )?(split|cut|"
    r""
    r"swollen|bleeding|broken|bruised|grazed))\b"
)
_ONGOING_NO = re.compile(r"\b(first time|one[- ]off|only once|never happened before|the only time|"
                         r"hasn'?t happened (since|before|again)|never seen (him|her|them) again|"
                         r"nothing since|"
                         r""
                         r"not since|nothing (else )?has happened since|no (problems|"
                         r"trouble) since)\b")
_ONGOING_YES = re.compile(
    r"\b(again|keeps?|kept|every (day|night|week|time|morning|evening|weekend|month)|all the time|"
    r"for (weeks|months|years|ages|a long time|a while|over a year|\w+ (weeks|months|years))|since|"
    r"still (happening|going on|doing|does|do|is|are|keep|continu\w*)|ongoing|repeatedly|repeated|"
    r"not the first time|(second|third|fourth|fifth|\d+(th|rd|nd)) time|many times|several times|"
    r"lots of times|loads of times|few times|times now|constant\w*|always|on and off|months|"
    r"regularly|most days|most nights|daily|nightly|weekly|every other|over and over|continu\w*|"
    r"happened before|happens a lot|has been \w+ing|have been \w+ing|'ve been \w+ing|"
    r"'s been \w+ing|"
    r""
    r"more and more|again and again|each time|whenever|every single)\b"
)


def strands(low: str) -> list[str]:
    """Hate strands named or implied (slurs included, masked or not)."""
    found = {s for s, rx in STRAND_RES.items() if rx.search(low)}
    found |= masked_strands(low, found)
    if len(found) > 1:
        found.discard("other")
    return [s for s in STRANDS if s in found]


def incident_types(low: str) -> list[str]:
    """What was done: several types may apply."""
    found = {t for t, rx in INCIDENT_RES.items() if rx.search(low)}
    return [t for t in INCIDENT_TYPES if t in found]


_HAS_REL = re.compile(rf"\bmy (\w+ ){{0,2}}{_REL}\b|\bmy \d+ ?(year|yr)s? old\b")
_THEM_OBJ = re.compile(r"\b(at|to|on|towards|call(ed|ing|s)?|told|pushed|hit|punched|attacked|"
                       r"grabbed|followed|mocked|filmed|spat at|abused|threatened) (him|her|"
                       r"them)\b|"
                       r"\b(him|her) (a|an)\b|\b(his|her) (hijab|turban|kippah|kufi|niqab|"
                       r"wheelchair|"
                       r"chair|guide dog|face|head|arm)\b")
_US = re.compile(r"\b(me and my|my \w+ and (i|me)|we were|both of us|us|we|(at|to|on|called) me|"
                 r"me a)\b")
_PRESENT_SCENE = re.compile(r"\bthere'?s (a|an|some|two|three) (\w+ )?(man|woman|men|women|group|"
                            r"gang|lads|"
                            r"boys|people|guy|bloke)\b")


_ME_TARGET = re.compile(r"\b(at|to|on|towards|after|follow\w*|hit|punch\w*|push\w*|call\w*) "
                        r"(me|us)\b|"
                        r"\bmy (car|house|flat|door|hijab)\b")


def reporter_role(low: str) -> str | None:
    """victim | witness | third_party | None when the text does not say."""
    if _THIRD_STRONG.search(low):
        return "third_party"
    me = _ME.search(low)
    if (_THIRD_REL.search(low) or (_HAS_REL.search(low) and _THEM_OBJ.search(low))) \
            and not _US.search(low):
        return "third_party"
    if _WITNESS.search(low) and not _ME_TARGET.search(low):
        return "witness"
    if me or _FIRST.search(low):
        return "victim"
    if _PRESENT_SCENE.search(low):
        return "witness"
    return None


def perpetrator(low: str) -> str | None:
    """neighbour | known | unknown | None: who did it, as far as the text says."""
    if _NEIGHBOUR.search(low):
        return "neighbour"
    if _KNOWN.search(low):
        return "known"
    if _UNKNOWN.search(low):
        return "unknown"
    return None


def injured(low: str) -> bool | None:
    """True/False when the text says whether anyone was hurt; None when it does not."""
    if _INJURED_NO.search(low):
        return False
    if _INJURED_YES.search(low):
        return True
    return None


def ongoing_words(low: str) -> bool | None:
    """Words that say it is repeated or still happening (True) or a one-off (False)."""
    if _ONGOING_NO.search(low):
        return False
    if _ONGOING_YES.search(low):
        return True
    return None
