"""Word rules for incident types: abuse, threats, assault, damage, online, harassment, other.

Regular expressions on normalised lower-case text, one list per type of bot/taxonomy.py; several
types may apply to one account. Compiled in lexicon.py. Labelling rules: docs/extraction.md.
"""

from __future__ import annotations

INCIDENT_PATTERNS: dict[str, list[str]] = {
    "verbal_abuse": [
        r"\bshout\w*", r"\byell\w*", r"\bscream\w* at", r"\bcalled (me|him|her|us|them|my)",
        r"\bcall(ing|s)? (me|him|her|us|them|my)\b",
        r"\b(was|were|got|been|get|gets|being|am|is|are) called\b", r"\bmimick?\w*",
        r"\btell(ing|s)? (me|him|her|us|them|my \w+) to (go|get|piss|fuck|leave|learn|speak|take|"
        r"shut)\b",
        r"\b(learn|speak) (proper )?english\b",
        r"\bsa(y|ys|ying|id) (that )?(i|we|he|she|they|you) (was|were|are|is|'re|'s|am|'m)\b",
        r"\b(told|tells|telling|said|says|saying) (\w+ ){0,3}(that )?(\w+ )?(are|is|were|"
        r"was) (all )?"
        r"(rats|scum|vermin|dirty|animals|thieves|terrorists|paedos|freaks|monkeys|dogs|filth|"
        r"disgusting|parasites|sick|criminals|a disease|diseased)\b", r"\bshould be deported\b",
        r"\brant\w* at\b",
        r"\bheil hitler\b", r"\bswore\b", r"\bswear\w*", r"\bverbal\w*", r"\binsult\w*",
        r"\bslur\w*",
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
        r"\bthreat\w*", r"\bkill (me|you|him|her|us|them|all|the|every)\b",
        r"\b(should|will|'ll|gonna|going to|would|'d) (be )?rape\w*",
        r"\brape (me|you|her|him|us)\b",
        r"\b(should|ought to) (all )?be put down\b", r"\bacid\b",
        r"\b(find|get|know|knows|found) (my|your|her|his|our|their) address\b",
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
        r"attacked))\b",
        r"\b(swerv\w*|drove|driving|drive) (at|towards) (me|us|him|her|them)\b",
    ],
    "physical_assault": [
        r"\bpunch\w*",
        r"\bkick(ed|ing)? (me|him|her|us|them|my(?! (\w+ )?(car|door|bins?|bike|scooter|"
        r"chair|fence|gate|van|bag|sleeping bag|stuff|things|belongings)))\b",
        r"\b(was|were|got|been|get|gets|being) (pushed|punched|kicked|hit|slapped|shoved|attacked|"
        r"assaulted|beaten|stabbed|spat|tripped|knocked|jumped|headbutted|glassed|bitten|bit)\b",
        r"\bset (his|her|their|a|the) dogs? on\b", r"\bbit (my|his|her)\b",
        r"\btipped (his|her|my|their) (wheel)?chair\b",
        r"\bhitting (me|him|her|us|them|a|an|the)\b",
        r"\b(had|got) (my|his|her) (hair|hijab|headscarf|turban|scarf|wig|niqab) (pulled|ripped|"
        r"yanked|"
        r"grabbed|torn)",
        r"\bkick(ed|ing) (a|an|the|two|some) (\w+ ){0,2}(man|woman|guy|boy|girl|lad|person|kid)\b",
        r"\bhit (me|him|her|us|them|my)\b", r"\bslap\w*",
        r"\bpush(ed|ing)? (me|him|her|us|them|my|a|an|the|two|some)\b", r"\bshov\w*",
        r"\bassault\w*", r"\battack\w*",
        r"\bspat (at|on|in)\b", r"\bspit (at|on|in)\b", r"\bspitting\b",
        r"\bbeat (me|him|her|us|them) up\b",
        r"\bbeaten\b", r"\bgrabb?ed\b",
        r"\bpulled (off )?(my|her|his) (hijab|headscarf|turban|hair|scarf|wig|kippah)",
        r"\b(threw|throwing|throws|throw|thrown|chuck\w*|lobb\w*) .{0,30}\b(at|over) (me|him|her|"
        r"us|them|my (head|"
        r"face)|(a|an|the|two|some) (\w+ ){0,2}(man|men|woman|women|boy|boys|girl|girls|lads?|"
        r"people|family|kids|group|worshippers|players))\b",
        r"\bthrown at\b", r"\bheadbutt\w*",
        r"\bpoured .{0,20}\b(on|over) (me|him|her|us|them|my \w+)\b",
        r"\b(ripped|pulled|tore|yanked|grabbed|snatched|pulling|tugg\w*) (off |at )?(my|her|his|"
        r"their) (hijab|headscarf|turban|hair|scarf|wig|kippah|kufi|niqab|burqa|veil|bum|"
        r"breasts?|arm)\b",
        r"\b(pull|yank|tugg?)(ed|ing)? at (it|my|her|his)\b",
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
        r"\bripped (down|up|off|out)\b",
        r"\bripped (?!(my|her|his|their) (hijab|headscarf|turban|scarf|wig|kippah|niqab|veil|burqa|"
        r"kufi|hair))(\w+ ){1,3}(off|down|out)\b",
        r"\bsnapp?ed (\w+ ){0,3}(mirror|aerial|wipers?|sign|railings?)\b",
        r"\bwritten (on|across|all over) (my|our|the|his|her|their)\b", r"\begged\b",
        r"\bthrown at (the|my|our|his|her|their) (\w+ ){0,2}(gates?|doors?|windows?|house|flat|car|"
        r"shop|walls?)\b", r"\bsmeared\b", r"\bscratched (into|in|onto|on)\b",
        r"\b(carved|etched) (into|on)\b",
        r"\btore (down|up)\b", r"\bdestroy\w*", r"\bdented\b",
        r"\bcracked (my|our|the) (window|windscreen)",
        r"\bwindows? (was |were )?(broken|smashed|put in)", r"\bswastika\w*", r"\bstole\b",
        r"\bstolen\b",
        r"\beggs? at (my|our|the|his|her) (house|window|windows|door|car|flat|shop)\b",
        r"\bkick(ed|ing) (his|her|my|their|our) (\w+ )?(bag|sleeping bag|belongings|things|stuff|"
        r"door|"
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
        r"\bnextdoor\b", r"\bon x\b", r"\bdm(ed|ing|s)?\b", r"\bposting\b",
        r"\b(a|the|my|his|her|their|these|those|them) posts?\b(?! office)",
        r"\b(live ?)?stream(ing|s|er)?\b",
        r"\bgo(ing)? live\b", r"\btwitch\b", r"\bvoice chat\b", r"\bsteam\b",
    ],
    "harassment": [
        r"\bharass\w*",
        r"\bfollow(ed|ing|s)? (me|him|her|us|them|my)\b(?! (\w+ )?(shouting|calling|screaming|"
        r"yelling|swearing))",
        r"\bstalk\w*",
        r"\bkeeps? (on )?\w+ing\b",
        r"\bevery (day|night|week|morning|evening|time)\b", r"\ball the time\b",
        r"\bmost (nights|days|mornings|evenings|weekends)\b",
        r"\bhappens? (all the time|a lot|every)\b",
        r"\bwon'?t (leave|stop)\b", r"(?<!there )(?<!up )\bfor (weeks|months|years)\b",
        r"\bpick(ed|s|ing)? on\b", r"\balways (being|getting|calling|shouting|saying|picking)\b",
        r"\bgets? (picked on|bullied|called|abused)\b", r"\brepeated\w*",
        r"\bconstant\w*",
        r"\bnotes? (through|under|on) (my|our|the) (door|letterbox)",
        r"\bthrough (my|our|the) letterbox\b",
        r"\bbang\w* on (the|my|our) (walls?|ceiling|floor)",
        r"\bglar\w*",
        r"\bwaits? for (me|us|him|her)\b", r"\bblock(ed|ing|s)? (my|our|the) (way|path|door)",
        r"\bdog (mess|poo|poop|dirt)\b", r"\bbullying\b", r"\bbull(y|ies|ied)\b", r"\bpicking on\b",
        r"\bcamera\w* at (my|our)\b", r"\bfilm(ed|ing) (me|us)\b",
        r"\bsince (january|february|march|april|may|june|july|august|september|october|november|"
        r"december|last|the summer|we moved|"
        r"i moved)",
        r"\bagain and again\b", r"\bongoing\b", r"\bhounded\b", r"\bpester\w*",
    ],
    "other": [
        r"\brefused (service|entry|to (?!leave|go|stop|move|pay|give)\w+)\b",
        r"\b(barred|banned) from\b",
        r"\b(won'?t|don'?t|wouldn'?t|didn'?t|do not|will not) serve\b",
        r"\btook (his|her|my|their|our) (phone|bag|wallet|money|purse|bike|scooter)\b",
        r"\b(robbed|mugged)\b", r"\bthrew (me|us|him|her|them)( and my \w+)? out\b",
        r"\bthrew (me|us|him|her|them) out\b", r"\bwouldn'?t serve\b", r"\bturned away\b",
        r"\bstickers?\b", r"\bleaflets?\b", r"\bposters?\b", r"\bflyers?\b", r"\bbanner\b",
        r"\bexcluded\b", r"\bdiscriminat\w*", r"\bignored (me|us)\b.{0,20}\b(served|queue)",
        r"\bkicked (me|us|him|her) (out|off)\b", r"\bthrown out\b",
        r"\bwouldn'?t let (me|us|him|her) (on|in)\b",
        r"\bdriver (drove|went) (past|off)\b", r"\brubbish\b.{0,30}\b(dumped|left|thrown)\b",
    ],
}
