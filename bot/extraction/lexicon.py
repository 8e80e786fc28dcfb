"""Word lists for strands and incident types (the case vocabulary in bot/taxonomy.py).

Each entry is a regular expression matched on normalised, lower-cased text. The lists hold slurs
because residents quote what was said to them; recognising a slur is how the strand is found.
Masked slurs ("p***", "f*g") are matched by shape in ``masked_strands``.
"""

from __future__ import annotations

import re

STRAND_PATTERNS: dict[str, list[str]] = {
    "race": [
        r"racis[tm]\w*", r"racial\w*", r"\brace\b", r"ethnic\w*", r"skin colou?r",
        r"colou?r of my skin",
        r"go back to (your|ur|their|his|her) (own )?(country|countries)", r"go home to",
        r"\bpaki\w*",
        r"nigg\w*", r"n[- ]?word", r"monkey (noises|chants|sounds|gestures)", r"monkey\b",
        r"\bblack\b",
        r"\bwhite\b", r"\basian\b", r"\bchinese\b", r"\bpolish\b", r"\bromanian\b", r"\bsomali\b",
        r"\bafrican\b", r"\barab\b", r"\bindian\b", r"\bforeign\w*", r"immigrant\w*",
        r"\bmigrant\w*",
        r"refugee\w*", r"asylum", r"\bgypsy\b", r"\bgypsies\b", r"\btraveller\w*", r"\bpikey\w*",
        r"\bchink\w*", r"\bwog\w*", r"\bcoon\w*", r"\bspic\w*", r"\bcovid\b.*\b(chinese|asian)",
        r"my accent", r"\bnationality\b", r"\beast(ern)? european", r"\bbrown\b", r"\bcountry\b",
        r"\bgo (back )?home\b", r"\bpoles?\b", r"\bblacks\b", r"\birish\b", r"\bnigerian\w*",
        r"\bpakistani\w*",
        r"\bbangladeshi\w*", r"\bturkish\b", r"\bkurd\w*", r"\beritrean\w*", r"\balbanian\w*",
        r"\bjamaican\w*",
        r"\bcaribbean\b", r"\blithuanian\w*", r"\bbulgarian\w*", r"\bportuguese\b",
        r"\bbrazilian\w*",
        r"\bafghan\w*", r"\bsyrian\w*", r"\biraqi\w*", r"\bsudanese\b", r"\bghanaian\w*",
        r"\bfilipin\w*",
        r"\bvietnamese\b", r"\bjapanese\b", r"\bkorean\b", r"\bchinese virus\b", r"\bkung flu\b",
        r"\bnot your kind\b", r"\broma\b",
    ],
    "religion": [
        r"muslim\w*", r"islam\w*", r"\bmosque\w*", r"hijab\w*", r"niqab\w*", r"burqa\w*",
        r"headscarf",
        r"head scarf", r"\bjew\w*", r"antisemit\w*", r"anti-semit\w*", r"synagogue\w*", r"kippah",
        r"yarmulke", r"\bsikh\w*", r"turban\w*", r"gurdwara\w*", r"\bhindu\w*", r"\btemple\b",
        r"christian\w*", r"\bchurch\w*", r"religio\w*", r"\bterroris\w*", r"\bbomber\b",
        r"\ballah\b", r"\bkufi\b", r"\bquran\b", r"\bkoran\b", r"\bpray\w*",
        r"\bbeard\b.*\b(muslim|terror)",
        r"\bkike\w*", r"\bfaith\b", r"\bramadan\b", r"\beid\b", r"\bmuzzie\w*", r"\braghead\w*",
        r"\bcross\b.*\bneck", r"\bbuddhis\w*", r"star of david",
    ],
    "sexual_orientation": [
        r"homophob\w*", r"\bgay\w*", r"\blesbian\w*", r"\bdyke\w*", r"\bfag\w*", r"\bqueer\w*",
        r"\bbisexual\w*", r"\bbi\b", r"\blgbt\w*", r"\bpoof\w*", r"\bbatty\w*", r"\bsexuality\b",
        r"sexual orientation", r"my (boyfriend|husband)\b.*\b(holding hands|kiss)",
        r"(holding hands|kissing) (with )?my (boyfriend|girlfriend|husband|wife|partner)",
        r"my (girlfriend|wife)\b.*\b(holding hands|kiss)", r"\bpride\b", r"rainbow flag",
        r"\bhomo\b", r"\bbender\w*", r"same[- ]sex",
    ],
    "disability": [
        r"disab\w*", r"wheelchair\w*", r"\bautis\w*", r"\bretard\w*", r"\bspastic\w*", r"\bspaz\w*",
        r"\bspacker\w*", r"\bmong\b", r"\bblind\b", r"\bdeaf\b", r"learning difficult\w*",
        r"learning disabilit\w*", r"mental health", r"\bmental\b", r"\bpsycho\b",
        r"down'?s syndrome",
        r"\bcripple\w*", r"\bcrip\b", r"guide dog", r"walking stick", r"\bcrutches\b",
        r"mobility scooter", r"\bcerebral palsy\b", r"\badhd\b", r"\bspecial needs\b",
        r"\bstammer\w*",
        r"\bstutter\w*", r"\bschizo\w*", r"\bepilep\w*", r"\bhearing aid", r"\bbenefits scrounger",
        r"\bnutter\b", r"\bfreak\b.*\b(wheelchair|disab)", r"\bsign language\b",
        r"\bthe way (she|he) walks",
    ],
    "transgender": [
        r"\btrans\b", r"transgender\w*", r"transphob\w*", r"\btranny\w*", r"\btrannie\w*",
        r"non-binary", r"nonbinary", r"non binary", r"deadnam\w*", r"misgender\w*",
        r"\bman in a dress\b", r"\bman in a wig\b", r"\bshemale\b", r"\bhe-she\b",
        r"called me (an )?[\"']?it\b", r"\bgender identity\b", r"\btransition\w*",
        r"\btrans (woman|man|girl|boy|people|person)",
        r"\bpronouns?\b",
    ],
    "sex_gender": [
        r"misogyn\w*", r"\bsexis[tm]\w*", r"because i'?m a (woman|girl)",
        r"because (she|i) (is|was|'s|am) a (woman|girl)",
        r"\bslut\w*", r"\bwhore\w*", r"\bslag\w*", r"\bbitch\w*", r"catcall\w*",
        r"wolf[- ]whistl\w*",
        r"\bupskirt\w*", r"women (don'?t|shouldn'?t|can'?t|belong)", r"\bmisandr\w*",
        r"\bflash(ed|ing)\b", r"sexual comments", r"rate (my|her) (body|tits)",
        r"\bcunt\b.*\bwom[ae]n\b",
        r"\bhate wom[ae]n\b", r"\bgender\b(?! identity)", r"\bfeminis\w*",
        r"\b(women|girls) like (me|us|her|you)\b",
        r"\bbecause (i'?m|she'?s|i am|she is) a (woman|girl)\b", r"\basking for it\b",
        r"go back to the kitchen", r"make me a sandwich",
    ],
    "alternative_subculture": [
        r"\bgoths?\b", r"\bgothic\b", r"\bemos?\b", r"\bpunks?\b", r"\bmetalhead\w*",
        r"\bgreebo\w*",
        r"alternative (style|look|clothes|people|person|dress|lifestyle|subculture)",
        r"subculture\w*",
        r"\bgrunger?\b", r"\bmosher\w*", r"\bpiercings\b", r"\bblack (lipstick|nail)",
        r"\bcosplay\w*",
        r"\bskaters?\b", r"\bthe way i dress\b", r"\bdyed hair\b", r"\bblue hair\b",
        r"\bpink hair\b",
        r"\bgreen hair\b", r"\bmohican\b", r"\bmohawk\b", r"\bsteampunk\b",
    ],
    "other": [
        r"\bhomeless\w*", r"\brough sleep\w*", r"\bsex workers?\b",
        r"\bbecause (i'?m|i am|she'?s|he'?s) (old|elderly)",
        r"\bmy age\b", r"\btoo old\b", r"\bginger\b", r"\bredhead\b", r"\bfat\b", r"\bmy weight\b",
        r"\bolder people\b", r"\bbeggar\b", r"\bdosser\w*", r"\bcrusty\b",
        r"\bcouncil estate scum\b",
        r"\bwork(ing)? class\b", r"\bposh\b",
    ],
}

