"""The learned component: spaCy text classifiers beside the rules (docs/extraction.md).

Trained in the repo from the tuned parts of tests/data (``make train-extractor``), on
``spacy.blank("en")`` with bag-of-words classifiers: no downloaded weights or vectors. The
pipeline is stamped with a hash of its training data and code; a model whose stamp does not
match is refused and extraction runs on the rules alone.
"""
