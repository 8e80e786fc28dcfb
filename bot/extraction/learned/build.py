"""``python -m bot.extraction.learned.build [--out DIR] [--force]`` (make train-extractor).

Writes ``<out>/extractor-<hash16>/`` (the spaCy pipeline, its meta carrying the full hash),
``<out>/cv-<hash16>.json`` (cross-validated scores of the tuned parts, for the evaluation and
the confidence table), ``<out>/place-<hash16>.json`` (the place choice's weights) and
``<out>/stamp.json``; older builds are removed. Does nothing when the
build is already current (unless ``--force``). Prints only counts.
"""

from __future__ import annotations

import json
import os
import shutil
import sys
import time
from concurrent.futures import ProcessPoolExecutor
from multiprocessing import get_context
from pathlib import Path

from bot.extraction.learned import crossval, place_choice
from bot.extraction.learned.data import data_hash, training_items
from bot.extraction.learned.model import DEFAULT_DIR
from bot.extraction.learned.train import EPOCHS, SEED, reads, train
from bot.extraction.parts import DATA_DIR


def model_dir(out: Path, digest: str) -> Path:
    """Where the pipeline for this hash lives: named by the hash."""
    return out / f"extractor-{digest[:16]}"


def cv_file(out: Path, digest: str) -> Path:
    return out / f"cv-{digest[:16]}.json"


def place_file(out: Path, digest: str) -> Path:
    return out / f"place-{digest[:16]}.json"


def workers() -> int:
    """Processes for the cross-validation folds: ``EXTRACTOR_BUILD_WORKERS``, else one per core
    up to two (the machines here have two; training is single-threaded)."""
    given = os.environ.get("EXTRACTOR_BUILD_WORKERS", "").strip()
    return max(1, int(given)) if given.isdigit() else min(2, os.cpu_count() or 1)


def build(out: Path = DEFAULT_DIR, data: Path = DATA_DIR) -> dict[str, object]:
    """Train on the tuned parts, cross-validate, and write everything under ``out``.

    The folds run in worker processes while this one trains the shipped model: six trainings,
    about half the wall time on two cores, and the same scores (each training seeds itself)."""
    digest = data_hash(data)
    items = training_items(data)
    started = time.perf_counter()
    places = place_choice.found(items)
    read = reads(items)
    # spawn, not fork: a forked child would share this process's spaCy and thread state
    with ProcessPoolExecutor(workers(), mp_context=get_context("spawn")) as pool:
        pending = [pool.submit(crossval.fold_scores, items, n, crossval.FOLDS, places, read)
                   for n in range(crossval.FOLDS)]
        nlp = train(items, read=read)
        weights = place_choice.train(place_choice.rows(items, places))
        train_seconds = time.perf_counter() - started
        scores = {ident: got for future in pending for ident, got in future.result().items()}
    out.mkdir(parents=True, exist_ok=True)
    for old in [*out.glob("extractor-*"), *out.glob("cv-*.json"), *out.glob("place-*.json")]:
        shutil.rmtree(old) if old.is_dir() else old.unlink()
    nlp.meta["name"] = f"tellonce_extractor_{digest[:16]}"
    nlp.meta["tellonce"] = {"hash": digest, "narratives": len(items), "seed": SEED,
                            "epochs": EPOCHS}
    target = model_dir(out, digest)
    nlp.to_disk(target)
    crossval.save(scores, cv_file(out, digest))
    place_choice.save(weights, place_file(out, digest))
    stamp: dict[str, object] = {
        "hash": digest, "dir": target.name, "cv": cv_file(out, digest).name,
        "place": place_file(out, digest).name,
        "narratives": len(items), "train_seconds": round(train_seconds, 2),
        "total_seconds": round(time.perf_counter() - started, 2)}
    (out / "stamp.json").write_text(json.dumps(stamp, indent=2) + "\n", encoding="utf-8")
    return stamp


def current(out: Path = DEFAULT_DIR) -> bool:
    """True when ``out`` already holds the build for the current data and code."""
    stamp_file = out / "stamp.json"
    if not stamp_file.is_file():
        return False
    stamp = json.loads(stamp_file.read_text(encoding="utf-8"))
    return bool(stamp.get("hash") == data_hash() and (out / str(stamp.get("dir"))).is_dir()
                and (out / str(stamp.get("cv"))).is_file()
                and (out / str(stamp.get("place"))).is_file())


def main(argv: list[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    out = Path(args[args.index("--out") + 1]) if "--out" in args else DEFAULT_DIR
    if "--force" not in args and current(out):
        print(f"extractor: up to date ({out / 'stamp.json'})")
        return 0
    stamp = build(out)
    print(f"extractor: trained on {stamp['narratives']} narratives in {stamp['train_seconds']} s, "
          f"with {crossval.FOLDS}-fold cross-validation {stamp['total_seconds']} s -> "
          f"{out / str(stamp['dir'])}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
