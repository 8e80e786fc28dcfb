"""Who is reporting: the victim, a witness, or someone reporting for another person.

Rules on normalised lower-case text, in order: an explicit "on behalf of" / "one of my pupils";
a relative or someone in the reporter's care who was targeted (and not "me and my partner"); a
witness (someone else targeted while the reporter saw, helped or filmed, and nothing aimed at the
reporter); the reporter targeted. A message that only says "I want to report" or "idk" has no
role. Tuned on the tuning parts of tests/data (docs/extraction.md), never on the held-out part.
"""

from __future__ import annotations

import re

from bot.extraction import role_phrases
from bot.extraction.lexicon import incident_words, strand_cues

_REL = (r"(?:son|daughter|brother|sister|mum|mother|mom|dad|father|wife|husband|partner|boyfriend|"
        r"girlfriend|friend|mate|client|child|kid|kids|children|grandson|granddaughter|grandmother|"
        r"grandma|nan|nana|gran|grandad|grandfather|uncle|aunt|auntie|cousin|nephew|niece|flatmate|"
        r"housemate|colleague|pupil|student|tenant|resident|service user|pupils|students|"
        r"stepson|stepdaughter|family|boy|girl|baby|sons|daughters|brothers|sisters|parents|"
        r"carer|patient|customer|employee|member of staff|learner|young person|brother-in-law|"
        r"sister-in-law|son-in-law|daughter-in-law|mother-in-law|father-in-law|in-laws|grandchild|"
        r"grandchildren|granddad|grandpa|stepdad|stepmum|fiance|fiancee|godson|goddaughter|boys|"
        r"girls|twins|year old|yr old|year-old)")
