"""CSV and Parquet: the `events` table as stored (every Event field flattened, plus the dedup counts)."""

from __future__ import annotations

import csv
from collections.abc import Iterable
from pathlib import Path
from typing import Any, TextIO

import duckdb


def write_csv(rows: Iterable[dict[str, Any]], out: TextIO, *, columns: list[str]) -> int:
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(columns)
    count = 0
    for row in rows:
        values = []
        for name in columns:
            value = row.get(name)
            if isinstance(value, list):
                value = ";".join(value)  # plover_context: a list in a single cell
            values.append("" if value is None else value)
        writer.writerow(values)
        count += 1
    return count


def write_parquet(con: duckdb.DuckDBPyConnection, sql: str, params: list[Any], path: Path) -> int:
    """Stream the query's Arrow batches into one Parquet file (columns keep their types: DATE, lists...)."""
    import pyarrow.parquet as pq

    relation = con.sql(sql, params=params)
    # duckdb >= 1.4 names it to_arrow_reader; older releases record_batch.
    fetch = getattr(relation, "to_arrow_reader", None) or relation.record_batch
    reader = fetch(50_000)
    count = 0
    with pq.ParquetWriter(str(path), reader.schema, compression="zstd") as writer:
        for batch in reader:
            writer.write_batch(batch)
            count += batch.num_rows
    return count
