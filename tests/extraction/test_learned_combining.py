"""Round 8: thresholded ways of combining, the classifier's danger alarm, and the choice made on
accounts no rule was written from (docs/extraction.md, "Learned component")."""

from __future__ import annotations

import logging

import pytest

from bot.extraction import confidence, detect_danger
from bot.extraction.learned import alarm, calibrate, model
from bot.extraction.learned.combine import combine
from bot.extraction.learned.data import cats
from bot.extraction.parts import FRESH, HELD_OUT, TRAINING, file_part, training_files
from bot.taxonomy import INCIDENT_TYPES, STRANDS

SCORES = {"reporter_role": {"victim": 0.05, "witness": 0.75, "third_party": 0.1, "none": 0.1},
          "perpetrator": {"neighbour": 0.2, "known": 0.3, "unknown": 0.45, "none": 0.05},
          "strands": {"race": 0.95, "religion": 0.01, "disability": 0.3},
          "incident_types": {"threats": 0.92, "verbal_abuse": 0.01, "harassment": 0.4},
          "danger_now": {"danger": 0.7}}
LONG = "they are all standing round the car and will not let us drive away from here"


def test_over_replaces_the_rules_only_when_the_classifier_is_that_sure():
    assert combine("reporter_role", "victim", SCORES, "over@0.7") == ("witness", "model")
    assert combine("reporter_role", "victim", SCORES, "over@0.8") == ("victim", "rules")
    assert combine("reporter_role", None, SCORES, "over@0.8") == ("witness", "model")  # fills
    # the perpetrator classifier's best guess is only 0.45 sure
    assert combine("perpetrator", "known", SCORES, "over@0.5") == ("known", "rules")
    # where the rules found none, a guess under FILL_AT (0.5) is no answer
    assert combine("perpetrator", None, SCORES, "fill") == (None, "rules")
    surer = {**SCORES, "perpetrator": {"neighbour": 0.1, "known": 0.1, "unknown": 0.75}}
    assert combine("perpetrator", None, surer, "fill") == ("unknown", "model")
    assert combine("perpetrator", "known", surer, "fill") == ("known", "rules")


def test_no_classifier_speaks_for_a_message_too_short_to_be_an_account():
    from bot.extraction import extract

    got = extract("something happened and I'm upset")
    assert got["reporter_role"] is None and got["perpetrator"] is None
    assert not alarm.speaks_for("something happened and I'm upset")
    assert alarm.speaks_for("a man on the bus shouted at me and my son today")


def test_vote_drops_rule_labels_the_classifier_all_but_rules_out_and_adds_sure_ones():
    got = combine("incident_types", ["verbal_abuse", "harassment"], SCORES, "vote@0.02,0.9",
                  INCIDENT_TYPES)
    assert got == (["threats", "harassment"], "both")
    assert combine("strands", ["race"], SCORES, "vote@0.0,1.1", STRANDS) == (["race"], "rules")
    # a label the classifier never scored is kept: the rules are not overruled by silence
    assert combine("strands", ["other"], SCORES, "vote@0.5,1.1", STRANDS) == (["other"], "rules")


def test_a_vote_never_empties_what_the_rules_filled_and_fills_where_they_found_none():
    # the classifier all but rules out the only rule label: it stays (the read-back corrects)
    assert combine("strands", ["religion"], SCORES, "vote@0.1,1.1", STRANDS) == (
        ["religion"], "rules")
    # nothing to vote on: fill (labels at 0.5 or more), or fill@F (at least the likeliest)
    assert combine("strands", [], SCORES, "vote@0.1,0.9", STRANDS) == (["race"], "model")
    weak = {**SCORES, "strands": {"race": 0.1, "disability": 0.3}}
    assert combine("strands", [], weak, "vote@0.1,0.9", STRANDS) == ([], "rules")
    assert combine("strands", [], weak, "vote@0.1,0.9,0.2", STRANDS) == (["disability"], "model")


def test_danger_is_never_combined_as_a_field():
    with pytest.raises(ValueError):
        combine("danger_now", False, SCORES, "alarm@0.5")


def test_the_alarm_needs_its_mode_a_sure_classifier_and_a_whole_account():
    assert alarm.alarm(LONG, SCORES, "alarm@0.6")
    assert not alarm.alarm(LONG, SCORES, "alarm@0.8")
    assert not alarm.alarm(LONG, SCORES, "rules")
    assert not alarm.alarm(LONG, None, "alarm@0.5")
    assert not alarm.alarm("on the bus now", SCORES, "alarm@0.1")  # a form answer, not an account


def test_a_broken_classifier_never_silences_the_rules(monkeypatch):
    def broken(text):
        raise RuntimeError("model exploded")

    monkeypatch.setattr(alarm, "model_alarm", broken)
    assert detect_danger("he's outside my door right now with a knife")
    assert not detect_danger("it happened last year and I'm fine")


def test_the_gateway_check_loads_only_the_danger_classifier():
    model.reset()
    try:
        loaded = model.get_model(only="danger_now")
        assert loaded is not None
        assert [c.name for c in loaded.components] == ["danger_now"]
        assert set(loaded.scores(LONG)["danger_now"]) == {"danger"}
        assert loaded.nlp.pipe_names == []  # a blank tokenizer, not the places pipeline
    finally:
        model.reset()


def test_gold_labels_for_the_new_classifiers():
    item = {"perpetrator": None, "danger": True}
    assert cats(item, "perpetrator") == {"P:neighbour": 0.0, "P:known": 0.0, "P:unknown": 0.0,
                                         "P:none": 1.0}
    assert cats(item, "danger_now") == {"D:danger": 1.0}
    assert cats({"text": "x"}, "danger_now") == {}


def test_danger_figure_refuses_a_mode_below_the_precision_floor():
    # 9 found, 2 false alarms: precision 0.82 < 0.9
    marks = [(1, 0, 0)] * 9 + [(0, 1, 0)] * 2
    assert calibrate.figure("danger_now", marks) == -1.0
    assert calibrate.figure("danger_now", [(1, 0, 0)] * 9 + [(0, 0, 1)]) == pytest.approx(0.9)
    # where the rules alone are under 0.9, an alarm may not bring precision under theirs
    assert calibrate.figure("danger_now", marks, floor=0.8) == pytest.approx(1.0)


def test_a_tie_or_a_gain_within_the_margin_keeps_the_rules():
    figures = {"reporter_role": {"rules": 0.9, "model": 0.9, "over@0.5": 0.9},
               "strands": {"rules": 0.9, "union": 0.905},
               "incident_types": {"rules": 0.9, "fill": 0.9, "fill@0.3": 0.9},
               "perpetrator": {"rules": 0.8, "fill": 0.85, "over@0.9": 0.85}}
    assert calibrate.choose(figures) == {"reporter_role": "rules", "strands": "rules",
                                         "incident_types": "rules", "perpetrator": "fill"}


def test_the_fresh_parts_are_tuned_parts_no_rule_was_written_from():
    parts = {file_part(f) for f in training_files()}
    assert set(FRESH) <= parts
    assert set(TRAINING) <= set(FRESH)
    assert HELD_OUT not in FRESH


def test_the_committed_choice_was_made_on_the_fresh_parts():
    table = confidence.table()
    assert table["chosen_on"] >= calibrate.MIN_FRESH
    assert table["chosen_on"] < table["narratives"]


def test_the_alarm_is_logged_without_text(caplog):
    caplog.set_level(logging.DEBUG)
    detect_danger("a man with a 9173 tattoo keeps looking at me through the window of the cafe")
    assert "9173" not in caplog.text
