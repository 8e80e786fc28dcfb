"""When it happened: date phrases found by pattern, resolved by dateparser against the report time.

dateparser is given only the short phrases we found ("last thursday", "14/11"), not whole
messages: that is both faster (about a millisecond each) and safer (it reads a date into almost
anything). UK order: 12/11 is 12 November. Dates in the future move back (a weekday means the
last one, "3rd March" said in February means last year's).
"""

from __future__ import annotations

import re
from datetime import date, datetime, timedelta

from bot.extraction import dates_calendar

_MONTHS = (r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
           r"sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)")
_DAYS = r"(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)"
_ORD = r"\d{1,2}(?:st|nd|rd|th)?"
_PART = r"(?:\s+(?:morning|afternoon|evening|night|lunchtime|lunch time))?"
DATE_RE = re.compile(
    r"\b(?:(?P<since>since|from|started|starting|began|beginning)\s+(?:on\s+|in\s+|about\s+|"
    r"around\s+)?)?(?P<d>"
    r"the day before yesterday|(?:the )?night before last|yesterday" + _PART
    + r"|today|tonight|this (?:morning|afternoon|evening|am)|"
    r"earlier today|last night|"
    rf"(?:last|this past|this|on|past)\s+{_DAYS}{_PART}|"
    rf"{_DAYS}{_PART}(?:\s+just gone|\s+(?:of\s+)?last week)?|"
    r"(?:a|one|two|three|four|five|six|\d{1,2}|a couple of|couple of) (?:days?|weeks?|months?) "
    r"(?:ago|back)(?: today)?|"
    rf"(?:two|three|four|\d) {_DAYS}s ago|"
    r"(?:sat|sun|mon|tue|tues|wed|thu|thur|thurs|fri)\.? \d{1,2}(?:st|nd|rd|th)|"
    r"(?:sat|sun|mon|tue|tues|wed|thu|thur|thurs|fri) (?:nite|night|morning|afternoon|evening)|"
    r"(?:an?|one|two|three|\d{1,2}|a few|a couple of) (?:hours?|minutes?|mins?) ago|"
    r"a fortnight ago|(?:over|at|on) the weekend|(?<=since )the weekend|"
    r"(?:last|this) (?:week|weekend|month)|"
    rf"{_ORD}(?: of)? {_MONTHS}(?:,? \d{{4}})?|{_MONTHS} {_ORD}(?:,? \d{{4}})?|"
    r"\d{1,2}[/.-]\d{1,2}(?:[/.-]\d{2,4})?|(?:on )?the " + _ORD + r"(?! (?:floor|time|bus))|"
    r"(?:on |at )?(?:halloween|christmas eve|christmas day|christmas|boxing day|new year'?s eve|"
    r"new year'?s day|bonfire night|guy fawkes night|valentine'?s day)"
    r")\b",
    re.IGNORECASE,
)
TIME_RE = re.compile(
    r"\b(?:(?P<h>\d{1,2})[:.](?P<m>[0-5]\d)\s*(?P<ap>am|pm|a\.m\.|p\.m\.)?|"
    r"(?P<h2>\d{1,2})\s*(?P<ap2>am|pm|a\.m\.|p\.m\.)|"
    r""
    r"(?P<word>midnight|midday|noon)|(?:about|around|at|after|before|approx\.?|roughly|gone|"
    r"just after|just before) (?P<h3>\d{1,2})(?![:.]\d|\d|%| ?(?:days?|weeks?|months?|years?|"
    r"people|men|women|of|lads|times|minutes|mins|hours|bus|pounds|"
    r"quid))"
    r"(?: o'?clock)?(?P<part> (?:in the|at) (?:morning|afternoon|evening|night))?"
    r"|(?P<half>half|quarter) (?P<rel>past|to) (?P<h4>\d{1,2}))\b",
    re.IGNORECASE,
)
# "found it on Sunday": the day something was discovered, not the day it was done.
_FOUND = re.compile(r"\b(found|noticed|discovered|spotted|saw)( (it|this|that|them|the \w+))?"
                    r"( (was|were|had been))?\s*$", re.IGNORECASE)
# The day the reporter was told, or an institution answered, is not the incident's day.
_TOLD = re.compile(r"\b((told|tell|rang|phoned|emailed|messaged|texted|showed) (me|us)"
                   r"( (?!that\b|about\b)\w+){0,2}|"
                   r"(uni|university|school|college|council|police|landlord|housing|management|"
                   r"they) (said|told|promised|replied|responded)( [\w']+){0,8})\s*$",
                   re.IGNORECASE)
# A weekday naming a thing, not a day: "the Saturday football club", "Sunday school".
_DAY_AS_NAME = re.compile(r"^\s*(football|club|school|league|class|classes|group|job|shift|"
                          r"market|service|team|clinic|prayers|mass|lunch club|kitchen|shop)\b",
                          re.IGNORECASE)