# Masked slurs: a typed word with asterisks is compared with these by first letter and length.
MASKED_SLURS: dict[str, list[str]] = {
    "race": ["paki", "pakis", "nigger", "nigga", "niggers", "chink", "coon", "wog", "spic", "gypo",
             "pikey", "negro", "darkie", "golliwog", "monkey"],
    "religion": ["kike", "muzzie", "raghead", "towelhead", "yid"],
    "sexual_orientation": ["fag", "faggot", "fags", "faggots", "dyke", "poof", "poofter", "queer",
                           "batty", "homo", "bender", "lezza", "lesbo"],
    "disability": ["retard", "retarded", "spastic", "spaz", "spacker", "mong", "cripple",
                   "window licker"],
    "transgender": ["tranny", "trannie", "shemale"],
    "sex_gender": ["slut", "whore", "slag", "bitch"],
}

INCIDENT_PATTERNS: dict[str, list[str]] = {
    "verbal_abuse": [
        r"\bshout\w*", r"\byell\w*", r"\bscream\w* at", r"\bcalled (me|him|her|us|them|my)",
        r"\bcall(ing|s)? (me|him|her|us|them)\b",
        r"\bswore\b", r"\bswear\w*", r"\bverbal\w*", r"\binsult\w*", r"\bslur\w*",
        r"\babuse[ds]? (me|him|her|us|them)\b",
        r"\bracist abuse\b", r"\bhomophobic abuse\b", r"\babuse\b", r"\babusive\b", r"\bnames\b",
        r"\bmock\w*",
        r"\btaunt\w*", r"\bsaid\b.*\b(go back|paki|terrorist|retard|fag|gay|tranny|slut|it)\b",
        r"\bchant\w*", r"\bjeer\w*", r"\bmonkey noises\b", r"\bmade .{0,20}noises\b",
        r"\blaughed at\b",
        r"\bcatcall\w*", r"\bnasty comments?\b", r"\bcomments? about\b",
        r"\bsaid (that )?(i|we|he|she|they) should\b",
        r"\btold (me|him|her|us|them) to (go|take|get|leave|shut|fuck)\b", r"\bgo back to\b",
        r"\bn[- ]?word\b",
        r"\bsh(ou|u)ted\b", r"\bpeople like (you|me|him|her|us|them)\b", r"\bsaid ['\"]",
        r"\bsaying (i'?m|i am|he'?s|she'?s|they'?re|you'?re|we'?re) (an? )?\w+",
        r"\bjokes? about\b",
        r"\bimitat\w*", r"\bmaking fun\b", r"\bmade fun\b", r"\bmak\w* comments\b",
        r"\bsaid (that )?([a-z]+ ){1,3}(should|shouldn'?t|are|were|belong|don'?t belong|can'?t)\b",
    ],
    "threats": [
        r"\bthreat\w*", r"\bkill (me|you|him|her|us|them|all)\b",
        r"\b(going to|gonna|will|i'?ll|we'?ll) (kill|hurt|stab|burn|get|beat|batter|do)\b",
        r"\bwatch (your|ur|my|his|her) back\b",
        r"\bburn (your|the|our|my|his|her) (house|flat|place)", r"\bor else\b",
        r"\bknife\b", r"\bgun\b", r"\bmachete\b", r"\bintimidat\w*", r"\bwarned (me|him|her|us)\b",
        r"\bmenac\w*", r"\bwe know where (you|u) live", r"\bknows? where (i|we|you|she|he) live",
        r"\bbricks? through\b", r"\bdeath\b", r"\bpetrol\b", r"\bi'?ll (find|get) you\b",
        r"\bregret\b",
        r"\b(would|will|'d|'ll) '?(burn|bomb|kill|stab|hurt|attack|shoot|smash|torch|firebomb|"
        r"fix|sort|get|evict|batter|"
        r"beat)\b",
        r"\bsort (you|me|him|her|us|them) out\b",
        r"\bshould (all )?(die|burn|hang|be (killed|shot|hanged|gassed|bombed|burn[te]d?|"
        r"attacked|deported))\b",
        r"\b(swerv\w*|drove|driving|drive) (at|towards) (me|us|him|her|them)\b",
    ],
    "physical_assault": [
        r"\bpunch\w*", r"\bkick(ed|ing)? (me|him|her|us|them|my)\b",
        r"\bhit (me|him|her|us|them|my)\b", r"\bslap\w*",
        r"\bpush(ed|ing)? (me|him|her|us|them|my)\b", r"\bshov\w*", r"\bassault\w*", r"\battack\w*",
        r"\bspat (at|on|in)\b", r"\bspit (at|on|in)\b", r"\bspitting\b",
        r"\bbeat (me|him|her|us|them) up\b",
        r"\bbeaten\b", r"\bgrabb?ed\b",
        r"\bpulled (off )?(my|her|his) (hijab|headscarf|turban|hair|scarf|wig|kippah)",
        r"\b(threw|throwing|throws|throw|thrown|chuck\w*|lobb\w*) .{0,30}\b(at|over) (me|him|her|"
        r"us|them|my (head|"
        r"face))\b",
        r"\bthrown at\b", r"\bheadbutt\w*", r"\bpoured .{0,20}\b(on|over) (me|him|her|us|them)\b",
        r"\b(ripped|pulled|tore|yanked|grabbed|snatched|pulling|tugg\w*) (off |at )?(my|her|his|"
        r"their) (hijab|headscarf|turban|hair|scarf|wig|kippah|kufi|niqab|burqa|veil|bum|"
        r"breasts?|arm)\b",
        r"\bpull(ed|ing)? at (it|my|her|his)\b",
        r"\bstabb?ed\b", r"\bstrangl\w*", r"\bchok(ed|ing)\b", r"\btripped (me|him|her)\b",
        r"\bknocked (me|him|her|them) (down|over|off)", r"\bbit (me|him|her)\b",
        r"\bhurt (me|him|her|us)\b",
        r"\bglassed\b", r"\bbottled\b", r"\bscratched (me|him|her|my face)\b", r"\bpunched\b",
        r"\bbeat up\b",
        r"\bhit (with|by)\b", r"\bknocked\b.{0,20}\bout\b", r"\bphysical\w*", r"\bjumped\b",
    ],
    "property_damage": [
        r"\bsmash\w*",
        r"\bbroke(n)? (my|our|the|his|her) (window|door|car|windscreen|fence|gate|letterbox|lock|"
        r"bike)",
        r"\bgraffiti\w*", r"\bspray[- ]?paint\w*", r"\bsprayed\b",
        r"\bscratch(ed)? .{0,20}\b(car|door|paint)",
        r"\bkeyed\b", r"\bvandal\w*", r"\bdamag\w*", r"\bslash\w* .{0,20}\btyres?",
        r"\btyres? (slashed|let down)",
        r"\begged\b", r"\bset fire\b", r"\bset on fire\b", r"\barson\b", r"\bburnt\b",
        r"\bburned (down|out)\b",
        r"\bdaubed\b",
        r"\bpainted .{0,30}\bon\b", r"\bkicked (in|down) (my|our|the) door", r"\bbrick through\b",
        r"\bripped (down|up)\b",
        r"\btore (down|up)\b", r"\bdestroy\w*", r"\bdented\b",
        r"\bcracked (my|our|the) (window|windscreen)",
        r"\bwindows? (was |were )?(broken|smashed|put in)", r"\bswastika\w*", r"\bstole\b",
        r"\bstolen\b",
        r"\beggs? at (my|our|the|his|her) (house|window|windows|door|car|flat|shop)\b",
        r"\bkicked (his|her|my|their|our) (\w+ )?(bag|sleeping bag|belongings|things|stuff|door|"
        r"bike|scooter|car|"
        r"bins?)\b",
        r"\bwrote .{0,40}\bon (my|our|the|his|her) (\w+ )?(door|wall|car|house|fence|shop|lift|"
        r"van|window|shutter)\b",
    ],
    "online_abuse": [
        r"\bonline\b", r"\binstagram\b", r"\bfacebook\b", r"\btiktok\b", r"\btik tok\b",
        r"\btwitter\b",
        r"\btweet\w*", r"\bsnapchat\b", r"\bwhatsapp\b", r"\byoutube\b", r"\breddit\b",
        r"\bdiscord\b",
        r"\btelegram\b", r"\bsocial media\b", r"\bdms?\b", r"\bdirect messages?\b",
        r"\bgroup chat\b",
        r"\bcomments? (on|under) (my|her|his|our|the) (post|photo|video|page)", r"\bposted\b",
        r"\btrolled\b",
        r"\btroll\w*", r"\bxbox\b", r"\bplaystation\b", r"\bonline game\w*",
        r"\bfake (account|profile)\w*",
        r"\bemails?\b", r"\btext messages?\b", r"\bsent me (messages|texts|voice notes)\b",
        r"\bvoice notes?\b",
        r"\bnextdoor\b", r"\bon x\b", r"\btwitch\b", r"\bvoice chat\b", r"\bsteam\b",
    ],
    "harassment": [
        r"\bharass\w*", r"\bfollow(ed|ing|s)? (me|him|her|us|them|my)\b", r"\bstalk\w*",
        r"\bkeeps? (on )?\w+ing\b",
        r"\bevery (day|night|week|morning|evening|time)\b", r"\ball the time\b",
        r"\bmost (nights|days|mornings|evenings|weekends)\b",
        r"\bhappens? (all the time|a lot|every)\b",
        r"\bwon'?t (leave|stop)\b", r"\bfor (weeks|months|years)\b", r"\brepeated\w*",
        r"\bconstant\w*",
        r"\bnotes? (through|under|on) (my|our|the) (door|letterbox)",
        r"\bthrough (my|our|the) letterbox\b",
        r"\bbang\w* on (the|my|our) (walls?|ceiling|floor)", r"\bstar(ed|ing|es) at\b",
        r"\bglar\w*",
        r"\bwaits? for (me|us|him|her)\b", r"\bblock(ed|ing|s)? (my|our|the) (way|path|door)",
        r"\bdog (mess|poo|poop|dirt)\b", r"\bbullying\b", r"\bbull(y|ies|ied)\b", r"\bpicking on\b",
        r"\bcamera\w* at (my|our)\b", r"\bfilm(ed|ing) (me|us|him|her)\b",
        r"\bsince (january|february|march|april|may|june|july|august|september|october|november|"
        r"december|last|the summer|we moved|"
        r"i moved)",
        r"\bagain and again\b", r"\bongoing\b", r"\bhounded\b", r"\bpester\w*",
    ],
    "other": [
        r"\brefused (to serve|service|entry|to let|to take|to carry|to allow|to pick)\b",
        r"\bthrew (me|us|him|her|them) out\b", r"\bwouldn'?t serve\b", r"\bturned away\b",
        r"\bstickers?\b", r"\bleaflets?\b", r"\bposters?\b", r"\bflyers?\b", r"\bbanner\b",
        r"\bexcluded\b", r"\bdiscriminat\w*", r"\bignored (me|us)\b.{0,20}\b(served|queue)",
        r"\bkicked (me|us|him|her) (out|off)\b", r"\bthrown out\b",
        r"\bwouldn'?t let (me|us|him|her) (on|in)\b",
        r"\bdriver (drove|went) (past|off)\b", r"\brubbish\b.{0,30}\b(dumped|left|thrown)\b",
    ],
}


