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
