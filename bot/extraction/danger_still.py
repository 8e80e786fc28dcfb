"""Danger now, round 13: an incident still going on, said by what is happening rather than by a
tense the older rules read.

Read off ``tuning_13d`` (60 live dangers told every way, 40 look-alikes), written for kinds of
phrasing, not their text:

- **Still there**: "he's still stood by my car", "they're STILL sat on his garden wall", "I am
  still inside", "he is there now", "he's stood over her seat": a presence said in the present.
- **Being done to someone now**: "a man is being kicked", "she's being circled", "six men jumping
  one lad", "they've got him pinned", "homophobes smashing my windows" (a headline).
- **Come after the resident**: "they've pulled in behind us", "been behind us since Goldhawk
  Road", "he's got on the same carriage", "he's moved his car next to mine", "has just rolled
  up", "circling round us".
- **Trapped, missing, in the home now**: "doors won't open", "stuck in the Co-op", "the neighbour
  is in his flat now", "she hasn't come home", "can't find her", "my son is missing".
- **Pleas and alarms**: "pls pls someone", "someone do something", "I've pressed the alarm", a
  weapon taken up now ("take a hammer", "got a lighter out").

These only *add* alarms (``danger.rules_danger`` asks this module after its own rules said no),
each limited by the habit and past-day guards of ``danger_live``, whose guards it shares.
"""

from __future__ import annotations

import re

from bot.extraction.danger_live import ABOUT_THE_REPORT, CLAUSE, FEARED, HABIT, PAST_DAY, WHO

_SUBJECT = rf"(?:{WHO}|i|we|you)"
_STILL = re.compile(
    rf"\b{_SUBJECT}\s*(?:'s|'re|'m|\s+is|\s+are|\s+am|\s+r)?\s+still\s+(?:stood|standing|sat|"
    r"sitting|there|here|in there|inside|outside|waiting|hanging (?:about|around|round)|"
    r"following|behind (?:me|us)|watching|staring|parked|hiding|stuck|locked in|trapped)\b|"
    r"(?:'s|'re|\bis|\bare)\s+still\s+(?:stood|standing|sat|sitting|waiting|hanging (?:about|"
    r"around|round)|following|watching|staring|lurking)\b")
_STOOD = re.compile(
    rf"\b{WHO}\s*(?:'s|'re|\s+is|\s+are)\s+(?:now\s+)?(?:stood|sat|lurking|loitering|"
    r"hovering|circling|pacing|parked)\b|"
    rf"\b{WHO}\s*(?:'s|'re|\s+is|\s+are)\s+(?:there|outside|downstairs|upstairs) (?:right )?now\b|"
    rf"\b{WHO}\s*(?:'s|'re|\s+is|\s+are)\s+doing it again\b")
_WAITING = re.compile(
    r"\b(?:he|she|they)(?:\s+is|\s+are|'s|'re)?\s+(?:still\s+)?waiting\s+(?:by|at|outside|"
    r"downstairs|near|round|in|for (?:me|us)\b(?! to))")
_LIVES_THERE = re.compile(r"\b(liv\w*|works?|working|employed|allowed|housed|moved in|in hospital"
                          r"|in prison|on bail)\b")
_BEING_DONE = re.compile(
    r"(?:\b(?:is|are|'s|'re)|\b(?:man|woman|boy|girl|lad|guy|kid|person|someone|somebody|bloke|"
    r"child))\s+(?:being|getting)\s+(?:\w+\s+)?(?:kicked|punched|beaten|beat up|"
    r"attacked|chased|circled|surrounded|hit|dragged|mugged|jumped|battered|stamped on|"
    r"cornered|pushed|shoved|pinned|strangled|choked)\b|"
    r"\b(?:men|lads|boys|guys|blokes|youths|teenagers|kids|people)\s+(?:are\s+|'re\s+)?"
    r"(?:jumping|kicking|beating|attacking|punching|stamping on|battering|chasing)\s+(?:a|an|one|"
    r"the|this|some|my|our|him|her|them)\b(?!\s+(?:\w+\s+)?(?:ball|football|can|bottle|door|wall|"
    r"bins?|cars?|tyres?|fence|gate)\b)|"
    r"\bgot (?:him|her|them|me|us) (?:pinned|cornered|trapped|surrounded)\b|"
    r"\b(?:have|'ve|has|'s) (?:pinned|cornered|trapped|surrounded) (?:him|her|them|me|us)\b|"
    r"\bcircling (?:round |around )?(?:me|us|him|her|them)\b")
_SEEN_BEFORE = re.compile(r"\b(saw|seen|watched|witnessed|was|were|had)\b")
_HEADLINE = re.compile(
    r"^\W*(?:\w+\W+){0,3}?(?:smashing|kicking|banging on|breaking|hammering on|throwing \w+ at)"
    r"\s+(?:my|our|the)\b")
_AFTER_US = re.compile(
    r"\b(?:have|'ve|has|'s)\s+(?:pulled|parked|stopped)\s+(?:in\s+|up\s+)?behind\s+(?:me|us)\b|"
    r"\b(?:have|'ve|has|'s)\s+(?:followed|chased)\s+(?:me|us)\s+(?:all the way|here|into|down|"
    r"along|from)\b|"
    r"\b(?:has|have|'s|'ve)\s+(?:got on|got off at|moved (?:to|next to)) (?:the same|my|our)\b|"
    r"\b(?:has|'s|have|'ve) moved (?:seats?|his car|her car|their car|his van|their van|closer)\b|"
    r"\bcome out after (?:me|us)\b|"
    r"\b(?:have|has|'ve|'s)\s+been\s+(?:sat|sitting|stood|standing|waiting|hanging "
    r"(?:about|around|round))\s+(?:on|outside|by|at|near|in|round|around|behind|opposite|across)\b")
