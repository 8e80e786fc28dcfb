"""Ongoing and injured, round 7: kinds of phrasing held_out_6_tuned's accounts used that the
older word lists missed (``classify.ongoing_words`` and ``classify.injured`` ask these beside
their own lists, in the same order: a one-off or "not hurt" phrase first, as there).

- ongoing: "he's done this before", "same men", "the same lot that ..." (a perpetrator back
  again); a habit said in the plain present by a group ("boys at the bus stop call her an emo
  freak", "they throw pebbles at her window"). One-off: "it's been fine since", "quiet since".
- injured: a body part that "hurts" or "is sore"; not hurt: "my leg is ok", "shaken but fine",
  "I'm fine but ...".
"""

from __future__ import annotations

import re

_BODY = (r"(?:leg|legs|arm|arms|head|face|back|ribs?|neck|eye|eyes|nose|hand|hands|knee|knees|"
         r"shoulder|jaw|foot|feet|ankle|wrist|chest|stomach|side|ear|lip|mouth)")
ONGOING_YES = re.compile(
    r"\b(done|did) (this|it|that) (before|again)\b|"
    r"\b(the )?same (men|man|lot|lads|boys|girls|kids|group|gang|people|woman|guy|bloke|youths|"
    r"teenagers)\b|"
    r"\b(they|boys|girls|kids|lads|teenagers|youths|men|people|women|pupils|students)\b[^.!?]{0,70}"
    r"\b(call|shout|spit|throw|chuck|follow|mock|laugh at|tell|push|bang|knock|wait for|"
    r"block|film|stare at|whistle at) (her|him|me|us|them|my|our|at)\b")
ONGOING_NO = re.compile(r"\b(it'?s|it has|things have|it'?s all|all) been (fine|quiet|ok|okay|"
                        r"alright|calm|peaceful) since\b")
INJURED_YES = re.compile(rf"\b(my|his|her|their) (\w+ )?{_BODY} (\w+ )?(hurts|is hurting|is "
                         r"sore|was sore|is swollen|was swollen|aches|is aching|is killing me|"
                         r"throbs|is throbbing)\b|\breally hurts\b")
INJURED_NO = re.compile(
    rf"\b(my|his|her|their) (\w+ )?{_BODY} (is|was|'s) (ok|okay|fine|alright|all right)\b|"
    r"\b(i'?m|i am|she'?s|she is|he'?s|he is|they'?re|they are|we'?re|we are) (\w+ )?(but |and )"
    r"?(fine|ok|okay|alright|unhurt|unharmed)( now)?\b(?! (to|with|about))")
