"""The API in-process (FastAPI's TestClient) over the hand-coded store of tests/query."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "query"))

from api_client import make_client  # noqa: E402
from relations_store import build_store  # noqa: E402


@pytest.fixture(scope="session")
def api_store(tmp_path_factory) -> Path:
    return build_store(tmp_path_factory.mktemp("api") / "events.duckdb")


@pytest.fixture(scope="session")
def client(api_store):
    return make_client(api_store)