_THIRD_STRONG = re.compile(
    r"\b(on behalf of|reporting (this |it )?for|report(ing)? (this |it )?on behalf|"
    rf"i'?m (his|her|their) ({_REL}|carer|support worker|key worker|social worker|teacher|"
    r"care worker|keyworker|personal assistant|pa|advocate|youth worker|manager|landlord|guardian)|"
    r"i am (his|her|their) (carer|support worker|key worker|social worker|teacher|care worker|"
    r"keyworker|advocate|youth worker|guardian)|"
    r"(calling|writing|messaging|texting|contacting you|emailing|here) (for|about|on behalf of) my|"
    r"(i|we) (care|look) (for|after) (him|her|them|my)|as (his|her|their) (carer|teacher|mum|dad|"
    r"parent|"
    r"support worker|key worker|social worker|advocate)|"
    r"one of (my|our) (pupils|students|clients|patients|residents|tenants|service users|children|"
    r"kids|members|congregation|customers|employees|volunteers|young people|learners|staff|"
    r"regulars|parishioners|worshippers|players|tenants|neighbours|"
    r"gps|doctors|nurses|teachers|colleagues|workers|drivers)|"
    r"(asked|wants?|wanted|begged) me to (report|tell|contact|get in touch|(?=\W*$))|"
    r"(asked|wants?|wanted|begged) me to\s*[.!]|"
    r"(happened|was done|been done) to (my|our) (\w+ ){0,2}" + _REL + r"|"
    r"(report(ing)?|tell(ing)?|do(ing)?) (it|this|you) for (him|her|them)|"
    r"(man|woman|lady|gentleman|boy|girl|person|client|resident|tenant|people|child|children|"
    r"family|patient|pupil|student|lad) (who |that |whom )?(i|we) (care for|look after|support|"
    r"work with|mentor|teach|help)\b|"
    r"(won'?t|doesn'?t|does not|will not|didn'?t|don'?t) want to (report|tell|talk to|speak to|"
    r"go to|contact) (it|anyone|the police|you|the council|them|anybody)|"
    r"(won'?t|doesn'?t|does not|will not|didn'?t|don'?t) want to (report|tell)|"
    r"(so|and) (i'?m|i am) (reporting|telling you|doing it))\b"
)
_THIRD_REL = re.compile(
    rf"\b(?<!neighbour's )(?<!neighbours )(my|"
    rf"our) (?!neighbou?r'?s? )(?!family\b)(\w+ ){{0,2}}{_REL}(?:'s)?( \w+){{0,3}} "
    rf"(was|were|is|are (always|constantly|being|getting|still)|has been|have been|had|got|gets|"
    rf"has|"
    rf"keeps|"
    r"keep|came home|told me|said|is being|are being|has had|being|rang|called me)\b|"
    rf"\b(someone|they|he|she|people|a man|a woman|a group|some \w+) (\w+ ){{0,3}}(at|to|on|"
    rf"towards|"
    rf"about|after) my {_REL}\b|\b(shout\w*|yell\w*|scream\w*|swear\w*|swore|spat|spit\w*|"
    rf"threw|throw\w*|laugh\w*|lung\w*|abuse|comments?|names|slurs?) (\w+ ){{0,3}}(at|to|towards|"
    rf"after|about) my (\w+ ){{0,2}}{_REL}\b|"
    rf"\b(photos?|pictures?|videos?|picture|clip) of (my|our) (\w+ ){{0,2}}{_REL}\b|"
    rf"\b(attacked|punched|hit|kicked|call(ed|ing|s)?|abused|threatened|"
    rf"pushed|told|surrounded|robbed|grabbed|messag(ed|ing)|text(ed|ing)|dm(ed|ing)|filmed|"
    rf"photographed|teas(ed|ing)|laugh(ed|ing) at|picking on|picked on|bullying|touch(ed|ing)|"
    rf"follow(ed|ing)|bullied|harassed|targeted|spat at|insulted|mocked|chased) (my|"
    rf"our) (\w+ ){{0,2}}({_REL}|"
    rf"\d+ ?"
    r"(year|yr)s? old)\b"
)
_WITNESS = re.compile(
    r"\b(i|we) (saw|watched|witnessed|noticed|could see|was watching|were watching|heard (a|some|"
    r"two|"
    r"the|this|these|them|him|her|someone|people)|spotted)\b|\bwitness\w*\b|\b(i|we) (was|were) "
    r"(a )?(passer|bystander)|\b(i|we)\b[^.!?]{0,80}?\b(and|then|,) (saw|watched|could see|"
    r"witnessed|noticed|spotted)\b|(^|[.!?]\s*)(saw|watched|witnessed|just saw|just watched|"
    r"noticed|spotted)\b|"
    r"\b(saw|watched) (all|the whole thing|everything|it all|it happen)\b|"
    r"\bi was (standing |sitting |right )?(right )?(there|next to (them|her|him)|nearby|behind "
    r"(them|her|him))\b|\bi was on the (next|other) (till|desk|table|seat)\b"
)
_ME = re.compile(
    r"\b(me|myself|us|we|our)\b|(?<!\bin )(?<!\binside )(?<!\bfrom )"
    r"\bmy (car|house|flat|home|door|front door|window|windows|hijab|"
    r"headscarf|turban|face|head|arm|wife and i|husband and i|shop|bag|phone|wall|fence|garden|"
    r"kippah|wheelchair|guide dog|hair|body|family|post|posts|photo|photos|account|page|video|"
    r"car's|property|business|stall|restaurant|van|bike|letterbox|mobility scooter|scooter|"
    r"walking stick|crutches|chair|mezuzah|doorbell|garage|windscreen|tyres)\b|\bi (was|got|am|'m|"
    r"have been|"
    r"had|keep|get) (called|attacked|punched|hit|pushed|spat|abused|threatened|followed|"
    r"harassed|targeted|assaulted|kicked|told|shouted|insulted|bullied|mocked|chased|being)\b"
)
_FIRST = re.compile(r"\b(i|i'm|i've|me|my|we|us|our)\b")
# "the lady next to me got spat on": "me" only says where the writer was, not who was targeted.
# Only when the one beside the writer is the one harmed: "a woman behind me said..." is the one
# who did it, and the writer may still be the target.
_BESIDE_ME = re.compile(r"\b(next to|beside|in front of|behind|near|opposite|across from|"
                        r"ahead of|sat by|sitting by|standing by) (me|us)\b")
