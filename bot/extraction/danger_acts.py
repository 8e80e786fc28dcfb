"""Danger now, round 5: someone doing harm as the resident types, and the guards that keep
calm accounts calm (``danger.py`` applies them clause by clause).

Residents rarely say "danger": they say what the person is doing now ("they are throwing stones
at my window", "he's blocking the stairs", "I am being followed", "she is locked in her room").
An act in the present counts unless the clause tells it as the past or a habit without a "now",
or it happens online. Requests about the process ("should I call the police?", "they told me to
ring the police if he comes back") and reassurance ("I'm safe right now") are not alarms.
"""

from __future__ import annotations

import re

# Who may be doing it: pronouns and strangers or neighbours (not relatives, who are more often
# the people harmed), with an optional "who ..." ("the men who attacked me are outside again").
_PERSON = (r"(?:he|she|they|someone|somebody|some ?one|people|men|man|woman|women|boys?|lads?|"
           r"guys?|group|gang|youths?|teenagers|girls?|neighbou?rs?|ex|them|mates|thugs|bloke|"
           r"person|\d+ of them|number \d+\w?)"
           r"(?:\s+(?:who|that)\s+[^,.;]{0,50}?)?")
_BE = r"(?:'s|'re|\s+is|\s+are|\s+r|\s+am)(?:\s+(?:still|now|just|again|also))*"
_WHOM = r"(?:me|us|him|her|them|my|our|a|an|the|this|that|his|people|\w+'s)\b(?! (?:ball|football))"
_HOME = r"(?:my|our|the|his|her|their)\s+(?:\w+\s+)?(?:door|window|gate|car|house|flat|shop|home)s?"
# Hostile acts in the -ing form, each with what must follow to be an act on a person or home.
_ACTS = (rf"(?:throwing|chucking) (?:[\w']+ ){{0,3}}?(?:at|through|over)\b|"
         r"(?:throwing|chucking) (?:stones|eggs|bricks|rocks|bottles|things|stuff)|"
         rf"(?:smashing|breaking|bashing|battering) (?:up |in |down )?{_HOME}|"
         rf"(?:setting fire|setting light) to|spitting (?:at|on)|"
         r"pointing (?:a|his|her|the) (?:knife|gun|blade|weapon|bottle)|pointing at (?:me|us)|"
         r"threatening (?:me|us|him|her|them) with|threatening to (?:kill|hurt|stab|beat|attack|"
         r"burn|cut|batter|smash|do|shoot|rape|punch|get)|"
         r"blocking (?:my|our|the|his|her) (?:way|door|path|exit|car|stairs|gate|front)|"
         rf"(?:banging|hammering|pounding|knocking) (?:on|at) {_HOME}|"
         rf"(?:pushing|shoving|pulling|grabbing|dragging|following|chasing|surrounding|cornering|"
         rf"strangling|choking|hitting|punching|kicking|beating|attacking|stabbing|slapping|"
         rf"touching|groping|hurting|pouring (?:\w+ )?(?:on|over|through)) {_WHOM}|"
         r"standing over (?:me|us|him|her)|"
         r"circling (?:the|my|our) (?:house|flat|block|car|shop)|"
         r"setting (?:my|our|the|his|her|their) \w+ (?:on fire|alight)|"
         r"(?:screaming|shouting|crying|calling) (?:out )?for help|"
         r"(?:ripping|tearing|snatching|pulling) (?:off |at )?(?:my|her|his) (?:hijab|turban|scarf|"
         r"niqab|hair|clothes|bag|phone|kippah|patka)|"
         r"(?:shouting|screaming|yelling) (?:at|outside|through|in)\b|"
         r"watching (?:me|us|my (?:house|flat|door|home|window)|our (?:house|flat|door|home)|"
         r"the (?:house|flat|door))|(?:coming|walking|running) (?:at|towards|for) (?:me|us)")
