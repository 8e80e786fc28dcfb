"""Train the classifiers (``build.py`` writes them to disk; ``make train-extractor``).

A blank English pipeline with five bag-of-words classifiers on unigrams (bigrams and a
tok2vec ensemble did worse in cross-validation on data this small): strands, incident types and
danger now multi-label, reporter role and perpetrator exclusive. Fixed seed, a fixed number of
epochs: the same data and code give the same model.
Each classifier is updated on its own examples, so an exclusive classifier never sees the other
fields' labels.
"""

from __future__ import annotations

import random
from typing import TYPE_CHECKING, Any

from bot.extraction.learned import inputs
from bot.extraction.learned.data import COMPONENTS, EXCLUSIVE, cats
from bot.extraction.parts import Item

if TYPE_CHECKING:
    from spacy.language import Language

SEED = 0
EPOCHS = 20
BATCH = 32
DROPOUT = 0.2
LEARN_RATE = 0.01  # Adam; spaCy's default 0.001 under-fits a few hundred narratives


def _config(exclusive: bool) -> dict[str, Any]:
    return {"model": {"@architectures": "spacy.TextCatBOW.v3", "exclusive_classes": exclusive,
                      "ngram_size": 1, "no_output_layer": False, "length": 8192}}


Read = dict[str, tuple[str, str]]  # id -> (the words alone, with the rules' answers)


def reads(items: list[Item]) -> Read:
    """Each narrative as the classifiers read it: computed once for the build's six trainings
    (the rules' reading is a third of a training's time)."""
    return {str(item["id"]): inputs.texts(str(item["text"])) for _, _, item in items}


def train(items: list[Item], seed: int = SEED, epochs: int = EPOCHS,
          read: Read | None = None) -> Language:
    """A trained pipeline (in memory) from labelled narratives (``read``: from ``reads``)."""
    import spacy
    from spacy.training import Example
    from spacy.util import fix_random_seed, minibatch
    from thinc.api import Adam

    fix_random_seed(seed)
    nlp = spacy.blank("en")
    known = read if read is not None else reads(items)
    pairs = [known[str(item["id"])] for _, _, item in items]
    examples: dict[str, list[Example]] = {}
    for name, labels in COMPONENTS.items():
        exclusive = name in EXCLUSIVE
        factory = "textcat" if exclusive else "textcat_multilabel"
        component = nlp.add_pipe(factory, name=name, config=_config(exclusive))
        for label in labels:
            component.add_label(label)  # type: ignore[attr-defined]
        examples[name] = [Example.from_dict(nlp.make_doc(inputs.for_component(name, *pair)),
                                            {"cats": gold})
                          for pair, (_, _, item) in zip(pairs, items, strict=True)
                          if (gold := cats(item, name))]
    for name in COMPONENTS:
        nlp.get_pipe(name).initialize(lambda name=name: examples[name], nlp=nlp)  # type: ignore[attr-defined]
    optimizer = Adam(LEARN_RATE)
    rng = random.Random(seed)  # noqa: S311 - shuffling examples, not secrets
    for _ in range(epochs):
        for name in COMPONENTS:
            batch_source = list(examples[name])
            rng.shuffle(batch_source)
            component = nlp.get_pipe(name)
            for batch in minibatch(batch_source, size=BATCH):
                component.update(batch, drop=DROPOUT, sgd=optimizer, losses={})  # type: ignore[attr-defined]
    return nlp
