"""Reading answers about the person and what would help: the faith targeted, what they would
like to happen (choices and their own words), access needs, and a possible safeguarding need."""

from __future__ import annotations

import re

from bot.report_form import understand
from bot.report_form.answers.common import Answer, Slots, keywords, yes_no
from bot.report_form.flow import placeholder
from bot.taxonomy import ACCESS_NEEDS, FAITHS, WISHES

WISH_WORDS = (
    ("stop_it", r"\bstop|end it|leave (me|us|them) alone|go away|never again"),
    ("action_against", r"punish|arrest|evict|charge|action|deal with|warning|prosecut|court"),
    ("support", r"support|help|someone to talk|counsel"),
    ("record_only", r"record|on file|just (want|wanted) (you|it)|aware|know about"),
)
ACCESS_WORDS = (
    ("interpreter", r"interpret|translat|language|don'?t speak english|no english"),
    ("bsl", r"\bbsl\b|sign language|\bsign\b|deaf"),
    ("easy_read", r"easy ?read|simple words|plain english|learning"),
)
NOTHING = re.compile(r"^(no|nope|none|nothing|no thanks|no thank you|i'?m (ok|fine)|all good)"
                     r"\b[\s\W]*$", re.I)
LANGUAGE = re.compile(r"\b(arabic|polish|somali|portuguese|spanish|bengali|bangla|urdu|farsi|"
                      r"persian|tigrinya|romanian|turkish|french|amharic|punjabi|gujarati|tamil|"
                      r"lithuanian|italian|russian|ukrainian|kurdish|pashto|dari|mandarin|"
                      r"cantonese|vietnamese|hindi|tagalog|albanian|bulgarian|hungarian|greek|"
                      r"german|sylheti|twi|yoruba|swahili|lingala|hebrew|latvian)\b", re.I)
SAFEGUARDING_WORDS = (
    ("child", r"\b(child|kid|boy|girl|son|daughter|under ?18|minor|teen|\d{1,2} ?(yo|years?))\b"),
    ("adult", r"\b(care|carer|learning|dementia|autis|disab|vulnerable|support)\w*"),
)


def faiths(answer: Answer) -> Slots | None:
    if answer.choice in FAITHS:
        return {"faiths": [answer.choice]}
    found = [f for f in understand.faiths(answer.text) if f in FAITHS] if answer.text else []
    return {"faiths": sorted(set(found))} if found else None


def several(slot: str, answer: Answer, slots: Slots, vocabulary: tuple[str, ...],
            table: tuple[tuple[str, str], ...], other_text: str) -> Slots | None:
    """Choose-several with buttons (then Done) or words; words that name nothing we know are
    kept as 'something else', in their own words (``other_text`` slot)."""
    picked = [p for p in slots.get("picked") or [] if p in vocabulary]
    if answer.choice in vocabulary:
        return {"picked": sorted({*picked, answer.choice})}
    if answer.intent == "finished" or (picked and yes_no(answer) is False):
        return {slot: picked or placeholder(slot), "picked": []}
    if not answer.text:
        return None
    said = yes_no(answer) if answer.words <= 3 else None
    if said is True:
        return None  # "yes" names nothing: ask again with the choices
    if said is False:
        return {slot: placeholder(slot), "picked": []}
    found = [v for v in keywords(answer.text, table) if v in vocabulary]
    updates: Slots = {slot: sorted({*picked, *(found or ["other"])}), "picked": [],
                      other_text: answer.text[:1000]}
    return updates


def wishes(answer: Answer, slots: Slots) -> Slots | None:
    return several("wishes", answer, slots, WISHES, WISH_WORDS, "wishes_text")


def access_needs(answer: Answer, slots: Slots) -> Slots | None:
    if answer.choice == "none" or (answer.text and NOTHING.match(answer.text)):
        return {"access_needs": [], "picked": []}
    updates = several("access_needs", answer, slots, ACCESS_NEEDS, ACCESS_WORDS, "access_other")
    if updates and answer.text:
        language = LANGUAGE.search(answer.text)
        if language:
            updates["access_language"] = language.group(1).capitalize()
            updates["access_needs"] = sorted({*updates["access_needs"], "interpreter"} - {"other"})
        if updates["access_needs"] != ["other"]:
            updates.pop("access_other", None)
    return updates


def access_language(answer: Answer) -> Slots | None:
    if not answer.text:
        return None
    found = LANGUAGE.search(answer.text)
    return {"access_language": found.group(1).capitalize() if found else answer.text[:64]}


def safeguarding(answer: Answer) -> Slots | None:
    if answer.choice in ("child", "adult", "none"):
        return {"safeguarding": answer.choice}
    said = yes_no(answer) if answer.words <= 3 else None
    if said is False:
        return {"safeguarding": "none"}
    found = keywords(answer.text, SAFEGUARDING_WORDS) if answer.text else []
    return {"safeguarding": found[0]} if found else None
