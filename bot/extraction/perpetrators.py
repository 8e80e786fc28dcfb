"""Who did it: a neighbour, someone the target knows, or a stranger (None when not said).

Rules on normalised lower-case text, in order: neighbour (by where they live: "next door", "the
man at number 12", "ppl on my corridor") beats known (by relationship or role: "my landlord", "the
caretaker of our block", "a dad at my kids' school gate", "a lad I know from school", "an
ex-friend") beats unknown ("a man", "some kids", "a bus driver"). People named only as the target
("called my colleague a ...") are not the perpetrator. Labelling rules: docs/extraction.md.
"""

from __future__ import annotations

import re

from bot.extraction import perpetrator_phrases as r7

_NEIGHBOUR = re.compile(
    r"\b(neighbou?rs?\w*|next door|next-door|(two|three|a few|\d+) doors (down|up|along)|"
    r"the (people|man|woman|family|guy|lady|bloke|kids|lads|"
    r"couple|tenants?) (upstairs|downstairs|above|below|opposite|across the (hall|landing|road|"
    r"street|"
    r"corridor))|(lives?|living) (above|below|opposite|next door|upstairs|downstairs|"
    r"on my (floor|landing))|"
    r""
    r"upstairs flat|downstairs flat|flat (no\.? ?)?\d+\w?|number \d+ (opposite|next door|across)|"
    r"(?<!of )(same|my|our) (building|block|landing|corridor) (is|are|has|have|keeps?|been|who)|"
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
    r"mums?|dads?|group|gang|bunch|load|"
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
    r"manager|boss|supervisor|classmate)\b|\bformer (partner|friend|employer)\b|"
    r"\b(a|the) (regular|shopkeeper|owner of|security guard|bus driver|driver|staff|"
    r"member of staff)\b"
    # "always" in what they said ("told me your lot always steal") is not about them
    r"(?=(?:(?!\b(?:said|says|saying|told|tells|telling|shouted|called)\b)[^'\"]){0,60}"
    r"\b(always|every (day|time|week|morning|night)|knows|regular)\b)|"
    r"\bi used to (work|go out|live) with\b|"
    r"\banother (parent|mum|dad|mother|father|pupil|student|tenant|resident|member)\b"
)
_UNKNOWN = re.compile(
    r"\b(strangers?|(did ?n'?t|don'?t|never) (know|seen|recogni[sz]e) (him|her|them|who|the)|"
    r"(had )?never seen (him|her|them|before)|random\w*|unknown|no idea who|anonymous|"
    r"(a|an|one|two|three|four|five|\d+|some|several|couple of|group of|gang of|bunch of|load of|"
    r"few|the same|this|that|these|those) "
    r"([\w']+ ){0,2}(relatives?|visitors?|patients?|man|woman|men|women|guy|guys|bloke|blokes|"
    r"lad|lads|boy|boys|girl|girls|"
    r"teenagers?|"
    r"teens|youths?|kids|people|person|driver|cyclist|passenger|passengers|customer|shopper|"
    r"couple|youngsters|males?|females?|group|gang|account|accounts|profile|user|users|fans?|"
    r"drinkers?|schoolkids|school kids|students|pupils|security guard|parent|cashier|"
    r"shop assistant|"
    r""
    r"taxi driver|bus driver|delivery driver|players?|gamers?|cyclists?|lady|ladies|fella|"
    r"fellas|geezers?|builders?|supporters|inspector|receptionist|barber|bouncer|waiter|doorman|"
    r"workmen|minicab driver)|"
    r"older (kids|boys|girls|lads|teenagers|men|women)|someone|somebody|a fake|"
    r"the driver|other (girls|boys|kids|children|pupils|students|people|passengers|players)|"
    r"the (receptionist|inspector|ticket inspector|barber|bouncer|waiter|shopkeeper|cashier|"
    r"security guard|uber driver|cab driver|taxi driver|bus driver|landlord of the \w+|doorman|"
    r"bouncers?|builders|workmen)|"
    r"the (same )?(man|woman|guy|bloke|lad|lads|boy|boys|girl|girls|passenger|cyclist|group|gang|"
    r"men|"
    r"women|youths|kids|teenagers)|some ?one|people|pupils|youths|teenagers)\b"
)
# Neighbours who were sent the same thing are fellow targets, not the ones who did it.
_NEIGHBOUR_TARGETED = re.compile(
    r"\b(my|our|the|other) neighbou?rs? (also |all |have |had )?(got|get|had|received|were sent|"
    r"were targeted|were hit)\b|"
    r"\b(for|on behalf of|helping|about) (my|our) (\w+ )?neighbou?rs?\b")


