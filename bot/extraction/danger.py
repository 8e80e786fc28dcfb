"""Danger *now*: the words that must interrupt any conversation with the emergency number.

Runs on every message, so the rules are plain regular expressions (microseconds); where they
say no, a bag-of-words classifier (well under a millisecond) may add an alarm. The rules must
catch every present danger ("he's outside my door", "they've got a knife", "theyre tryin 2 get
in") yet not fire on a past event told in the account ("last week he threatened to kill me"):
an interruption in the middle of a calm report is a real cost, a missed danger is worse. So a
clause that speaks of the past counts only if it also says "now"; a presence said as a fear
("I keep thinking someone's outside") and then denied ("nobody is") does not count, nor does
"I'm not in danger". A message that is only an emergency call (the number, "SOS!!", "help me") is
danger; those messages and any phrase holding a phone number are in ``bot/config/danger.yml``.
Where these rules say no, ``danger_live`` (round 7), ``danger_still`` (round 13) and
``danger_going`` (round 14) may still read an incident going on from its signs.
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

import yaml

from bot.extraction import danger_acts as acts
from bot.extraction.danger_going import going_on_now
from bot.extraction.danger_live import live_danger
from bot.extraction.danger_still import still_going_on
from bot.extraction.normalize import normalize

LISTS_FILE = Path(__file__).resolve().parents[1] / "config" / "danger.yml"

_SUBJ = (r"(he|she|they|someone|somebody|some ?one|people|a man|a woman|men|a group|the group|"
         r"a gang|the gang|my neighbou?rs?|the neighbou?rs?|my ex|his mates|their mates|those lads|"
         r"the lads|them|guys?|he and|lads)")
_BE = r"(?:'s|'re|\s+is|\s+are|\s+r|\s+am|\s+still|\s+now)"

# Always danger, whatever the tense around them.
_URGENT = re.compile(
    r"\b(help me now|help me please|please help me|help\s*!|help\s+help|"
    r"at the moment he|i'?m (not safe|hiding|scared for my life)|"
    r"(am|is|are|'s|'re|'m) (\w+ )?in danger(?! (if|when|once|unless|of))|i am (not safe|hiding)|"
    r"(i'?m|i am|we'?re|we are|i'?ve|we'?ve) (\w+ )?(locked|barricaded|shut) (myself|ourselves|"
    r"us|the door|in)|(we'?re|we are|i'?m|i am) (still )?hiding|"
    r"(he|she|they|someone|somebody|people|them)('s|'re| is| are) coming( back| up| in| round|"
    r" over| here| for (me|us)| after (me|us)| to get (me|us)|\b)(?! (to|from) (the|a|my|our) "
    r"(meeting|party|school|event))|(can|could) (still )?hear (him|her|them|someone|somebody|"
    r"people|men|voices) (at|outside|on|in|through|banging|kicking|trying|shouting|on the "
    r"stairs|breaking|smashing|coming|downstairs|upstairs)|"
    r"(trying|tryna) to (kick|break|smash|bash|force|knock|batter|burn) (in |down )?(the|my|our) "
    r"(front |back )?(door|window|gate)s?|"
    r"(has|have|'s|'ve) just (attacked|hit|punched|stabbed|poured|set fire|smashed|thrown|"
    r"broken|kicked|threatened|pulled|grabbed|spat|come back)|"
    r"(i'?m|i am) (going to|about to) (be|get) (hurt|killed|attacked|beaten|stabbed|jumped)|"
    r"(is|are|'s|'re) (going to|about to) (kill|hurt|stab|attack|beat|get) (me|us|my)|"
    r"(he|she|they)('ll| will) kill (me|us) (if|when|tonight|today)|"
    r"(trying|tryna) to (get|break|force (his|her|their) way) in|"
    r"(is|are|'s|'re) (breaking|kicking|smashing|banging|hammering) (in|down|on)|"
    r"(kicking|banging|hammering|pounding) on (my|the|our) (door|window)s? (now|right now)|"
    r"(he|she|they)('s|'re| is| are)? ?(here|back) (now|again)|"

    r"(come|coming|be) back (tonight|later|today|soon) (and|to) (kill|hurt|stab|get|attack|burn|"
    r"beat)|"
    r"(kill|hurt|stab|attack|burn|get) (me|us) (tonight|today|later today)|"
    r"come quick\w*|"
    r"please (come|hurry)|won'?t let (me|us|him|her|them) (leave|go|out|past)|"
    r"(are|is|'re|'s) (surrounding|cornering) (me|us|him|her|them|my)|there'?s a fight)\b",
)

# Calls for help: danger when said as a call, not asked about or advised (danger_acts.a_call).
_CALL = re.compile(r"\b(call (the )?police|send (someone|somebody|help|the police|police|"
                   r"an ambulance|officers))\b")
# Followed or chased now (not online: "he's following me on instagram").
_FOLLOWED = re.compile(r"\b(is|are|'s|'re|r) (still )?(following|chasing|coming (for|after)) "
                       r"(me|us)\b")
# Somewhere near the resident now, said of anyone but their own family ("my son is downstairs").
_WHERE = re.compile(r"\b(is|are|'s|'re) (here|back|downstairs|upstairs|in (my|the|our) (house|flat|"
                    r"garden|building|hallway|stairwell))\b(?! last)")
_FAMILY = re.compile(r"\b(my|our|her|his) (\w+ )?(sons?|daughters?|kids?|children|child|husband|"
                     r"wife|partner|mum|mother|dad|father|brothers?|sisters?|family|baby|friends?|"
                     r"flatmates?|nan|grandma|grandad|carer|cat|dog)\s*$")
# "right now", "this is happening": danger unless the clause reassures ("I'm safe right now").
_WEAK_NOW = re.compile(r"\b(right now|happening (now|right now)(?! for)|still happening now|"
                       r"this is happening)\b")

# Someone is at the door / outside: danger if not told as past.
_PRESENCE = re.compile(
    rf"\b{_SUBJ}{_BE}\s+(?:still\s+|now\s+|standing\s+|waiting\s+|hanging about\s+|"
    rf"hanging around\s+)?"
    r"(outside|at (my|the|our) (door|window|gate|flat|house)|in (my|our|the) (garden|building|"
    r"hallway|house|flat|stairwell)|"
    r""
    r"downstairs|upstairs|waiting(?! for (me|us|him|her|them) to)|standing|here)",
)
_OUTSIDE_NOW = re.compile(
    r"\b(outside|at) (my|our|the) (door|front door|window|flat|house|home|room|"
    r"gate)\b.{0,20}\b(now|right now)\b|"
    r""
    r"\b(now|right now)\b.{0,20}\b(outside|at) (my|our|the) (door|front door|window|flat|house|"
    r"home|room|gate)\b"
)
# Weapons in the present.
_WEAPON = re.compile(
    r"\b(has|have|'s got|'ve got|got|holding|waving|with|carrying|pulled out|pulling out|"
    r"brandishing)\s+"
    r"(a |an |his |her |their |some )?(big |broken |huge |kitchen |long |metal |massive )?"
    r"(knife|knives|gun|machete|blade|weapon|bat|baseball bat|stick|pole|"
    r"hammer|"
    r"axe|crowbar|bottle|screwdriver|acid)\b(?! (collection|set|block|drawer|rack|sharpener))",
)
# An attack going on as the message is typed ("a man is hitting an old man"), or someone on the
# resident's heels ("2 guys following me down fulham palace rd"), or fire set now.
_ATTACK = re.compile(
    r"\b(is|are|'s|'re) (hitting|punching|kicking|beating|attacking|stabbing|strangling|"
    r"choking|dragging|fighting)\b(?! (a |the )?(ball|football))|"
    r"\b(is|are|'s|'re) being (dragged|attacked|beaten|hit|punched|"
    r"kicked|stabbed)\b|^\W*(\w+ ){0,3}(following|chasing) (me|us)\b|"
    r"\b(followed|following) (me|us) (home|here|back|to my (house|flat|door|building))\b.{0,40}"
    r"\b(now|is|are|'s|'re)\b|\b(petrol|lighter fluid|fire) (through|in|into|on) (my|our|the) "
    r"(letterbox|door|flat|house|hallway)\b")
_HABIT = re.compile(r"\b(every|always|keeps?|often|most (days|nights)|at school|all the time|"
                    r"for (days|weeks|months|years|ages)|since)\b")
_PAST = re.compile(
    r"\b(yesterday|last (week|month|night|year|time|monday|tuesday|wednesday|thursday|friday|"
    r"saturday|"
    r"sunday|summer|winter|spring|autumn)|ago|was|were|had|used to|back in|in (january|february|"
    r"march|"
    r"april|may|june|july|august|september|october|november|december)|on (monday|tuesday|wednesday|"
    r"thursday|friday|saturday|sunday)|the other (day|night)|once|previously|before|"
    r"earlier this year|"
    r""
    r"said|told|threatened|pulled)\b"
)
_NOW = re.compile(r"\b(now|right now|still|currently|at the moment|again today|tonight|today|"
                  r"as we speak|"
                  r"as i type|as i write|this minute|help)\b")
_CLAUSE = re.compile(r"[.!?;\n]+|\bbut\b|\band then\b")
# Sheltering said without "I've" / "I'm": danger unless told as the past.
_SHELTER = re.compile(r"\b(locked|barricaded|shut) (myself|ourselves|us|the kids|my kids) in\b|"
                      r"\b(has|have|'s|'ve) (locked|barricaded|shut) (herself|himself|themselves) "
                      r"in\b|"
                      r"\bhiding (in|from|under|behind)\b")
_AFTERWARDS = re.compile(r"\b(afterwards|for (hours|days|weeks|months) (after|afterwards)?|"
                         r"after (it|that|that day|what happened))\b")
# "I'm not in danger", "no longer hiding": said to reassure, not an alarm.
_NEGATED = re.compile(r"\b(not|no longer|never|n'?t|nobody'?s|no one'?s) (\w+ )?(in (any )?danger|"
                      r"hiding|being followed|here|outside|coming)\b")
# A presence said as a fear, then denied: "I keep thinking someone's outside. Nobody is".
_FEAR = re.compile(r"\b(keep|kept|always) (thinking|imagining|hearing|feeling)|\bi imagine\b|"
                   r"\bparanoid\b|\bnightmares?\b|\b(i|we) dream\b")
_DENIED = re.compile(r"^\W*(no one|nobody|there'?s no one|there'?s nobody|there was no one|"
                     r"no one was|nobody was|nothing)( is| was|'s)?( there| outside)?\b")
_ENDS = re.compile(r"^[\s\W_]+|[\s\W_]+$")


@lru_cache(maxsize=1)
def _lists() -> tuple[frozenset[str], re.Pattern[str] | None]:
    """(whole emergency messages, always-danger phrases) from bot/config/danger.yml."""
    try:
        data = yaml.safe_load(LISTS_FILE.read_text(encoding="utf-8")) or {}
    except (OSError, yaml.YAMLError):
        return frozenset(), None
    only = frozenset(_bare(str(m)) for m in data.get("emergency_only") or [])
    always = [str(p) for p in data.get("always") or []]
    return only, (re.compile(r"\b(?:" + "|".join(always) + r")\b") if always else None)


def _bare(message: str) -> str:
    """Lower case, single spaces, no punctuation at either end ("SOS!!" -> "sos")."""
    return _ENDS.sub("", re.sub(r"\s+", " ", message.lower()))


def emergency_only(text: str) -> bool:
    """True for a message that is only an emergency call (the number, "sos", "help me please")."""
    only, _ = _lists()
    bare = _bare(text)
    return bare in only or re.sub(r"[!?.,]+", "", bare) in only


def _called(clause: str) -> bool:
    """A call for help (the YAML's phrases, "call the police", "send someone") said as one."""
    always = _lists()[1]
    for pattern in (_CALL, always):
        for match in pattern.finditer(clause) if pattern else ():
            if acts.a_call(clause, match):
                return True
    return False


def _clause_danger(clause: str) -> bool:
    reassured = bool(acts.REASSURED.search(clause))
    clause = _NEGATED.sub(" ", clause)
    if _URGENT.search(clause) or _OUTSIDE_NOW.search(clause) or _called(clause):
        return True
    if _FOLLOWED.search(clause) and not acts.ONLINE.search(clause):
        return True
    if any(not _FAMILY.search(clause[:m.start()]) for m in _WHERE.finditer(clause)):
        return True
    if not reassured and (_WEAK_NOW.search(clause) or acts.TERRIFIED.search(clause)):
        return True
    if _ATTACK.search(clause) and not _HABIT.search(clause):
        return not _PAST.search(clause) or bool(_NOW.search(clause))
    if _PRESENCE.search(clause) or _WEAPON.search(clause) or _SHELTER.search(clause):
        if _AFTERWARDS.search(clause):
            return False
        if _HABIT.search(clause) and not acts.AGAIN_NOW.search(clause):
            return False
        return not _PAST.search(clause) or bool(_NOW.search(clause))
    if acts.kept_now(clause) and not _AFTERWARDS.search(clause):
        return not _PAST.search(clause) or bool(acts.AGAIN_NOW.search(clause))
    if acts.act_now(clause) and not _AFTERWARDS.search(clause):
        if _PAST.search(clause) or _HABIT.search(clause) or acts.SEEN.search(clause):
            return bool(acts.AGAIN_NOW.search(clause))
        return True
    return False


def detect_danger(text: str | None) -> bool:
    """True when the message says someone is in danger now (never raises, any input): the
    rules first; when they say no, the trained classifier may still raise it (learned/alarm.py)."""
    if not text or not isinstance(text, str):
        return False
    norm = normalize(text)  # once: the rules and the classifier read the same text
    if rules_danger(norm, normalized=True):
        return True
    from bot.extraction.learned.alarm import model_alarm

    try:
        return model_alarm(norm)
    except Exception:  # noqa: BLE001 - a broken model must never hide the rules' answer
        return False


def rules_danger(text: str, normalized: bool = False) -> bool:
    """The rules' answer alone (extraction combines it with the scores it already has);
    ``normalized``: the caller has already normalised the text."""
    lowered = (text if normalized else normalize(text)).lower()
    if emergency_only(lowered):
        return True
    clauses = [c for c in _CLAUSE.split(lowered) if c and c.strip()]
    for n, clause in enumerate(clauses):
        if not _clause_danger(clause):
            continue
        denied = n + 1 < len(clauses) and _DENIED.search(clauses[n + 1])
        if _FEAR.search(clause) and denied:
            continue
        return True
    return live_danger(lowered) or still_going_on(lowered) or going_on_now(lowered)
