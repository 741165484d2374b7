"""Creating a store, and checking (or upgrading) the schema version of one that exists.

A store is never read with the wrong idea of its layout: a store from an older eventwire is migrated when
it is opened for writing (one step per version, each in one transaction) and refused with a message when it
is opened read-only; a store from a newer eventwire is always refused.
"""

from __future__ import annotations

from collections.abc import Callable

import duckdb

from .. import __version__
from ..errors import StoreError, StoreVersionError
from .schema import DDL, SCHEMA_VERSION, STORE_FORMAT, TABLES

# version N -> the function that upgrades a store at version N to N + 1, run inside one transaction.
# Version 1 is the first released layout, so there is nothing to upgrade yet; the next DDL change adds
# `MIGRATIONS[1] = _v1_to_v2` (e.g. `ALTER TABLE events ADD COLUMN ...`) and bumps SCHEMA_VERSION.
Migration = Callable[[duckdb.DuckDBPyConnection], None]
MIGRATIONS: dict[int, Migration] = {}


def _existing_tables(con: duckdb.DuckDBPyConnection) -> set[str]:
    rows = con.execute(
        "SELECT table_name FROM information_schema.tables WHERE table_schema = 'main'"
    ).fetchall()
    return {r[0] for r in rows}


def create_schema(con: duckdb.DuckDBPyConnection) -> None:
    con.execute("BEGIN TRANSACTION")
    for statement in DDL:
        con.execute(statement)
    con.executemany(
        "INSERT INTO meta VALUES (?, ?)",
        [("format", STORE_FORMAT), ("schema_version", str(SCHEMA_VERSION)), ("created_by", __version__)],
    )
    con.execute("COMMIT")


def stored_version(con: duckdb.DuckDBPyConnection, *, path: str) -> int | None:
    """The store's schema version; None for an empty database file. Refuses files that are not stores."""
    tables = _existing_tables(con)
    if not tables:
        return None
    if "meta" not in tables:
        raise StoreError(
            f"{path} is a DuckDB database but not an eventwire store (no 'meta' table); "
            "point --db at a new file or an existing store"
        )
    meta = dict(con.execute("SELECT key, value FROM meta").fetchall())
    if meta.get("format") != STORE_FORMAT or "schema_version" not in meta:
        raise StoreError(f"{path} has a 'meta' table but is not an eventwire store")
    try:
        return int(meta["schema_version"])
    except ValueError:
        raise StoreError(f"{path}: unreadable schema version {meta['schema_version']!r}") from None


def ensure_schema(con: duckdb.DuckDBPyConnection, *, path: str, writable: bool) -> int:
    """Create, migrate or refuse. Returns the schema version the connection can now rely on."""
    version = stored_version(con, path=path)
    if version is None:
        if not writable:
            raise StoreError(f"{path} is empty, not an eventwire store; run `eventwire ingest` to create one")
        create_schema(con)
        return SCHEMA_VERSION
    if version > SCHEMA_VERSION:
        raise StoreVersionError(
            f"{path} was written by a newer eventwire (store schema v{version}; this eventwire "
            f"{__version__} reads up to v{SCHEMA_VERSION}); upgrade eventwire to read it"
        )
    if version == SCHEMA_VERSION:
        missing = set(TABLES) - _existing_tables(con)
        if missing:
            raise StoreError(f"{path} is a damaged eventwire store: missing tables {sorted(missing)}")
        return version
    if not writable:
        raise StoreVersionError(
            f"{path} uses store schema v{version}, older than this eventwire's v{SCHEMA_VERSION}; "
            f"run `eventwire migrate --db {path}` (or any ingest into it) once to upgrade it"
        )
    return migrate(con, path=path, version=version)


def migrate(con: duckdb.DuckDBPyConnection, *, path: str, version: int) -> int:
    while version < SCHEMA_VERSION:
        step = MIGRATIONS.get(version)
        if step is None:
            raise StoreVersionError(
                f"{path} uses store schema v{version}, which this eventwire ({__version__}) cannot "
                f"upgrade to v{SCHEMA_VERSION}; re-ingest the inputs into a new store"
            )
        # One transaction per step: a failed or killed migration leaves the store at the old version.
        con.execute("BEGIN TRANSACTION")
        try:
            step(con)
            con.execute("UPDATE meta SET value = ? WHERE key = 'schema_version'", [str(version + 1)])
            con.execute("COMMIT")
        except Exception:
            con.execute("ROLLBACK")
            raise
        version += 1
    return version
