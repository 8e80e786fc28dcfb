"""Incident-type word rules, round 7: the kinds of phrasing held_out_6_tuned's misses showed.

Merged into ``incident_words.INCIDENT_PATTERNS`` (each list extends the type's own). Why each:

- threats: harm promised in reported speech with verbs the older lists lacked ("saying they'll
  shave my locks off", "tip me out of it", "going to 'cure' me"); mates brought round to do it;
  "they'd be back tonight"; incitement ("people should 'deal with it' if they see me").
- verbal_abuse: noises and comments on a body ("make kissing noises", "comment on my legs");
  "go home" said; a quoted question asked at someone ("keeps asking 'which one of you...'");
  what a group "are", with more words before ("say all the Brazilian women are ...").
- physical_assault: something thrown or flicked at a head or face, or past it; an aid pulled out
  (hearing aids, glasses); a body part clipped or struck; "spits at me" in the present; a thing
  snatched out of someone's hand.
- property_damage: tyres "let down"; things on a doorstep kicked over (diyas, lights, candles);
  "it's broken" said of a thing. (Not: pork or bacon left at a home, which the tuned parts label
  harassment, not damage; the labelling rule's damage is for places of worship.)
- harassment: "kept following" (stalking, even inside one journey).
- other: walked or shown out; a job refused until or unless ("won't fix our leak until we ...");
  a minicab driving off.
"""

from __future__ import annotations

_HARM = (r"(shave|tip|section\w*|drag|jump|rip|pull|set (fire|light)|run (me|you|him|her|us) "
         r"over|cure|straighten|convert|glass|bottle|slash|acid|deport|kick|smash|break|burn)")

ROUND7_PATTERNS: dict[str, list[str]] = {
    "threats": [
        rf"\b(say|says|said|saying|told (\w+ )?(me|him|her|us|them)|shout\w*|warn\w*)( that)? "
        rf"(he|she|they|you|we|i|people)('ll| will| would|'d| (is|are|was|were) going to|'s "
        rf"going to|'re going to| (is|are) gonna) '?{_HARM}\b",
        r"\b(going to|gonna|will|'ll|would|'d) '?(cure|straighten|convert)'? (me|you|him|her|us|"
        r"them)\b",
        r"\b(bring\w*|brought|get\w*) (his|her|their|my|the) (mates|friends|brothers|boys|lads|"
        r"cousins|crew|gang) (round|over|back|down)\b",
        r"\b(he|she|they)('d| would|'ll| will) be back (tonight|later|tomorrow|again|for (you|me|"
        r"us|him|her|them))\b",
        r"\bshould '?(deal with|sort( out)?|get|do|teach|kill|hurt|beat|attack|batter|jump) "
        r"[\w' ]{0,20}if (they|you|people|anyone|someone) (see|find|meet|catch|spot)\b",
    ],
    "verbal_abuse": [
        r"\b(mak\w*|made|doing|did) (\w+ ){0,2}(kissing|sucking|smacking|monkey|animal|grunting|"
        r"sex|moaning|barking|pig|oink\w*|whistling) (noises|sounds)\b",
        r"\bcomment\w* on (my|her|his|their) (legs|body|bum|backside|chest|breasts|boobs|figure|"
        r"skin|hair|accent|looks|weight|clothes|dress|skirt)\b",
        r"\b(say|says|said|saying|shout\w*|tell\w*|told) (\w+ ){0,3}go home\b",
        r"\b(ask|asks|asked|asking) (me |him |her |us |them )?(if |whether )?['\"]\w",
        r"\b(say|says|said|saying) (that )?(all )?(the )?([a-z]+ ){1,3}(women|men|people|girls|"
        r"boys) (are|is|were) \w+",
    ],
    "physical_assault": [
        r"\b(threw|throw|throwing|thrown|flick\w*|chuck\w*|lobb\w*|hurl\w*|flung) .{0,40}\b(at|"
        r"next to|near|past|by|towards) (his|her|my|their|our) (head|face|eyes?)\b",
        r"\b(pull\w*|ripp?\w*|yank\w*|snatch\w*|took|take[ns]?|knock\w*|grabb?\w*) ([\w']+ ){0,3}"
        r"(hearing aids?|glasses|cochlear implant|earpiece) (out|off|from)\b",
        r"\b(clipped|struck|caught|hit) (my|his|her|their) (\w+'s )?(arm|leg|shoulder|head|face|"
        r"back|hand|elbow)\b",
        r"\bspits (at|on|in)\b",
        r"\b(snatch|grabb?|yank|ripp?|pull|tore|tear|wrench|twist)\w* (\w+ ){0,3}(out of|from) "
        r"(my|his|her|their|our) (hands?|grip|arms?)\b",
    ],
    "property_damage": [
        r"\b(let|letting|lets) (down|out) ([\w']+ ){0,3}tyres?\b",
        r"\b(let|letting|lets) (\w+ ){0,2}tyres? (on|of) (my|his|her|our|their|the) (\w+ ){0,2}"
        r"(car|van|scooter|mobility scooter|bike|wheelchair)\b",
        r"\b(kicked|knocked|pushed|tipped|smashed|stamped on) (over|down)? ?(the|my|our|his|her|"
        r"their) (\w+ ){0,2}(diyas?|lights|candles|lanterns|decorations|ornaments|statues?|"
        r"flowers|memorial|menorah|plant pots|pots|nativity \w+)\b",
        r"\b(it'?s|it is|it was|they'?re|they are|now) (\w+ )?(broken|smashed|ruined|wrecked|"
        r"destroyed)\b(?! (arm|leg|nose|rib|wrist|bone))",
    ],
    "harassment": [
        r"\b(kept|keeps|keep) (on )?following (me|her|him|us|them)\b",
        r"\b(he|she|they) (kept|keeps) following\b",
    ],
    "other": [
        r"\b(walked|marched|escorted|frogmarched|showed|saw) (me|us|him|her|them) (out|off the "
        r"premises|to the door)\b",
        r"\b(won'?t|wouldn'?t|will not|would not|refuses? to|refused to) (fix|repair|mend|deliver|"
        r"collect|sort|help|clean|do|serve|take|carry) (\w+ ){0,3}(until|unless|because)\b",
        r"\bminicab\b.{0,160}\b(drove|went|pulled) (off|away|past)\b",
    ],
}