_HOLIDAYS = {"halloween": (10, 31), "christmas eve": (12, 24), "christmas day": (12, 25),
             "christmas": (12, 25), "boxing day": (12, 26), "new years eve": (12, 31),
             "new years day": (1, 1), "bonfire night": (11, 5), "guy fawkes night": (11, 5),
             "valentines day": (2, 14)}
# Words inside quotation marks were said, not when it happened ("'no Travellers tonight'").
_QUOTED = re.compile(r"(?:(?<=\s)|^)'[^'\n]{1,120}?'(?=[\s.,!?;:]|$)|\"[^\"\n]{1,200}\"")
# "I'm not going out today", "scared to go out tonight": the day of a plan or a fear.
_NOT_THAT_DAY = re.compile(r"\b(not|n'?t|never|going to|gonna|will|'ll|want to|wants to|scared to|"
                           r"afraid to|too scared|cannot|can'?t|worried about|dreading|scared of|"
                           r"afraid of|frightened of|terrified of)\b[^.!?\n]{0,25}$")
# Periods, not days: used only when no day is said ("twice this week, last time on Monday").
VAGUE = re.compile(r"^((last|this) (week|weekend)|(over|at|on) the weekend)$")


def warm_up() -> None:
    """Load dateparser's English data now, so the first report is not slow."""
    resolve("last thursday", datetime(2026, 1, 7, 12, 0))
    resolve("3rd march", datetime(2026, 1, 7, 12, 0))


def resolve(phrase: str, now: datetime) -> date | None:
    """A date phrase -> the date it means at ``now`` (never in the future)."""
    phrase = re.sub(r"\s+just gone$", "", phrase.lower().strip())
    phrase = re.sub(r"^(on|this past|past)\s+", "", phrase)
    phrase = re.sub(r"^the (\d)", r"\1", phrase)
    phrase = re.sub(r"^(at|on) ", "", phrase)
    phrase = dates_calendar.full_weekday(phrase)  # "sat nite" -> "saturday night"
    today = now.date()
    last_week = dates_calendar.weekday_last_week(phrase, today)  # "tuesday last week"
    if last_week:
        return last_week
    holiday = _HOLIDAYS.get(phrase.replace("'", ""))
    if holiday:
        day = date(today.year, *holiday)
        return day if day <= today else date(today.year - 1, *holiday)
    if phrase in ("today", "tonight", "earlier today") or phrase.startswith("this ") and \
            phrase.split()[1] in ("morning", "afternoon", "evening", "am"):
        return today
    if phrase in ("the day before yesterday", "the night before last", "night before last"):
        return today - timedelta(days=2)
    if phrase.startswith("yesterday") or phrase == "last night":
        return today - timedelta(days=1)
    if phrase == "last weekend":
        return today - timedelta(days=(today.weekday() - 5) % 7 or 7)
    if phrase in ("this weekend", "over the weekend", "at the weekend", "the weekend"):  # "at" cut
        return today - timedelta(days=(today.weekday() - 5) % 7)  # the Saturday just gone
    if re.fullmatch(r"this week", phrase):
        return today
    if re.search(r"\b(hours?|minutes?|mins?) ago$", phrase):
        return today
    if phrase == "a fortnight ago":
        return today - timedelta(days=14)
    phrase = re.sub(r"\bback$", "ago", phrase)
    phrase = re.sub(r"\b(a )?couple of\b", "2", re.sub(r"\s+today$", "", phrase))  # "ago today"
    told = dates_calendar.weekdays_ago(phrase, today) or dates_calendar.short_weekday_date(
        phrase, today)  # "two sundays ago", "sat 9th"
    if told:
        return told
    core = re.sub(r"\s+(morning|afternoon|evening|night|lunchtime|lunch time)$", "", phrase)
    if re.fullmatch(r"\d{1,2}/\d{1,2}", core):
        core = f"{core}/{now.year}"
    try:
        from dateparser import parse

        found = parse(core, languages=["en"], settings={
            "RELATIVE_BASE": now.replace(tzinfo=None), "PREFER_DATES_FROM": "past",
            "DATE_ORDER": "DMY", "RETURN_AS_TIMEZONE_AWARE": False, "PREFER_DAY_OF_MONTH": "first"})
    except (ValueError, OverflowError, TypeError, AttributeError):
        return None
    if found is None:
        return None
    day = found.date()
    ahead = dates_calendar.last_month_if_ahead(core, day, today)  # "the 20th" said on the 2nd
    if ahead:
        return ahead
    if day > today:
        if re.search(_DAYS, core):
            day -= timedelta(days=7)
        else:
            try:
                day = day.replace(year=day.year - 1)
            except ValueError:
                day -= timedelta(days=365)
    if phrase.startswith("last ") and re.search(_DAYS, phrase) and day == today:
        day -= timedelta(days=7)
    return day if day <= today else None  # "3000" read as a year far ahead: no date


