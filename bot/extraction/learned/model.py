"""Load the trained classifiers, refusing a stale one, and read their scores as field values.

``get_model()`` loads once and caches. It returns None (rules only) when extraction is told not
to use a model, when none is built, or when its stamp is not the hash of the current training
data and code; the reason is logged once, never any text. Loading never raises.
"""

from __future__ import annotations

import json
import logging
import threading
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from bot.extraction.learned.data import COMPONENTS, EXCLUSIVE, data_hash, model_text
from bot.extraction.parts import DATA_DIR

if TYPE_CHECKING:
    from spacy.language import Language

    from bot.extraction.place_candidates import Candidate

log = logging.getLogger(__name__)
DEFAULT_DIR = DATA_DIR.parents[1] / "models" / "extractor"
THRESHOLD = 0.5  # a multi-label class is predicted at or above this score
_LOCK = threading.Lock()
_MISSING = object()
_CACHE: dict[str, Any] = {}

Scores = dict[str, dict[str, float]]  # component -> label (unprefixed) -> score


@dataclass(frozen=True)
class Learned:
    """The loaded classifiers, sharing the rules pipeline's tokenizer, and their hash.

    Sharing the tokenizer (the same blank English one the classifiers were trained with) saves
    building a second one at start-up and tokenising each account twice.
    """

    nlp: Language
    components: tuple[Any, ...]
    digest: str
    place: dict[str, float] | None = None  # the place choice's weights (learned/place_choice)

    def scores(self, text: str, normalized: bool = False,
               places: Sequence[Candidate] | None = None, hints: str | None = None) -> Scores:
        """Every classifier's score per label for one account (``normalized``: the caller has
        already normalised it, which is idempotent, so it is only lower-cased here), and the
        place choice's per candidate place. ``places`` and ``hints`` (the rules' candidates and
        answers, ``learned/inputs.py``) are read here when the caller has not."""
        from bot.extraction.learned import inputs

        plain = text.lower() if normalized else model_text(text)
        if any(c.name not in inputs.PLAIN for c in self.components):
            hinted = inputs.hinted(plain, hints if hints is not None else
                                   inputs.hints(text, normalized))
        else:
            hinted = plain  # the gateway's danger check reads the words alone
        out = run_components(self.nlp.make_doc, self.components, plain, hinted)
        if self.place is not None:
            from bot.extraction.learned.place_choice import probabilities

            if places is None:
                from bot.extraction.normalize import normalize
                from bot.extraction.place_candidates import candidates

                places = candidates(self.nlp(text if normalized else normalize(text)))[0]
            out["place"] = probabilities(self.place, places)
        return out


def run_components(make_doc: Any, components: Sequence[Any], plain: str, hinted: str) -> Scores:
    """Each classifier on the text it reads (``learned/inputs.py``), the scores merged."""
    from bot.extraction.learned.inputs import for_component, kind

    docs: dict[tuple[bool, bool], Any] = {}  # one doc per kind of text (inputs.kind)
    for component in components:
        reads = kind(component.name)
        if reads not in docs:
            docs[reads] = make_doc(for_component(component.name, plain, hinted))
        docs[reads] = component(docs[reads])
    merged: dict[str, float] = {}
    for doc in docs.values():
        merged.update(doc.cats)
    return split_cats(merged)


def split_cats(doc_cats: dict[str, float]) -> Scores:
    """doc.cats ("S:race": 0.9, ...) -> {"strands": {"race": 0.9}, ...}."""
    prefix = {labels[0].split(":")[0]: name for name, labels in COMPONENTS.items()}
    out: Scores = {name: {} for name in COMPONENTS}
    for label, value in doc_cats.items():
        head, _, tail = label.partition(":")
        if head in prefix:
            out[prefix[head]][tail] = float(value)
    return out


_VALUES: dict[str, str | bool | None] = {"none": None, "true": True, "false": False}


def top(scores: Scores, field: str) -> tuple[str | bool | None, float]:
    """The most likely answer of an exclusive classifier and its score: None for "none", and
    True / False for ongoing and injured (their classes are "true" and "false")."""
    answers = scores.get(field) or {}
    if not answers:
        return None, 0.0
    best = max(answers, key=lambda a: answers[a])
    return _VALUES.get(best, best), answers[best]


