"""An in-process client for the API (FastAPI's TestClient)."""

from __future__ import annotations

import warnings


def make_client(db, **options):
    with warnings.catch_warnings():
        # starlette's TestClient warns about its httpx backend; nothing for us to act on.
        warnings.simplefilter("ignore")
        from fastapi.testclient import TestClient

    from eventwire.api import create_app

    return TestClient(create_app(db, **options))
