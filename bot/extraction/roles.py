"""Who is reporting: the victim, a witness, or someone reporting for another person.

Rules on normalised lower-case text, in order: an explicit "on behalf of" / "one of my pupils";
a relative or someone in the reporter's care who was targeted (and not "me and my partner"); a
witness (someone else targeted while the reporter saw, helped or filmed, and nothing aimed at the
reporter); the reporter targeted. A message that only says "I want to report" or "idk" has no
role. Tuned on the tuning parts of tests/data (docs/extraction.md), never on the held-out part.
"""

from __future__ import annotations

import re

from bot.extraction.lexicon import INCIDENT_RES, STRAND_RES

_REL = (r"(?:son|daughter|brother|sister|mum|mother|mom|dad|father|wife|husband|partner|boyfriend|"
        r"girlfriend|friend|mate|client|child|kid|kids|children|grandson|granddaughter|grandmother|"
        r"grandma|nan|nana|gran|grandad|grandfather|uncle|aunt|auntie|cousin|nephew|niece|flatmate|"
        r"housemate|colleague|pupil|student|tenant|resident|service user|pupils|students|"
        r"stepson|stepdaughter|family|boy|girl|baby|sons|daughters|brothers|sisters|parents|"
        r"carer|patient|customer|employee|member of staff|learner|young person|brother-in-law|"
        r"sister-in-law|son-in-law|daughter-in-law|mother-in-law|father-in-law|in-laws|grandchild|"
        r"grandchildren|granddad|grandpa|stepdad|stepmum|fiance|fiancee|godson|goddaughter|boys|"
        r"girls|twins)")
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
    r"support worker|key worker|social worker|advocate)|"
    r"one of (my|our) (pupils|students|clients|patients|residents|tenants|service users|children|"
    r"kids|members|congregation|customers|employees|volunteers|young people|learners|staff|"
    r"gps|doctors|nurses|teachers|colleagues|workers|drivers)|"
    r"(asked|wants?|wanted|begged) me to (report|tell|contact|get in touch)|"
    r"(happened|was done|been done) to (my|our) (\w+ ){0,2}" + _REL + r"|"
    r"(report(ing)?|tell(ing)?) (it|this|you) for (him|her|them)|"
    r"(won'?t|doesn'?t|does not|will not|didn'?t|don'?t) want to (report|tell)|"
    r"(so|and) (i'?m|i am) (reporting|telling you|doing it))\b"
)
_THIRD_REL = re.compile(
    rf"\b(?<!neighbour's )(?<!neighbours )(my|"
    rf"our) (?!neighbou?r'?s? )(\w+ ){{0,2}}{_REL}(?:'s)?( \w+){{0,3}} "
    rf"(was|were|is|are (always|constantly|being|getting|still)|has been|have been|had|got|gets|"
    rf"has|"
    rf"keeps|"
    r"keep|came home|told me|said|is being|are being|has had|being|rang|called me)\b|"
    rf"\b(someone|they|he|she|people|a man|a woman|a group|some \w+) (\w+ ){{0,3}}(at|to|on|"
    rf"towards|"
    rf"about|after) my {_REL}\b|\b(attacked|punched|hit|kicked|call(ed|ing)|abused|threatened|"
    rf"pushed|told|surrounded|robbed|grabbed|"
    rf"follow(ed|ing)|bullied|harassed|targeted|spat at|insulted|mocked|chased) (my|"
    rf"our) (\w+ ){{0,2}}({_REL}|"
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
    r"car's|property|business|stall|restaurant|van|bike|letterbox|mobility scooter|scooter|"
    r"walking stick|crutches|chair|mezuzah|doorbell|garage|windscreen|tyres)\b|\bi (was|got|am|'m|"
    r"have been|"
    r"had|keep|get) (called|attacked|punched|hit|pushed|spat|abused|threatened|followed|"
    r"harassed|targeted|assaulted|kicked|told|shouted|insulted|bullied|mocked|chased|being)\b"
)
_FIRST = re.compile(r"\b(i|i'm|i've|me|my|we|us|our)\b")

_HAS_REL = re.compile(rf"\bmy (\w+ ){{0,2}}{_REL}\b|\bmy \d+ ?(year|yr)s? old\b")
_THEM_OBJ = re.compile(r"\b(at|to|on|towards|call(ed|ing|s)?|told|pushed|hit|punched|attacked|"
                       r"grabbed|followed|mocked|filmed|spat at|abused|threatened) (him|her|"
                       r"them)\b|"
                       r"\b(him|her) (a|an)\b|\b(his|her) (hijab|turban|kippah|kufi|niqab|"
                       r"wheelchair|"
                       r"chair|guide dog|face|head|arm)\b")