def _compile(table: dict[str, list[str]]) -> dict[str, re.Pattern[str]]:
    return {key: re.compile("|".join(f"(?:{p})" for p in pats)) for key, pats in table.items()}


STRAND_RES = _compile(STRAND_PATTERNS)
INCIDENT_RES = _compile(INCIDENT_PATTERNS)
# Swear words a mask can also stand for; a mask that fits one counts as a slur only when it names.
SWEARS = ["fuck", "fucks", "fucking", "fucker", "shit", "cunt", "piss", "pissed", "arse", "dick",
          "twat", "wank", "wanker", "bastard", "prick", "crap", "bollocks", "bloody", "damn"]
_NAMING = re.compile(r"\b(a|an|you|ur|your|dirty|stupid|fucking|bloody|little|filthy|those|them|"
                     r"all|fat|ugly|f\*+ing|effing|called|you're|youre|go home|like a)\s*$")
_MASKED = re.compile(r"(?<![\w*])([a-z][a-z*]*\*[a-z*]*)(?![\w*])")


def _masked_matches(token: str, word: str) -> bool:
    """'p***' matches 'paki'; 'f*g' matches 'fag': same length, letters agree where shown."""
    if len(token) != len(word) or token[0] != word[0]:
        return False
    return all(t == "*" or t == w for t, w in zip(token, word, strict=True))


def masked_strands(lowered: str, known: set[str] | frozenset[str] = frozenset()) -> set[str]:
    """Strands of asterisk-masked slurs in lower-cased text.

    A mask can fit slurs of several strands ("p***"): a strand the text names otherwise wins,
    else the first in MASKED_SLURS order (race, religion, ...).
    """
    found: set[str] = set()
    for match in _MASKED.finditer(lowered):
        token = match.group(1)
        fits = [s for s, words in MASKED_SLURS.items()
                if any(_masked_matches(token, w) for w in words)]
        if fits and any(_masked_matches(token, w) for w in SWEARS):
            # "f*** off" is a swear; "a f***" / "dirty p***" names someone: keep only the latter.
            if not _NAMING.search(lowered[max(0, match.start() - 12):match.start()]):
                fits = [s for s in fits if s in known]
        if fits:
            found.add(next((s for s in fits if s in known), fits[0]))
    return found