_BESIDE_TARGET = re.compile(
    r"\b(lady|woman|man|boy|girl|kid|lad|guy|bloke|person|family|couple|student|child|passenger|"
    r"customer|gentleman|someone)\s+(\w+\s+)?(next to|beside|in front of|behind|near|opposite|"
    r"across from|ahead of) (me|us)\b[^.!?]{0,60}?\b(got|was|were|is|being|been)\s+(\w+\s+)?"
    r"(spat|called|punched|hit|pushed|refused|abused|attacked|kicked|told|shouted|threatened|"
    r"slapped|mocked|harassed|grabbed|shoved|insulted)")

_HAS_REL = re.compile(rf"\bmy (\w+ ){{0,2}}{_REL}\b|\bmy \d+ ?(year|yr)s? old\b")
_THEM_OBJ = re.compile(r"\b(at|to|on|towards|call(ed|ing|s)?|told|pushed|hit|punched|attacked|"
                       r"grabbed|followed|mocked|filmed|spat at|abused|threatened) (him|her|"
                       r"them)\b|"
                       r"\b(him|her) (a|an)\b|\b(his|her) (hijab|turban|kippah|kufi|niqab|"
                       r"wheelchair|"
                       r"chair|guide dog|face|head|arm)\b")
# The reporter was targeted too ("me and my partner were attacked"): not a third-party report.
_US = re.compile(r"\b(me and my|my \w+ and (i|me)|we were|both of us|all of us|(?<!next to )"
                 r"(?<!close to )(?<!front of )(?<!behind )(?<!beside )us|"
                 r"(at|on|called|calling|attacked|hit|pushed|followed|threatened|abused|targeted|"
                 r"surrounded|chased|copied|mocked|spat at) us|we (both |all )?(got|get|were|are) "
                 r"(\w+ )?(called|attacked|abused|targeted|threatened|followed|chased|spat|hit)|"
                 r"(?<!phone )(?<!next )(?<!close )(at|to|on|called) me|"
                 r"(called|calling|call) me a)\b")
_PRESENT_SCENE = re.compile(r"\bthere'?s (a|an|some|two|three) (\w+ )?(man|woman|men|women|group|"
                            r"gang|lads|"
                            r"boys|people|guy|bloke)\b")


_ME_TARGET = re.compile(r"\b((?<!next )(?<!close )at|(?<!next )(?<!close )to|on|towards|after|"
                        r"follow\w*|hit|punch\w*|push\w*|call\w*|"
                        r"told(?= (me|us) (to|i|i'm|i was|we|that i|that we)\b| (me|us) ?[\"'])|"
                        r"surround\w*|mock\w*|threaten\w*|abus\w*|attack\w*|kick\w*|"
                        r"spat at|grabb?\w*|copied|mimick\w*|imitat\w*|film\w*|photograph\w*|"
                        r"stared at|glared at|spat on|laugh\w* at|touch\w*|grop\w*) "
                        r"(?<!phone to )(me|us)\b|\bthe way i\b|"
                        r"\b(i'?m|i am) (?!not |no longer )(\w+ )?(gay|lesbian|bisexual|bi|trans|"
                        r"transgender|"
                        r"non-binary|muslim|jewish|a jew|sikh|hindu|black|asian|mixed race|"
                        r"disabled|deaf|blind|autistic|a wheelchair user|polish|romanian|roma|"
                        r"goth|emo)\b|"
                        r"\b(picture|photo|photos|pictures|video|videos|posts?) (of|about) "
                        r"(me|us)\b|"
                        r"(?<!\bin )(?<!\binside )(?<!\bfrom )"
                        r"\bmy (car|house|flat|door|hijab|front door|van|windows?|shop|mobility "
                        r"scooter|wheelchair|photo|picture|post|posts|video|makeup|make-up|"
                        r"clothes|outfit|hair|accent|skin|religion|sexuality|lipstick|country|"
                        r"people|nationality|culture|language|community|faith)\b|"
                        r"\bour (front |back )?(car|house|flat|door|windows?|shop|home|fence|"
                        r"garden|gate|van|letterbox)\b|\b(locked|barricaded|shut) myself in\b|"
                        r"\b(i'?m|i am) (hiding|scared for my life)\b|"
                        r"\b(i|we) (was|were|got|get|am|are|'m|'re|have been|'ve been) (called|"
                        r"attacked|punched|hit|pushed|spat|abused|threatened|followed|harassed|"
                        r"kicked|told|insulted|bullied|mocked|chased|assaulted|refused|thrown)\b")



