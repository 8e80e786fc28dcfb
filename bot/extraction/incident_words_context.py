"""Word rules for the incident types told by their context: online abuse (where), harassment
(how often) and other (refusals, leaflets, hate symbols). Merged into INCIDENT_PATTERNS by
incident_words.py; same conventions (normalised lower-case text, labelling rules in
docs/extraction.md).
"""

from __future__ import annotations

CONTEXT_PATTERNS: dict[str, list[str]] = {
    "online_abuse": [
        r"\bonline\b", r"\binstagram\b", r"\bfacebook\b", r"\btiktok\b", r"\btik tok\b",
        r"\btwitter\b",
        r"\btweet\w*", r"\bsnapchat\b", r"\bwhatsapp\b", r"\byoutube\b", r"\breddit\b",
        r"\bdiscord\b",
        r"\btelegram\b", r"\bsocial media\b", r"\bdms?\b", r"\bdirect messages?\b",
        r"\bgroup chat\b", r"\bteam chat\b", r"\bon teams\b", r"\bslack\b",
        r"\bmessag(ed|ing) (me |us )?(saying|that)\b",
        r"\bcomments? (on|under) (my|her|his|our|the) (post|photo|video|page)", r"\bposted\b",
        r"\btrolled\b",
        r"\btroll\w*", r"\bxbox\b", r"\bplaystation\b", r"\bonline game\w*",
        r"\bfake (account|profile)\w*",
        r"\bemails?\b", r"\btext messages?\b", r"\bsent me (messages|texts|voice notes)\b",
        r"\bvoice notes?\b",
        r"\bnextdoor\b", r"\bon x\b", r"\bdm(ed|ing|s)?\b", r"\bposting\b",
        r"(?<!taking )(?<!takes )(?<!took )(?<!steals )(?<!stole )(?<!opens )(?<!opened )"
        r"\b(a|the|my|his|her|their|these|those|them) posts?\b(?! office|box)",
        r"\b(live ?)?stream(ing|s|er)?\b",
        r"\bgo(ing)? live\b", r"\btwitch\b", r"\bvoice chat\b", r"\bsteam\b",
    ],
    "harassment": [
        r"\bharass\w*",
        # round 5: how long or how many, and the same people back again
        r"\bfor (about |around |nearly |over |almost )?(a|an|one|two|three|four|six|\d+|a few|"
        r"several) (weeks?|months?|years?)\b",
        r"\b(dozens|loads|hundreds|lots|tons) of (messages|replies|comments|dms|calls|texts|emails|"
        r"posts)\b",
        r"\bsince (i|we|he|she|they) (posted|came out|started|moved|arrived|complained|reported|"
        r"was elected|told)\b",
        r"\bthe same (group|boys|lads|men|man|people|gang|kids|girls|woman|guy)\b([\w' ]){0,60}"
        r"\bagain\b",
        r"\bfollow(ed|ing|s)? (me|him|her|us|them|my)\b(?! (\w+ )?(shouting|calling|screaming|"
        r"yelling|swearing))",
        r"\bstalk\w*",
        r"\bkeeps? (on )?(?!(hearing|thinking|seeing|feeling|worrying|checking|looking|wondering|"
        r"getting scared|crying|shaking)\b)\w+ing\b",
        r"\bevery (\w+ )?(day|night|week|weekend|morning|evening|time|month|monday|tuesday|"
        r"wednesday|thursday|friday|saturday|sunday)\b", r"\ball the time\b",
        r"\b(since|ever since) (i|she|he|they|we|my \w+) (\w+ )?(started|moved|began|came|"
        r"arrived|got|opened|put|turned|complained|reported|told|came out)\b",
        r"\b(\w+) (nights?|days?|weeks?|times?) (running|in a row)\b",
        r"\b(second|third|fourth|fifth|sixth|\d+(st|nd|rd|th)) (time|night|day|week|incident) "
        r"(this|in|that|now|since|running)\b",
        r"\b(twice|three times|four times|several times|many times|loads of times|again and again)"
        r"\b",
        r"\b(they|he|she|kids|people|lads|boys|girls|neighbours?|men|women) always\b",
        r"\b(has|have|'s|'ve) been (posting|calling|shouting|following|sending|leaving|banging|"
        r"harassing|messaging|texting|spreading|saying|threatening|telling|duetting|tagging|"
        r"commenting|watching|filming|waiting|knocking|writing|putting|targeting|picking)\b",
        r"\b(it'?s|it has|this has|it'?s been|has been going on for) (been )?(nearly |almost |over "
        r"|about |more than )?(a|two|three|four|\d+|several|a few) (weeks?|months?|years?)\b",
        r"\bbeen getting (\w+ )?(messages|calls|texts|abuse|comments|dms|emails|letters|notes)\b",
        r"\b(calls|shouts at|spits at|swears at|follows|stares at|throws \w+ at|leaves \w+ "
        r"(at|on|outside)) (me|him|her|us|them|my|our)\b",
        r"\band again (this|last|yesterday|today|on)\b|\bfirst time (was|it happened)\b",
        r"\bmost (nights|days|mornings|evenings|weekends)\b",
        r"\bhappens? (all the time|a lot|every)\b",
        r"\bwon'?t (leave|stop)\b(?! (touching|grabbing|groping|hitting|pushing|kicking))",
        r"(?<!there )(?<!up )\bfor (weeks|months|years)\b",
        r"\bpick(ed|s|ing)? on\b", r"\balways (being|getting|calling|shouting|saying|picking)\b",
        r"\bgets? (picked on|bullied|called|abused)\b", r"\brepeated\w*",
        r"\bconstant\w*",
        r"\bnotes? (through|under|on) (my|our|the) (door|letterbox)",
        r"\b(notes?|letters?|leaflets?|dog mess|dog poo|excrement|poo|rubbish|things|stuff|cards?|"
        r"pictures?) (\w+ )?(pushed |put |shoved |posted |through )?through (my|our|the|her|his) "
        r"letterbox\b",
        r"\bbang\w* on (the|my|our) (walls?|ceiling|floor)",
        r"\bglar\w*",
        r"\bwaits? for (me|us|him|her)\b", r"\bblock(ed|ing|s)? (my|our|the) (way|path|door)",
        r"\bdog (mess|poo|poop|dirt)\b", r"\bbullying\b", r"\bbull(y|ies|ied)\b", r"\bpicking on\b",
        r"\bcamera\w* at (my|our)\b", r"\bfilm(ed|ing) (me|us)\b",
        r"\bsince (january|february|march|april|may|june|july|august|september|october|november|"
        r"december|last|the summer|we moved|"
        r"i moved)",
        r"\bagain and again\b", r"\bongoing\b", r"\bhounded\b", r"\bpester\w*",
        # round 6: followed about, a thing done again
        r"\b(was|were|is|are|kept|keeps|been|'s|'re) following (me|her|him|us|them)\b",
        r"\bfollowed (me|her|him|us|them) (home|around|everywhere|all the way)\b",
        r"\b(they|he|she) (did|do|does|have done|'ve done|has done) it again\b",
    ],
    "other": [
        r"\brefused (service|entry|to (?!leave|go|stop|move|pay|give)\w+)\b",
        r"\b(barred|banned) from\b",
        r"\b(won'?t|don'?t|wouldn'?t|didn'?t|do not|will not) serve\b",
        r"\btook (his|her|my|their|our) (phone|bag|wallet|money|purse|bike|scooter)\b",
        r"\b(robbed|mugged)\b", r"\bthrew (me|us|him|her|them)( and my \w+)? out\b",
        r"\bthrew (me|us|him|her|them) out\b", r"\bwouldn'?t serve\b", r"\bturned away\b",
        r"(?<!rainbow )(?<!pride )\bstickers?\b", r"\bleaflets?\b", r"\bposters?\b",
        r"\bflyers?\b", r"\bbanner\b",
        r"\b(nazi|swastika|isis|far[- ]right|confederate|st george'?s|union jack|hate) flags?\b",
        r"\b(put|putting|hung|hanging|flying|flew|raised) (up )?(a|an|the) (\w+ )?flag\b",
        r"\b(wouldn'?t|won'?t|refused to|would not|will not) (register|serve|rent|employ|"
        r"hire|treat|see|accept|take|sell|book|let (me|us|him|her|them) (in|on|stay|rent))\b",
        r"\btold (me|us|him|her|them) to (leave|get out|get off|take ['\"]?(my|the|that|his|her|"
        r"their) \w+['\"]? (out|outside))\b",
        r"\b(asked|made|making) (me|us|him|her|them) (to )?(leave|get off|get out)\b",
        r"\b(driver|uber|cab|taxi)\b.{0,160}\b(drove|went|pulled) (off|away)\b",
        r"\b(steals?|stealing|took|takes|taking) (\w+ )?(money|cash|benefits|pension|things|"
        r"stuff) (from|off)\b",
        r"\bexcluded\b", r"\bdiscriminat\w*", r"\bignored (me|us)\b.{0,20}\b(served|queue)",
        r"\bkicked (me|us|him|her) (out|off)\b", r"\bthrown out\b",
        r"\bwouldn'?t let (me|us|him|her) (on|in)\b",
        r"\b(stopped|stopping|stop) (a |the )?(\w+ ){0,4}(from )?(going in|getting in|entering|"
        r"coming in|getting on)\b",
        r"\bdriver (drove|went) (past|off)\b", r"\blocked (me|us|him|her|them) out\b",
        r"\brubbish\b.{0,30}\b(dumped|left|thrown)\b",
    ],
}
