"""Danger now, round 14: harm going on told in the middle of a sentence that began in the past,
and signs of the moment the older rules did not know.

Read off ``tuning_14d`` (60 live dangers, 40 look-alikes), written for kinds of phrasing, not
their text:

- **Doing it now, whoever does it**: "a dad at the school gate is shouting at my wife", "they
  pulled his turban off and they're kicking him", "he's grabbing tins and throwing them at him":
  an act on a person in the present, in a clause that may also tell what came before.
- **Still at it**: "still going", "still throwing", "still behind me on the high road", and
  "being followed by a car" with no "I am" (a text typed on the move).
- **What it leaves now**: "he's bleeding and not getting up", "smoke coming under the door",
  "can't get to the stairs".
- **Held, shut in, hemmed in**: "holding him up by the collar", "has locked me in the back
  room", "blocking me", "has sat next to me for three stops", "right on my bumper", "setting
  their dogs on us", "trying the side door", "they've put the window in".
- **Someone there with the means**: "there's a man sitting on the wall opposite", "he has a can
  of petrol with him".
- **Asking someone to go now**: "can someone go round", "someone come to the estate".

Each is told as history when the message names a past day or a habit ("last night", "every
week") and the clause says no "now"; as seen, said or feared ("I saw", "he said", "if they're")
it is not the moment either. These only *add* alarms (``danger.rules_danger`` asks this module
last).
"""

from __future__ import annotations

import re

from bot.extraction import danger_acts as acts
from bot.extraction.danger_live import ABOUT_THE_REPORT, CLAUSE, FEARED, HABIT, PAST_DAY

_PERSON_OBJ = (r"(?:me|us|him|her|them|my \w+|our \w+|his \w+|her \w+|their \w+|the (?:\w+ )?"
               r"(?:man|woman|lad|boy|girl|kid|child|owner|driver|guy|bloke|uncle|auntie|"
               r"lady|gentleman|customer|passenger|family))\b")
_DOGS_ON = r"setting (?:\w+ ){0,2}(?:dogs?|staff(?:y|ie|ies)s?|pit ?bulls?) on"
_HARM_ING = (r"(?:kicking|punching|hitting|beating|battering|stamping on|shoving|pushing|"
             r"grabbing|dragging|choking|strangling|slapping|headbutting|pinning|chasing|"
             r"cornering|surrounding|groping|touching|spitting (?:at|on)|shouting at|"
             r"screaming at|yelling at|swinging at|lunging at|throwing (?:[\w']+ ){0,3}?"
             rf"(?:at|on|over)|holding|{_DOGS_ON})")
# An act in the present: "is shouting at my wife", or after another -ing ("and throwing them at").
_DOING = re.compile(rf"\b(?:is|are|'s|'re|am|'m)\s+(?:still\s+|now\s+|right\s+now\s+)?"
                    rf"{_HARM_ING}\s+{_PERSON_OBJ}")
_AUX_ING = re.compile(r"\b(?:is|are|'s|'re|am|'m)\s+(?:still\s+|now\s+)?\w+ing\b")
_AND_DOING = re.compile(rf"\b(?:and|,)\s+(?:still\s+)?{_HARM_ING}\s+{_PERSON_OBJ}")
_SETTING_DOGS = re.compile(rf"\b{_DOGS_ON} {_PERSON_OBJ}")
_STILL_AT_IT = re.compile(
    r"^\W*(?:and\s+)?(?:still\s+(?:going\b(?! to| on)|at it|kicking|punching|hitting|throwing|"
    r"banging|shouting|screaming|following|chasing|behind (?:me|us)|on (?:the|my|our) (?:bus|"
    r"train|tube|stairs|landing|doorstep))|(?:they'?re|he'?s|she'?s|they are|he is|she is)\s+"
    r"still\s+(?:at it|going|there|here|outside|behind (?:me|us)))")
_BEING_ON_THE_MOVE = re.compile(r"^\W*(?:(?:i'?m|we'?re|i am|we are)\s+)?being\s+(?:followed|"
                                r"chased|tailed|circled)\b")
_LEFT_NOW = re.compile(
    r"\b(?:he|she|they|someone|somebody|the (?:\w+ )?(?:man|woman|lad|boy|girl|kid|uncle|owner)|"
    r"my \w+|his \w+|her \w+|our \w+)\s*(?:'s|'re|\s+is|\s+are)\s+(?:still\s+)?(?:bleeding|"
    r"unconscious|not breathing|not getting up|out cold|lying on the (?:ground|floor|pavement))\b")
# Fire in the home now: history only when its own clause names a past day or a habit.
_FIRE = re.compile(
    r"\bsmoke (?:is\s+|'s\s+)?(?:coming|pouring|getting) (?:in|under|through|into)\b|"
    r"\b(?:something|it)(?:'s| is) (?:burning|on fire)\b|"
    r"\b(?:can'?t|cannot|can not) get (?:to|down|out to) the (?:stairs|stairwell|door|exit)\b")
