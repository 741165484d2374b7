"""A read-only store whose file changes under the reader (an ingest's next batch landing) gives a clear busy error,
never DuckDB's raw IO error; other IO errors of the reader's own queries pass through unchanged."""

from __future__ import annotations

import duckdb
import pytest

from eventwire.errors import StoreBusyError
from eventwire.store import StoreWriter, connect, open_store


def big_store(db):
    writer = StoreWriter(db)
    writer.start_run(inputs=[], engine="local", workers=1)
    writer.finish_run()
    con = connect(db, read_only=False)
    # enough pages that a read must reach past the point where the file is cut
    con.execute("CREATE TABLE filler AS SELECT range AS i, repeat('x', 200) AS s FROM range(200000)")
    con.close()


def test_file_cut_under_a_reader_is_a_busy_error(tmp_path):
    db = tmp_path / "s.duckdb"
    big_store(db)
    size = db.stat().st_size
    with pytest.raises(StoreBusyError, match="changed while it was being read"), open_store(db) as con:
        with open(db, "r+b") as f:
            f.truncate(size // 3)
        con.execute("SELECT sum(length(s)) FROM filler").fetchone()


def test_other_io_errors_of_a_read_pass_through(tmp_path):
    db = tmp_path / "s.duckdb"
    big_store(db)
    with pytest.raises(duckdb.IOException), open_store(db) as con:
        con.execute("SELECT * FROM read_csv(?)", [str(tmp_path / "missing.csv")]).fetchall()
