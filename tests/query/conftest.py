"""A hand-coded store written through the real writer, built once per session."""

from __future__ import annotations

import pytest
from relations_store import build_store


@pytest.fixture(scope="session")
def store_path(tmp_path_factory):
    return build_store(tmp_path_factory.mktemp("query") / "events.duckdb")


@pytest.fixture
def con(store_path):
    from eventwire.query import open_reader

    with open_reader(store_path) as connection:
        yield connection
