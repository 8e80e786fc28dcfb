"""``extract(text, now)``: one resident's account -> the case fields it already answers.

The rules give every field; where a trained classifier is loaded (``learned/``) it is combined
with them per field as cross-validation chose (``confidence.yml``), and it is a second opinion
for the confidence. Without a model everything still works on the rules alone.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from bot.extraction import classify, confidence, dates_calendar, signals
from bot.extraction.danger import rules_danger
from bot.extraction.dates import DATE_RE, VAGUE, find_dates, find_times
from bot.extraction.faith import faiths
from bot.extraction.learned import place_choice
from bot.extraction.learned.alarm import alarm, speaks_for, whole_account
from bot.extraction.learned.combine import combine
from bot.extraction.learned.inputs import hint_tokens
from bot.extraction.learned.model import Scores, decode, get_model
from bot.extraction.locate import locate_detail
from bot.extraction.normalize import normalize
from bot.extraction.pipeline import get_pipeline
from bot.extraction.place_candidates import Candidate, candidates
from bot.extraction.roles import role_and_reason
from bot.taxonomy import INCIDENT_TYPES, STRANDS

FIELDS = ("reporter_role", "strands", "incident_types", "occurred_on", "occurred_time", "ongoing",
          "location", "perpetrator", "injured", "danger_now", "faiths", "confidence")


def empty_result() -> dict[str, Any]:
    """What an account that says nothing gives: every field unknown."""
    return {"reporter_role": None, "strands": [], "incident_types": [], "occurred_on": None,
            "occurred_time": None, "ongoing": None,
            "location": {"text": None, "ward": None, "online": False}, "perpetrator": None,
            "injured": None, "danger_now": False, "faiths": [],
            "confidence": dict.fromkeys(confidence.CONFIDENCE_FIELDS, 0.0)}


_NOW = re.compile(r"\b(right now|just now|as we speak|as i type|at this moment|this minute)\b")
# "I'm ok right now", "nobody's here now": a reassurance, not the day it happened.
_CALM_NOW = re.compile(r"\b(i'?m|i am|we'?re|we are|she'?s|he'?s|they'?re) (\w+ )?(ok|okay|fine|"
                       r"safe|alright|not in (any )?danger)\b|\b(no one|nobody|no-one)\b")


def _happening_now(low: str) -> bool:
    """A "right now" said of the incident, not of the resident's calm (``_CALM_NOW``)."""
    return any(_NOW.search(s) and not _CALM_NOW.search(s) for s in re.split(r"[.!?\n]+", low))


def _now(now: datetime | None) -> datetime:
    if now is None:
        return datetime.now(UTC).replace(tzinfo=None)
    return now.replace(tzinfo=None) if now.tzinfo else now


def when(norm: str, now: datetime) -> tuple[str | None, str | None, bool]:
    """(ISO date, "HH:MM", several dates?) — the latest date said is the incident's."""
    return when_detail(norm, now)[:3]


def when_detail(norm: str, now: datetime) -> tuple[str | None, str | None, bool, int | None]:
    """``when`` and the position of the date phrase chosen (its kind feeds the confidence)."""
    low = norm.lower()
    dates = find_dates(low, now)
    times = find_times(low)
    dated = [d for d in dates if not VAGUE.match(DATE_RE.match(low, d[0]).group("d").lower())]
    dates = dated or dates
    if dates_calendar.unsure_when(low, dates):
        dates = []  # "could have been there for days": only the day it was found is known
    incident = [d for d in dates if not d[2]] or dates
    if not incident:
        clock = times[0][1] if len(times) == 1 else None
        return None, clock, False, None
    pos, day, _ = max(incident, key=lambda d: (d[1], d[0]))
    several = len({d[1] for d in dates}) > 1
    clock = None
    if times:
        # The time said nearest after the chosen date phrase (same sentence), else a lone time.
        after = [t for t in times if t[0] >= pos and not re.search(r"[.!?\n]", low[pos:t[0]])]
        before = [t for t in times if t[0] < pos and not re.search(r"[.!?\n]", low[t[0]:pos])]
        if after:
            clock = after[0][1]
        elif before:
            clock = before[-1][1]
        elif len(times) == 1 and len(dates) == 1:
            clock = times[0][1]
    return day.isoformat(), clock, several, pos


