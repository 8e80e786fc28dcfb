"""What the classifiers learn from: labelled narratives -> text and category labels, and the hash.

The hash covers the training files, the code that turns them into examples and trains, and the
spaCy version: a model is only trusted when all of these are what it was trained from.
"""

from __future__ import annotations

import hashlib
from importlib.metadata import version
from pathlib import Path
from typing import Any

from bot.extraction.normalize import normalize
from bot.extraction.parts import DATA_DIR, Item, load, training_files
from bot.taxonomy import INCIDENT_TYPES, PERPETRATORS, REPORTER_ROLES, STRANDS

# One classifier per field; its labels are prefixed so all of them can share doc.cats.
STRAND_LABELS = tuple(f"S:{s}" for s in STRANDS)
TYPE_LABELS = tuple(f"T:{t}" for t in INCIDENT_TYPES)
ROLE_LABELS = tuple(f"R:{r}" for r in (*REPORTER_ROLES, "none"))
PERPETRATOR_LABELS = tuple(f"P:{p}" for p in (*PERPETRATORS, "none"))
DANGER_LABELS = ("D:danger",)
# Round 9: has it happened before / was anyone hurt; "none" when the account does not say (the
# labelling rule: the key is left out), so an unsaid answer is learned, not guessed.
ONGOING_LABELS = ("O:true", "O:false", "O:none")
INJURED_LABELS = ("I:true", "I:false", "I:none")
COMPONENTS = {"strands": STRAND_LABELS, "incident_types": TYPE_LABELS,
              "reporter_role": ROLE_LABELS, "perpetrator": PERPETRATOR_LABELS,
              "danger_now": DANGER_LABELS, "ongoing": ONGOING_LABELS, "injured": INJURED_LABELS}
# one answer each (textcat); the rest multi-label
EXCLUSIVE = ("reporter_role", "perpetrator", "ongoing", "injured")
UNSAID_IS_NONE = ("ongoing", "injured")  # a narrative without the key says nothing of it
# field -> its key in the labelled files (one map for training, calibration and choice)
LABEL_KEY = {"reporter_role": "role", "strands": "strands", "incident_types": "types",
             "occurred_on": "date", "location": "place", "perpetrator": "perpetrator",
             "injured": "injured", "ongoing": "ongoing", "danger_now": "danger"}
# Since round 10 the classifiers read the rules' answers (learned/inputs.py) and the place
# choice what the rules' place finder offers: every rules module counts. Not the evaluation,
# the calibration or the confidence table, which only read what a model says.
_NOT_TRAINED_FROM = {"calibrate.py", "build.py", "model.py", "combine.py", "alarm.py",
                     "evaluate.py", "scoring.py", "targets.py", "confidence.py", "signals.py",
                     "cli.py", "__init__.py"}
_CODE = sorted(f for f in Path(__file__).resolve().parents[1].rglob("*.py")
               if f.name not in _NOT_TRAINED_FROM)


def model_text(text: str) -> str:
    """The text the classifiers see: normalised spelling, lower case (same at train and run)."""
    return normalize(text).lower()


def cats(item: dict[str, Any], component: str) -> dict[str, float]:
    """The gold categories of one narrative for one classifier ({} when it is not labelled)."""
    if component == "strands" and "strands" in item:
        want = set(item["strands"] or [])
        return {f"S:{s}": float(s in want) for s in STRANDS}
    if component == "incident_types" and "types" in item:
        want = set(item["types"] or [])
        return {f"T:{t}": float(t in want) for t in INCIDENT_TYPES}
    if component in EXCLUSIVE and (LABEL_KEY[component] in item or component in UNSAID_IS_NONE):
        answer = _answer(item.get(LABEL_KEY[component]))
        return {label: float(label.split(":", 1)[1] == answer) for label in COMPONENTS[component]}
    if component == "danger_now" and "danger" in item:
        return {"D:danger": float(bool(item["danger"]))}
    return {}


def _answer(value: Any) -> str:
    """A label's value as a class name: None -> "none", True -> "true" (YAML booleans)."""
    if value is None:
        return "none"
    return str(value).lower() if isinstance(value, bool) else str(value)


def training_items(path: Path = DATA_DIR) -> list[Item]:
    """Every narrative of the tuned parts (never the held-out part)."""
    items: list[Item] = []
    for file in training_files(path):
        items.extend(load(file))
    return items


def data_hash(path: Path = DATA_DIR) -> str:
    """sha256 of the training files, the training code and the spaCy version."""
    digest = hashlib.sha256(f"spacy {version('spacy')}\n".encode())
    for file in [*training_files(path), *_CODE]:
        digest.update(f"{file.name}\n".encode())
        digest.update(file.read_bytes())
    return digest.hexdigest()
