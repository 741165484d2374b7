"""Opening a store: writers and readers, with DuckDB's one-writing-process rule turned into clear errors.

DuckDB locks the database file per process: one read-write process, or any number of read-only ones, never
both. eventwire's writer holds the file only while it commits a batch, so a reader opened between batches
gets a consistent snapshot, and a reader that arrives mid-commit waits a little and then gets
`StoreBusyError` (never a half-written store).
"""

from __future__ import annotations

import contextlib
import time
from collections.abc import Iterator
from pathlib import Path

import duckdb

from ..errors import StoreBusyError, StoreError
from .migrations import ensure_schema
from .schema import DEFAULT_DB as DEFAULT_DB  # where callers of open_store have always found it


def _is_lock_conflict(exc: duckdb.Error) -> bool:
    text = str(exc)
    return "Could not set lock" in text or "Conflicting lock" in text


def connect(path: str | Path, *, read_only: bool = True, wait: float = 5.0) -> duckdb.DuckDBPyConnection:
    """Open the store at `path`, checked against this eventwire's schema version.

    Read-only opens refuse a missing or older store; read-write opens create or migrate it. When another
    process holds the file, retry for `wait` seconds, then raise StoreBusyError naming the holder.
    """
    path = str(path)
    if read_only and not Path(path).exists():
        raise StoreError(f"{path}: no such store; create it with `eventwire ingest PATH --db {path}`")
    deadline = time.monotonic() + max(wait, 0.0)
    delay = 0.02
    while True:
        try:
            con = duckdb.connect(path, read_only=read_only)
            break
        except duckdb.Error as exc:
            if not _is_lock_conflict(exc):
                raise StoreError(f"{path}: cannot open the store ({exc})") from None
            if time.monotonic() >= deadline:
                holder = str(exc).split("Conflicting lock is held in", 1)[-1].split(". See", 1)[0].strip()
                raise StoreBusyError(
                    f"{path} is in use by another process ({holder}); an ingest writes it in batches, "
                    "so retry in a moment, or wait until the other process finishes"
                ) from None
            time.sleep(delay)
            delay = min(delay * 2, 0.5)
    try:
        ensure_schema(con, path=path, writable=not read_only)
    except BaseException:
        con.close()
        raise
    return con


@contextlib.contextmanager
def open_store(
    path: str | Path, *, read_only: bool = True, wait: float = 5.0
) -> Iterator[duckdb.DuckDBPyConnection]:
    """`with open_store(db) as con:` a checked connection, closed (and the file lock released) on exit.

    Hold it briefly: while a reader holds the file, an ingest cannot commit (it waits, then fails).
    """
    con = connect(path, read_only=read_only, wait=wait)
    try:
        yield con
    except duckdb.IOException as exc:
        if not read_only or str(path) not in str(exc):
            raise
        # A reader that opened between an ingest's batches can still find the file grown or rewritten under it
        # when the next batch lands ('Could not read enough bytes from file ...'): a read to retry, as when the
        # store is busy, and never a damaged store (this connection writes nothing).
        raise StoreBusyError(
            f"{path} changed while it was being read (an ingest is writing it); retry in a moment"
        ) from None
    finally:
        con.close()
