"""Danger now from the classifier: it may only add an alarm the rules missed, never silence one;
and how long a text must be before any classifier speaks for it.

``alarm@T`` in confidence.yml (chosen by ``calibrate.py`` on accounts no rule was written from,
with danger precision kept at 0.9) turns it on. Short messages never raise it: the classifier
learned from whole accounts, and a form answer ("yes", "on the bus") is not one.
"""

from __future__ import annotations

from bot.extraction import confidence
from bot.extraction.learned.combine import threshold
from bot.extraction.learned.model import Scores, get_model

MIN_WORDS = 15
MODEL_MIN_WORDS = 8  # below this no classifier is asked at all: it learned from whole accounts


def speaks_for(text: str) -> bool:
    """Is the text long enough for the classifiers' answers to count (extract())?"""
    return len(text.split()) >= MODEL_MIN_WORDS


def whole_account(text: str) -> bool:
    """Is the text a whole account (MIN_WORDS or more), the only kind on which a classifier may
    raise an alarm or overrule a rule's answer?"""
    return len(text.split()) >= MIN_WORDS


def _may_alarm(text: str, mode: str) -> bool:
    return mode.startswith("alarm@") and whole_account(text)


def alarm(text: str, scores: Scores | None, mode: str) -> bool:
    """Does the classifier raise the alarm for this text under ``mode``?"""
    if scores is None or not _may_alarm(text, mode):
        return False
    return (scores.get("danger_now") or {}).get("danger", 0.0) >= threshold(mode)[0]


def model_alarm(text: str) -> bool:
    """The alarm for ``detect_danger`` on normalised text: the danger classifier alone, loaded
    once, on its own; not even scored when the mode or the length already rules it out."""
    mode = confidence.choice().get("danger_now", "rules")
    if not _may_alarm(text, mode):
        return False
    model = get_model(only="danger_now")
    return model is not None and alarm(text, model.scores(text, normalized=True), mode)


def warm_up() -> None:
    """Load the danger classifier now (the gateway's start-up), not on a resident's message."""
    if confidence.choice().get("danger_now", "rules").startswith("alarm@"):
        get_model(only="danger_now")
