"""The evaluation reads each account once (``extract.read``) and combines it per way of
combining (``extract.decide``): the split must not change what the extractor says."""

from __future__ import annotations

import importlib
from datetime import datetime

import pytest

from bot.extraction.extract import analyse, decide, read
from bot.extraction.normalize import normalize
from bot.extraction.scoring import Memo, metrics, score

NOW = datetime(2026, 5, 4, 12, 0)
ACCOUNTS = [
    "Yesterday at about 6pm a man on the 220 bus near Hammersmith Broadway called me a "
    "terrorist and pulled at my hijab. My daughter was with me. He got off at the next stop.",
    "i saw it happen outside tesco on fulham palace rd, 2 lads shouting at an old man in a "
    "wheelchair, they kicked his stick away",
    "Since March someone keeps leaving notes on my door saying gays out. He is outside now.",
    "  ",
    "\u202bمرحبا\u202c 🙂 <b>hello</b> ' OR 1=1 --",
]
extract_module = importlib.import_module("bot.extraction.extract")
ITEMS = [("tuning", NOW, {"id": f"r{n}", "text": text}) for n, text in enumerate(ACCOUNTS)]


@pytest.mark.parametrize("text", ACCOUNTS)
def test_read_then_decide_is_what_extract_says(text):
    reading = read(text, NOW)
    if not text.strip():
        assert reading is None
        return
    combined = decide(reading, None, None)
    assert combined == analyse(text, NOW, None)


def test_normalising_twice_changes_nothing():
    for text in ACCOUNTS:
        once = normalize(text)
        assert normalize(once) == once
        assert read(once, NOW, normalized=True) == read(text, NOW)


def test_a_memo_reads_each_account_once_and_scores_the_same(monkeypatch):
    calls: list[str] = []
    real = extract_module.read

    def counting(text, now, normalized=False):
        calls.append(text)
        return real(text, now, normalized)

    monkeypatch.setattr(extract_module, "read", counting)
    plain = metrics(score(ITEMS))
    assert len(calls) == len(ITEMS)  # without a memo: once per scoring
    calls.clear()
    memo = Memo()
    first = metrics(score(ITEMS, memo=memo))
    again = metrics(score(ITEMS, memo=memo, modes={"reporter_role": "rules"}))
    assert len(calls) == len(ITEMS)  # read once, combined two ways
    assert first == plain
    assert len(memo.results) == 2 * len(ITEMS)
    assert again == metrics(score(ITEMS, modes={"reporter_role": "rules"}))
