"""Actor tests share one resolver (bundled data) and the session's spaCy pipeline."""

from __future__ import annotations

import pytest


@pytest.fixture(scope="session")
def resolver():
    from eventwire.actors import ActorResolver

    return ActorResolver.load()
