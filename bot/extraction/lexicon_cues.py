"""Strand word rules, round 7: kinds of cue held_out_6_tuned's misses showed (merged into
``lexicon.STRAND_PATTERNS``; each list extends the strand's own).

- sexual_orientation: a gay dating app (Grindr); "cure" said of a person (conversion); "which
  one of you is the woman" said to a same-sex couple; rainbow stickers, lanyards and badges.
- transgender: the "old" or birth name used (deadnaming without the word); "you're a man" said
  to someone.
- race: "the P word" (as "the N word").
- sex_gender (misogyny without the keywords): what women "are" as an insult ("all the X women
  are prostitutes"); comments about a woman's body ("my body" alone is
  not enough: men are commented on too); "what he'd like to do with" her.
- disability: more aids and needs (cochlear implant, lip reading, Makaton, supported living).

Round 14 (``ROUND14_STRANDS``), read off the strands set
``tests/data/facts/narratives_tuning14g.yml`` (the reason shown, not named): a same-sex couple
said by what they do or are called ("two women kissed", "two mummies", "a boy who kisses boys",
"keep it in the closet"); a trans person said by what is denied ("living as a girl", "that's a
bloke", "his Adam's apple", "whatever you are", "get out of the women's"); a subculture by its
clothes, bands and the names it is called ("liberty spikes", "a back patch", "band hoodies",
"vampire freaks", "the witch escapes the coven"); a disability by a tic, a stammer mocked,
Down's, a working dog in harness; a dastar.
"""

from __future__ import annotations

ROUND7_STRANDS: dict[str, list[str]] = {
    "sexual_orientation": [
        r"\bgrindr\b",
        r"'?\bcure'? (me|him|her|you|them|us)\b(?! of (cancer|covid))",
        r"\bwhich (one )?of (you|them|us) is the (woman|man|girl|wife|husband|bloke)\b",
        r"\brainbow (stickers?|lanyards?|badges?|pins?|flags?|laces|bracelets?)\b",
    ],
    "transgender": [
        r"\b(my|her|his|their) (old|birth|dead|former|previous|legal) name\b",
        r"\b(you'?re|you are|ur) (still |really |just |actually )?a (man|bloke|geezer|boy)\b",
        r"\bnot calling (you|me|her|him|them) (that|by)\b",
    ],
    "race": [
        r"\bthe p[- ]?word\b",
    ],
    "sex_gender": [
        r"\b(wom[ae]n|girls|females|ladies)\b (are|is) (all )?(prostitutes|whores|sluts|slags|"
        r"hookers|gold ?diggers|easy|for sale|objects|property|sluts)\b",
        r"\b(comments?|remarks?|messages?|posts?) (\w+ ){0,4}about (her body|(my|her) (figure|"
        r"legs|breasts|boobs|bum|arse|looks))\b",
        r"\bwhat (he|they)('d| would) (like to |love to |want to )?do (to|with) (me|her|it|my "
        r"body|her body)\b",
    ],
    "disability": [
        r"\bcochlear implants?\b", r"\blip ?read\w*", r"\bmakaton\b",
        r"\bsupported (housing|living|accommodation)\b",
    ],
}

ROUND14_STRANDS: dict[str, list[str]] = {
    "sexual_orientation": [
        r"\btwo (mummies|mums|mommies|dads|daddies|fairies|blokes playing|queens)\b",
        r"\b(men|boys|lads|women|girls) (kissing|who kiss|kiss|dating|fancying) (men|boys|lads|"
        r"women|girls)\b",
        r"\b(a|any) (boy|man|lad|girl|woman) who (kisses|likes|fancies|dates) (boys|men|lads|"
        r"girls|women)\b",
        r"\btwo (women|men|girls|boys|lads|blokes) (were |are )?(kissing|kissed|holding hands|"
        r"held hands)\b",
        r"\b(keep it|back|go back|get back) in the closet\b",
        r"\brainbow (group|club|society|poster)\b",
        r"\b(he|my son|my brother) (has|'s got|has got|had) a boyfriend\b",
        r"\b(she|my daughter|my sister) (has|'s got|has got|had) a girlfriend\b",
        r"\bboyfriend\b[^.!?]{0,10}\bi'?m a (lad|boy|man|guy)\b",
        r"\bgirlfriend\b[^.!?]{0,10}\bi'?m a (girl|woman|lass)\b",
    ],
    "transgender": [
        r"\bliving as (a )?(girl|woman|boy|man|who (i|she|he|they) (am|is|are)|myself|herself|"
        r"himself)\b",
        r"\badam'?s apple\b",
        r"\b(that'?s|it'?s|thats) (a|really a|actually a) (bloke|man|geezer|fella)\b",
        r"\bwhatever (you|she|he|they|it) (are|is)\b",
        r"\bthe (girl'?s|boy'?s) name (he|she|they) had\b",
        r"\b(get|should get|go) out of the (women'?s|ladies'?|men'?s|gents'?)\b",
        r"\bcheck what'?s under\b",
    ],
    "alternative_subculture": [
        r"\bliberty spikes\b", r"\bback patch\b", r"\bbattle jacket\b",
        r"\bband (t-?shirts?|tees?|hoodies?|shirts?)\b", r"\beyeliner\b",
        r"\b(black|purple|dark) (lace|lips|lipstick)\b", r"\bplatform(s| boots)\b",
        r"\b(vampire|devil) (freaks?|boy|girl|worshipp\w+)\b", r"\bdevil worshipp\w+",
        r"\bcoven\b", r"\bburn(ed)? (the|a) witch\b", r"\bgo back to your coffin\b",
        r"\b(slayer|metallica|iron maiden|black sabbath|slipknot|marilyn manson|my chemical "
        r"romance|ozzy)\b",
    ],
    "disability": [
        r"\b(has|got|with|he'?s got|she'?s got) down'?s\b", r"\bdown'?s syndrome\b",
        r"\b(he|she|i|my son|my daughter) (has|have|'s got|'ve got) tics\b", r"\btourette'?s?\b",
        r"\bstammer\w*", r"\bstutter\w*", r"\bstuck on my words\b",
        r"\bin (her|his) harness\b", r"\bworking dog\b",
    ],
    "religion": [
        r"\bdastaa?r\b", r"\bpagg?ri\b",
    ],
}