# Someone else (not the reporter, not their relative) on the receiving end, the reporter present.
_OTHER_PERSON = (r"(a|an|the|two|three|\d+|some|one|this|that|another|older|old|young|elderly) "
                 r"(\w+ ){0,3}(man|woman|men|women|lady|ladies|girl|girls|boy|boys|lad|lads|family|"
                 r"builders|workers?|crowd|"
                 r"couple|guy|person|people|kid|kids|child|children|student|mum|dad|worshippers?|"
                 r"passenger|passengers|driver|teenager|teenagers|gentleman|fella|bloke|"
                 r"receptionist|cashier|shopkeeper|preacher|nurse|doctor|officer|cleaner|waiter|"
                 r"waitress|barista|assistant|staff|security guard|pupil|pupils|students|tenant|"
                 r"resident|customer|neighbour|carer|volunteer|imam|rabbi|priest|vicar|owner|"
                 r"manager|stallholder|trader|shop owner|boss)(?!\w)")
_SCENE_VICTIM = re.compile(
    rf"\b(at|towards|said to|shouted to|spat on|call(ed|ing)|push(ed|ing)|attack(ed|ing)|"
    rf"punch(ed|ing)|kick(ed|ing)|"
    rf"hit|hitting|abus(ed|ing)|harass(ed|ing)|threaten(ed|ing)|follow(ed|ing)|spat at|"
    rf"screaming at|shouting at|yelling at|ranting at|grabb?(ed|ing)|mock(ed|ing)|tell(ing)?|"
    rf"told|touch(ed|ing)|grop(ed|ing)|film(ed|ing)|laugh(ed|ing) at|surround(ed|ing)?|"
    rf"drag(ged|ging)|mak(e|ing) fun of|made fun of|tells|"
    rf"(he|she|they)('ll| will| would|'d| is going to|'s going to|'re going to| are going to) "
    rf"(cut|stab|kill|hurt|hit|punch|batter|get|attack|beat)) {_OTHER_PERSON}\b|"
    rf"\b{_OTHER_PERSON} (\w+ ){{0,4}}(was|were|got|being|is being|are being|get|had) (\w+ )?"
    r"(pushed|punched|kicked|hit|attacked|abused|harassed|called|spat|threatened|followed|"
    r"assaulted|beaten|mocked|insulted|chased|shouted at|screamed at|targeted|surrounded|"
    r"knocked|tripped|robbed|refused|thrown|sworn at|shoved|slapped|jostled|dragged|grabbed|"
    r"touched|groped|filmed|snatched|pulled|ripped|torn)\b|"
    rf"\b(at|outside|on|to) the (\w+ )?(wall|door|doors|gates?|windows?|front) of (the|a) "
    r"(\w+ )?(synagogue|mosque|church|gurdwara|temple|mandir|shop|school|centre)\b|"
    r"\b(surround|pull off|pull|rip|ripped|pulled|snatch\w*|grabb?\w*|cut) (\w+ ){0,3}"
    + _OTHER_PERSON
)
# Where the reporter stood or worked while someone else was targeted (a witness, not the target).
_PRESENT_ME = re.compile(r"\b(i was (standing |sitting |waiting |right )?(there|on|at|in|next|"
                         r"behind|nearby|across|opposite|waiting)|i'?m on the other side|"
                         r"i work (at|in|on|for)|i (was|am|'m) (working|on shift|on the till)|"
                         r"i'?m (still )?(across|opposite|over the road|inside|nearby|next door)|"
                         r"i (run|have|keep) (a|the) (stall|shop|cafe|kiosk|stand)|"
                         r"i'?m a (moderator|admin|volunteer|patient|customer|regular|member|"
                         r"student|resident)|i (moderate|admin) (a|the|our)\b)")
