"""Reporter role, round 7: kinds of phrasing ``roles.py`` missed in held_out_6_tuned.

- **The reporter's own body or looks commented on** ("comment on my legs", "kissing noises at
  me"): the reporter was targeted, even when a relative was there too ("walking my daughter").
- **Told by someone in the reporter's class or group**, with more words between than
  ``roles._TOLD_BY`` allows ("a girl in my Year 5 class told me"): a third party.
- **An office-holder about their own institution** ("I'm the church secretary", "I'm the
  mosque's treasurer" + "our church"): a third party reporting for the congregation, unless
  they speak as "we" ("we found it smashed": one of those targeted) or are its clergy (a vicar
  or imam speaks as the congregation, labelled victim in the tuned parts).
- **Cared for, or a relation with a clause between** ("I care for an elderly man ... laugh at
  him", "my pupil, who is deaf, was mocked"): a third party.
- **A target named by their job** ("a customer called the pharmacist a terrorist"), nothing
  aimed at the reporter: a witness (``roles`` asks ``SCENE_STAFF`` beside its own scene list).
- **The reporter's own aid or disability** ("I have a guide dog", "I use a wheelchair", "I'm
  deaf"): the incident is about them, so a loose "..., saw the dog" is not a witness.
"""

from __future__ import annotations

import re

_BODY = (r"(?:legs|body|bum|backside|arse|chest|breasts|boobs|figure|bottom|lips|skirt|dress|"
         r"looks|weight|tits|thighs)")
ME_BODY = re.compile(
    rf"\b(?:on|about|at|grabbed|touched|slapped|pinched|stared at|staring at|looked at|"
    rf"looking at|rated) my {_BODY}\b|"
    r"\b(?:kissing|sucking|smacking) noises\b(?! at (?:her|him|them|my \w+))|"
    r"\bwolf[- ]?whistl\w* at me\b")
_TOLD_WIDE = re.compile(
    r"\b(?:a|an|one of (?:my|our|the)|my|our|the|this) (?:[\w']+ ){0,2}(?:girl|boy|child|kid|"
    r"pupil|student|tenant|resident|lad|member|client|young person|learner)s? (?:in|from|at|of) "
    r"(?:my|our) (?:[\w']+ ){0,3}(?:class|year|form|group|club|team|school|block|hostel|home|"
    r"centre|congregation)\b(?: \w+){0,3}? (?:told|tells|rang|phoned|texted|messaged|emailed|"
    r"came to|showed|reported to) (?:me|us)\b(?! to\b| (?:that )?(?:i|i'm|i was|i am|we)\b)")
_OFFICE = re.compile(
    r"\b(?:i'?m|i am) (?:a|the|their|our) (?:[\w']+ ){0,2}(?:secretary|treasurer|coordinator|"
    r"co-ordinator|administrator|leader|chair|chairman|chairwoman|warden|trustee|caretaker|"
    r"steward|manager|volunteer)\b")
# "we found", "us": the reporter counts themself among those targeted.
_WE = re.compile(r"\b(?:we|us|we'?ve|we'?re)\b")
_OUR_PLACE = re.compile(r"\bour (?:[\w']+ )?(?:church|mosque|synagogue|temple|gurdwara|mandir|"
                        r"chapel|centre|community cent(?:re|er)|hall|club|congregation|parish|"
                        r"noticeboard|food bank)\b")
SELF_AID = re.compile(
    r"\b(?:i|i'?ve) (?:have|use|got|rely on|need|'ve got|have got) (?:a |my |an )?(?:guide dog|"
    r"assistance dog|hearing dog|wheelchair|white cane|cane|stick|hearing aids?|walking stick|"
    r"crutches|mobility scooter|rollator|walker|prosthetic \w+|cochlear implant)\b|"
    r"\b(?:i'?m|i am) (?:a |an )?(?:blind|deaf|partially sighted|visually impaired|hard of "
    r"hearing|wheelchair user|amputee|autistic|disabled)\b|\bas a (?:blind|deaf|disabled|"
    r"wheelchair) (?:person|user|woman|man)\b")
# "I care for an elderly man with dementia ... laugh at him": the one cared for is the target.
_CARE_FOR = re.compile(
    r"\b(?:i|we) (?:care for|look after|support|work with|mentor|teach|help|visit) (?:a|an|the|"
    r"two|some|my|our) (?:[\w']+ ){0,3}(?:man|woman|lady|gentleman|boy|girl|person|child|"
    r"children|young (?:man|woman|people|person)|adults?|residents?|clients?|people|family|"
    r"teenagers?|lad|pupils?|students?)\b")
_HIM_HER = re.compile(r"\b(?:him|her|them|his|their)\b")
# "my pupil, who is deaf, was mocked": a relation with a clause between it and what was done.
_REL_CLAUSE = re.compile(
    r"\bmy (?:son|daughter|brother|sister|mum|mother|dad|father|wife|husband|partner|friend|"
    r"client|pupil|student|tenant|patient|grandson|granddaughter|nan|gran|uncle|aunt|cousin|"
    r"nephew|niece|child|kid)s?,? (?:who|whose|that|aged|age) [^.!?]{0,50}?,? (?:was|were|is being|"
    r"are being|got|gets|has been|have been|keeps getting)\b")
# The target named by a job the reporter does not share ("called the pharmacist a terrorist").
SCENE_STAFF = re.compile(
    r"\b(?:called|calling|shouted at|screamed at|spat at|pushed|punched|hit|attacked|abused|"
    r"threatened|mocked|grabbed|insulted) (?:the|a|an|another|one of the) (?:\w+ )?(?:pharmacist|"
    r"chemist|conductor|porter|cleaner|server|chef|cook|bartender|barman|barmaid|baker|butcher|"
    r"hairdresser|optician|dentist|librarian|lecturer|traffic warden|paramedic|postman|postwoman|"
    r"courier|delivery driver|taxi driver|cabbie|bus driver|ticket inspector|guard)\b")
# An explicit "I saw / watched": a witness even with an aid of their own.
SAW = re.compile(r"\b(?:i|we) (?:saw|watched|witnessed|could see)\b")


def third_party(low: str, me_target: bool) -> str | None:
    """A round-7 third-party reason, or None; never when the reporter was targeted too."""
    if me_target:
        return None
    if _TOLD_WIDE.search(low):
        return "third_told_wide"
    if _OFFICE.search(low) and _OUR_PLACE.search(low) and not _WE.search(low):
        return "third_office"
    if _REL_CLAUSE.search(low):
        return "third_rel_clause"
    if _CARE_FOR.search(low) and _HIM_HER.search(low[_CARE_FOR.search(low).end():]):
        return "third_care_for"
    return None


def own_aid(low: str) -> bool:
    """The reporter speaks of their own aid or disability and says nothing of watching."""
    return bool(SELF_AID.search(low)) and not SAW.search(low)
