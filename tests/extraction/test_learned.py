"""The learned component: trained in the repo, reproducible, refused when stale, optional.

Small models (a few narratives, few epochs) keep these fast; the real build is
``make train-extractor``. The settings are pointed at a temporary folder for each test.
"""

from __future__ import annotations

import json
import logging
from datetime import datetime

import pytest

from bot.extraction import confidence, extract
from bot.extraction.learned import calibrate, model
from bot.extraction.learned.build import cv_file, model_dir
from bot.extraction.learned.combine import combine
from bot.extraction.learned.data import COMPONENTS, cats, data_hash, model_text, training_items
from bot.extraction.learned.train import train
from bot.extraction.parts import HELD_OUT, load, training_files
from bot.settings import get_settings
from bot.taxonomy import INCIDENT_TYPES, STRANDS

NOW = datetime(2026, 11, 25, 10, 0)
TEXT = "Yesterday on the 72 bus a man called me a paki and pushed me"


@pytest.fixture(scope="module")
def small_items():
    return training_items()[:24]


@pytest.fixture(scope="module")
def small_nlp(small_items):
    return train(small_items, epochs=3)


@pytest.fixture
def model_folder(tmp_path, monkeypatch):
    monkeypatch.setenv("EXTRACTOR_MODEL_DIR", str(tmp_path))
    monkeypatch.setenv("EXTRACTOR_MODEL", "true")
    get_settings.cache_clear()
    model.reset()
    yield tmp_path
    get_settings.cache_clear()
    model.reset()


def _save(nlp, folder, digest):
    nlp.meta["tellonce"] = {"hash": digest}
    target = model_dir(folder, digest)
    nlp.to_disk(target)
    (folder / "stamp.json").write_text(json.dumps({"hash": digest, "dir": target.name,
                                                   "cv": cv_file(folder, digest).name}))


def test_training_never_sees_the_held_out_part():
    assert all(p != HELD_OUT for p, _, _ in training_items())
    assert HELD_OUT not in {load(f)[0][0] for f in training_files()}


def test_labels_per_classifier():
    item = {"role": None, "strands": ["race"], "types": ["threats", "other"]}
    assert cats(item, "reporter_role")["R:none"] == 1.0
    assert sum(cats(item, "reporter_role").values()) == 1.0
    assert cats(item, "strands") == {f"S:{s}": float(s == "race") for s in STRANDS}
    assert {k for k, v in cats(item, "incident_types").items() if v} == {"T:threats", "T:other"}
    assert cats({"text": "x"}, "strands") == {}


def test_the_pipeline_is_blank_english_with_bag_of_words_classifiers_only(small_nlp):
    assert small_nlp.lang == "en"
    assert small_nlp.pipe_names == list(COMPONENTS)
    assert small_nlp.vocab.vectors.shape[0] == 0  # no downloaded vectors
    for name in COMPONENTS:
        arch = small_nlp.get_pipe_config(name)["model"]["@architectures"]
        assert arch.startswith("spacy.TextCatBOW")


def test_training_is_reproducible(small_items, small_nlp):
    again = train(small_items, epochs=3)
    doc_a, doc_b = small_nlp(model_text(TEXT)), again(model_text(TEXT))
    assert doc_a.cats == doc_b.cats


def test_hash_changes_with_the_training_data(tmp_path):
    for f in training_files():
        (tmp_path / f.name).write_bytes(f.read_bytes())
    before = data_hash(tmp_path)
    first = training_files(tmp_path)[0]
    first.write_text(first.read_text(encoding="utf-8") + "\n# edited\n", encoding="utf-8")
    assert data_hash(tmp_path) != before


def test_a_current_model_is_loaded_and_used(model_folder, small_nlp):
    _save(small_nlp, model_folder, data_hash())
    loaded = model.get_model()
    assert loaded is not None
    scores = loaded.scores(TEXT)
    assert set(scores) == set(COMPONENTS)
    assert set(scores["strands"]) == set(STRANDS)
    assert set(scores["incident_types"]) == set(INCIDENT_TYPES)
    assert extract(TEXT, NOW)["strands"] == ["race"]


def test_a_stale_model_is_refused_and_the_reason_logged_without_text(model_folder, small_nlp,
                                                                        caplog):
    _save(small_nlp, model_folder, "0" * 64)
    with caplog.at_level(logging.WARNING):
        assert model.get_model() is None
    assert "not the current data hash" in caplog.text
    assert "paki" not in caplog.text
    assert extract(TEXT, NOW)["strands"] == ["race"]  # the rules still answer


def test_no_model_means_rules_only(model_folder):
    assert model.get_model() is None
    got = extract(TEXT, NOW)
    assert got["reporter_role"] == "victim"
    assert got["confidence"]["strands"] > 0.0


def test_a_broken_model_means_rules_only(model_folder):
    (model_folder / "stamp.json").write_text(json.dumps({"hash": data_hash(), "dir": "nothing"}))
    assert model.get_model() is None
    assert extract(TEXT, NOW)["incident_types"]


def test_switched_off_by_setting(model_folder, small_nlp, monkeypatch):
    _save(small_nlp, model_folder, data_hash())
    monkeypatch.setenv("EXTRACTOR_MODEL", "false")
    get_settings.cache_clear()
    model.reset()
    assert model.get_model() is None


def test_combine_modes():
    scores = {"reporter_role": {"victim": 0.1, "witness": 0.7, "third_party": 0.1, "none": 0.1},
              "strands": {"race": 0.9, "religion": 0.6, "disability": 0.1},
              "incident_types": {"threats": 0.85, "verbal_abuse": 0.2}}
    assert combine("reporter_role", "victim", scores, "rules", ()) == ("victim", "rules")
    assert combine("reporter_role", None, scores, "fill", ()) == ("witness", "model")
    assert combine("reporter_role", "victim", scores, "fill", ()) == ("victim", "rules")
    assert combine("strands", [], scores, "fill", STRANDS) == (["race", "religion"], "model")
    assert combine("incident_types", ["verbal_abuse"], scores, "union", INCIDENT_TYPES) == (
        ["verbal_abuse", "threats"], "both")
    assert combine("strands", ["race"], None, "model", STRANDS) == (["race"], "rules")


def test_the_committed_confidence_table_is_current():
    """confidence.yml must be rebuilt (calibrate --write) whenever the extraction code changes."""
    table = confidence.table()
    assert table["code_digest"] == calibrate.code_digest(), \
        "run: .venv/bin/python -m bot.extraction.learned.calibrate --write"
    assert table["model_hash"] == data_hash()
    # every classifier's field, and since round 10 the place (learned/place_choice.py)
    assert set(table["choice"]) == {*COMPONENTS, "location"}
    assert all(table["choice"][f] in calibrate.candidates(f) for f in table["choice"])


def test_confidence_rates_are_conservative():
    assert confidence.rate(8, 8) == pytest.approx(0.8)
    assert confidence.rate(7, 8) < 0.8  # right 87.5 %: below the skip threshold
    assert confidence.rate(94, 100) < 0.8
    assert confidence.rate(0, 0) == 0.0
