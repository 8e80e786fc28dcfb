"""Round 10: a learned choice among the places an account names (learned/place_choice.py),
beside the rules' pick, combined as the calibration chose (docs/extraction.md, round 10)."""

from __future__ import annotations

import dataclasses
import importlib
import json
from datetime import datetime

import pytest

from bot.extraction import confidence
from bot.extraction.learned import build, place_choice
from bot.extraction.learned.model import get_model
from bot.extraction.locate import locate_detail
from bot.extraction.normalize import normalize
from bot.extraction.pipeline import get_pipeline
from bot.extraction.place_candidates import Candidate, candidates

NOW = datetime(2026, 11, 25, 10, 0)
TWO_PLACES = ("I was walking home from Hammersmith station yesterday and outside Tesco on King "
              "Street a man spat at me and called me a terrorist")


def _cands(text: str):
    return candidates(get_pipeline()(normalize(text)))


def _cand(text: str, **features: float) -> Candidate:
    return Candidate(text=text, ward=None, kind="ROAD", features=tuple(sorted(features.items())))


def test_every_place_said_is_a_candidate_and_the_rules_pick_is_the_rules_place():
    cands, rules = _cands(TWO_PLACES)
    assert len(cands) >= 2 and rules is not None
    location, kind = locate_detail(get_pipeline()(normalize(TWO_PLACES)))
    assert cands[rules].text == location["text"]
    assert cands[rules].kind == kind
    names = " | ".join(c.text.lower() for c in cands)
    assert "hammersmith" in names and "king street" in names
    for cand in cands:  # words around the place, never the whole account
        assert all(len(name) < 60 for name, _ in cand.features)


def test_no_physical_place_no_candidates():
    assert _cands("they keep sending me horrible messages on instagram") == ((), None)
    assert _cands("") == ((), None)


def test_training_learns_which_words_mark_the_incidents_place_and_is_reproducible():
    rows = [([_cand("A", before_outside=1.0), _cand("B", before_from=1.0)], [True, False]),
            ([_cand("C", before_from=1.0), _cand("D", before_outside=1.0)], [False, True])] * 5
    weights = place_choice.train(rows)
    assert weights == place_choice.train(rows)
    assert weights["before_outside"] > 0 > weights["before_from"]
    probs = place_choice.probabilities(weights, [_cand("X", before_from=1.0),
                                                 _cand("Y", before_outside=1.0)])
    assert probs["Y"] > 0.5 > probs["X"]
    assert place_choice.train([]) == {"__bias__": 0.0}


def test_pick_keeps_the_rules_unless_the_mode_and_the_scores_say_otherwise():
    cands = [_cand("Hammersmith Station"), _cand("King Street")]
    scores = {"Hammersmith Station": 0.2, "King Street": 0.7}
    assert place_choice.pick(cands, 0, scores, "rules") == (0, "rules")
    assert place_choice.pick(cands, 0, None, "model") == (0, "rules")
    assert place_choice.pick(cands, 0, scores, "model") == (1, "model")
    assert place_choice.pick(cands, 0, scores, "over@0.6") == (1, "model")
    assert place_choice.pick(cands, 0, scores, "over@0.8") == (0, "rules")
    assert place_choice.pick(cands, 1, scores, "model") == (1, "rules")
    assert place_choice.pick(cands[:1], 0, scores, "model") == (0, "rules")
    # a candidate the scores do not know (the rules changed since the build) scores nothing
    assert place_choice.pick(cands, 0, {"Somewhere Else": 0.99}, "model") == (0, "rules")


@pytest.fixture
def weighted(monkeypatch):
    """The built model, with place weights that strongly prefer a place after "from"."""
    real = get_model()
    assert real is not None, "make train-extractor first"
    fake = dataclasses.replace(real, place={"__bias__": -2.0, "before=from": 6.0})
    monkeypatch.setattr(importlib.import_module("bot.extraction.extract"), "get_model",
                        lambda: fake)
    return fake


def test_extract_gives_the_learned_choice_when_the_table_chose_the_model(weighted, monkeypatch):
    extract = importlib.import_module("bot.extraction.extract").extract
    choice = {**confidence.choice(), "location": "model"}
    monkeypatch.setattr(confidence, "choice", lambda: choice)
    cands, rules = _cands(TWO_PLACES)
    assert "hammersmith" not in cands[rules].text.lower()  # the rules chose King Street
    result = extract(TWO_PLACES, NOW)
    assert "hammersmith" in result["location"]["text"].lower()
    assert result["location"]["ward"] == "Hammersmith Broadway"
    monkeypatch.setattr(confidence, "choice", lambda: {**choice, "location": "rules"})
    assert extract(TWO_PLACES, NOW)["location"]["text"] == cands[rules].text


def test_the_build_writes_the_weights_and_a_build_without_them_is_not_current(tmp_path):
    from bot.extraction.learned.data import data_hash

    digest = data_hash()
    stamp_file = build.DEFAULT_DIR / "stamp.json"
    stamp = json.loads(stamp_file.read_text(encoding="utf-8"))
    assert stamp["place"] == build.place_file(build.DEFAULT_DIR, digest).name
    weights = place_choice.load_weights(build.DEFAULT_DIR / stamp["place"])
    assert weights and "__bias__" in weights and len(weights) > 50
    assert build.current()
    for name in ("extractor-x", "cv-x.json"):
        (tmp_path / name).mkdir() if name.startswith("extractor") else (tmp_path / name).touch()
    (tmp_path / "stamp.json").write_text(json.dumps({"hash": digest, "dir": "extractor-x",
                                                     "cv": "cv-x.json", "place": "place-x.json"}))
    assert not build.current(tmp_path)
    (tmp_path / "place-x.json").write_text("{}")
    assert build.current(tmp_path)


def test_the_shipped_model_scores_the_places_of_a_held_out_style_text():
    real = get_model()
    assert real is not None and real.place is not None
    scores = real.scores(TWO_PLACES)
    cands, _ = _cands(TWO_PLACES)
    assert set(scores["place"]) == {c.text for c in cands}
    assert all(0.0 <= p <= 1.0 for p in scores["place"].values())
    # the same scores whether the caller passes the candidates or they are read here
    assert real.scores(normalize(TWO_PLACES), normalized=True, places=cands)["place"] == \
        scores["place"]
