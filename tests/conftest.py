"""Shared fixtures: the real spaCy pipeline, loaded once per test process."""

from __future__ import annotations

import pytest


@pytest.fixture(scope="session")
def nlp():
    from eventwire.nlp import load_nlp

    return load_nlp()
