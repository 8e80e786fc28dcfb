"""The evaluation reads each account once (``extract.read``) and combines it per way of
combining (``extract.decide``): the split must not change what the extractor says."""

from __future__ import annotations

import importlib
from datetime import datetime

import pytest

from bot.extraction.extract import analyse, decide, read
from bot.extraction.normalize import normalize
from bot.extraction.parts import DATA_DIR, load
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


def test_narrative_ids_used_twice_are_refused(tmp_path):
    """Cross-validated scores are kept by id: two accounts sharing one would swap scores."""
    for name, part in (("narratives_a.yml", "a"), ("narratives_b.yml", "b")):
        (tmp_path / name).write_text(
            f'part: {part}\nnow: "2027-01-06T10:00:00"\nnarratives:\n'
            f'  - id: x001\n    text: "they shouted at me"\n', encoding="utf-8")
    with pytest.raises(ValueError, match="x001"):
        load(tmp_path)


def test_the_reserve_shares_no_id_with_the_loaded_parts():
    """Read from the id lines alone: the sealed reserve is never loaded or opened."""
    loaded = {str(item["id"]) for _, _, item in load(DATA_DIR)}
    for file in sorted((DATA_DIR / "reserve").glob("narratives*.yml")):
        ids = [line.split(":", 1)[1].strip().strip("'\"")
               for line in file.read_text(encoding="utf-8").splitlines()
               if line.startswith("  - id:")]
        assert len(ids) == len(set(ids)) > 0
        assert loaded.isdisjoint(ids), file.name
