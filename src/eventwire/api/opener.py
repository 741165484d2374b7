"""Read connections for requests: brief, cheap, and out of the way of writers.

Opening a DuckDB file starts a database instance (catalog load, a thread pool): tens of milliseconds, most
of a small request. DuckDB shares one instance among the connections of a process, so while any connection
is open, the next opens for free. The opener keeps one extra "anchor" connection while requests come and
`linger` seconds after the last one ends, then closes it: bursts (a dashboard fires half a dozen requests
at once) and steady traffic are fast, and an idle server does not hold the file, so an `eventwire ingest` in
another process can commit (its writer retries at most every 0.5 s; the default linger is shorter).

The schema check (a few queries, see store/migrations.py) runs again only when the file has changed.
"""

from __future__ import annotations

import os
import threading
import time

import duckdb

from ..store.connection import connect

READ_WAIT = 2.0  # seconds a request waits for another process's commit before answering 503
LINGER = 0.3


def file_stamp(path: str) -> tuple | None:
    """Identity and state of the store file and its WAL: any write changes it."""
    stamps = []
    for name in (path, path + ".wal"):
        try:
            st = os.stat(name)
        except OSError:
            stamps.append(None)
            continue
        stamps.append((st.st_ino, st.st_size, st.st_mtime_ns))
    return tuple(stamps) if stamps[0] is not None else None


class ReadOpener:
    def __init__(self, path: str, *, linger: float = LINGER):
        self.path = path
        self.linger = linger
        self._checked: tuple | None = None
        self._lock = threading.Lock()
        self._anchor: duckdb.DuckDBPyConnection | None = None
        self._active = 0
        self._last_release = 0.0

    def open(self) -> duckdb.DuckDBPyConnection:
        """A read-only connection; give it back with `release`."""
        con = None
        stamp = file_stamp(self.path)
        if stamp is not None and stamp == self._checked:
            try:
                con = duckdb.connect(self.path, read_only=True)
            except duckdb.Error:
                con = None  # busy or gone: the checked open below retries and says what is wrong
        if con is None:
            con = connect(self.path, read_only=True, wait=READ_WAIT)
            self._checked = stamp
        with self._lock:
            self._active += 1
            if self._anchor is None and self.linger > 0:
                try:
                    self._anchor = duckdb.connect(self.path, read_only=True)  # free: the instance is open
                except duckdb.Error:
                    self._anchor = None
        return con

    def release(self, con: duckdb.DuckDBPyConnection) -> None:
        con.close()
        with self._lock:
            self._active -= 1
            self._last_release = time.monotonic()
            idle = self._active == 0
        if idle and self._anchor is not None:
            timer = threading.Timer(self.linger, self._close_if_idle)
            timer.daemon = True
            timer.start()

    def _close_if_idle(self) -> None:
        with self._lock:
            quiet = time.monotonic() - self._last_release >= self.linger * 0.9
            if self._active == 0 and quiet and self._anchor is not None:
                self._anchor.close()
                self._anchor = None

    def close(self) -> None:
        """Drop the anchor now (before this process writes the store itself)."""
        with self._lock:
            if self._anchor is not None:
                self._anchor.close()
                self._anchor = None