# Another person's identity said ("the owner is Kurdish", "who is Chinese"): they were the target.
_OTHER_IDENTITY = re.compile(r"\b(the|a|an) (\w+ )?(owner|manager|shopkeeper|driver|cashier|lady|"
                             r"man|woman|guy|boy|girl|family|couple|worker|stallholder)\b,? "
                             r"(who )?(is|was|are|were) (\w+ )?(kurdish|muslim|jewish|sikh|hindu|"
                             r"black|asian|chinese|polish|romanian|roma|arab|african|indian|"
                             r"pakistani|gay|trans|disabled|deaf|blind|somali|turkish|irish)\b")
_ONLY_ROLE = re.compile(r"\bi'?m (a|an|the) (moderator|admin)\b|\bi (moderate|admin) (a|the|our)\b")
# Relatives: someone reporting for them is a third party even when present.
_FAMILY = re.compile(r"\bmy (\w+ )?(son|daughter|brother|sister|mum|mother|mom|dad|father|wife|"
                     r"husband|partner|boyfriend|girlfriend|child|kid|kids|children|grandson|"
                     r"granddaughter|grandmother|grandma|nan|nana|gran|grandad|grandfather|uncle|"
                     r"aunt|auntie|cousin|nephew|niece|stepson|stepdaughter|baby|sons|daughters|"
                     r"brothers|sisters|parents|twins|\d+ ?(year|yr)s? old)\b")
# Someone the reporter cares for or teaches told them ("a tenant told me", "she came to me").
_TOLD_BY = re.compile(rf"\b(a|an|one of (my|our)|my|our|the|this) ([\w']+ ){{0,3}}({_REL}|girl|boy|"
                      r"tenant|resident) (\w+ ){0,4}(told|tells|rang|phoned|texted|messaged|"
                      r"emailed|came to|showed|reported) (me|us)\b"
                      r"(?! to\b| (that )?(i|i'm|i was|i am|my|we|we're)\b)")
# Reporting from a care, teaching or support setting about those in it.
_CARE = re.compile(r"\b(i|we) (run|manage|teach|volunteer|work|support|care for|look after|"
                   r"help) (at|in|for|with)? ?"
                   r"(a|an|the|our)? ?"
                   r"(\w+ ){0,3}(day cent(re|er)|care|support|school|nursery|college|class|youth|"
                   r"residents|clients|service users|pupils|students|children|young people|adults|"
                   r"group|charity|hostel|refuge|home)\b|\bi teach\b|"
                   r"\bi'?m (a|the) (carer|support worker|key worker|social worker|care worker|"
                   r"keyworker|personal assistant|advocate|youth worker|guardian|housing officer|"
                   r"tenancy officer|safeguarding lead|head ?teacher|(\w+ )?teacher|"
                   r"teaching assistant|school nurse|churchwarden|warden|trustee|chair|"
                   r"caretaker|secretary)\b")
