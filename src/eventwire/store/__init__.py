"""The DuckDB store: schema and migrations, the single writer, read-only readers, cross-article dedup.

from eventwire.store import ingest, open_store
summary = ingest(["news/"], db="events.duckdb", workers=2)
with open_store("events.duckdb") as con:          # read-only, schema-checked
    con.sql("SELECT cameo, count(*) FROM events GROUP BY ALL").show()
"""

from importlib import import_module

# Lazy: `eventwire.store.connection` (and the CLI, which every spawned worker re-imports) must not pay for
# pyarrow and the writer when it only needs a constant.
_EXPORTS = {
    "DEFAULT_DB": "schema",
    "connect": "connection",
    "open_store": "connection",
    "IngestProgress": "ingesting",
    "IngestSummary": "ingesting",
    "ingest": "ingesting",
    "ingest_articles": "ingesting",
    "ErrorRecord": "reading",
    "EventFilter": "reading",
    "StoreStats": "reading",
    "event_rows": "reading",
    "list_errors": "reading",
    "mention_rows": "reading",
    "read_events": "reading",
    "read_mentions": "reading",
    "store_stats": "reading",
    "SCHEMA_VERSION": "schema",
    "StoreWriter": "writer",
}


def __getattr__(name: str):
    if name in _EXPORTS:
        return getattr(import_module(f".{_EXPORTS[name]}", __name__), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


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
