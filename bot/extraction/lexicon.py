"""Word lists for strands, and the compiled strand and incident-type rules (bot/taxonomy.py).

Each entry is a regular expression matched on normalised, lower-cased text. The lists hold slurs
because residents quote what was said to them; recognising a slur is how the strand is found.
Masked slurs ("p***", "f*g") are matched by shape in ``masked_strands``.
"""

from __future__ import annotations

import re
from functools import lru_cache

from bot.extraction.incident_words import INCIDENT_PATTERNS
from bot.extraction.lexicon_cues import ROUND7_STRANDS, ROUND14_STRANDS
from bot.extraction.nations import RACE_PATTERNS

STRAND_PATTERNS: dict[str, list[str]] = {
    "race": [
        r"racis[tm]\w*", r"racial\w*", r"\brace\b", r"ethnic\w*", r"skin colou?r",
        r"colou?r of my skin",
        r"go back to (your|ur|their|his|her) (own )?(country|countries)", r"go home to",
        r"\bpaki\w*",
        r"nigg\w*", r"n[- ]?word", r"monkey (noises|chants|sounds|gestures)", r"monkeys?\b",
        r"(?<!in )(?<!lot of )(?<!wears )(?<!wearing )(?<!dyed )"
        r"\bblack\b(?! (lipstick|nail|nails|eyeliner|make-?up|clothes|clothing|dress|coat|"
        r"jacket|"
        r"hoodie|car|van|bag|cab|eye|cat|dog|boots|hair|paint|ink|marker|bin|bags|flag))",
        r"\b(for|only for) the (english|british)\b", r"\b(english|british|whites?) only\b",
        r"\bching chong\b",
        r"\bwhite\b(?! (city|cane|stick|van|paint|powder|board|goods))", r"\basian\b",
        r"\bchinese\b", r"\bpolish\b", r"\bromanian\b",
        r"\bsomali\b",
        r"\bafrican\b", r"\barab\b", r"\bindian\b", r"\bforeign\w*", r"immigrant\w*",
        r"\bmigrant\w*",
        r"refugee\w*", r"asylum", r"\bgypsy\b", r"\bgypsies\b", r"\btraveller\w*", r"\bpikey\w*",
        r"\bchink\w*", r"\bwog\w*", r"\bcoon\w*", r"\bspic\w*", r"\bcovid\b.*\b(chinese|asian)",
        r"my accent", r"\bnationality\b", r"\beast(ern)? european", r"\bbrown\b", r"\bcountry\b",
        r"(?<!scared to )(?<!afraid to )(?<!want to )(?<!able to )(?<!wanted to )"
        r"(?<!terrified to )(?<!frightened to )(?<!need to )(?<!muslims )(?<!muslim )(?<!jews )"
        r"(?<!jew )(?<!sikhs )(?<!hindus )\bgo (back )?home\b",
        r"\bpoles?\b", r"\bblacks\b", r"\birish\b", r"\bnigerian\w*",
        r"\bpakistani\w*",
        r"\bbangladeshi\w*", r"\bturkish\b", r"\bkurd\w*", r"\beritrean\w*", r"\balbanian\w*",
        r"\bjamaican\w*",
        r"\bcaribbean\b", r"\blithuanian\w*", r"\bbulgarian\w*", r"\bportuguese\b",
        r"\bbrazilian\w*",
        r"\bafghan\w*", r"\bsyrian\w*", r"\biraqi\w*", r"\bsudanese\b", r"\bghanaian\w*",
        r"\bfilipin\w*",
        r"\bvietnamese\b", r"\bjapanese\b", r"\bkorean\b", r"\bchinese virus\b", r"\bkung flu\b",
        r"\bnot your kind\b", r"\broma\b",
        # round 5: slurs and dress the rules did not know
        r"\bgypp?os?\b", r"\bcurry (land|muncher|eater)s?\b", r"\bbongo\b",
        *RACE_PATTERNS,
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
        r"\bshul\b", r"\bmandir\b", r"\bmezuzah\w*", r"\bheil hitler\b", r"\bhitler\b",
        r"\bholocaust\b", r"\bgas chambers?\b", r"\bbin laden\b",
        r"\b(imam|rabbi|vicar|priest|preacher|pastor)s?\b", r"\bbible\w*", r"\bjesus\b",
        r"\bdiwali\b", r"\bidol worship\w*", r"\bcow worship\w*", r"\bhalal\b",
        r"\ballahu\b", r"\blangar\b", r"\byids?\b", r"\b(nazi|hitler) salutes?\b", r"\bsieg heil\b",
        r"\bzionists?\b", r"\bshylock\b", r"\bpatka\b", r"\bkirpan\b", r"\bniqabi?\b",
        r"\b(upside[- ]down|inverted) cross\b", r"\bchrist\b",
        # round 6: Hindu practice named
        r"\bp(u|oo)ja\b", r"\baarti\b",
    ],
    "sexual_orientation": [
        r"homophob\w*", r"\bgay\w*", r"\blesbian\w*", r"\bdyke\w*", r"\bfag\w*", r"\bqueer\w*",
        r"\bbisexual\w*", r"\bbi\b", r"\blgbt\w*", r"\bpoof\w*", r"\bbatty\w*", r"\bsexuality\b",
        r"sexual orientation", r"my (boyfriend|husband)\b.*\b(holding hands|kiss)",
        r"(holding hands|kissing) (with )?my (boyfriend|girlfriend|husband|wife|partner)",
        r"my (girlfriend|wife)\b.*\b(holding hands|kiss)", r"\bpride\b", r"rainbow flag",
        r"\bhomos?\b", r"\bbender\w*", r"same[- ]sex", r"\blez(z|zer|zie|zy|bo|bian)?s?\b",
        r"\blesbos?\b", r"\bbatty (boy|man)s?\b", r"\blezzas?\b",
    ],
    "disability": [
        r"disab\w*", r"wheelchair\w*", r"\bautis\w*", r"\bretard\w*", r"\bspastic\w*", r"\bspaz\w*",
        r"\bspacker\w*", r"\bmong\b", r"\bblind\b", r"\bdeaf\b", r"learning difficult\w*",
        r"learning disabilit\w*", r"mental health", r"\bmental\b", r"\bpsycho\b",
        r"down'?s? syndrome", r"walking frame", r"\bzimmer\b",
        r"visually impaired", r"partially sighted", r"hard of hearing", r"\bamputee\b",
        r"\bdementia\b", r"\bparkinson'?s\b", r"\bsigning\b", r"\bmobility\b",
        r"\bcripple\w*", r"\bcrip\b", r"guide dog", r"walking stick", r"\bcrutches\b",
        r"mobility scooter", r"\bcerebral palsy\b", r"\badhd\b", r"\bspecial needs\b",
        r"\bstammer\w*",
        r"\bstutter\w*", r"\bschizo\w*", r"\bepilep\w*", r"\bhearing aid", r"\bbenefits scrounger",
        r"\bnutter\b", r"\bfreak\b.*\b(wheelchair|disab)", r"\bsign language\b",
        r"\bthe way (she|he) walks",
        # round 5: disability shown by what a person uses or needs
        r"\b(assistance|hearing|service) dogs?\b", r"\bwhite (cane|stick)\b",
        r"\b(my|her|his|their) carers?\b", r"\brollator\b",
        r"\bprosthetic\w*", r"\bblue badge\b", r"\bhearing impaired\b", r"\bbsl\b",
        r"\bregistered blind\b", r"\b(oxygen|walking) (tank|frame|aid)\b", r"\btourette\w*",
        r"\bmultiple sclerosis\b", r"\bseizures?\b", r"\bsen\b",
    ],
    "transgender": [
        r"\btrans\b", r"transgender\w*", r"transphob\w*", r"\btranny\w*", r"\btrannie\w*",
        r"non-binary", r"nonbinary", r"non binary", r"deadnam\w*", r"misgender\w*",
        r"\bman in a dress\b", r"\bman in a wig\b", r"\bshemale\b", r"\bhe-she\b",
        r"called me (an )?[\"']?it\b", r"\bgender identity\b", r"\btransition\w*",
        r"\btrans (woman|man|girl|boy|people|person)",
        r"\bpronouns?\b", r"\bbefore (photos|pictures|pics)\b",
        r"\bcall(s|ed|ing)? (me|her|him|them) (an )?['\"]?it['\"]?\b",
        r"\b(refus\w*|won'?t|wouldn'?t) (to )?(use|call me by|book me in under) my (\w+ )?name\b",
        r"\b(use|go in) the (men'?s|gents|ladies|women'?s)\b",
        r"\b(she'?s|she is|this is) (really |actually |still )?a (man|bloke|geezer)\b",
        r"\b(he'?s|he is) (really |actually |still )?a (woman|girl)\b",
        r"\bborn a (man|woman|boy|girl)\b", r"\bnot a real (woman|man)\b",
        # round 6: dressed as the other sex, said as the offence
        r"\bdress(ed|ing|es)? (up )?(like|as) a (woman|man|girl|boy)\b",
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
        r"\b(women|girls|females)( \w+)? (should|shouldn'?t|can'?t|belong|are (all )?(too|just|"
        r"only|not))\b", r"\b(a )?(woman|girl) like (me|you|her)\b", r"\bno man would\b",
        r"\bsexy\b", r"\bdirty things\b", r"\b(touch|grop|fondl)\w* (me|her)\b",
        r"\b(my|her) (bum|bottom|breasts?|boobs?|tits|chest|backside|arse)\b",
        # round 5: sexual harassment without the words
        r"\bnice (legs|arse|bum|tits|body|boobs)\b", r"\bkiss(ing|y)? noises\b",
        r"\basking (me|her) out\b", r"\bwhat (he|they)'?d (like to )?do to (me|her)\b",
        r"\b(press|rubb?)(ed|ing|s)? (himself|his body|up) (\w+ ){0,2}against\b",
        r"\b(frigid|dirty|miserable) (cow|bitch)\b", r"\bi'?m a woman (living )?alone\b",
        r"\b(up|under) (my|her) (skirt|dress)\b", r"\bexposed himself\b", r"\bmasturbat\w*",
        r"\b(fat|stupid|lazy|silly|ugly|old) cow\b", r"\bsweetheart\b|\bdarling\b|\blove\?",
        r"\b(smile|give us a smile)\b.{0,20}\b(love|darling|sweetheart)\b",
        # round 6: whistled at, remarks on a body, "up for it"
        r"\bwhistl(ed|ing) at\b", r"\bwhistled\b.{0,40}\b(my|her) body\b",
        r"\b(i|she) (was|is) up for it\b",
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
        r"\bwork(ing)? class\b", r"\bposh\b", r"\bcoffin dodgers?\b",
        r"\b(us|we) old (ladies|men|people|folk)\b", r"\boaps?\b", r"\bpensioners?\b",
        r"\btramps?\b", r"\bsleep(ing)? (rough|in (a|the) doorway)\b",
    ],
}