ACT_NOW = re.compile(rf"\b(?:{_PERSON}|and){_BE}\s+(?:\w+ing (?:and|,) )?(?:{_ACTS})\b|"
                     rf"\b(?:{_PERSON})\s+(?:{_ACTS})\b|"
                     r"\bjust (?:threw|hit|punched|attacked|kicked|pushed|stabbed|grabbed|smashed|"
                     r"slapped|headbutted|glassed|bottled|(?:came|come|flew) through)\b|"
                     r"\b(?:have|has|'ve|'s) (?:got )?(?:him|her|them|me|my \w+) (?:on the "
                     r"(?:ground|floor)|pinned|cornered|trapped|held)\b|"
                     r"\b(?:they|he|she|someone|somebody|some men|a man|the men)\s+(?:have|has|'ve|"
                     r"'s) (?:got )?my (?:son|daughter|child|kid|baby|wife|husband|boy|girl)\b"
                     r"(?! (?:'s|was|is|at))|"
                     rf"\bstill (?:{_ACTS}|shouting|screaming)\b|"
                     r"\b(?:have|'ve|has|'s) (?:just )?(?:surrounded|"
                     r"cornered|blocked) (?:me|us|my|our|the)\b|"
                     r"\b(?:can|could) (?:still )?see (?:him|her|them|someone|somebody|the man|the "
                     r"men|a man|a group|the group)\b[^,.;]{0,30}\b(?:watching|outside|standing|"
                     r"waiting|across the road)\b|"
                     rf"\bthere(?:'s| is| are)\s+(?:[\w']+\s+){{1,8}}?(?:{_ACTS}|waiting (?:for "
                     r"(?:me|us)|outside|at|by|in)\b)|"
                     r"\b(?:has|have|'s|'ve) (?:got )?(?:hold of )?(?:me|us|him|her|my \w+) by the "
                     r"(?:neck|throat|hair|arm|collar|scarf)\b")
# "trying to" + harm; "they're trying to open my door".
TRYING = re.compile(
    r"\b(?:is|are|'s|'re|r|am|'m)\s+(?:still\s+|now\s+)?(?:trying|attempting) (?:to )?"
    r"(?:open|get (?:into|at|in|hold of)|break|force|pull|grab|drag|take|hit|stab|attack|strangle|"
    r"choke|push|kick|punch|burn|set fire|rip|snatch|rob|kill|hurt|run (?:me|us|him|her) over|"
    r"climb|smash|hurt)\b")
# Being harmed now: "I am being followed", "my son is being beaten up".
BEING = re.compile(r"\b(?:am|'m|is|are|'s|'re)\s+(?:still\s+)?being\s+(?:followed|chased|"
                   r"attacked|beaten( up)?|hit|punched|kicked|stabbed|dragged|surrounded|"
                   r"cornered|strangled|assaulted|robbed|mugged)\b")
# Kept in, or kept from leaving, now.
KEPT = re.compile(
    r"\b(?:am|'m|is|are|'s|'re|we'?re)\s+(?:still\s+|now\s+)?(?:locked|trapped|barricaded)\s+in"
    r"\b|\b(?:am|'m|is|are|'s|'re)\s+stuck in (?:the|a|my|our|her|his) (?:lift|toilet|bathroom|"
    r"room|car|shop|flat)\b|"
    r"\b(?:can'?t|cannot|can not) get out\b(?! (?:much|often|any ?more|of))|"
    r"\b(?:won'?t|will not|wont) let (?:me|us|him|her|them) (?:out|leave|go|past)\b|"
    r"\b(?:won'?t|will not|wont) let go\b|\band (?:is|are) coming (?:back|for|after)\b|"
    rf"\b{_PERSON}\s+(?:stand|stands|wait|waits|sit|sits)\s+(?:at|outside|in front of|by) "
    r"(?:my|our|the) (?:door|window|gate|flat|house|shop)\b|"
    rf"\b(?:{_PERSON}|and)\s+(?:won'?t|will not|wont) (?:leave|go away|go home|go|move)\b"
    r"(?=\s*(?:$|[,.!]|and\b|now\b))|"
    r"\b(?:is|are|'s|'re|keeps?) (?:coming|walking|running) (?:at|towards|for|up to) (?:me|us)\b|"
    r"\b(?:won'?t|will not|wont) stop (?:hitting|touching|following|kicking|banging|punching|"
    r"pushing|grabbing|shouting at|screaming at|spitting)\b")
