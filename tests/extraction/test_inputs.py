"""Round 10: the classifiers read the rules' answers beside the words (learned/inputs.py), so
what they read at run time must be what they were trained on."""

from __future__ import annotations

from datetime import datetime

import pytest

from bot.extraction.extract import read
from bot.extraction.learned import inputs
from bot.extraction.learned.data import COMPONENTS
from bot.extraction.learned.model import get_model
from bot.extraction.normalize import normalize
from bot.extraction.parts import DATA_DIR, load

NOW = datetime(2026, 11, 25, 10, 0)


def test_the_rules_answers_are_tokens_no_resident_types():
    tokens = inputs.hint_tokens("third_party", "told me", ["race", "religion"], [], None, "")
    assert tokens.split() == ["zzrolethirdparty", "zzwhytoldme", "zzperpnone", "zzpwhy",
                              "zzstrandrace", "zzstrandreligion", "zztypenone"]


def test_what_extract_passes_is_what_training_read():
    """extract() builds the tokens from its reading; training reads them from the text."""
    items = load(DATA_DIR)[::20]
    assert len(items) > 90
    for _, now, item in items:
        text = str(item["text"])
        reading = read(text, now)
        if reading is None:
            continue
        from_reading = inputs.hint_tokens(reading.role, reading.role_reason, reading.strands,
                                          reading.types, *reading.perpetrator)
        assert from_reading == inputs.hints(text), item["id"]
        assert from_reading == inputs.hints(normalize(text), normalized=True), item["id"]


def test_danger_reads_the_words_alone_and_the_others_the_rules_too():
    plain, hinted = inputs.texts("A man SHOUTED at me on the 72 bus")
    assert plain == "a man shouted at me on the 72 bus"
    assert hinted.startswith(plain + " zzrole")
    assert inputs.for_component("danger_now", plain, hinted) == plain
    assert {inputs.for_component(n, plain, hinted) for n in COMPONENTS
            if n not in ("danger_now", "reporter_role")} == {hinted}
    # round 11: role reads the lead pairs too
    assert inputs.for_component("reporter_role", plain, hinted) == f"{hinted} zzpmeon"


def test_lead_pairs_tell_whose_account_it_is():
    assert inputs.pairs("my son was pushed, i saw it") == "zzpmyson zzpisaw"  # lowered text
    assert inputs.pairs("a boy was pushed") == ""
    assert inputs.pairs("it was them") == ""  # a lead word at the end pairs with nothing
    assert inputs.pairs("i'm sure") == "zzpimsure"


@pytest.mark.parametrize("text", ["I saw two lads kick a man's walking stick away outside Tesco",
                                  "my son was called a slur at school"])
def test_scores_are_the_same_with_the_callers_tokens_or_read_here(text):
    model = get_model()
    assert model is not None, "make train-extractor first"
    norm = normalize(text)
    reading = read(norm, NOW, normalized=True)
    given = inputs.hint_tokens(reading.role, reading.role_reason, reading.strands, reading.types,
                               *reading.perpetrator)
    assert model.scores(norm, normalized=True, hints=given) == model.scores(text)
    # the danger-only model (the gateway's) never needs the rules' reading
    alone = get_model(only="danger_now")
    assert alone is not None
    assert alone.scores(text)["danger_now"] == model.scores(text)["danger_now"]