_LEFT_BEHIND = re.compile(r"\b(leaflets?|stickers?|posters?|graffiti|note|notes|letter)\b")
# Neighbours by address or by the corridor they share.
_NEIGHBOUR_MORE = re.compile(
    r"\b(from|at|in|of|across at) (number|no\.?|flat) \d+\w?\b|"
    r"\b(people|ppl|kids|man|woman|men|women|lads|boys|girls|family|guy|someone|students) (on|in|"
    r"from) (my|our) (corridor|landing|floor|staircase|stairwell|block|building|close|halls)\b|"
    r"\blives? (across|along|down|up) the (landing|hall|corridor|road|street|stairs)\b|"
    r"\blives? (on|in) (my|our|the same) (floor|landing|block|building|corridor|road|street|"
    r"close)\b|"
    r"\bfrom (upstairs|downstairs|the flat (above|below)|(the )?(\d+(st|nd|rd|th)|top|ground|"
    r"first|second|third|fourth|fifth) floor)\b")
# Known by relationship or role, beyond the word lists above.
_KNOWN_MORE = re.compile(
    r"\b(a|an|the|this|some|one) ([\w']+ ){0,2}(i|we|he|she|they)( had| have|'ve| used to)? "
    r"(met|know|knew|recogni[sz]ed?|dated|went to school with|work with|worked with|seen around|"
    r"'ve seen|have seen|see around)\b|"
    r"\b(an? |my |his |her |their |our )?ex[- ](friend|partner|husband|wife|boyfriend|"
    r"girlfriend|colleague|flatmate|housemate|neighbour|employer|boss)\b|"
    r"\b((the|our|my) (caretaker|concierge|warden|estate manager|housing officer|carer|"
    r"support worker|care worker|childminder|coach|tutor|youth worker)|my (\w+'s )?(teacher|coach|"
    r"carer|tutor|childminder|support worker|care worker|uncle|aunt|auntie|cousins?|relatives?|"
    r"stepfather|stepmother|family members?)|(a|an) (teacher|caretaker|coach|tutor|"
    r"teaching assistant|dinner lady)|(son|daughter|kids?|children|child|boy|"
    r"girl)'?s? (teacher|coach|tutor|classmates?))\b(?=,? ([\w',]+ ){0,5}(keeps?|kept|called|calls|"
    r"calling|hit|hits|punched|pushed|threatened|threatens|said|says|told|tells|shout\w*|abus\w*|"
    r"is always|has been|has started|won'?t|steals?|stole|took|makes?|made|refused|wrote|posted|"
    r"sent|spat|grabbed|kicked|swore|laughed|mocked|started|locked|locks|banned|blocked|"
    r"stopped|ignores|ignored|refuses|won'?t let|wouldn'?t let))|"
    r"\bwho (runs|owns|works (at|in)) the ([\w']+ )?\w+ (where|that|which) (i|we) (go|use|shop|"
    r"visit|buy)\b|"
    r"\b(i|we)('ve| have)? known (him|her|them|for)\b|\bwho (i|we)('ve| have) known\b|"
    r"\b(a|an|another|the|one|some) (dad|mum|parent|mother|father|parents|mums|dads) (at|from|of) "
    r"(my|our|his|her|the) ([\w']+ )?(school|class|nursery|kids'?|son'?s?|daughter'?s?)\b|"
    r"\b(someone|somebody|a man|a woman|people|a guy|members?|a member|one of the \w+) (from|at|"
    r"of) (my|our) (mosque|church|synagogue|gurdwara|temple|work|school|gym|club|college|uni|"
    r"office|congregation|team)\b|"
    r"\bparents'? (whatsapp|group|chat)\b|"
    r"\b(someone|somebody|people|a man|a woman|a guy|one of them|members?) (in|on|from) (the|my|"
    r"our) (work|office|team|family|class|school|year|staff|building|block) (whatsapp|group|chat|"
    r"channel)\b|\bfrom my (old )?(street|road|estate|block)\b|"
    r"\b(a|an) year \d{1,2}\b|\byear \d{1,2}s? (boy|girl|boys|girls|kids|pupils)\b|"
    # round 6: an ex by any name, the landlord, a group chat of a team or class, someone from my
    # old job, a parent at the school gate, a worker who comes every week
    r"\bex[- ]?(bf|gf|boyfriend|girlfriend)\b|\bthe (landlord|landlady)\b(?! of)|"
    r"\b(group chat|whatsapp group|group|chat|channel) (for|of|with) (my|our|the) ([\w'-]+ ){0,2}"
    r"(team|class|club|course|parents|mums|dads|year|choir|office|work)\b|"
    r"\b(guy|man|woman|girl|lad|bloke|someone|somebody|people|person) from my (old |previous |"
    r"last |former )?(job|work|office|school|college|uni|team|gym|course|class)\b|"
    r"\b(dad|mum|parent|mother|father)s?\b[^.]{0,90}\bat the school gates?\b|"
    r"\b(the|our|my|his|her) ([\w]+ ){0,2}(driver|postman|postwoman|cleaner|milkman|porter|"
    r"cashier|shopkeeper) who ([\w']+ ){1,6}every\b")