_JUST_ARRIVED = re.compile(
    r"\bbeen (?:right )?behind (?:me|us) since\b(?! (?:january|february|march|april|may|june|july|"
    r"august|september|october|november|december|last|the summer|christmas|easter))|"
    r"\b(?:has|have|'s|'ve)\s+just\s+(?:rolled up|turned up|shown up|pulled up|parked|got on|"
    r"walked in|come in|come round|followed)\b")
_TRAPPED = re.compile(
    r"\b(?:door|doors|lift)\s+(?:won'?t|wont|will not|doesn'?t|don'?t|can'?t|cant)\s+open\b|"
    r"\b(?:is|are|'s|'re|am|'m)\s+(?:stuck|trapped)\s+(?:in|inside)\b(?! (?:traffic|a loop|limbo|"
    r"the system|temporary|emergency|(?:a|the) hostel|accommodation|(?:a|the|this) b&b|a job|a rut|"
    r"the middle|a relationship|(?:a|this|my) marriage|poverty|debt|"
    r"(?:a|this|my|the) (?:flat|house|room|home)\b(?! (?:now|right now))))|"
    r"\b(?:is|are|'s|'re)\s+in\s+(?:his|her|my|our|their|the)\s+(?:flat|house|room|home|shop|"
    r"hallway|kitchen)\s+(?:right\s+)?now\b|"
    r"(?:\b(?:he|she|they|son|daughter|child|kid|boy|girl)\s+(?:hasn'?t|has not|haven'?t|have not|"
    r"not)|(?:^|,)\s*not)\s+(?:come|got|arrived|turned up)\s+(?:home|back|here|to school)\b"
    r"(?!\s+to\b)|"
    r"\b(?:can'?t|cannot|can not)\s+find\s+(?:her|him|them|my (?:son|daughter|child|kid|boy|"
    r"girl|mum|dad))\b|"
    r"\b(?:my|our|her|his) (?:\w+ )?(?:son|daughter|child|kid|boy|girl|brother|sister|mum|dad|"
    r"husband|wife) (?:is|'s) missing\b")
_PLEA = re.compile(
    r"\b(?:please|pls|plz)(?:[\s,]+(?:please|pls|plz))*[\s,]+(?:someone|somebody|anyone)\b"
    r"(?!\s+(?:call|contact|ring|get back|email|let me know|tell|read|look|explain|advise))|"
    r"\b(?:someone|somebody|anyone)[\s,]+(?:please\s+)?(?:do something|help (?:me|us|him|her|"
    r"them)\b(?!\s+(?:with|understand|fill|find|to)))|"
    r"\b(?:'ve|have|has|'s|just)\s+(?:pressed|hit|pushed|set off)\s+the\s+(?:panic\s+)?(?:alarm|"
    r"button)\b")
_TAKEN_UP = re.compile(
    r"\b(?:take|takes|picks? up|'s got|has got|have got|'ve got)\s+(?:a|an|his|her|their)\s+"
    r"(?:knife|blade|hammer|machete|bat|bottle|brick|lighter|crowbar|axe|iron bar|chain)\s+"
    r"(?:out\b|and\b)|\b(?:take|takes|picks? up)\s+(?:a|an|his|her)\s+(?:knife|blade|hammer|"
    r"machete|bat|bottle|brick|crowbar|axe)\b")
# "for about a month", "for a couple of weeks": how long it has gone on, so not the moment.
_FOR_A_WHILE = re.compile(r"\bfor (?:about |nearly |over |almost |the (?:last|past) )?(?:a|an|\d+|"
                          r"two|three|four|several|a few|a couple of) (?:days?|weeks?|months?|"
                          r"years?)\b")
_KEEPS = re.compile(r"\bkeeps?\b|\bkeep on\b")


def _guarded(clause: str) -> bool:
    """A habit or a past day named in the clause, which makes a presence or an act history (or a
    fear: "I keep imagining they're waiting outside", read since round 14's contraction mend)."""
    return bool(HABIT.search(clause) or PAST_DAY.search(clause) or _FOR_A_WHILE.search(clause)
                or FEARED.search(clause))


def _clause_still(clause: str) -> bool:
    if _JUST_ARRIVED.search(clause) or (_PLEA.search(clause)
                                        and not ABOUT_THE_REPORT.search(clause)):
        return True
    if _guarded(clause):
        return False
    if (_STILL.search(clause) or _STOOD.search(clause) or _WAITING.search(clause)) \
            and not _LIVES_THERE.search(clause):
        return True
    if _BEING_DONE.search(clause) and not _SEEN_BEFORE.search(clause):
        return True
    return bool(_AFTER_US.search(clause) or _TRAPPED.search(clause) or _TAKEN_UP.search(clause))


def still_going_on(lowered: str) -> bool:
    """True when the (lower-cased, normalised) message shows an incident still going on now."""
    clauses = [c for c in CLAUSE.split(lowered) if c and c.strip()]
    if clauses and _HEADLINE.search(clauses[0]) and not _guarded(clauses[0]) \
            and not _KEEPS.search(clauses[0]):
        return True
    return any(_clause_still(c) for c in clauses)
