"""What the CLI imports before a command runs: every command and every spawned worker pays for it, so the
store's DuckDB waits until a command opens a store (issue 3: ~60 ms of `eventwire code` start-up)."""

from __future__ import annotations

import subprocess
import sys


def test_the_cli_does_not_import_duckdb_until_a_store_is_opened():
    probe = "import sys, eventwire.cli; print('duckdb' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


def test_the_default_store_is_where_callers_find_it():
    from eventwire.store import DEFAULT_DB
    from eventwire.store.connection import DEFAULT_DB as from_connection
    from eventwire.store.schema import DEFAULT_DB as from_schema

    assert DEFAULT_DB == from_connection == from_schema == "eventwire.duckdb"
