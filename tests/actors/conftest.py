"""Actor tests share one resolver (bundled data) and the session's spaCy pipeline."""

from __future__ import annotations

import pytest


@pytest.fixture(scope="session")
def resolver():
    from eventwire.actors import ActorResolver

    return ActorResolver.load()


@pytest.fixture(scope="session")
def mentions_in(nlp, resolver):
    """The actor mentions of a text read as one document: {mention text: Actor}."""

    def read(text, title=None):
        doc = nlp(text)
        actors = resolver.for_document(doc, title=title)
        return {span.text: a for sent in doc.sents for span, a in actors.mentions(sent)}

    return read

