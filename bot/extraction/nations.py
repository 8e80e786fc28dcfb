"""Nationality and xenophobic abuse: the race strand (UK hate-crime law counts nationality as race).

"Go back to Poland", "Romanians come here for the NHS", "speak English": a country or a
nationality named in a report of abuse is the race strand. The lists are broad on purpose (the
borough's communities and the usual targets of anti-migrant abuse); a country alone counts only
in the shapes abuse takes ("go back to X", "X out", "from X"), a nationality word anywhere.
"""

from __future__ import annotations

COUNTRIES = [
    "afghanistan", "africa", "albania", "algeria", "asia", "bangladesh", "brazil", "bulgaria",
    "china", "colombia", "congo", "cyprus", "czech republic", "egypt", "eritrea", "ethiopia",
    "europe", "france", "germany", "ghana", "greece", "hungary", "india", "iran", "iraq",
    "ireland", "italy", "jamaica", "kenya", "kosovo", "kurdistan", "latvia", "lebanon", "libya",
    "lithuania", "mexico", "moldova", "morocco", "nigeria", "pakistan", "palestine", "philippines",
    "poland", "portugal", "romania", "russia", "serbia", "sierra leone", "slovakia", "somalia",
    "spain", "sri lanka", "sudan", "syria", "the caribbean", "the congo", "turkey", "uganda",
    "ukraine", "vietnam", "yemen", "zimbabwe",
]
DEMONYMS = [
    "afghans?", "africans?", "albanians?", "algerians?", "arabs?", "asians?", "bangladeshis?",
    "brazilians?", "bulgarians?", "caribbean", "chinese", "colombians?", "congolese", "cypriots?",
    "czechs?", "egyptians?", "eritreans?", "ethiopians?", "europeans?", "filipinos?", "filipinas?",
    "french", "germans?", "ghanaians?", "greeks?", "hungarians?", "indians?", "iranians?",
    "iraqis?", "irish", "italians?", "jamaicans?", "kenyans?", "kosovans?", "kurds?", "kurdish",
    "latvians?", "lebanese", "libyans?", "lithuanians?", "mexicans?", "moldovans?", "moroccans?",
    "nigerians?", "pakistanis?", "palestinians?", "poles", "polish", "portuguese", "romanians?",
    "russians?", "serbians?", "serbs?", "sierra leoneans?", "slovaks?", "slovakians?",
    "somalis?", "somalians?", "spanish", "sri lankans?", "sudanese", "syrians?", "tamils?",
    "turks", "turkish", "ugandans?", "ukrainians?", "vietnamese", "yemenis?", "zimbabweans?",
    "east(?:ern)? europeans?", "west africans?", "latinos?", "latinas?", "hispanics?",
    "bengalis?", "gujaratis?", "punjabis?", "sikhs? and asians?", "nepalese", "nepalis?",
    "ethiopians?", "congolese", "zambians?", "tanzanians?", "peruvians?", "venezuelans?",
    "bosnians?", "croatians?", "estonians?", "ukranians?", "belarusians?", "georgians?",
]

_COUNTRY = "(?:" + "|".join(COUNTRIES) + ")"
_DEMONYM = "(?:" + "|".join(DEMONYMS) + ")"

# Regular expressions added to the race strand in lexicon.py (lower-cased, normalised text).
RACE_PATTERNS = [
    rf"\b{_DEMONYM}\b",
    rf"\b(?:go|get|going|went|fuck off|piss off|send (?:you|them|him|her|us)|sent) "
    rf"(?:back |home )*(?:to|on) (?:your |ur |their |his |her )?(?:own )?{_COUNTRY}\b",
    rf"\b(?:back|home) to {_COUNTRY}\b",
    r"\bwhere (?:you|u|they|she|he|we) (?:came|come) from\b",
    r"\b(?:speak|learn|talk) (?:proper |bloody |fucking )?english\b", r"\billegals\b",
    r"\billegal (?:immigrants?|migrants?|aliens?)\b", r"\bsmall boats?\b",
    r"\b(?:back )?(?:on|in) (?:your|ur|their|his|her|a) (?:own )?(?:boat|dinghy)\b",
    r"\bbritish jobs\b",
]