def extract(text: str | None, now: datetime | None = None) -> dict[str, Any]:
    """All the case fields the account answers (never raises; unknown fields are None/[])."""
    if not isinstance(text, str) or not text.strip():
        return empty_result()
    model = get_model()
    norm = normalize(text)  # once for the rules and the classifiers (it is idempotent)
    reading = read(norm, now, normalized=True)
    if reading is None:
        return empty_result()
    scores = (model.scores(norm, normalized=True, places=reading.places,
                           hints=hint_tokens(reading.role, reading.role_reason, reading.strands,
                                             reading.types, *reading.perpetrator))
              if model is not None else None)
    return decide(reading, scores)[0]


@dataclass(frozen=True)
class Reading:
    """What the rules read in one account: the costly part of ``analyse`` (spaCy, dates,
    places, danger), the same whatever the classifiers say, so the evaluation reads each account
    once and then combines it every way it compares (``decide``)."""

    norm: str
    low: str
    moment: datetime
    speaks: bool  # long enough for the classifiers (alarm.speaks_for)
    whole: bool  # a whole account (alarm.whole_account)
    role: str | None
    role_reason: str
    strands: tuple[str, ...]
    types: tuple[str, ...]
    perpetrator: tuple[str | None, str]  # the rules' answer and reason, from the rules' types
    occurred_on: str | None
    clock: str | None
    several: bool
    date_pos: int | None
    ongoing_words: bool | None
    location: tuple[tuple[str, Any], ...]
    location_kind: str
    places: tuple[Candidate, ...]  # every physical place said (place_candidates)
    place_rules: int | None  # which of them the rules chose
    danger: bool  # the rules' danger now
    happening_now: bool
    now_said: bool
    injured: bool | None


def read(text: str | None, now: datetime | None, normalized: bool = False) -> Reading | None:
    """The rules' reading of ``text`` (None when it says nothing)."""
    raw = text if isinstance(text, str) else ""
    norm = raw if normalized else normalize(raw)
    if not norm.strip():
        return None
    low, moment = norm.lower(), _now(now)
    occurred_on, clock, several, date_pos = when_detail(norm, moment)
    role, role_reason = role_and_reason(low)
    doc = get_pipeline()(norm)
    location, location_kind = locate_detail(doc)
    places, place_rules = candidates(doc)
    types = tuple(classify.incident_types(low))
    return Reading(
        norm=norm, low=low, moment=moment, speaks=speaks_for(norm), whole=whole_account(norm),
        role=role, role_reason=role_reason, strands=tuple(classify.strands(low)),
        types=types, perpetrator=classify.perpetrator_and_reason(low, list(types)),
        occurred_on=occurred_on, clock=clock,
        several=several, date_pos=date_pos, ongoing_words=classify.ongoing_words(low),
        location=tuple(location.items()), location_kind=location_kind, places=places,
        place_rules=place_rules,
        danger=rules_danger(norm, normalized=True), happening_now=_happening_now(low),
        now_said=dates_calendar.now_said(norm), injured=classify.injured(low))


def analyse(text: str | None, now: datetime | None, scores: Scores | None,
            modes: dict[str, str] | None = None,
            normalized: bool = False) -> tuple[dict[str, Any], dict[str, str]]:
    """(extract()'s result, the confidence keys) with given classifier scores (None: rules only).

    The evaluation passes cross-validated scores and each way of combining here, so the figures
    for the tuned parts never come from a model that saw the narrative.
    """
    reading = read(text, now, normalized)
    return (empty_result(), {}) if reading is None else decide(reading, scores, modes)


