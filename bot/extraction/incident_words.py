"""Word rules for incident types: abuse, threats, assault, damage, online, harassment, other.

Regular expressions on normalised lower-case text, one list per type of bot/taxonomy.py; several
types may apply to one account. Compiled in lexicon.py. Labelling rules: docs/extraction.md.
"""

from __future__ import annotations

from bot.extraction.incident_words_context import CONTEXT_PATTERNS
from bot.extraction.incident_words_extra import ROUND7_PATTERNS

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
        r"\btaunt\w*", r"\bsaid\b.{0,60}\b(go back|paki|terrorist|retard|fag|gay|tranny|slut)\b",
        r"\b(called|calling|call) (me|him|her|them|us) (an? )?['\"]?it\b",
        r"\bchant\w*", r"\bjeer\w*", r"\bmonkey noises\b", r"\bmade .{0,20}noises\b",
        r"\blaughed at\b",
        r"\bcatcall\w*", r"\bnasty comments?\b", r"\bcomments? about\b",
        r"\bsaid (that )?(i|we|he|she|they) should\b",
        r"\b(say|says|saying|tell|tells) (me |to me |us |him |her )?['\"]", r"\bbad words?\b",
        r"\btold (me|him|her|us|them) to (go|take|get|leave|shut|fuck)\b", r"\bgo back to\b",
        r"\bn[- ]?word\b",
        r"\bsh(ou|u)ted\b", r"\bpeople like (you|me|him|her|us|them)\b", r"\bsaid ['\"]",
        r"\bsaying (i'?m|i am|he'?s|she'?s|they'?re|you'?re|we'?re) (an? )?\w+",
        r"\bjokes? about\b",
        r"\bimitat\w*", r"\bmaking fun\b", r"\bmade fun\b", r"\bmak\w* comments\b",
        r"\b(said|says|say|saying|mutter\w*|going on about how|telling people) (that )?"
        r"([a-z]+ ){1,3}(should|shouldn'?t|are|were|belong|don'?t belong|can'?t|is|was|aren'?t)\b",
        r"\b(told|tells|telling|said to) (\w+ ){1,5}that (he|she|they|i|we|you|i'?m|he'?s|she'?s|"
        r"they'?re) (\w+ )?(should|shouldn'?t|is|was|are|were|belong|can'?t|don'?t|not)\b",
        r"\b(told|tells|telling) (me|him|her|us|them|my (\w+ )?\w+) that (\w+ ){1,3}(are|is|"
        r"were|come|should|don'?t|aren'?t)\b",
        r"\b(say|said|saying|says|shout\w*|yell\w*) (dirty|nasty|horrible|disgusting|sexual|rude|"
        r"vile|racist|homophobic|abusive|sexist) (things|stuff|comments|remarks|words)\b",
        r"\bscream\w* (that|about|abuse|names|slurs)\b", r"\b(your|ur) (sort|kind|lot|type)\b",
        r"\byou people\b", r"\bcop(y|ied|ying) (me|us|him|her|them|my|our)\b",
        r"\bcall(ed|s|ing)? ((?!the police|police|\d|an ambulance|for\b|out\b)\w+ ){1,4}(a|an) "
        r"\w+",
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
        r"fix|sort|get|evict|batter|find|finish|cut|chop|knock|slit|drown|rape|teach|deal with|"
        r"end|have you|be waiting|come for|do you|"
        r"beat)\b",
        r"(?<!been )\b(to|will|'ll|gonna|going to|would|'d) beat (me|him|her|us|them) up\b",
        r"\b(will|'ll|would|'d|going to|gonna) put (it|a brick|this|something) (through|in)\b",
        r"\b(would|'d|will|'ll|going to|gonna) \w+ (\w+ ){0,6}if (i|you|we|she|he|they) (didn'?t|"
        r"don'?t|do not|did not|won'?t|refuse\w*|go to|tell|call)\b",
        r"\b(he|she|they)('ll| will| would|'d|'s going to|'re going to| is going to| are going to) "
        r"(tell|out|expose|show|send) (everyone|my|your|people|the|all)\b",
        r"\bhave (you|me|us|him|her|them) (out|evicted|thrown out|deported|killed|sorted|done)\b",
        r"\b(bullets?|nooses?|razor ?blades?|razors)\b",
        r"\b(next one is for (you|me)|you'?re next|you are next|next time it'?ll be (you|me)|"
        r"finish what (he|she|they|i) started|watch yourself)\b",
        r"\b(waiting|coming|out|back|hanging around) (\w+ ){0,3}to ['\"]?(get|beat|batter|jump|"
        r"sort|do) "
        r"(me|him|her|us|them|the \w+|you)\b",
        r"\bburn (it|them|the \w+|you|him|her|us|the place) (down|out)\b",
        r"\b'?sort out'? (the|those|these|them|all)\b",
        r"\b(he|she|they) (say|says|said) (he|she|they|we|i) (will |gonna |going to |'ll )?(break|"
        r"kill|hurt|burn|cut|stab|beat|smash|get|shoot)\b",
        r"\bwith (a |an |his |her |big |some |a big )?(knife|bat|hammer|machete|gun|weapon|"
        r"crowbar|axe)\b",
        r"\bwon'?t let (me|him|her|us|them) (leave|go|past)\b",
        r"\b(trying|tryna|tried) to (get|break|force|kick|smash) (in|into|through|the door)\b",
        r"\b(bang\w*|hammer\w*|pound\w*|kick\w*) (on|at) (the|my|our|his|her|their) (\w+ )?"
        r"(door|window|shutter)s?\b(?! and (run|ran|leg it))",
        r"\bsort (you|me|him|her|us|them) out\b",
        r"\bshould (all )?(die|burn|hang|be (killed|shot|hanged|gassed|bombed|burn[te]d?|"
        r"attacked|thrown off|stoned|drowned|lynched|beheaded|strung up))\b",
        r"\b(swerv\w*|drove|driving|drive) (at|towards) (me|us|him|her|them)\b",
        # round 5: coming back to finish it, an address made public, a lesson promised
        r"\bcome back (and|to) (finish|get|sort|do|burn|kill|hurt)\b", r"\bfinish the job\b",
        r"\b(posted|shared|leaked|put up|published|posting|sharing) (my|our|her|his|their) "
        r"(home |work |house )?address\b",
        r"\bteach (her|him|me|you|them|us) a lesson\b",
        # round 6: a blade, thrown in the river, back to finish it, "we burn you"
        r"\bblades?\b(?! of grass)",
        r"\b(would|will|'d|'ll|going to|gonna) (throw|push|chuck|set fire to|run) (me|you|him|her|"
        r"us|them)\b",
        r"\b(be|come|coming) back (and|to) (finish|get|sort|do|burn|kill|hurt)\b",
        r"\b(we|i) (will |'ll |gonna )?(finish|burn|kill|cut|stab|shoot|bomb) (you|u|ya)\b",
    ],
    "physical_assault": [
        r"\bpunch\w*",
        r"\bkick(ed|ing)? (me|him|us|them|(my|her)(?! (\w+ )?(car|door|bins?|bike|scooter|"
        r"fence|gate|van|bag|sleeping bag|stuff|things|belongings|table|stall|stock|display|"
        r"shopping|sign)))\b",
        r"\b(was|were|got|been|get|gets|being) ((?!pushed (through|under|into))pushed|punched|"
        r"kicked|hit|slapped|shoved|attacked|"
        r"assaulted|beaten|stabbed|spat|tripped|knocked|jumped|headbutted|glassed|bitten|bit)\b",
        r"\bset (his|her|their|a|the) dogs? on\b", r"\bbit (my|his|her)\b",
        r"\btipped (his|her|my|their) (wheel)?chair\b",
        r"\bhitting (me|him|her|us|them|a|an|the)\b",
        r"\b(had|got) (my|his|her) (hair|hijab|headscarf|turban|scarf|wig|niqab) (pulled|ripped|"
        r"yanked|"
        r"grabbed|torn)",
        r"\bkick(ed|ing) (a|an|the|two|some) (\w+ ){0,2}(man|woman|guy|boy|girl|lad|person|kid)\b",
        r"\bhit (me|him|her|us|them|my)\b", r"\bslap\w*",
        r"\bpush(ed|ing)? (me|him|her|us|them|my|a|an|the|two|some)\b"
        r"(?! (\w+ )?(sofa|settee|door|doors|table|chair|bins?|furniture|wardrobe|fridge|trolley|"
        r"shutters?|button|bell|doorbell|leaflets?|notes?|letters?)\b)", r"\bshov\w*",
        r"\bassault\w*", r"\battack\w*",
        r"\bspat (at|on|in)\b", r"\bspit (at|on|in)\b", r"\bspitting\b",
        r"(?<!to )(?<!'ll )(?<!will )(?<!'d )(?<!would )(?<!gonna )"
        r"\bbeat (me|him|her|us|them) up\b",
        r"\bbeaten\b", r"\bgrabb?ed\b",
        r"\bpulled (off )?(my|her|his) (hijab|headscarf|turban|hair|scarf|wig|kippah)",
        r"\b(threw|throwing|throws|throw|thrown|chuck\w*|lobb\w*) .{0,30}\b(at|over) (me|him|"
        r"her(?! (\w+ )?(window|door|car|house|flat|gate|shop|wall)s?\b)|"
        r"us|them|my (head|"
        r"face)|(a|an|the|two|some) (\w+ ){0,2}(man|men|woman|women|boy|boys|girl|girls|lads?|"
        r"people|family|kids|group|worshippers|players))\b",
        r"\bthrown at\b(?! (the|my|our|his|her|their) (\w+ ){0,2}(gates?|doors?|windows?|house|"
        r"flat|car|shop|walls?|temple|mosque|church|synagogue|building|gurdwara)\b)",
        r"\bheadbutt\w*",
        r"\bpoured .{0,20}\b(on|over) (me|him|her|us|them|my \w+)\b",
        r"\b(ripped|pulled|tore|yanked|grabbed|snatched|pulling|tugg\w*) (off |at )?(my|her|his|"
        r"their) (hijab|headscarf|turban|hair|scarf|wig|kippah|kufi|niqab|burqa|veil|bum|"
        r"breasts?|arm)\b",
        r"\b(pull|yank|tugg?)(ed|ing)? at (it|my|her|his)\b",
        r"\bstabb?ed\b", r"\bstrangl\w*", r"\bchok(ed|ing)\b", r"\btripped (me|him|her)\b",
        r"\bknocked (me|him|her|them) (down|over|off)", r"\bbit (me|him|her)\b",
        r"(?<!to )(?<!'ll )(?<!will )(?<!'d )(?<!would )(?<!gonna )\bhurt (me|him|her|us)\b",
        # something worn, held or used snatched, pulled, cut or thrown; a person dragged or groped
        r"\b(pull(ed|ing)?|ripp?(ed|ing)?|tore|tear(ing)?|yank(ed|ing)?|snatch(ed|ing)?|grabb?(ed|"
        r"ing)?|knock(ed|ing)?|cut|cutting|chopp?(ed|ing)?|tugg?(ed|ing)?|set fire to) "
        r"(off |at |out |a chunk (off|of) |some of |bits of )?(his|her|my|their|them'?s?|the|"
        r"the \w+'s|an? (\w+ )?"
        r"(girl|boy|man|woman|lady|kid)'s) ([\w']+ ){0,2}(hijab|headscarf|turban|patka|kippah|"
        r"kufi|niqab|"
        r"veil|hair|wig|scarf|bible|quran|koran|cross|necklace|dupatta|sari|burqa|glasses|stick|cane|"
        r"crutch(es)?|phone|bag|money|sign|placard|hat|cap|clothes|coat|jacket|skirt|top)\b",
        r"\b(had|got|has had|have had) (his|her|my|their) (\w+ )?(hijab|headscarf|turban|patka|"
        r"kippah|hair|wig|scarf|bible|quran|cross|necklace|glasses|stick|phone|bag|hat|cap|veil|"
        r"niqab) (snatched|ripped|pulled|knocked|torn|yanked|grabbed|taken|cut|thrown|set)\b",
        r"\b(pull|rip|tear|snatch|grab|knock|yank)(ed|ing|s)? (it|them) (off|out of|from)\b",
        r"\b(dragg?(ed|ing)|pulled|grabbed|held) (\w+ ){0,3}by (the|her|his|my|their) (hair|arm|"
        r"neck|throat|collar|coat|scarf|hijab)\b",
        r"\b(touch|grop|fondl)(ed|ing|es|s)? (me|her|him|my|his|her|them|us)\b",
        r"\b(put|stuck|shoved|slid) (his|her|their) hands? (up|down|on|inside|under|between) (my|"
        r"her|his|their|me)\b",
        r"\bgrabb?(ed|ing) (my|her|his) (bottom|bum|backside|arse|breasts?|chest|crotch|"
        r"privates|waist|thigh)\b",
        r"\b(walked|ran|rode|cycled|barged|charged) (straight |deliberately |right )?"
        r"(into|at) (me|him|her|us|my|his|her|their)\b",
        r"\b(drove|reversed|swerved) (straight |deliberately |right )?into (me|him|her|us|my|his|"
        r"their)\b",
        r"\b(kick(ed|ing)?|lash(ed|ing)?|swung|swing(ing)?|lung(ed|ing)) (out )?at (me|him|her|"
        r"us|them|my|his|her)\b",
        r"\b(kick|hit|punch|stamp|stamped on|attack)(ed|ing|s)? (the|his|her|my|their) (guide |"
        r"assistance |hearing |service )?dog\b",
        r"\b(threw|thrown|throwing|chucked|poured|tipped|flung|splashed) (\w+ ){0,3}(in|into|over|"
        r"at|across) (my|his|her|their|our) (face|head|eyes|hair|body)\b",
        r"\bthrew (a|an|the) (chair|bottle|glass|drink|can|cup|stone|rock|basket|shoe|punch)\b"
        r"(?! (through|at (my|the|our|his|her) (window|door|car|house|shop|gate|wall)))",
        r"\b(went|came|goes|comes) for (me|him|her|us|them)\b",
        r"\bglassed\b", r"\bbottled\b", r"\bscratched (me|him|her|my face)\b", r"\bpunched\b",
        # round 5: taken off the person, thrown on them, pressed against them
        r"\b(took|snatched|grabbed|nicked|yanked) (his|her|my|their) ([\w']+ ){0,2}(pass|phone|bag|"
        r"hat|cap|stick|cane|glasses|crutch(es)?|wallet|money|keys|headphones|lunch|scarf)\b.{0,15}"
        r"\b(off|from|out of) (him|her|me|them|his|my|their)\b",
        r"\b(threw|throw|throwing|thrown|chucked|tipped|poured) (\w+ ){0,3}(on|onto|over) (me|him|"
        r"her|us|them)\b",
        r"\b(press|rubb?|grind)(ed|ing|s)? (himself|herself|themselves|his body|up|against)\b"
        r".{0,20}\b(against|on|into) (me|her|him|a|the|my|us)\b",
        r"\bbeat up\b",
        # round 6: a flame held to someone, water thrown on a relative, a phone taken off them
        r"\b(held|holding|put|putting) (a|the|his|her|their) (lighter|flame|match|cigarette|"
        r"lit \w+) (to|against|near) (his|her|my|their|me|him) ?(\w+)?\b",
        r"\b(threw|throw|throwing|thrown|chucked|tipped|poured) (\w+ ){0,4}(on|onto|over|at) (my|"
        r"his|her|our) (mum|mother|dad|father|son|daughter|wife|husband|partner|brother|sister|"
        r"friend|child|kids?|baby|nan|gran|grandma|grandad|client|pupil)\b",
        r"\b(have|has|'ve|'s) (taken|took|snatched|grabbed|nicked) (his|her|my|their) (phone|bag|"
        r"wallet|money|keys|hat|cap|glasses|stick|cane)\b",
        r"\bhit (with|by)\b", r"\bknocked\b.{0,20}\bout\b", r"\bphysical\w*", r"\bjumped\b",
    ],
    "property_damage": [
        r"\bsmash\w*",
        r"\bbroke(n)? (my|our|the|his|her|their) (\w+ )?(window|door|car|windscreen|fence|gate|"
        r"letterbox|lock|bike|shed|glass|mirror|camera|doorbell|sign|bins?|lights?|shutters?|"
        r"pots?|table|display|stall|plant pots?)",
        r"\bgraffiti\w*", r"\bspray[- ]?paint\w*", r"\bsprayed\b",
        r"\bscratch(ed)? .{0,20}\b(car|door|paint)",
        r"\bkeyed\b", r"\bvandal\w*", r"\bdamag\w*", r"\bslash\w* .{0,20}\btyres?",
        r"\btyres? (slashed|let down)", r"\b(let|letting|lets) (the |my |his |her |our )?tyres? "
        r"(down|out)\b",
        r"\b(left|leaving|leaves|dumped|dumping|placed|put|putting|threw|thrown|nailed|tied|"
        r"hung|stuck|smeared|scattered) (\w+ ){0,8}(at|on|outside|by|in front of|through|over|"
        r"against) (the )?(\w+ ){0,3}(doors?|entrance|gates?|steps|doorstep|walls?|windows?|"
        r"railings|fence) (of|at|to) (the|a|our|my|their) (\w+ ){0,2}(mosque|synagogue|church|"
        r"gurdwara|temple|mandir|chapel|masjid|cathedral|community cent(re|er))\b",
        r"\b(left|leaving|leaves|dumped|placed|put) (\w+ ){0,6}(at|on|outside|by) (the )?"
        r"(entrance|doors?|gates?|steps) (of|to) (the|a|our) (\w+ ){0,2}(mosque|synagogue|church|"
        r"gurdwara|temple|mandir)\b",
        r"\b(pig'?s? head|pigs? heads?|pork|bacon|pig'?s? trotter)\b.{0,60}\b(mosque|synagogue|"
        r"gurdwara|temple|mandir|masjid)\b|\b(mosque|synagogue|gurdwara|temple|mandir|masjid)\b"
        r".{0,60}\b(pig'?s? head|pigs? heads?|pork|bacon|pig'?s? trotter)\b",
        r"\b(poo|excrement|faeces|feces|mess|urine|piss|petrol|paint|rubbish|glue) (\w+ )?"
        r"(through|in|on|over|all over|into) (my|her|his|our|the|their) (letterbox|door|car|"
        r"windows?|front door)\b",
        r"\beggs? (all )?(over|on) (my|our|the|his|her) (\w+ )?(car|door|window|windows|house|"
        r"flat)\b",
        r"\b(threw|throwing|thrown|chucked|tossed) ([\w']+ ){0,4}(bag|phone|belongings|stuff|"
        r"things|bike|scooter|shopping|books|sign|flag) (in|into|onto|over) (the )?(river|thames|"
        r"canal|road|bin|street|pond|lake)\b",
        r"\bthrew (a|an|the|some) (\w+ )?\w+ (at|against) (the|my|our|his|her|their) (\w+ ){0,2}"
        r"(door|doors|window|windows|car|house|flat|gates?|walls?|shop|shutter)\b",
        r"\b(ripped|pulled|tore|torn|snapped|broke|knocked) (\w+ ){0,3}(off|down from|from) (my|"
        r"our|the|his|her|their) (\w+ )?(door|frame|wall|gate|window|car)\b",
        r"\begged\b", r"(?<!'ll )(?<!will )(?<!would )(?<!'d )(?<!gonna )(?<!going to )"
        r"(?<!threatened to )\bset fire\b", r"\bset on fire\b", r"\barson\b",
        r"(?<!hair )\bburnt\b(?! (a )?holes? in (my|her|his|their) )",
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
        r"\bwindows? (is |was |were |got )?(broken|smashed|put in|crack\w*|damaged)",
        r"\bswastika\w*", r"\bstole\b",
        r"\bstolen\b",
        r"\beggs? at (my|our|the|his|her) (house|window|windows|door|car|flat|shop)\b",
        r"\bkick(ed|ing) (his|her|my|their|our) (\w+ )?(bag|sleeping bag|belongings|things|stuff|"
        r"door|"
        r"bike|scooter|car|"
        r"bins?)\b",
        r"\b(wrote|writing|written|scrawled|scrawling) .{0,40}\bon (my|our|the|his|her|their) "
        r"(\w+ )?(door|wall|car|house|fence|shop|lift|van|window|shutter)s?\b",
        # round 6: written on it, painted across a door, a window put through, keyed, knocked
        # over, belongings thrown out, something poured on a doorstep
        r"\b(wrote|scrawled|painted|sprayed|daubed) .{0,30}\bon (it|them)\b",
        r"\b(painted|sprayed|written|scrawled|daubed) (\w+ ){0,3}(across|all over|over) (my|our|"
        r"the|his|her|their) (\w+ )?(door|doors|wall|walls|car|house|shop|shutter|fence|van)\b",
        r"\bput (my|our|the|their|his|her) (\w+ )?windows? (in|through|thru)\b",
        r"\b(put|threw|thrown|chucked|lobbed|sent|kicked) (a|an|the|some) (\w+ )?\w+ (through|"
        r"thru) (my|our|the|their|his|her) (\w+ )?(window|door|windscreen|glass)",
        r"\bkeye?d (my|our|the|his|her|their)\b",
        r"\b(knocked|kicked|pushed|tipped|turned) (\w+ ){0,3}(displays?|shelves|stall|table|"
        r"stock|bins?|sign|plants|pots|bike|scooter|motorbike|stand) (over|down|off)\b",
        r"\b(knocked|kicked|pushed|tipped) (over|down) (my|our|the|his|her|their) (\w+ )?"
        r"(displays?|shelves|stall|table|stock|bins?|sign|plants|pots|bike|scooter|stand)\b",
        r"\b(throwing|threw|thrown|chucking|chucked|tossing|tossed) (\w+ ){0,2}(things|belongings|"
        r"stuff|clothes|possessions|furniture) out (of )?(the|my|our|his|her|their)? ?(window|"
        r"door|flat|house|room)?",
        r"\b(pour\w*|tipp?\w*|smear\w*|splash\w*) (\w+ ){0,2}(something|liquid|stuff|bleach|oil|"
        r"paint|petrol|urine|poo) (\w+ )?(on|over|across|all over) (my|our|the|his|her|their) "
        r"(front )?(doorstep|step|steps|porch|path|doormat|door)\b",
        # round 5: things thrown at a home, flags and signs torn down, plants poisoned
        r"\b(threw|throwing|thrown|chucking|chucked|lobbing|lobbed|hurling|hurled) (\w+ ){0,3}"
        r"(at|against|through) (the|my|our|his|her|their) (\w+ ){0,2}(door|doors|window|windows|"
        r"car|house|flat|gates?|walls?|shop|shutter)\b",
        r"\b(torn|tore|ripped|pulled|taken|took) (down|off) (the|my|our|his|her|their) (\w+ ){0,2}"
        r"(flag|sign|banner|decorations?|mezuzah|lights|wreath)\b",
        r"\b(poured|sprayed|tipped) (\w+ ){0,3}(on|over|into) (my|our|the|his|her|their) "
        r"([\w']+ ){0,2}(roses|plants|flowers|garden|lawn|hedge|tree|pond)\b",
    ],
    **CONTEXT_PATTERNS,
}
for _type, _patterns in ROUND7_PATTERNS.items():  # round 7 (incident_words_extra.py)
    INCIDENT_PATTERNS[_type] = [*INCIDENT_PATTERNS[_type], *_patterns]
