"""Which faith the hostility targeted: muslim, jewish, sikh, hindu, christian, other.

The case's support depends on it (Tell MAMA for anti-Muslim hate, CST for antisemitic hate), so
an account with the religion strand is read for the faith it shows: what the person wore or was
called, the place of worship attacked. Identity cues (dress, words, slurs) beat places of worship,
which are often only landmarks ("outside the church on X Road"). "Terrorist" and the like are
aimed at Muslims far more often, and at Sikhs in turbans: they count as muslim unless a Sikh cue
is present. Unknown -> []. Word lists are regular expressions on normalised lower-case text.
"""

from __future__ import annotations

import re

from bot.extraction.normalize import normalize

FAITHS = ("muslim", "jewish", "sikh", "hindu", "christian", "other")

_IDENTITY: dict[str, list[str]] = {
    "muslim": [r"muslims?", r"islam\w*", r"hijab\w*", r"niqab\w*", r"burq?a\w*", r"abaya\w*",
               r"jilbab\w*", r"allah", r"qu?rans?", r"korans?", r"imams?", r"ramadan", r"eid",
               r"kufi", r"muzzies?", r"moslems?", r"halal", r"prayer mat\w*", r"allahu akbar",
               r"jihad\w*", r"sharia", r"mohammed", r"muhammad", r"prophet", r"isis"],
    "jewish": [r"jews?", r"jewish", r"jewess", r"antisemit\w*", r"anti-semit\w*", r"kippah\w*",
               r"kippot", r"yarmulke\w*", r"kike\w*", r"yids?", r"star of david", r"mezuzah\w*",
               r"hitler", r"holocaust", r"gas chambers?", r"heil", r"rabbi\w*", r"kosher",
               r"hasid\w*", r"chasid\w*", r"orthodox jew\w*", r"zionis\w*", r"menorah",
               r"hanukk?ah", r"chanukk?ah", r"shabbat", r"sabbath", r"tzitzit", r"sidelocks?",
               r"payot", r"nazis?", r"swastikas?", r"sieg heil"],
    "sikh": [r"sikhs?", r"sikhism", r"turbans?", r"dastar", r"patka", r"kirpan",
             r"gurdwaras?", r"gurudwaras?", r"guru nanak", r"singh"],
    "hindu": [r"hindus?", r"hinduism", r"bindi", r"diwali", r"holi", r"ganesh\w*", r"krishna",
              r"mandirs?", r"tilak"],
    "christian": [r"christians?", r"christianity", r"catholics?", r"protestants?", r"crucifix",
                  r"cross (around|round|on) (my|his|her|their) neck", r"bible\w*", r"vicar",
                  r"priests?", r"nuns?", r"pastor", r"(upside[- ]down|inverted) cross", r"jesus",
                  r"(street )?preachers?", r"mass",
                  r"orthodox christian\w*", r"evangelical\w*"],
    "other": [r"buddhis\w*", r"buddha", r"jains?", r"jainism", r"rastafari\w*", r"rastas?",
              r"pagans?", r"wicca\w*", r"baha'?i", r"zoroastrian\w*", r"atheis\w*", r"humanists?",
              r"druids?", r"witch(es)?\b(?! hunt)", r"scientolog\w*", r"jehovah'?s? witness\w*",
              r"mormons?", r"shinto\w*", r"taois\w*"],
}
# Places of worship: a faith only when no identity cue names one.
_PLACES: dict[str, list[str]] = {
    "muslim": [r"mosques?", r"masjids?", r"islamic cent(re|er)", r"pork", r"bacon"],
    "jewish": [r"synagogues?", r"shul"],
    "sikh": [r"gurdwaras?"],
    "hindu": [r"mandirs?", r"hindu temple"],
    "christian": [r"church\w*", r"chapel", r"cathedral"],
    "other": [r"buddhist temple", r"vihara", r"kingdom hall"],
}
_TERROR = re.compile(r"\b(terroris\w*|bombers?|suicide bomb\w*|bin laden|taliban|al[- ]qaeda|"
                     r"towel ?heads?|rag ?heads?|camel jockeys?)\b")
_TEMPLE = re.compile(r"\btemples?\b")


def _compile(table: dict[str, list[str]]) -> dict[str, re.Pattern[str]]:
    return {k: re.compile(r"\b(?:" + "|".join(v) + r")\b") for k, v in table.items()}


_IDENTITY_RES = _compile(_IDENTITY)
_PLACE_RES = _compile(_PLACES)
_NONE = re.compile(r"^\W*(none|no|no religion|not religious|no faith|nothing|n/?a|"
                   r"i'?m not religious|i don'?t have (one|a religion|a faith))\W*$")
_OTHER_WORDS = re.compile(r"\b(other|another|different|something else|my own)\b")


def faiths(low: str) -> list[str]:
    """The faith(s) the account shows, from normalised lower-case text ([] when unknown)."""
    found = {f for f, rx in _IDENTITY_RES.items() if rx.search(low)}
    if _TERROR.search(low) and "sikh" not in found:
        found.add("muslim")
    if not found:
        found = {f for f, rx in _PLACE_RES.items() if rx.search(low)}
        if not found and _TEMPLE.search(low):
            found.add("hindu")
    return [f for f in FAITHS if f in found]


def parse_faith(text: str | None) -> list[str]:
    """The faith(s) named in a form answer ("muslim", "I'm Jewish", "sikh"); [] for none/unknown."""
    if not isinstance(text, str):
        return []
    low = normalize(text).lower()
    if not low.strip() or _NONE.match(low):
        return []
    found = faiths(low)
    if not found and _OTHER_WORDS.search(low):
        return ["other"]
    return found
