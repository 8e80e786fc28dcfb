"""Dates, round 7: kinds of phrasing ``dates.py`` read wrongly in held_out_6_tuned.

- **A bare day of the month** ("on the 3rd", "the 20th") later than today is last month's, not
  last year's (dateparser reads it in the current month).
- **A weekday with its date** ("Friday the 20th", "Sunday 8th"): the date is the more exact of
  the two, so the weekday phrase (which would resolve to the latest such weekday) is dropped.
- **Time unknown**: "could have been there for days", "could have happened any time", "no idea
  when": when every date said is a day of finding (or the start of a period), there is no
  incident date.
- **"The Tuesday before last"**: a week before the last Tuesday.
- **A weekday still to come** ("Hanukkah starts on Friday") is not the incident's day.
- **A weekday with a bare date** (round 14: "Sunday 19th", "Tuesday morning, 28th"): no "the",
  so no date phrase follows to be read instead; the day is the latest one before today with
  that date on that weekday (or, if none in a year, with that date).
- **"Tuesday last week"** (round 14): that weekday in the week before this one, not this week's;
  "two Sundays ago" (the Sunday a week before the last one); "Sat 9th" (a short weekday with a
  bare date); "a week ago today", "a couple of days ago"; and a weekday followed by a date with
  its month ("Tuesday 28 Sept") is dropped for the date, as with "Friday the 20th".
- **Now, with an earlier event mentioned**: a danger now said with an emphatic now ("they're
  trying to get in NOW. Same lot that sprayed our wall last wk", "right now") happens today;
  the earlier date is history (a plain "now" is often "these days": "hiding is my life now").
"""

from __future__ import annotations

import re
from datetime import date, timedelta

_BARE_ORDINAL = re.compile(r"\d{1,2}(st|nd|rd|th)?")
# "the Tuesday before last": a week before the last Tuesday.
BEFORE_LAST = re.compile(r"\s+before last\b")
WEEKDAY_WITH_DATE = re.compile(r"^,?\s+(the\s+)?\d{1,2}(st|nd|rd|th)\b|^,?\s+(the\s+)?\d{1,2}"
                               r"(st|nd|rd|th)?(\s+of)?\s+(jan|feb|mar|apr|may|jun|jul|aug|sep|"
                               r"oct|nov|dec)", re.IGNORECASE)
UNSURE_WHEN = re.compile(
    r"\bcould (have|'ve) (been (there|done|up|on)|happened)\b[^.!?]{0,30}\b(any ?time|for (days|"
    r"weeks|ages|a while|a few days)|all (week|weekend|month)|since|days|weeks|anytime|ages)\b|"
    r"\b(no idea|not sure|don'?t know|do not know|can'?t tell|cannot tell|unsure) (exactly )?"
    r"when\b")
# An emphatic now: "NOW" in capitals, "right now", "as we speak" (a plain "now" is often "these
# days": "hiding is my life now").
_EMPHATIC_NOW = re.compile(r"\bNOW\b|\b(?i:right now|as we speak|as i type|this minute)\b")


def last_month_if_ahead(core: str, day: date, today: date) -> date | None:
    """A bare day of the month read ahead of today: the same day a month earlier."""
    if day <= today or not _BARE_ORDINAL.fullmatch(core):
        return None
    back = day.replace(day=1) - timedelta(days=1)  # last day of the previous month
    try:
        return back.replace(day=day.day)
    except ValueError:
        return None


_DISCOVERY = re.compile(r"\b(found|noticed|discovered|spotted|saw|seen|came back|got back|"
                        r"got home|came home|woke up|opened up|checked)\b")
# A weekday said of what is still to come: "Hanukkah starts on Friday".
FUTURE_DAY = re.compile(r"\b(starts?|begins?|opens?|is|will be|comes|'s)\s*$")


def unsure_when(low: str, dates: list[tuple[int, date, bool]]) -> bool:
    """The account says the time is unknown and every date said is a finding or a start."""
    if not UNSURE_WHEN.search(low):
        return False
    return all(d[2] or _DISCOVERY.search(re.split(r"[.!?\n]", low[:d[0]])[-1]) for d in dates)


def now_said(norm: str) -> bool:
    """An emphatic now in the message as written (case kept: "NOW", "right now")."""
    return bool(_EMPHATIC_NOW.search(norm))


_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_LAST_WEEK = re.compile(r"^(?P<wd>" + "|".join(_WEEKDAYS) + r")\b.*\b(?:of\s+)?last week$")


def _weekday(phrase: str) -> int | None:
    found = re.search(r"\b(" + "|".join(_WEEKDAYS) + r")\b", phrase.lower())
    return _WEEKDAYS.index(found.group(1)) if found else None


def weekday_with_bare_date(phrase: str, follow: str, today: date) -> date | None:
    """"Sunday 19th": the latest day on or before today with that date on that weekday; with
    that date only when no month in the last year has both (a writer's slip)."""
    digits = re.search(r"\d{1,2}", follow)
    weekday = _weekday(phrase)
    if digits is None or weekday is None:
        return None
    wanted, year, month, fallback = int(digits.group(0)), today.year, today.month, None
    for _ in range(13):
        try:
            day = date(year, month, wanted)
        except ValueError:
            day = None
        if day is not None and day <= today:
            if day.weekday() == weekday:
                return day
            fallback = fallback or day
        year, month = (year, month - 1) if month > 1 else (year - 1, 12)
    return fallback


def weekday_last_week(phrase: str, today: date) -> date | None:
    """"Tuesday last week": that weekday in the calendar week before this one."""
    found = _LAST_WEEK.match(phrase)
    if not found:
        return None
    monday_last_week = today - timedelta(days=today.weekday() + 7)
    return monday_last_week + timedelta(days=_WEEKDAYS.index(found.group("wd")))


_SHORT = {"mon": 0, "tue": 1, "tues": 1, "wed": 2, "thu": 3, "thur": 3, "thurs": 3, "fri": 4,
          "sat": 5, "sun": 6}
_COUNT = {"two": 2, "three": 3, "four": 4}


def weekdays_ago(phrase: str, today: date) -> date | None:
    """"two sundays ago": the Sunday a week before the last one (the last is "one ago")."""
    found = re.fullmatch(r"(two|three|four|\d) (" + "|".join(_WEEKDAYS) + r")s ago", phrase)
    if not found:
        return None
    count = _COUNT.get(found.group(1)) or int(found.group(1))
    back = (today.weekday() - _WEEKDAYS.index(found.group(2))) % 7 or 7
    return today - timedelta(days=back + 7 * (count - 1))


def short_weekday_date(phrase: str, today: date) -> date | None:
    """"sat 9th": a short weekday with a bare date, read as "Saturday 9th"."""
    found = re.fullmatch(r"(\w+)\.? (\d{1,2})(?:st|nd|rd|th)", phrase)
    if not found or found.group(1) not in _SHORT:
        return None
    return weekday_with_bare_date(_WEEKDAYS[_SHORT[found.group(1)]], found.group(2), today)


def full_weekday(phrase: str) -> str:
    """"sat nite", "fri morning": a short weekday with a time of day, written out in full."""
    found = re.fullmatch(r"(\w+) (nite|night|morning|afternoon|evening)", phrase)
    if not found or found.group(1) not in _SHORT:
        return phrase
    part = "night" if found.group(2) == "nite" else found.group(2)
    return f"{_WEEKDAYS[_SHORT[found.group(1)]]} {part}"