def _clock(m: re.Match[str], before: str = "") -> str | None:
    if m.group("word"):
        return {"midnight": "00:00", "midday": "12:00", "noon": "12:00"}[m.group("word").lower()]
    if m.group("half"):
        hour = int(m.group("h4"))
        past = m.group("rel").lower() == "past"
        minute = 30 if m.group("half").lower() == "half" else (15 if past else 45)
        if m.group("rel").lower() == "to":
            hour -= 1
        if 1 <= hour < 7 or hour == 0:
            hour += 12
        return f"{hour % 24:02d}:{minute:02d}" if 0 <= hour < 24 else None
    hour_s = m.group("h") or m.group("h2") or m.group("h3")
    hour, minute = int(hour_s), int(m.group("m") or 0)
    ap = (m.group("ap") or m.group("ap2") or "").lower().replace(".", "")
    part = (m.group("part") or "").lower()
    evening = any(p in part for p in ("afternoon", "evening")) or ("night" in part and hour >= 6)
    if ap == "pm" or evening:
        if hour < 12:
            hour += 12
    elif ap == "am" and hour == 12:
        hour = 0
    elif m.group("h3") and not ap and not part and 1 <= hour <= 6:
        hour += 12  # "about 6" in a report means the evening far more often than dawn
    elif m.group("h3") and not ap and 7 <= hour <= 11 and re.search(r"night|evening", before):
        hour += 12
    if not (0 <= hour < 24 and 0 <= minute < 60):
        return None
    if m.group("h") and not ap and m.group("m") and "." in m.group(0) and hour < 7:
        return None  # "2.30" with no am/pm is more likely a price or a score than a time
    return f"{hour:02d}:{minute:02d}"


def find_times(text: str) -> list[tuple[int, str]]:
    """(position, "HH:MM") for every clock time said."""
    out = []
    for m in TIME_RE.finditer(text):
        clock = _clock(m, text[max(0, m.start() - 30):m.start()].lower())
        if clock:
            out.append((m.start(), clock))
    return out


def find_dates(text: str, now: datetime, limit: int = 12) -> list[tuple[int, date, bool]]:
    """(position, date, is_start_of_period) for the date phrases in the text."""
    out: list[tuple[int, date, bool]] = []
    quoted = [q.span() for q in _QUOTED.finditer(text)] if "'" in text or '"' in text else []
    for m in DATE_RE.finditer(text):
        if len(out) >= limit:
            break
        phrase = m.group("d")
        if re.fullmatch(r"\d{1,2}[/.-]\d{1,2}", phrase) and "." in phrase:
            continue  # "2.30" is a time or a price, not 2 March
        if phrase.lower() in ("this month", "last month", "this week") or \
                re.search(r"\b(every|each)\s*$", text[:m.start()]):
            continue  # "twice this month", "last month", "every friday": no one day
        with_date = dates_calendar.WEEKDAY_WITH_DATE.match(text[m.end():])
        if re.search(_DAYS, phrase, re.IGNORECASE) and with_date and not with_date.group(1) \
                and with_date.group(2):
            day = dates_calendar.weekday_with_bare_date(phrase, with_date.group(0), now.date())
            if day is not None:  # "Sunday 19th": no "the", so nothing else reads the 19th
                out.append((m.start(), day, bool(m.group("since"))))
            continue
        if re.search(_DAYS, phrase, re.IGNORECASE) and (_DAY_AS_NAME.match(text[m.end():]) or
                                                         with_date):
            continue  # "the Saturday club"; "Friday the 20th" (the date is read instead)
        if (re.search(_DAYS, phrase, re.IGNORECASE)
                and dates_calendar.FUTURE_DAY.search(text[:m.start()])):
            continue  # "Hanukkah starts on Friday": still to come
        if _TOLD.search(text[max(0, m.start() - 60):m.start()]):
            continue
        if any(a <= m.start() < b for a, b in quoted):
            continue
        if phrase.lower() in ("today", "tonight") and _NOT_THAT_DAY.search(
                text[max(0, m.start() - 40):m.start()]):
            continue
        day = resolve(phrase, now)
        if day is not None and dates_calendar.BEFORE_LAST.match(text[m.end():]):
            day -= timedelta(days=7)  # "the Tuesday before last"
        if day is not None and day.year > 1900:
            found = bool(_FOUND.search(text[max(0, m.start() - 40):m.start()]))
            out.append((m.start(), day, bool(m.group("since")) or found))
    return out
