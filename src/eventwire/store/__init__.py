"""The DuckDB store: schema and migrations, the single writer, read-only readers, cross-article dedup.

from eventwire.store import ingest, open_store
summary = ingest(["news/"], db="events.duckdb", workers=2)
with open_store("events.duckdb") as con:          # read-only, schema-checked
    con.sql("SELECT cameo, count(*) FROM events GROUP BY ALL").show()
"""

from .connection import DEFAULT_DB, connect, open_store
from .ingesting import IngestProgress, IngestSummary, ingest, ingest_articles
from .reading import (
    ErrorRecord,
    EventFilter,
    StoreStats,
    event_rows,
    list_errors,
    mention_rows,
    read_events,
    read_mentions,
    store_stats,
)
from .schema import SCHEMA_VERSION
from .writer import StoreWriter

__all__ = [
    "DEFAULT_DB",
    "SCHEMA_VERSION",
    "ErrorRecord",
    "EventFilter",
    "IngestProgress",
    "IngestSummary",
    "StoreStats",
    "StoreWriter",
    "connect",
    "event_rows",
    "ingest",
    "ingest_articles",
    "list_errors",
    "mention_rows",
    "open_store",
    "read_events",
    "read_mentions",
    "store_stats",
]