# Masked slurs: a typed word with asterisks is compared with these by first letter and length.
MASKED_SLURS: dict[str, list[str]] = {
    "race": ["paki", "pakis", "nigger", "nigga", "niggers", "chink", "coon", "wog", "spic", "gypo",
             "pikey", "negro", "darkie", "golliwog", "monkey"],
    "religion": ["kike", "muzzie", "raghead", "towelhead", "yid"],
    "sexual_orientation": ["fag", "faggot", "fags", "faggots", "dyke", "dykes", "poof", "poofs",
                           "poofter", "queer", "queers",
                           "batty", "homo", "bender", "lezza", "lesbo"],
    "disability": ["retard", "retarded", "spastic", "spaz", "spacker", "mong", "cripple",
                   "window licker"],
    "transgender": ["tranny", "trannie", "shemale"],
    "sex_gender": ["slut", "whore", "slag", "bitch"],
}



def _alternation(pats: list[str]) -> str:
    """One pattern for a list; the shared leading word boundary is factored out, so the engine
    skips positions inside words at once (about five times faster on the strand lists)."""
    bounded = [p[2:] for p in pats if p.startswith(r"\b")]
    others = [p for p in pats if not p.startswith(r"\b")]
    parts = [r"\b(?:" + "|".join(f"(?:{p})" for p in bounded) + ")"] if bounded else []
    parts += [f"(?:{p})" for p in others]
    return "|".join(parts)


def _compile(table: dict[str, list[str]]) -> dict[str, re.Pattern[str]]:
    return {key: re.compile(_alternation(pats)) for key, pats in table.items()}


for _strand, _patterns in [*ROUND7_STRANDS.items(), *ROUND14_STRANDS.items()]:  # lexicon_cues.py
    STRAND_PATTERNS[_strand] = [*STRAND_PATTERNS[_strand], *_patterns]
STRAND_RES = _compile(STRAND_PATTERNS)
INCIDENT_RES = _compile(INCIDENT_PATTERNS)


@lru_cache(maxsize=64)
def strand_cues(low: str) -> dict[str, tuple[int, ...]]:
    """Where each strand's words start in the text (cached: several rules ask per account)."""
    return {s: tuple(m.start() for m in rx.finditer(low)) for s, rx in STRAND_RES.items()}


@lru_cache(maxsize=64)
def incident_words(low: str) -> frozenset[str]:
    """The incident types whose words appear in the text (cached like ``strand_cues``)."""
    return frozenset(t for t, rx in INCIDENT_RES.items() if rx.search(low))
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
