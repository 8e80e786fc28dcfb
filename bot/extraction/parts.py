"""The labelled narratives and their parts: which are tuned on and which one is held out.

One home for the held-out rule (docs/extraction.md): the evaluation reports by part, and the
learned component trains only on the tuned parts, so neither may disagree on which part is kept
out. Reading a file here never prints its text.
"""

from __future__ import annotations

from collections import Counter
from datetime import datetime
from pathlib import Path
from typing import Any

import yaml

DATA_DIR = Path(__file__).resolve().parents[2] / "tests" / "data"
HELD_OUT = "held_out_14"  # the part never tuned on (docs/extraction.md, held-out history)
TUNING = ("tuning", "tuning_2")
# Rounds 8, 9, 11, 12 and 14: written by helpers who never read the rules (since round 11: from the
# writers' brief, docs/extraction_brief.md), for the classifiers to learn from.
TRAINING = ("tuning_8a", "tuning_8b", "tuning_8c", "tuning_8d", "tuning_8e",
            "tuning_9a", "tuning_9b", "tuning_9c", "tuning_9d", "tuning_9e",
            "tuning_11a", "tuning_11b", "tuning_11c", "tuning_11d", "tuning_11e",
            "tuning_12a", "tuning_12b", "tuning_14a", "tuning_14b")
# Parts once held out and tuned on since; each held-out set's first score is in the docs.
TUNED_HELD_OUT = ("held_out_1_tuned", "held_out_2_tuned", "held_out_3_tuned",
                  "held_out_4_tuned", "held_out_5_tuned", "held_out_6_tuned",
                  "held_out_7_tuned", "held_out_8_tuned", "held_out_9_tuned",
                  "held_out_10_tuned", "held_out_11_tuned", "held_out_12_tuned",
                  "held_out_13_tuned")
PART_ORDER = (*TUNING, *TRAINING, *TUNED_HELD_OUT, HELD_OUT)
# Tuned parts no rule was ever written from (their misses never read to write rules): where the
# way of combining rules and classifier is chosen, since the rules flatter themselves elsewhere.
FRESH = ("held_out_7_tuned", "held_out_8_tuned", "held_out_9_tuned", "held_out_10_tuned",
         "held_out_11_tuned", "held_out_12_tuned", "held_out_13_tuned", *TRAINING)

Item = tuple[str, datetime, dict[str, Any]]


def narrative_files(path: Path = DATA_DIR) -> list[Path]:
    """Every labelled file under ``path`` (or ``path`` itself when it is a file), sorted."""
    return sorted(path.glob("narratives*.yml")) if path.is_dir() else [path]


def file_part(file: Path) -> str:
    """The ``part:`` a file declares, read from its header only (cheap, no full parse)."""
    with file.open(encoding="utf-8") as handle:
        for line in handle:
            if line.startswith("part:"):
                return line.split(":", 1)[1].split("#")[0].strip().strip("'\"")
            if line.startswith("narratives:"):
                break
    return file.stem


def training_files(path: Path = DATA_DIR, held_out: str | None = None) -> list[Path]:
    """The files the learned component may learn from: every part but the held-out one."""
    keep_out = HELD_OUT if held_out is None else held_out
    return [f for f in narrative_files(path) if file_part(f) != keep_out]


def load(path: Path) -> list[Item]:
    """(part, now, item) for every narrative under path. Ids must be unique across the files:
    cross-validated scores are kept by id, and round 11 found two files sharing 100 ids."""
    out = []
    for file in narrative_files(path):
        data = yaml.safe_load(file.read_text(encoding="utf-8"))
        now = datetime.fromisoformat(str(data["now"]))
        for item in data["narratives"]:
            out.append((str(data.get("part", file.stem)), now, item))
    counts = Counter(str(item["id"]) for _, _, item in out)
    repeated = sorted(i for i, n in counts.items() if n > 1)
    if repeated:
        raise ValueError(f"narrative ids used twice under {path}: {', '.join(repeated[:10])}")
    return out
