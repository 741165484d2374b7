"""Exports of the deduplicated events in the field's formats.

    export_events("events.duckdb", fmt="gdelt", out=sys.stdout, where=EventFilter(country="RUS"))

plover: PLOVER JSON lines with every mention; gdelt: the GDELT 2.0 event table (61 columns);
icews: ICEWS-style columns; csv: the events table; parquet: the events table, typed (needs a file).
"""

from __future__ import annotations

from collections.abc import Iterator
from itertools import islice
from pathlib import Path
from typing import Any, TextIO

from ..errors import ExportError
from ..filters import EventFilter
from ..store.connection import DEFAULT_DB, open_store
from ..store.reading import event_rows, mention_rows
from .gdelt import GDELT_COLUMNS, write_gdelt
from .icews import ICEWS_COLUMNS, write_icews
from .plover import write_plover
from .tables import write_csv, write_parquet

FORMATS = ("plover", "gdelt", "icews", "csv", "parquet")
BINARY_FORMATS = ("parquet",)


def export_events(
    db: str | Path = DEFAULT_DB,
    *,
    fmt: str,
    out: TextIO | Path,
    where: EventFilter | None = None,
) -> int:
    """Write the store's deduplicated events in `fmt` to `out` (a text stream, or a path for parquet);
    returns how many events were written."""
    if fmt not in FORMATS:
        raise ExportError(f"unknown export format {fmt!r} (choose from: {', '.join(FORMATS)})")
    if fmt in BINARY_FORMATS and not isinstance(out, Path):
        raise ExportError(f"{fmt} is a binary format: give a file to write (--out FILE)")
    with open_store(db) as con:
        if fmt == "parquet":
            clause, params = (where or EventFilter()).where()
            sql = f"SELECT e.* FROM events e WHERE {clause} ORDER BY e.date NULLS LAST, e.event_id"
            return write_parquet(con, sql, params, out)
        rows = event_rows(con, where=where)
        if fmt == "gdelt":
            return write_gdelt(rows, out)
        if fmt == "icews":
            return write_icews(rows, out)
        if fmt == "csv":
            columns = [r[0] for r in con.execute("DESCRIBE events").fetchall()]
            return write_csv(rows, out, columns=columns)
        return write_plover(_with_mentions(con, rows), out)


def _with_mentions(con, rows: Iterator[dict[str, Any]], size: int = 500):
    # Mentions are fetched per chunk of events: one query per chunk, memory bounded by the chunk.
    while chunk := list(islice(rows, size)):
        yield chunk, mention_rows(con, [r["event_id"] for r in chunk])


__all__ = ["FORMATS", "GDELT_COLUMNS", "ICEWS_COLUMNS", "ExportError", "export_events"]
