"""Shared fixtures for the extraction tests."""

from __future__ import annotations

import importlib

import pytest


@pytest.fixture
def rules_only(monkeypatch):
    """extract() and detect_danger() with no classifier: the round-N tests pin what the rules
    say for each kind of phrasing; what the classifiers change is judged on the labelled sets
    (test_targets.py) and in test_learned*.py."""
    monkeypatch.setattr(importlib.import_module("bot.extraction.extract"), "get_model",
                        lambda: None)
    monkeypatch.setattr(importlib.import_module("bot.extraction.learned.alarm"), "get_model",
                        lambda only=None: None)
