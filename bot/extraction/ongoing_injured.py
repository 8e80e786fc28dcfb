"""Ongoing and injured, round 7: kinds of phrasing held_out_6_tuned's accounts used that the
older word lists missed (``classify.ongoing_words`` and ``classify.injured`` ask these beside
their own lists, in the same order: a one-off or "not hurt" phrase first, as there).

- ongoing: "he's done this before", "same men", "the same lot that ..." (a perpetrator back
  again); a habit said in the plain present by a group ("boys at the bus stop call her an emo
  freak", "they throw pebbles at her window"). One-off: "it's been fine since", "quiet since".
- injured: a body part that "hurts" or "is sore"; not hurt: "my leg is ok", "shaken but fine",
  "I'm fine but ...".

Round 14, read off the facts set ``tests/data/facts/narratives_tuning14f.yml`` (each account says
whether it happened before and whether anyone was hurt, in its own words):

- one-off, said against the writer's own history: "fifteen years on that route and never had
  anything like it", "nobody's ever done that", "he's never bothered me before", "not seen that
  before", "the first bit of bother", "never something like this". The years and "every day"
  in the same sentence are the writer's life, not the abuse's, so this is read first.
- ongoing: "about once a month", "the last time she came in", "said things to him before",
  "two earlier logs", "same fella", "been turned away from there before".
- injured: marks and small wounds ("left red marks", "a red welt", "two little cuts", "a scratch
  on his forehead", "puncture holes", "a cracked rib", "limping"), a body part stiff, tender,
  red or stinging; not hurt: "no harm done", "no harm to me", "didn't hurt", "no burns", "she
  was ok apart from being shaken", "nothing hurt but my pride", "not a mark on me".
"""

from __future__ import annotations

import re

_BODY = (r"(?:leg|legs|arm|arms|head|face|back|ribs?|neck|eye|eyes|nose|hand|hands|knee|knees|"
         r"shoulder|jaw|foot|feet|ankle|wrist|chest|stomach|side|ear|lip|mouth|scalp|forehead|cheek|"
         r"chin|elbow|hip|calf|thigh|fingers?|toes?|skin)")
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

# Round 14 (see above). "never had a moment's peace", "it never stops" are the opposite.
ONE_OFF = re.compile(
    r"\bnever (?:once |ever |before )?(?:had|seen|witnessed|experienced|known|encountered|"
    r"been (?:targeted|attacked|bothered|touched|hassled|harassed|spoken to)|something like|"
    r"anything like|any (?:trouble|bother|problems?|issues?)|no (?:trouble|bother)|"
    r"a (?:cross|bad|nasty) word|happened to (?:me|us|him|her|them)|bothered (?:me|us|him|her|"
    r"them))\b(?! (?:a moment'?s|any) peace)(?![^.!?]{0,40}\b(?:until|till|til) (?:they|he|she|"
    r"the new|those|that family|recently|this year|last|a few|about)\b)|"
    r"\b(?:nobody|no one|no-one)(?:'s| has| had)? (?:ever )?(?:done|said|had|touched|bothered)"
    r" (?:that|this|it|anything|a problem|me|us|him|her)\b|"
    r"\bnever (?:once )?(?:has|had|did) (?:anyone|anybody) \w+|"
    r"\bnothing like (?:it|this|that)\b(?! (?:should|must|can|ought|is allowed))|"
    r"\b(?:not|never) (?:witnessed|seen) the like\b|"
    r"\b(?:not|never) seen (?:that|this|it|anything like (?:it|this|that)) before\b|"
    r"\bfirst (?:bit of |lot of |sign of )?(?:bother|trouble)\b|"
    r"\bthe first time in (?:my|our|his|her|their) (?:life|lives|\w+ years)\b|"
    # read off the second facts set (tuning_14i)
    r"\b(?:nobody|no one|no-one|no shop|no driver|no customer)(?: (?:at|in|on|round) "
    r"(?:the |this |that |my |our |his |her )?\w+)? "
    r"(?:has|had|'s|have) (?:ever|never)\b|"
    r"\bnever (?:been|was) anything (?:\w+ )?like (?:it|this|that)\b|"
    r"\bnever (?:once |ever )?happened\b(?! (?:again|since))|"
    r"\bnever before (?:this|that|it|any|such|something|anything)\b|"
    r"\bwithout (?:so much as )?a (?:single )?(?:cross word|problem|incident|issue|"
    r"bit of bother)\b|"
    # read off the third facts set (tuning_14j): short texts and second-language voices
    r"\b(?:nobody|no one|no-one) ever\b|\bnever before\b|\bnever (?:this|that) happen\w*|"
    r"\b1st time\b|\ba first for (?:me|him|her|us|them)\b|\bone time only\b|"
    r"\bcame (?:totally |just )?out (?:of )?(?:nowhere|the blue)\b|"
    r"\bnever (?:done|said) anything (?:like (?:that|this|it)|to (?:me|us|him|her|them))\b|"
    r"\bnever (?:see|saw|seen) (?:him|her|them) before\b|\bnever been treated like\b")