_US = re.compile(r"\b(me and my|my \w+ and (i|me)|we were|both of us|us|we|"
                 r"(?<!phone )(at|to|on|called) me|"
                 r"me a)\b")
_PRESENT_SCENE = re.compile(r"\bthere'?s (a|an|some|two|three) (\w+ )?(man|woman|men|women|group|"
                            r"gang|lads|"
                            r"boys|people|guy|bloke)\b")


_ME_TARGET = re.compile(r"\b(at|to|on|towards|after|follow\w*|hit|punch\w*|push\w*|call\w*|"
                        r"told|surround\w*|mock\w*|threaten\w*|abus\w*|attack\w*|kick\w*|"
                        r"spat at|grabb?\w*) (?<!phone to )(me|us)\b|\bthe way i\b|"
                        r"\bmy (car|house|flat|door|hijab|front door|van|windows?|shop|mobility "
                        r"scooter|wheelchair)\b|"
                        r"\b(i|we) (was|were|got|get|am|are|'m|'re|have been|'ve been) (called|"
                        r"attacked|punched|hit|pushed|spat|abused|threatened|followed|harassed|"
                        r"kicked|told|insulted|bullied|mocked|chased|assaulted|refused|thrown)\b")



# Someone else (not the reporter, not their relative) on the receiving end, the reporter present.
_OTHER_PERSON = (r"(a|an|the|two|three|\d+|some|one|this|that|another|older|old|young|elderly) "
                 r"(\w+ ){0,3}(man|woman|men|women|lady|ladies|girl|girls|boy|boys|lad|lads|family|"
                 r"builders|workers|crowd|"
                 r"couple|guy|person|people|kid|kids|child|children|student|mum|dad|worshippers?|"
                 r"passenger|passengers|driver|teenager|teenagers|gentleman|fella|bloke)")
_SCENE_VICTIM = re.compile(
    rf"\b(at|to|on|towards|call(ed|ing)|push(ed|ing)|attack(ed|ing)|punch(ed|ing)|kick(ed|ing)|"
    rf"hit|hitting|abus(ed|ing)|harass(ed|ing)|threaten(ed|ing)|follow(ed|ing)|spat at|"
    rf"screaming at|shouting at|yelling at|ranting at|grabb?(ed|ing)|mock(ed|"
    rf"ing)) {_OTHER_PERSON}\b|"
    rf"\b{_OTHER_PERSON} (\w+ ){{0,4}}(was|were|got|being|is being|are being|get) (\w+ )?"
    r"(pushed|punched|kicked|hit|attacked|abused|harassed|called|spat|threatened|followed|"
    r"assaulted|beaten|mocked|insulted|chased|shouted at|screamed at|targeted|surrounded|"
    r"knocked|tripped|robbed|refused|thrown|sworn at|shoved|slapped|jostled)\b"
)
_NOT_ME = re.compile(r"\bnothing (really )?(happened|was (done|said)) to me\b|"
                     r"\b(it )?(wasn'?t|was not|not) (aimed|directed|said) at me\b|"
                     r"\bnot (about|against) me\b")


def _evidence(low: str) -> bool:
    return any(rx.search(low) for rx in STRAND_RES.values()) or \
        any(rx.search(low) for rx in INCIDENT_RES.values())


def reporter_role(low: str) -> str | None:
    """victim | witness | third_party | None when the text does not say."""
    return role_and_reason(low)[0]


def role_and_reason(low: str) -> tuple[str | None, str]:
    """The role and which rule gave it (the reason feeds the confidence, docs/extraction.md)."""
    if _THIRD_STRONG.search(low):
        return "third_party", "third_strong"
    me = _ME.search(low)
    me_target = _ME_TARGET.search(low)
    them = _THEM_OBJ.search(low)
    related = _THIRD_REL.search(low) or (_HAS_REL.search(low) and them)
    if related and not _US.search(low) and not (me_target and not them):
        return "third_party", "third_related"
    if _NOT_ME.search(low):
        return "witness", "witness_not_me"
    if not me_target and _WITNESS.search(low):
        return "witness", "witness_saw"
    if not me_target and _SCENE_VICTIM.search(low):
        return "witness", "witness_scene"
    if me_target:
        return "victim", "victim_targeted"
    if me:
        return "victim", "victim_me"
    if _FIRST.search(low) and _evidence(low):
        return "victim", "victim_first_person"
    if _PRESENT_SCENE.search(low):
        return "witness", "witness_present"
    return None, "none"
