"""The HTTP API (FastAPI, JSON only) and the dashboard it serves.

`create_app(db)` builds it; `eventwire serve` runs it.
"""

from .app import create_app

__all__ = ["create_app"]
