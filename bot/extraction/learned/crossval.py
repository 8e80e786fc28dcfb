"""Cross-validated classifier scores for the tuned parts: each narrative scored by a model that
never saw it, so the model's figures (and the choice of rules/model per field, and confidence
calibration) on the tuned parts are honest. Folds are fixed by a seeded shuffle of the ids.
"""

from __future__ import annotations

import json
import random
from pathlib import Path

from bot.extraction.learned import place_choice
from bot.extraction.learned.data import COMPONENTS
from bot.extraction.learned.model import Scores, run_components
from bot.extraction.learned.train import SEED, Read, reads, train
from bot.extraction.parts import Item

FOLDS = 5


def folds(items: list[Item], k: int = FOLDS, seed: int = SEED) -> list[list[Item]]:
    """k disjoint folds covering every item, the same for the same ids."""
    order = sorted(items, key=lambda i: str(i[2]["id"]))
    random.Random(seed).shuffle(order)  # noqa: S311 - fold assignment, not secrets
    return [order[n::k] for n in range(k)]


def fold_scores(items: list[Item], n: int, k: int = FOLDS,
                places: place_choice.Found | None = None,
                read: Read | None = None) -> dict[str, Scores]:
    """id -> scores for fold ``n``'s narratives, from a model trained on the other folds (with
    ``places``, the accounts' place candidates, also the place choice's, as component "place").
    Self-contained, so the build can run folds in parallel processes."""
    known = read if read is not None else reads(items)
    parts = folds(items, k)
    rest = [i for m, fold in enumerate(parts) if m != n for i in fold]
    nlp = train(rest, read=known)
    weights = place_choice.train(place_choice.rows(rest, places)) if places else None
    components = [nlp.get_pipe(name) for name in COMPONENTS]
    out: dict[str, Scores] = {}
    for _, _, item in parts[n]:
        out[str(item["id"])] = run_components(nlp.make_doc, components,
                                              *known[str(item["id"])])
        if weights is not None and places is not None:
            out[str(item["id"])]["place"] = place_choice.probabilities(
                weights, places[str(item["id"])][0])
    return out


def save(scores: dict[str, Scores], path: Path) -> None:
    path.write_text(json.dumps(scores, sort_keys=True) + "\n", encoding="utf-8")


def load_scores(path: Path) -> dict[str, Scores] | None:
    """Saved cross-validated scores, or None when there are none."""
    if not path.is_file():
        return None
    return json.loads(path.read_text(encoding="utf-8"))  # type: ignore[no-any-return]
