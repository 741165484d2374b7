"""Schema versions: a newer store is refused, an older one migrated when written or refused when read."""

from __future__ import annotations

import pytest

from eventwire.errors import StoreError, StoreVersionError
from eventwire.store import SCHEMA_VERSION, StoreWriter, connect, migrations, open_store


def make_store(db):
    writer = StoreWriter(db)
    writer.start_run(inputs=[], engine="local", workers=1)
    writer.finish_run()


def set_version(db, version):
    con = connect(db, read_only=False)
    con.execute("UPDATE meta SET value = ? WHERE key = 'schema_version'", [str(version)])
    con.close()


def test_store_from_a_newer_eventwire_is_refused_for_reading_and_writing(tmp_path):
    db = tmp_path / "s.duckdb"
    make_store(db)
    set_version(db, SCHEMA_VERSION + 1)
    for read_only in (True, False):
        with pytest.raises(StoreVersionError, match="newer eventwire"):
            connect(db, read_only=read_only)


def test_older_store_is_refused_read_only_with_the_way_out(tmp_path, monkeypatch):
    db = tmp_path / "s.duckdb"
    make_store(db)
    monkeypatch.setattr(migrations, "SCHEMA_VERSION", SCHEMA_VERSION + 1)
    with pytest.raises(StoreVersionError, match="eventwire migrate"):
        connect(db, read_only=True)


def test_older_store_without_a_migration_path_is_refused(tmp_path, monkeypatch):
    db = tmp_path / "s.duckdb"
    make_store(db)
    monkeypatch.setattr(migrations, "SCHEMA_VERSION", SCHEMA_VERSION + 1)
    with pytest.raises(StoreVersionError, match="cannot upgrade"):
        connect(db, read_only=False)


def test_older_store_is_migrated_in_one_transaction_per_step(tmp_path, monkeypatch):
    db = tmp_path / "s.duckdb"
    make_store(db)

    def add_tone(con):
        con.execute("ALTER TABLE events ADD COLUMN tone DOUBLE")

    def broken(con):
        con.execute("ALTER TABLE events ADD COLUMN half_done INTEGER")
        raise RuntimeError("step failed")

    monkeypatch.setattr(migrations, "SCHEMA_VERSION", SCHEMA_VERSION + 2)
    monkeypatch.setattr(migrations, "MIGRATIONS", {SCHEMA_VERSION: add_tone, SCHEMA_VERSION + 1: broken})
    with pytest.raises(RuntimeError):
        connect(db, read_only=False)
    monkeypatch.setattr(migrations, "SCHEMA_VERSION", SCHEMA_VERSION + 1)
    with open_store(db) as con:  # the first step committed, the failed second left no trace
        cols = {r[0] for r in con.execute("DESCRIBE events").fetchall()}
        version = con.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()[0]
    assert "tone" in cols and "half_done" not in cols
    assert version == str(SCHEMA_VERSION + 1)


def test_missing_store_is_a_clear_error_for_readers(tmp_path):
    with pytest.raises(StoreError, match="no such store"):
        connect(tmp_path / "nope.duckdb")
