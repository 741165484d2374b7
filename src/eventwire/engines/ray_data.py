"""Ray Data plumbing for `code_to_shards`: read the inputs in shards on the cluster, code them in an actor
pool, write one Parquet shard per batch. Imported only by the Ray engine, after Ray itself.

Reading: Parquet files with Ray Data's Parquet reader (split by row group); every other file, one read task
per file, with eventwire's own readers (the same articles, ids and input errors as the local engine).
Both produce rows of ROW_SCHEMA, which are regrouped into blocks of one batch each, so that batches spread
over all actors and a rerun after a worker dies redoes one batch.
"""

from __future__ import annotations

import json
import os
import uuid
from collections.abc import Iterator, Sequence
from datetime import date as Date
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pyarrow as pa

from .. import errors as error_classes
from ..errors import InputError
from ..model import Article
from .local import DEFAULT_CHUNK, code_chunk, load_resources
from .shards import write_shard

if TYPE_CHECKING:
    from .ray import ActorPlan

PARQUET_SUFFIXES = (".parquet", ".pq")
ROWS_PER_READ_BLOCK = 256  # a big input file streams out in blocks of this many articles

# An article (or an input error) between the read stage and the coders; strings only, so every block agrees.
ROW_SCHEMA = pa.schema(
    [
        ("id", pa.string()),
        ("text", pa.string()),
        ("title", pa.string()),
        ("date", pa.string()),  # ISO date or null
        ("url", pa.string()),
        ("publisher", pa.string()),
        ("source_path", pa.string()),
        ("error", pa.string()),  # InputError class name when the row is an input that could not be read
        ("error_path", pa.string()),
        ("error_reason", pa.string()),
    ]
)


# -- rows <-> articles ------------------------------------------------------------------------------------


def _row(item: Article | InputError) -> dict[str, Any]:
    if isinstance(item, InputError):
        return {"error": type(item).__name__, "error_path": item.path, "error_reason": item.reason}
    return {
        "id": item.id,
        "text": item.text,
        "title": item.title,
        "date": item.date.isoformat() if item.date else None,
        "url": item.url,
        "publisher": item.publisher,
        "source_path": item.source_path,
    }


def _item(row: dict[str, Any]) -> Article | InputError:
    if row.get("error"):
        cls = getattr(error_classes, row["error"], None)
        if not (isinstance(cls, type) and issubclass(cls, InputError)):
            cls = InputError
        return cls(row["error_path"], row["error_reason"])
    return Article(
        id=row["id"],
        text=row["text"],
        title=row["title"],
        date=Date.fromisoformat(row["date"]) if row["date"] else None,
        url=row["url"],
        publisher=row["publisher"],
        source_path=row["source_path"],
    )


def _table(items: Sequence[Article | InputError]) -> pa.Table:
    return pa.Table.from_pylist([_row(i) for i in items], schema=ROW_SCHEMA)


# -- reading ----------------------------------------------------------------------------------------------


def expand_inputs(inputs: Sequence[str]) -> tuple[list[str], list[str], list[InputError]]:
    """(parquet files, other files, missing inputs); directories expanded in name order, as by `read_path`."""
    from ..ingest.readers import READERS, suffix_of

    parquet: list[str] = []
    others: list[str] = []
    missing: list[InputError] = []

    def add(path: Path, *, listed: bool) -> None:
        if path.name.lower().endswith(PARQUET_SUFFIXES):
            parquet.append(str(path))
        elif listed or (suffix_of(path) in READERS and not path.name.startswith(".")):
            others.append(str(path))  # a named file of unknown kind gets its error from the reader

    for item in inputs:
        path = Path(item)
        if path.is_dir():
            for child in sorted(p for p in path.rglob("*") if p.is_file()):
                add(child, listed=False)
        elif path.exists():
            add(path, listed=True)
        else:
            missing.append(InputError(str(path), "no such file or directory"))
    return parquet, others, missing


def read_files(batch: pa.Table, *, default_date: Date | None) -> Iterator[pa.Table]:
    """A read task: each file through eventwire's reader for its kind, streamed out in blocks."""
    from ..ingest import read_path  # importing the package registers every reader (html, feeds, WARC)

    pending: list[Article | InputError] = []
    for path in batch.column("path").to_pylist():
        for item in read_path(Path(path), default_date):
            pending.append(item)
            if len(pending) >= ROWS_PER_READ_BLOCK:
                yield _table(pending)
                pending = []
    if pending:
        yield _table(pending)