# A presence now, beyond danger.py's "outside / at my door": where they are, for any person.
PRESENT_AT = re.compile(
    rf"\b{_PERSON}{_BE}\s+(?:\w+\s+){{0,5}}?waiting for (?:me|us|him|her|my|them)\b(?! to)|"
    rf"\b{_PERSON}{_BE}\s+(?:standing\s+|waiting\s+|sitting\s+|parked\s+|lurking\s+|hanging "
    r"(?:about|around)\s+|back\s+)?(?:in (?:his|her|their|a|the) (?:car|van)\s+)?"
    r"(?:outside|inside|downstairs|upstairs|across the road|over the road|out there|"
    r"(?:in|on) (?:the|my|our) (?:stairs|stairwell|landing|corridor|lift|lobby|balcony|doorstep|"
    r"car park|hallway|garden|drive|driveway|shop|house|flat|room|car|kitchen|building|block)|"
    r"in front of (?:my|our|the) (?:shop|house|flat|door|home|car)|"
    r"at (?:my|our|the) (?:door|window|gate|flat|house|shop)|"
    r"waiting for (?:me|us|him|her|my|them)\b(?! to))")
FIRE_NOW = re.compile(r"\b(?:is|are|'s|'re) (?:still )?(?:on fire|burning|alight)\b|"
                      r"\bsetting (?:fire|light) to\b")
FEAR_NOW = re.compile(r"\b(?:i'?m|i am|we'?re|we are) (?:\w+ )?(?:scared|afraid|fearing|terrified) "
                      r"for (?:my|our) (?:life|lives)\b")
ONLINE = re.compile(r"\b(online|messages?|messaging|texts?|texting|dms?|instagram|facebook|video|"
                    r"whatsapp|snapchat|tiktok|twitter|posts?|posting|comments?|emails?|"
                    r"group chat|page|profile|calls? me on)\b")
# "I saw a man hitting a woman": told as seen, so the past unless a "now" is said.
SEEN = re.compile(r"\b(i|we) (saw|watched|witnessed|filmed|seen|noticed)\b")
AGAIN_NOW = re.compile(r"\b(now|right now|again|currently|at the moment|tonight|as we speak|"
                       r"as i type|this minute|still here)\b")
# A question about the process, advice, or a denial before an emergency phrase.
NOT_A_CALL = re.compile(
    r"\b(should|shall|do|did|would|will|could i|can i)\s+(i|we)\b[^.?!]*$|"
    r"\b(whether|if|when|how)\s+(to|i|we|they|he|she)\b[^.?!]*$|"
    r"\b(told|advised|said|asked|says|tells) (me|us|them|him|her)?\s*to\b[^.?!]*$|"
    r"\b(said|told|says|promised|would|will|'ll|might|may)\b[^.?!]*$|"
    r"\b(didn'?t|did not|don'?t|do not|never|not|no need to|want to|going to|next time)\b"
    r"[^.?!]{0,20}$")
REASSURED = re.compile(r"\b(i'?m|i am|we'?re|we are|she'?s|he'?s|they'?re) (\w+ )?(safe|ok|okay|"
                       r"fine|alright|all right|home safe|not in (any )?danger)\b|"
                       r"\bnot (an )?emergency\b")
TERRIFIED = re.compile(r"\b(i'?m|i am) (so |really )?terrified\b(?!\s+(to|of|that|since|every|"
                       r"when|whenever|about|he|she|they|it))")


def act_now(clause: str) -> bool:
    """A harmful act or presence said in the present, in person (not online)."""
    if ONLINE.search(clause):
        return False
    return bool(ACT_NOW.search(clause) or TRYING.search(clause) or BEING.search(clause)
                or PRESENT_AT.search(clause) or FIRE_NOW.search(clause)
                or FEAR_NOW.search(clause))


def kept_now(clause: str) -> bool:
    """Kept in, or someone who will not leave or stop, now (a habit does not excuse it)."""
    return not ONLINE.search(clause) and bool(KEPT.search(clause))


def a_call(clause: str, match: re.Match[str]) -> bool:
    """An emergency phrase said as a call for help, not asked about, advised or denied."""
    return not NOT_A_CALL.search(clause[:match.start()])