def decode(scores: Scores) -> dict[str, Any]:
    """Field values the scores mean: labels at or above THRESHOLD, the most likely answer."""
    return {
        "strands": sorted(k for k, v in scores.get("strands", {}).items() if v >= THRESHOLD),
        "incident_types": sorted(k for k, v in scores.get("incident_types", {}).items()
                                 if v >= THRESHOLD),
        "reporter_role": top(scores, "reporter_role")[0],
        "perpetrator": top(scores, "perpetrator")[0],
        "danger_now": (scores.get("danger_now") or {}).get("danger", 0.0) >= THRESHOLD,
        "ongoing": top(scores, "ongoing")[0],
        "injured": top(scores, "injured")[0],
    }


def _where() -> tuple[bool, Path]:
    """(use a model?, its folder) from the settings; defaults when settings cannot be built."""
    try:
        from bot.settings import get_settings

        settings = get_settings()
        return settings.extractor_model, Path(settings.extractor_model_dir)
    except Exception as exc:  # noqa: BLE001 - extraction must work whatever the settings say
        log.warning("extraction model: settings unreadable (%s), default folder",
                    type(exc).__name__)
        return True, DEFAULT_DIR


def _load(enabled: bool, root: Path, only: str | None = None) -> Learned | None:
    """All classifiers on the rules pipeline's tokenizer, or ``only`` one on a blank one."""
    if not enabled:
        log.info("extraction model: off (EXTRACTOR_MODEL=false), rules only")
        return None
    stamp_file = root / "stamp.json"
    if not stamp_file.is_file():
        log.warning("extraction model: none built (make train-extractor), rules only")
        return None
    stamp = json.loads(stamp_file.read_text(encoding="utf-8"))
    want = data_hash()
    if stamp.get("hash") != want:
        log.warning("extraction model: stamp %s is not the current data hash %s "
                    "(make train-extractor), rules only", str(stamp.get("hash"))[:16], want[:16])
        return None
    folder = root / str(stamp["dir"])
    meta = json.loads((folder / "meta.json").read_text(encoding="utf-8"))
    if meta.get("tellonce", {}).get("hash") != want or set(meta.get("pipeline", [])) != set(
            COMPONENTS):
        log.warning("extraction model: pipeline meta does not match its stamp, rules only")
        return None
    from bot.extraction.learned.train import _config
    from bot.extraction.pipeline import get_pipeline

    if only is None:
        nlp = get_pipeline()
    else:  # the gateway's danger check: no places or dates, only the same tokenizer
        import spacy

        nlp = spacy.blank("en")
    components = []
    for name in COMPONENTS if only is None else (only,):
        exclusive = name in EXCLUSIVE
        factory = "textcat" if exclusive else "textcat_multilabel"
        component = nlp.create_pipe(factory, name=name, config=_config(exclusive))
        components.append(component.from_disk(folder / name, exclude=["vocab"]))
    place = None
    if only is None and stamp.get("place"):
        from bot.extraction.learned.place_choice import load_weights

        place = load_weights(root / str(stamp["place"]))
    return Learned(nlp=nlp, components=tuple(components), digest=want, place=place)


def get_model(only: str | None = None) -> Learned | None:
    """The loaded classifiers (or ``only`` that one), or None for rules only (cached)."""
    enabled, root = _where()
    key = f"{enabled}:{root}:{only}"
    cached = _CACHE.get(key, _MISSING)
    if cached is not _MISSING:
        return cached  # type: ignore[no-any-return]
    with _LOCK:
        if key not in _CACHE:
            try:
                _CACHE[key] = _load(enabled, root, only)
            except Exception as exc:  # noqa: BLE001 - a broken model means rules only, not a crash
                log.warning("extraction model: failed to load (%s), rules only",
                            type(exc).__name__)
                _CACHE[key] = None
        return _CACHE[key]  # type: ignore[no-any-return]


def reset() -> None:
    """Forget the cached model (tests, and after retraining in the same process)."""
    with _LOCK:
        _CACHE.clear()