def parquet_records(batch: pa.Table, *, default_date: Date | None) -> pa.Table:
    """Parquet rows (id, text and optional title, date, url, publisher columns) as articles, with the same
    checks as a JSON lines record."""
    from ..ingest.readers import article_from_record

    items = []
    for rec in batch.to_pylist():
        where = rec.pop("path", None) or "<parquet>"
        text = rec.get("text")
        # No line number in a Parquet row group: an id-less row is named by its text, stable across runs.
        digest = Article(id="", text=text).content_hash[:12] if isinstance(text, str) else "no-text"
        fallback = f"{Path(where).stem}-{digest}"
        items.append(article_from_record(rec, where=where, fallback_id=fallback, default_date=default_date))
    return _table(items)


def input_dataset(
    ray: Any, inputs: Sequence[str], *, default_date: Date | None, read_cpus: float
) -> tuple[Any, list[InputError]]:
    """The inputs as one Ray Dataset of ROW_SCHEMA rows (None without files), and the missing paths."""
    parquet, others, missing = expand_inputs(inputs)
    parts = []
    if parquet:
        parts.append(
            ray.data.read_parquet(parquet, include_paths=True, num_cpus=read_cpus).map_batches(
                parquet_records, fn_kwargs={"default_date": default_date}, batch_format="pyarrow",
                num_cpus=read_cpus,
            )
        )
    if others:
        parts.append(
            ray.data.from_items([{"path": p} for p in others], override_num_blocks=len(others)).map_batches(
                read_files, fn_kwargs={"default_date": default_date}, batch_size=1, batch_format="pyarrow",
                num_cpus=read_cpus,
            )
        )
    if not parts:
        return None, missing
    dataset = parts[0] if len(parts) == 1 else parts[0].union(*parts[1:])
    return dataset, missing


# -- coding -----------------------------------------------------------------------------------------------


class ShardCoder:
    """The map_batches callable class: one per actor, Resources loaded once; each batch becomes one shard,
    named by a fresh attempt id, so a rerun after a crash never overwrites or doubles a delivered shard."""

    def __init__(
        self, *, shard_dir: str, model: str | None, actor_files: tuple[str, ...], ledger: str
    ) -> None:
        from .ray import attach_ledger

        self.shard_dir = shard_dir
        self.resources = load_resources(model, actor_files)
        self.ledger = attach_ledger(ledger)

    def __call__(self, batch: pa.Table) -> pa.Table:
        import ray

        attempt = uuid.uuid4().hex
        ray.get(self.ledger.start.remote(attempt, os.getpid()))
        items = [_item(row) for row in batch.to_pylist()]
        articles = [i for i in items if isinstance(i, Article)]
        read_errors = [i for i in items if not isinstance(i, Article)]
        results = []
        for start in range(0, len(articles), DEFAULT_CHUNK):  # the local engine's chunks: the same parses
            results.extend(code_chunk(articles[start : start + DEFAULT_CHUNK], self.resources))
        info = write_shard(self.shard_dir, results, read_errors=read_errors, shard_id=attempt)
        ray.get(self.ledger.finish.remote(attempt))
        return pa.table({"shard": [json.dumps(info.to_dict())]})


def code_dataset(
    ray: Any,
    dataset: Any,
    *,
    plan: ActorPlan,
    shard_dir: str,
    batch_size: int,
    model: str | None,
    actor_files: tuple[str, ...],
    ledger: str,
) -> Any:
    """The coded dataset: one row per shard written (a ShardInfo as JSON)."""
    batches = dataset.repartition(target_num_rows_per_block=batch_size)
    return batches.map_batches(
        ShardCoder,
        fn_constructor_kwargs={
            "shard_dir": shard_dir, "model": model, "actor_files": actor_files, "ledger": ledger
        },
        batch_size=batch_size,
        batch_format="pyarrow",
        compute=ray.data.ActorPoolStrategy(size=plan.actors),
        num_cpus=plan.cpus_per_actor,
    )
