"""A learned choice among the places an account names (``place_candidates``).

On accounts nobody here wrote, most place misses are the wrong one of several places said, not
a place not found. A logistic regression over each candidate's features (the words around it,
its kind, where it sits, the rules' own score) learns from the labelled accounts which one
is the incident's; full-batch gradient descent from zeros, so the same data give the same
weights. The scores are per candidate text, so a candidate the rules no longer produce simply
has none. How it is combined with the rules' pick (``pick``) is chosen like the classifiers'.
"""

from __future__ import annotations

import json
import math
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from bot.extraction.parts import Item
    from bot.extraction.place_candidates import Candidate

EPOCHS = 1500
LEARN_RATE = 0.5
L2 = 3.0
KEEP = 1e-4  # weights smaller than this are dropped from the saved file
Weights = dict[str, float]
Row = tuple[Sequence["Candidate"], Sequence[bool]]  # candidates, is each the labelled place


Found = dict[str, tuple[tuple["Candidate", ...], int | None]]  # id -> candidates, rules' pick


def found(items: list[Item]) -> Found:
    """Each account's candidates, read once by the rules' pipeline (build and cross-validation)."""
    from bot.extraction.normalize import normalize
    from bot.extraction.pipeline import get_pipeline
    from bot.extraction.place_candidates import candidates

    nlp = get_pipeline()
    return {str(item["id"]): candidates(nlp(normalize(str(item["text"]))))
            for _, _, item in items}


def rows(items: list[Item], cands: Found) -> list[Row]:
    """The accounts that label a physical place, each candidate marked right when it is it."""
    from bot.extraction.scoring import place_found

    out: list[Row] = []
    for _, _, item in items:
        want, (options, _rules) = item.get("place"), cands[str(item["id"])]
        if want and not item.get("online") and options:
            out.append((options, [place_found(str(want), c.text) for c in options]))
    return out


def train(rows: list[Row]) -> Weights:
    """Weights (and "__bias__") from accounts with their candidates marked right or wrong."""
    import numpy as np

    vocab: dict[str, int] = {}
    row_of, col_of, value_of, wanted = [], [], [], []
    for cands, right in rows:
        for cand, ok in zip(cands, right, strict=True):
            for name, value in cand.features:
                row_of.append(len(wanted))
                col_of.append(vocab.setdefault(name, len(vocab)))
                value_of.append(value)
            wanted.append(float(ok))
    if not wanted:
        return {"__bias__": 0.0}
    rows_, cols = np.array(row_of), np.array(col_of)
    vals, y = np.array(value_of), np.array(wanted)
    w, bias, n = np.zeros(len(vocab)), 0.0, len(y)
    for _ in range(EPOCHS):
        z = np.bincount(rows_, weights=vals * w[cols], minlength=n) + bias
        p = 1.0 / (1.0 + np.exp(-z))
        residual = p - y
        grad = np.bincount(cols, weights=vals * residual[rows_], minlength=len(vocab))
        w -= LEARN_RATE * (grad + L2 * w) / n
        bias -= LEARN_RATE * float(residual.mean())
    out = {name: round(float(w[i]), 6) for name, i in vocab.items() if abs(w[i]) >= KEEP}
    out["__bias__"] = round(bias, 6)
    return out


def probabilities(weights: Weights, cands: Sequence[Candidate]) -> dict[str, float]:
    """candidate text -> how likely it is the incident's place (the first on a repeated text)."""
    bias = weights.get("__bias__", 0.0)
    out: dict[str, float] = {}
    for cand in cands:
        z = bias + sum(weights.get(name, 0.0) * value for name, value in cand.features)
        out.setdefault(cand.text, round(1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z)))), 4))
    return out


def pick(cands: Sequence[Candidate], rules_index: int, scores: dict[str, float] | None,
         mode: str) -> tuple[int, str]:
    """(index of the place to give, "rules" | "model"). Modes: ``rules``; ``model`` (the likeliest
    candidate); ``over@T`` (the likeliest when it is at least T likely, else the rules')."""
    if not scores or mode == "rules" or len(cands) < 2:
        return rules_index, "rules"
    best = max(range(len(cands)), key=lambda i: (scores.get(cands[i].text, 0.0), -i))
    sure = scores.get(cands[best].text, 0.0)
    if best == rules_index or (mode.startswith("over@") and sure < float(mode.split("@")[1])):
        return rules_index, "rules"
    return best, "model"


def save(weights: Weights, path: Path) -> None:
    path.write_text(json.dumps(weights, sort_keys=True) + "\n", encoding="utf-8")


def load_weights(path: Path) -> Weights | None:
    if not path.is_file():
        return None
    data: Any = json.loads(path.read_text(encoding="utf-8"))
    return {str(k): float(v) for k, v in data.items()}
