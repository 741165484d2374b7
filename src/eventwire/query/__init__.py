"""Queries over a store, shared by the CLI, the HTTP API, the dashboard and the reports.

    >>> from eventwire.query import open_reader, dyad_series
    >>> with open_reader("eventwire.duckdb") as con:
    ...     series = dyad_series(con, "RUS", "CUB", by="month")

Every query takes an open DuckDB connection (read-only is enough) and returns plain data.
"""

from __future__ import annotations

from ..filters import QUAD_CLASSES, EventFilter
from ..store.connection import open_store
from .events import (
    MAX_LIMIT,
    ORDERS,
    Page,
    countries,
    evidence,
    find_events,
    get_article,
    get_event,
    locations,
    store_summary,
)
from .relations import (
    PERIODS,
    DyadSeries,
    SeriesPoint,
    actor_network,
    dyad_filter,
    dyad_profile,
    dyad_series,
    top_partners,
)


def open_reader(path, *, wait: float = 5.0):
    """`with open_reader(db) as con:` a read-only, schema-checked connection, closed on exit."""
    return open_store(path, read_only=True, wait=wait)


__all__ = [
    "MAX_LIMIT",
    "ORDERS",
    "PERIODS",
    "QUAD_CLASSES",
    "DyadSeries",
    "EventFilter",
    "Page",
    "SeriesPoint",
    "actor_network",
    "countries",
    "dyad_filter",
    "dyad_profile",
    "dyad_series",
    "evidence",
    "find_events",
    "get_article",
    "get_event",
    "locations",
    "open_reader",
    "store_summary",
    "top_partners",
]