REPEATED = re.compile(
    r"\b(?:about |roughly |at least |maybe )?once (?:a|every) (?:day|week|fortnight|month|year)\b|"
    r"\bthe last time (?:she|he|they|it) (?:came|was|were|did|happened|went)\b|"
    r"\b(?:said|done|did|shouted|called) (?:things|stuff|something|it|this|that|the same)"
    r"(?: \w+){0,5} before\b|\bonce before\b|"
    r"\bdid (?:exactly |just )?(?:this|that|the same) (?:when|last|before|to)\b|"
    r"\b(?:the )?same (?!(?:day|time|night|week|morning|evening|way|place|school|class|street|"
    r"road|bus|train|stop|age|year|thing as)\b)(?:\w+ )?\w+,? "
    r"(?:(?:who|that) )?(?:had|has|did|does|put|went|came|was|were|have|again|as|said)\b|"
    r"\b(?:came|were here|was here) (?:\w+ ){0,3}and did the same\b|"
    r"\b\d+ times? (?:this|in|since)\b|\bis \d+ time\b|"
    r"\bevery (?:lunch|lunchtime|break|breaktime|playtime|class|lesson|shift|match|game|visit|"
    r"home game|school run)\b|"
    r"\bdid (?:this|that|it) (?:\w+ ){0,3}(?:as well|too)\b|"
    r"\b(?:do|did|does|done) (?:this|that|it) before\b|"
    r"\b(?:earlier|previous|other) (?:logs?|incidents?|reports?|complaints?|occasions?)\b|"
    r"\bsame (?:fella|fellow|bloke|guy|lad|person|one|driver|neighbou?r|customer|kids|pupils|"
    r"family|couple)\b|"
    r"\b(?:been|got) \w+ed (?:\w+ ){0,4}before\b")
HURT_MARKS = re.compile(
    rf"\b(?:left|leaving|with|there was|there were|got|has|had|have) (?:a |an |some |two |three |"
    r"little |small )?(?:red |nasty |big |little |small |faint |raised |angry |purple )?(?:marks?|"
    r"welts?|weals?|scratch(?:es)?|bumps?|"
    r"handprints?|finger ?marks|imprint)\b|"
    r"(?<!not )(?<!without )(?<!no )"
    r"\b(?:a|one|two|three|some|little|small|tiny|few|several) (?:little |small |tiny |deep |"
    r"nasty |bad )?(?:cuts?|scratch(?:es)?|nicks?|gash(?:es)?|wounds?|puncture (?:holes?|"
    r"wounds?|marks?)|burns?|blisters?|bite marks?)\b|"
    r"\b(?:is|was|got|were|are|been) (?:badly |a bit |slightly )?(?:scratched|scalded|burnt|"
    r"burned|stung|cut)\b(?! (?:off|short|out|up about|down|in|through))|"
    rf"\b(?:my|his|her|their) (?:\w+ )?{_BODY} (?:is|was|'s|are|were|got) (?:\w+ )?(?:stiff|"
    r"tender|red|burning|stinging|numb|scratched|grazed|bleeding|bloody)\b|"
    r"\b(?:limp(?:ing|ed)|cracked (?:a |his |her |my )?(?:ribs?|tooth|teeth|bone|skull|wrist)|"
    r"stung like|puncture|blood on (?:my|his|her|their) \w+|bit (?:my|his|her|their) \w+)\b|"
    # read off the second facts set (tuning_14i): what a first-aider, nurse or dentist did
    r"\b(?:put ice on|(?:come|came) up like|steri[- ]?strips?|glued (?:it|him|her)|"
    r"patched (?:it|him|her) up|drew blood|black and blue|chipped (?:a |his |her |my )?(?:front )?"
    r"(?:tooth|teeth)|cracked (?:a |his |her |my )?(?:\w+ )?(?:molar|tooth|teeth)|"
    r"(?:split|cut) (?:my|his|her|their) (?:chin|forehead|elbow|ear|mouth|scalp)|"
    r"(?:lips?|nose|mouth|ear|head|face) (?:was |were |is |are )?(?:split|cut|swollen|bleeding|"
    r"bleed|bled)|has ached|ached since|bump on (?:my|his|her|their) \w+|"
    r"blood (?:everywhere|all over)|(?:only |a |only a )?(?:little |bit of |some )pain|"
    r"(?:it|that) hurts)\b|"
    rf"\b(?:my|his|her|their) (?:\w+ )?{_BODY} (?:have|has|had|is in|was in) pain\b|"
    rf"\b{_BODY} (?:still )?(?:aches|hurts|is sore)\b|"
    rf"\b(?:my|his|her|their) (?:\w+ )?{_BODY} (?:\w+ )?(?:hurt|hurted|ached)\b")
NOT_HURT = re.compile(
    r"\bno (?:real )?harm (?:done|to (?:me|him|her|us|them|anyone|my|his|her))\b|"
    r"\b(?:it )?didn'?t hurt\b|"
    r"\bno (?:burns?|cuts?|bruises?|scratch(?:es)?|broken bones|bones broken)\b|"
    r"\b(?:not|without) (?:a|one|a single) (?:mark|scratch|bruise)\b|"
    r"\bdidn'?t (?:leave a mark|touch (?:my|his|her) (?:skin|face|body))\b|"
    r"\b(?:i|we|she|he|they) (?:was|were|is|are) (?:ok|okay|fine|alright) apart from\b|"
    r"\b(?:she|he|they|i|we) (?:was|were) (?:ok|okay|fine|alright|unhurt)\b(?! (?:to|with|about|"
    r"until|till|at first|but))|"
    r"\bno bruis\w*|\b(?:not|isn'?t|wasn'?t) sore\b|\b(?:was|were) not hit\b|"
    r"\b(?:wasn'?t|weren'?t) hit\b|\bmissed (?:me|us)\b|"
    r"\b(?:not|hasn'?t|has not|haven'?t|never) touched (?:me|us|him|her|them)\b|"
    r"\bnothing (?:was )?(?:hurt|broken|injured) (?:but|except|apart from) (?:my|his|her|their) "
    r"(?:pride|feelings|ego)\b")