_CARED = re.compile(r"\b(them|him|her|our (group|residents|clients|pupils|students|young people|"
                    r"members|service users)|the (group|residents|clients|pupils|students))\b|"
                    r"\b(i|we) (work with|support|look after|care for|teach|mentor)\b|"
                    r"\bmy (client|clients|service users?|patients?|residents?|pupils?)\b|"
                    r"\bour (church|mosque|synagogue|temple|gurdwara|mandir|centre|school|club|"
                    r"noticeboard|hall)\b")
# Elided "I": "got called a chink at the station", "got an instagram dm".
_ELIDED_ME = re.compile(r"(^|[.!?]\s*)(\w+[.,]? )?(got|been|getting|keep getting) (called|spat|"
                        r"punched|hit|attacked|pushed|followed|threatened|abused|harassed|told|"
                        r"chased|kicked|an? |some |loads of |more )")
# Nobody in the first person, and a place of worship or someone else's door attacked.
_OTHERS_PLACE = re.compile(r"\b(the|a) (\w+ )?(synagogue|mosque|church|gurdwara|temple|mandir|"
                           r"chapel|cathedral|masjid)\b")
_NOT_ME = re.compile(r"\bnothing (really )?(happened|was (done|said)) to me\b|"
                     r"\b(it )?(wasn'?t|was not|not) (aimed|directed|said) at me\b|"
                     r"\bnot (about|against) me\b")


def _evidence(low: str) -> bool:
    return any(strand_cues(low).values()) or bool(incident_words(low))


def reporter_role(low: str) -> str | None:
    """victim | witness | third_party | None when the text does not say."""
    return role_and_reason(low)[0]


def role_and_reason(low: str) -> tuple[str | None, str]:
    """The role and which rule gave it (the reason feeds the confidence, docs/extraction.md)."""
    if _THIRD_STRONG.search(low):
        return "third_party", "third_strong"
    beside = _BESIDE_TARGET.search(low)
    scrubbed = _BESIDE_ME.sub(" ", low) if beside else low
    me = _ME.search(scrubbed)
    me_target = _ME_TARGET.search(low) or role_phrases.ME_BODY.search(low)
    them = _THEM_OBJ.search(low)
    extra = role_phrases.third_party(low, bool(me_target))
    if extra:
        return "third_party", extra
    if _TOLD_BY.search(low) and not _ME_TARGET.search(_TOLD_BY.sub(" ", low)):
        return "third_party", "third_told"
    if _CARE.search(low) and not me_target and (them or _CARED.search(low)):
        return "third_party", "third_care"
    present = _PRESENT_ME.search(low)
    related = _THIRD_REL.search(low) or (_HAS_REL.search(low) and them)
    if related and not _US.search(low) and not (me_target and not them):
        if present and not me_target and not _FAMILY.search(low):
            return "witness", "witness_present"
        return "third_party", "third_related"
    if _NOT_ME.search(low):
        return "witness", "witness_not_me"
    if role_phrases.own_aid(low):
        return "victim", "victim_own_aid"
    if not me_target and _WITNESS.search(low):
        return "witness", "witness_saw"
    if not me_target and (_SCENE_VICTIM.search(low) or role_phrases.SCENE_STAFF.search(low)):
        return "witness", "witness_scene"
    if me_target:
        return "victim", "victim_targeted"
    if me:
        return "victim", "victim_me"
    if _ELIDED_ME.search(low):
        return "victim", "victim_elided"
    if _FIRST.search(scrubbed) and _evidence(low):
        if present and (them or _ONLY_ROLE.search(low) or _OTHER_IDENTITY.search(low)
                        or _OTHERS_PLACE.search(low)):
            return "witness", "witness_present"
        return "victim", "victim_first_person"
    if _PRESENT_SCENE.search(low):
        return "witness", "witness_present_scene"
    if not _FIRST.search(low) and _evidence(low) and (_SCENE_VICTIM.search(low)
                                                      or _OTHERS_PLACE.search(low)):
        return "witness", "witness_no_first_person"
    if beside and _evidence(low):  # beside the one it happened to, and no more
        return "witness", "witness_beside"
    return None, "none"