# At school, the pupils who did it are known to the target.
_SCHOOL = re.compile(r"\b(at school|in (the|his|her|my|their) class|in the classroom|"
                     r"in the (playground|corridor)|at the school gates?)\b")
_PUPILS = re.compile(r"\b(boys|girls|kids|lads|pupils|students|an older boy|an older girl|"
                     r"older boys|older girls|a boy|a girl)\b")
_ADULT = re.compile(r"\b(a|the|another) (parent|man|woman|couple|dad|mum|bloke|guy|lady|"
                    r"teacher|stranger)\b")
# Someone named only as the target: "called my colleague a ...", "attacked my brother-in-law".
_TARGETED = re.compile(
    r"\b(served by|seen by|helped by|treated by|call\w*|at|towards|attack\w*|push\w*|hit|"
    r"punch\w*|kick\w*|threaten\w*|abus\w*|"
    r"harass\w*|told|spat at|grabb?\w*|follow\w*|mock\w*) (my|our|his|her|one of my|one of our) "
    r"(\w+ )?(colleagues?|coworkers?|classmates?|teachers?|manager|boss|staff|friends?)\b|"
    r"\bmy (brother-in-law|sister-in-law|in-laws|stepdad|stepmum|partner's \w+) "
    r"(is|was|has|uses|who)\b")
# Strangers said without an article, at the start of an SMS-style message or clause.
_BARE_STRANGER = re.compile(
    r"(^|[.,!?] )(\d+ |some |two |three )?(men|women|lads|boys|girls|kids|teenagers|people|ppl|"
    r"guys|youths|man|woman|guy|bloke)\b|\b\d+ of them\b|"
    r"\b(cab|minicab|taxi|uber|bus|delivery|lorry|van) driver\b|"
    r"\b(a|an) (\w+ )?(dm|message|comment|email|voice note|text)\b|"
    r"\b(a|an|the) (porter|nurse|doctor|attendant|steward|guard|conductor|clerk|teller|"
    r"assistant|worker|dad|mum|parent|customer|punter|stranger)\b")


# A guess is no knowledge: "I think it's someone from my college but I can't prove it".
_HEDGED = re.compile(r"\b(i think|i reckon|i suspect|maybe|might be|could be|probably)[^.!?]*"
                     r"\b(can'?t|cannot|could ?n'?t) prove\b[^.!?]*|\bnot sure (if|whether|who)"
                     r"[^.!?]*")


def perpetrator(low: str, types: list[str] | tuple[str, ...] = ()) -> str | None:
    """neighbour | known | unknown | None: who did it, as far as the text says.

    Damage found afterwards with nobody described ("found it smashed") was done by someone the
    resident does not know, so it reads as unknown; ``types`` are the incident types found.
    """
    return perpetrator_and_reason(low, types)[0]


def perpetrator_and_reason(low: str, types: list[str] | tuple[str, ...] = ()
                           ) -> tuple[str | None, str]:
    """``perpetrator`` and which rule gave it (the reason feeds the confidence)."""
    low = r7.prepare(low)
    if r7.NEIGHBOUR.search(low):
        return "neighbour", "neighbour"
    if _NEIGHBOUR.search(_NEIGHBOUR_TARGETED.sub(" ", low)) or _NEIGHBOUR_MORE.search(low):
        return "neighbour", "neighbour"
    sure = _HEDGED.sub(" ", low)
    if _KNOWN.search(_TARGETED.sub(" ", sure)) or _KNOWN_MORE.search(sure) or r7.known(sure):
        return "known", "known"
    if _SCHOOL.search(low) and _PUPILS.search(low) and not _ADULT.search(low):
        return "known", "known_at_school"
    if _UNKNOWN.search(low) or _BARE_STRANGER.search(low) or r7.UNKNOWN.search(low):
        return "unknown", "unknown"
    if "property_damage" in types or _LEFT_BEHIND.search(low):
        return "unknown", "left_behind"
    return None, "none"