_HELD = re.compile(
    rf"\bholding {_PERSON_OBJ}\s+(?:up\s+|down\s+)?(?:by the (?:collar|neck|throat|hair|arm|"
    r"scarf|hood)|against|down|on the (?:ground|floor))|"
    rf"\b(?:has|have|'s|'ve)\s+(?:got\s+)?(?:locked|shut)\s+{_PERSON_OBJ}\s+in\b|"
    r"\b(?:is|are|'s|'re)\s+(?:still\s+)?blocking\s+(?:me|us|him|her|them)\b|"
    r"\b(?:has|have|'s|'ve)\s+(?:sat|been sitting|been sat|stood|been stood|been standing)\s+"
    r"(?:right\s+)?(?:next to|beside|behind|opposite|in front of|over)\s+(?:me|us|her|him)\b|"
    r"\b(?:right\s+)?on (?:my|our) (?:bumper|tail)\b|"
    r"\b(?:i|we) moved (?:seats?|carriages?|away) and (?:he|she|they) (?:moved|followed|came)"
    r"(?: too| as well| after)?\b|"
    r"\b(?:i'?m|we'?re|i am|we are) not (?:getting|going to get) (?:past|out|by)\b|"
    r"\b(?:are|is|'re|'s)\s+(?:still\s+)?trying\s+(?:the|my|our|her|his)\s+(?:\w+\s+)?"
    r"(?:door|handle|windows?|gate|lock)s?\b|"
    r"\b(?:have|has|'ve|'s)\s+(?:just\s+)?(?:put|kicked|smashed)\s+(?:the|my|our|her|his)\s+"
    r"(?:\w+\s+)?(?:window|door)s?\s+in\b")
_THERE_WITH = re.compile(
    r"\bthere(?:'s| is| are)\s+(?:a|an|some|two|three|four|\d+|this|that)\s+(?:\w+\s+){0,2}?"
    r"(?:man|men|woman|women|lads?|boys?|guys?|group|gang|people|youths|teenagers|bloke|car|van)"
    r"\s+(?:\w+\s+){0,8}?(?:sitting|sat|standing|stood|waiting|parked|hanging (?:about|around|"
    r"round)|loitering|lurking|watching|blocking)\b|"
    r"\b(?:has|have|'s got|'ve got|got|holding|carrying)\s+(?:a|an|some|his|her|their)\s+"
    r"(?:can of petrol|petrol can|jerry ?can|can of lighter fluid|lighter fluid|petrol)\b")
_GO_NOW = re.compile(
    r"\b(?:can|could|will|would)\s+(?:someone|somebody|anyone|you|the police)\s+(?:please\s+)?"
    r"(?:go|get)\s+(?:round|over|there|to (?:her|him|them|my))\b|"
    r"\b(?:someone|somebody|anyone)\s+(?:please\s+)?come\b(?!\s+(?:and\s+)?(?:talk|see|discuss|"
    r"visit|back))")
# "still" is not one: "they are still living next door and shouting at us every day".
_NOW_WORD = re.compile(r"\b(now|right now|at the moment|as we speak|as i type|this minute)\b")
# Told as seen, said, feared or supposed: not the moment.
_NOT_THE_MOMENT = re.compile(r"\b(i|we) (saw|watched|witnessed|seen|noticed|heard)\b|\b(said|says|"
                             r"told|tells|if|when|whenever|in case|"
                             r"scared|afraid|worried|worry|imagine|dream|was|were|had|used to)\b")
_STORY = re.compile(r"\b(earlier|afterwards|this happened|it happened)\b")
# "since the roundabout" is where it began today; "since the summer" is a habit.
_SINCE_A_PLACE = re.compile(r"\bsince the (?!summer|winter|spring|autumn|start|beginning|new year|"
                            r"day|week|month|year|first|last|incident|attack|election|christmas|"
                            r"easter|ramadan|eid|diwali|lockdown|pandemic|war|world cup|euros|"
                            r"match|game|season|school|term|holidays?|weekend)\w+")


def _history(lowered: str, clause: str) -> bool:
    """The message names a past day or a habit, and this clause does not say "now"."""
    habit = HABIT.search(_SINCE_A_PLACE.sub(" ", lowered))
    told_after = PAST_DAY.search(lowered) or habit or _STORY.search(lowered)
    return bool(told_after) and not _NOW_WORD.search(clause)


def _before(clause: str, match: re.Match[str] | None) -> bool:
    """The act is told as seen, said or supposed: a guard word comes before it in the clause."""
    return match is not None and bool(_NOT_THE_MOMENT.search(clause[:match.start()]))


def _clause_going(lowered: str, clause: str) -> bool:
    if acts.ONLINE.search(clause) or acts.REASSURED.search(clause) or FEARED.search(clause):
        return False
    if _FIRE.search(clause) and not _history(clause, clause):
        return True
    if _history(lowered, clause):
        return False
    go = _GO_NOW.search(clause)
    if go and not ABOUT_THE_REPORT.search(clause):
        return True
    for pattern in (_DOING, _HELD, _THERE_WITH, _LEFT_NOW, _SETTING_DOGS):
        match = pattern.search(clause)
        if match and not _before(clause, match):
            return True
    and_doing = _AND_DOING.search(clause)
    if and_doing and _AUX_ING.search(clause[:and_doing.start()]) and not _before(clause,
                                                                                  and_doing):
        return True
    return bool(_STILL_AT_IT.search(clause) or _BEING_ON_THE_MOVE.search(clause))


def going_on_now(lowered: str) -> bool:
    """True when the (lower-cased, normalised) message shows harm going on as it is written."""
    return any(_clause_going(lowered, c) for c in CLAUSE.split(lowered) if c and c.strip())