def decide(r: Reading, scores: Scores | None,
           modes: dict[str, str] | None = None) -> tuple[dict[str, Any], dict[str, str]]:
    """``analyse`` from the rules' reading: the classifiers combined with it per ``modes``."""
    result = empty_result()
    low = r.low
    modes = confidence.choice() if modes is None else modes
    if not r.speaks:
        scores = None  # too short for the classifiers, which learned from whole accounts
    role_reason = r.role_reason
    sources: dict[str, str] = {}
    rules_first = (("reporter_role", r.role, ()), ("strands", list(r.strands), STRANDS),
                   ("incident_types", list(r.types), INCIDENT_TYPES))
    for field, value, order in rules_first:
        result[field], sources[field] = combine(field, value, scores, modes.get(field, "rules"),
                                                order, r.whole)
    result["occurred_on"], result["occurred_time"] = r.occurred_on, r.clock
    date_pos, words = r.date_pos, r.ongoing_words
    several = r.several and not (words is False and classify.one_off(r.low))
    result["ongoing"] = True if several else words
    result["location"], location_kind = dict(r.location), r.location_kind
    if scores is not None and r.place_rules is not None:
        index, sources["location"] = place_choice.pick(
            r.places, r.place_rules, scores.get("place"), modes.get("location", "rules"))
        if sources["location"] == "model":
            chosen = r.places[index]
            result["location"].update(text=chosen.text, ward=chosen.ward)
            location_kind = chosen.kind
    result["danger_now"] = r.danger or alarm(r.norm, scores, modes.get("danger_now", "rules"))
    if result["occurred_on"] is None and (result["danger_now"] or r.happening_now):
        result["occurred_on"] = r.moment.date().isoformat()  # happening as they write
        date_pos = -1
    elif result["danger_now"] and r.now_said:
        result["occurred_on"] = r.moment.date().isoformat()  # now, an earlier event also told
        date_pos = -1
    if "online_abuse" in result["incident_types"]:
        result["location"]["online"] = True
    if result["danger_now"]:
        if result["reporter_role"] is None:
            result["reporter_role"], role_reason = "victim", "danger"
        if not result["incident_types"]:
            result["incident_types"], sources["incident_types"] = ["threats"], "danger"
    if result["location"]["online"] and "online_abuse" not in result["incident_types"]:
        result["incident_types"] = [*result["incident_types"], "online_abuse"]
        result["incident_types"].sort(key=lambda t: classify.INCIDENT_TYPES.index(t))
    perpetrator, perpetrator_reason = (
        r.perpetrator if result["incident_types"] == list(r.types)
        else classify.perpetrator_and_reason(low, result["incident_types"]))
    result["perpetrator"], sources["perpetrator"] = combine(
        "perpetrator", perpetrator, scores, modes.get("perpetrator", "rules"), whole=r.whole)
    if result["ongoing"] is None and "harassment" in result["incident_types"]:
        result["ongoing"], words = True, True  # harassment is repeated by definition
    for field, value in (("ongoing", result["ongoing"]), ("injured", r.injured)):
        result[field], sources[field] = combine(field, value, scores, modes.get(field, "rules"),
                                                whole=r.whole)
    if "religion" in result["strands"]:
        result["faiths"] = faiths(low)
    detail = {"role_reason": role_reason, "date_kind": signals.date_kind(low, date_pos),
              "several": r.several, "location_kind": location_kind,
              "perpetrator_reason": perpetrator_reason, "sources": sources,
              "ongoing_reason": "several" if r.several else {True: "yes_words", False: "no_words",
                                                             None: "none"}[words]}
    keys = signals.keys(low, result, detail, decode(scores) if scores is not None else None)
    result["confidence"] = confidence.score(result, keys, with_model=scores is not None)
    return result, keys
