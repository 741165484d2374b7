"""Shared fixtures for the coder tests: the real spaCy pipeline, actor resolver and coder, loaded once."""

from __future__ import annotations

import pytest


@pytest.fixture(scope="session")
def nlp():
    from eventwire.nlp import load_nlp

    return load_nlp()


@pytest.fixture(scope="session")
def coder():
    from eventwire.coding import EventCoder

    return EventCoder.load()


@pytest.fixture(scope="session")
def resolver():
    from eventwire.actors import ActorResolver

    return ActorResolver.load()


@pytest.fixture(scope="session")
def code_text(nlp, coder, resolver):
    """text -> candidates, through the real parser, actor resolver and coder."""

    def run(text: str):
        doc = nlp(text)
        return coder.code(doc, resolver.for_document(doc))

    return run
