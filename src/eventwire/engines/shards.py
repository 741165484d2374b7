"""Coded articles as Parquet shards plus a manifest: what a cluster run writes and the store loads (issue 8).

A shard directory holds, for every batch a worker coded, three Parquet files named by the batch's attempt id:

    articles/part-<id>.parquet  one row per coded article: its fields, content hash, event count
    events/part-<id>.parquet    one row per article-level event: `mention_id` + the store's mention columns
                                (EVENT_COLUMNS, same names and types) + `event_json` (the exact Event)
    errors/part-<id>.parquet    one row per input or article that failed: path, code, error, reason

and `manifest.json`, written last by the driver: the shard files with their row counts, the inputs, the
eventwire version and the article ids each shard covers. Only files the manifest names are part of the
output: a worker killed mid-batch leaves files under another attempt id, which the manifest never lists and
`finish_manifest` deletes. So readers that go through the manifest see every article exactly once.

Needs only pyarrow (no Ray): shards written on a cluster load into the store on any machine.
"""

from __future__ import annotations

import json
import os
import uuid
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import asdict, dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq

from .. import __version__
from .. import errors as error_classes
from ..errors import EventwireError, InputError, StoreError
from ..model import Article, Event
from ..store.rows import event_row
from ..store.schema import EVENT_COLUMNS

MANIFEST_NAME = "manifest.json"
MANIFEST_FORMAT = "eventwire-shards"
MANIFEST_VERSION = 1
KINDS = ("articles", "events", "errors")

# The store's DuckDB column types in Arrow, so an events shard reads exactly like the `mentions` table.
_ARROW_TYPES = {
    "VARCHAR": pa.string(),
    "INTEGER": pa.int32(),
    "BIGINT": pa.int64(),
    "DOUBLE": pa.float64(),
    "DATE": pa.date32(),
    "VARCHAR[]": pa.list_(pa.string()),
}


def _arrow(sqltype: str) -> pa.DataType:
    return _ARROW_TYPES[sqltype.replace(" NOT NULL", "")]


ARTICLE_SCHEMA = pa.schema(
    [
        ("id", pa.string()),
        ("content_hash", pa.string()),
        ("title", pa.string()),
        ("date", pa.date32()),
        ("url", pa.string()),
        ("publisher", pa.string()),
        ("source_path", pa.string()),
        ("text", pa.string()),
        ("event_count", pa.int32()),
    ]
)
EVENT_SCHEMA = pa.schema(
    [
        ("mention_id", pa.string()),
        *((name, _arrow(sqltype)) for name, sqltype in EVENT_COLUMNS),
        ("event_json", pa.string()),
    ]
)
ERROR_SCHEMA = pa.schema(
    [("path", pa.string()), ("code", pa.string()), ("error", pa.string()), ("reason", pa.string()),
     ("article_id", pa.string())]
)
SCHEMAS = {"articles": ARTICLE_SCHEMA, "events": EVENT_SCHEMA, "errors": ERROR_SCHEMA}


@dataclass
class ShardInfo:
    """One batch's files and what they hold; the manifest is a list of these."""

    shard_id: str
    files: dict[str, str]  # kind -> path relative to the shard directory
    articles: int
    events: int
    errors: int
    article_ids: list[str]

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> ShardInfo:
        return cls(
            shard_id=d["shard_id"],
            files=dict(d["files"]),
            articles=int(d["articles"]),
            events=int(d["events"]),
            errors=int(d["errors"]),
            article_ids=list(d["article_ids"]),
        )


@dataclass
class Manifest:
    inputs: list[str]
    shards: list[ShardInfo]
    eventwire_version: str = __version__
    engine: str = "ray"
    created_at: str = ""
    run: dict[str, Any] = field(default_factory=dict)  # the run summary: actors, retries, seconds

    @property
    def articles(self) -> int:
        return sum(s.articles for s in self.shards)

    @property
    def events(self) -> int:
        return sum(s.events for s in self.shards)

    @property
    def errors(self) -> int:
        return sum(s.errors for s in self.shards)

    def article_ids(self) -> list[str]:
        return [i for s in self.shards for i in s.article_ids]

    def to_dict(self) -> dict[str, Any]:
        return {
            "format": MANIFEST_FORMAT,
            "version": MANIFEST_VERSION,
            "eventwire_version": self.eventwire_version,
            "engine": self.engine,
            "created_at": self.created_at,
            "inputs": list(self.inputs),
            "articles": self.articles,
            "events": self.events,
            "errors": self.errors,
            "run": dict(self.run),
            "shards": [s.to_dict() for s in self.shards],
        }


# -- writing (on a worker) --------------------------------------------------------------------------------


def _error_row(error: EventwireError, article_id: str | None) -> dict[str, Any]:
    return {
        "path": getattr(error, "path", None) or article_id or "",
        "code": error.code,
        "error": type(error).__name__,
        "reason": getattr(error, "reason", None) or error.message,
        "article_id": article_id,
    }


def _article_row(article: Article, event_count: int | None) -> dict[str, Any]:
    return {
        "id": article.id,
        "content_hash": article.content_hash,
        "title": article.title,
        "date": article.date,
        "url": article.url,
        "publisher": article.publisher,
        "source_path": article.source_path,
        "text": article.text,
        "event_count": event_count,
    }


def _event_shard_row(event: Event) -> dict[str, Any]:
    return {"mention_id": event.event_id, **event_row(event), "event_json": event.to_json()}


def _write_atomically(table: pa.Table, path: Path) -> None:
    # Write beside the target and rename: a worker killed mid-write leaves a .tmp file, never half a shard.
    tmp = path.with_name(f".{path.name}.{uuid.uuid4().hex}.tmp")
    pq.write_table(table, tmp)
    os.replace(tmp, path)


def write_shard(
    shard_dir: str | Path,
    results: Iterable[tuple[Article, list[Event] | EventwireError]],
    *,
    read_errors: Sequence[InputError] = (),
    shard_id: str | None = None,
) -> ShardInfo:
    """Write one batch of coded articles (and the inputs that could not be read) as one shard."""
    root = Path(shard_dir)
    shard_id = shard_id or uuid.uuid4().hex
    articles: list[dict[str, Any]] = []
    events: list[dict[str, Any]] = []
    errors = [_error_row(err, None) for err in read_errors]
    ids: list[str] = []
    for article, outcome in results:
        ids.append(article.id)
        if isinstance(outcome, EventwireError):
            errors.append(_error_row(outcome, article.id))
            continue
        articles.append(_article_row(article, len(outcome)))
        events.extend(_event_shard_row(e) for e in outcome)
    files = {}
    for kind, rows in (("articles", articles), ("events", events), ("errors", errors)):
        rel = f"{kind}/part-{shard_id}.parquet"
        (root / kind).mkdir(parents=True, exist_ok=True)
        _write_atomically(pa.Table.from_pylist(rows, schema=SCHEMAS[kind]), root / rel)
        files[kind] = rel
    return ShardInfo(
        shard_id=shard_id, files=files, articles=len(articles), events=len(events), errors=len(errors),
        article_ids=ids,
    )


# -- the manifest (on the driver) -------------------------------------------------------------------------


def prepare_shard_dir(shard_dir: str | Path, *, overwrite: bool = False) -> Path:
    """Create the output directory; refuse one that already holds shards unless `overwrite`."""
    root = Path(shard_dir)
    if root.exists() and any(root.iterdir()):
        if not overwrite:
            raise StoreError(
                f"{root} is not empty; give an empty or new directory for the shards (or overwrite=True)"
            )
        for kind in KINDS:
            for old in (root / kind).glob("*.parquet") if (root / kind).is_dir() else ():
                old.unlink()
        (root / MANIFEST_NAME).unlink(missing_ok=True)
    root.mkdir(parents=True, exist_ok=True)
    return root


def finish_manifest(
    shard_dir: str | Path, shards: Sequence[ShardInfo], *, inputs: Sequence[str], run: dict[str, Any]
) -> Manifest:
    """Write manifest.json (atomically, last) and delete files no listed shard owns: the leftovers of
    attempts that a killed worker never finished."""
    root = Path(shard_dir)
    listed = {f for s in shards for f in s.files.values()}
    for kind in KINDS:
        folder = root / kind
        if not folder.is_dir():
            continue
        for path in folder.iterdir():
            if f"{kind}/{path.name}" not in listed:
                path.unlink()
    manifest = Manifest(
        inputs=[str(i) for i in inputs],
        shards=list(shards),
        created_at=datetime.now(UTC).isoformat(timespec="seconds"),
        run=dict(run),
    )
    tmp = root / f".{MANIFEST_NAME}.tmp"
    tmp.write_text(json.dumps(manifest.to_dict(), indent=1), encoding="utf-8")
    os.replace(tmp, root / MANIFEST_NAME)
    return manifest


def read_manifest(shard_dir: str | Path) -> Manifest:
    """Read and check a shard directory's manifest: every listed file must exist."""
    root = Path(shard_dir)
    path = root / MANIFEST_NAME
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise StoreError(f"{root} has no {MANIFEST_NAME}: not an eventwire shard directory, or its run did "
                         "not finish (rerun it)") from None
    except json.JSONDecodeError as exc:
        raise StoreError(f"{path}: invalid JSON ({exc.msg})") from None
    if data.get("format") != MANIFEST_FORMAT:
        raise StoreError(f"{path}: not an eventwire shard manifest (format={data.get('format')!r})")
    if data.get("version") != MANIFEST_VERSION:
        raise StoreError(
            f"{path}: manifest version {data.get('version')!r}; this eventwire reads {MANIFEST_VERSION}"
        )
    shards = [ShardInfo.from_dict(s) for s in data["shards"]]
    missing = [f for s in shards for f in s.files.values() if not (root / f).is_file()]
    if missing:
        raise StoreError(
            f"{root}: {len(missing)} shard files listed in the manifest are missing, e.g. {missing[0]}"
        )
    return Manifest(
        inputs=list(data["inputs"]),
        shards=shards,
        eventwire_version=data["eventwire_version"],
        engine=data.get("engine", "ray"),
        created_at=data.get("created_at", ""),
        run=dict(data.get("run") or {}),
    )


# -- reading back -----------------------------------------------------------------------------------------


def _error_from_row(row: dict[str, Any]) -> InputError:
    # Rebuild the same error class (by name) so that the store records the same code as the local engine.
    cls = getattr(error_classes, row["error"], None)
    if not (isinstance(cls, type) and issubclass(cls, InputError)):
        cls = InputError
    err = cls(row["path"], row["reason"])
    return err


def _article_from_row(row: dict[str, Any]) -> Article:
    return Article(
        id=row["id"],
        text=row["text"],
        title=row["title"],
        date=row["date"],
        url=row["url"],
        publisher=row["publisher"],
        source_path=row["source_path"],
    )


def iter_shard_results(shard_dir: str | Path) -> Iterator[tuple[Article, list[Event]] | InputError]:
    """Every coded article with its events, then every error, shard by shard in manifest order.

    Articles whose coding failed come back as their CodingFailedError (no Article is stored for them)."""
    root = Path(shard_dir)
    manifest = read_manifest(root)
    for shard in manifest.shards:
        events: dict[str, list[Event]] = {}
        event_rows = pq.read_table(root / shard.files["events"], columns=["article_id", "event_json"])
        for row in event_rows.to_pylist():
            events.setdefault(row["article_id"], []).append(Event.from_dict(json.loads(row["event_json"])))
        for row in pq.read_table(root / shard.files["articles"]).to_pylist():
            yield _article_from_row(row), events.get(row["id"], [])
        for row in pq.read_table(root / shard.files["errors"]).to_pylist():
            yield _error_from_row(row)


def load_shards_into_store(
    db_path: str | Path, shard_dir: str | Path, *, batch_size: int = 256, lock_wait: float = 60.0
) -> dict[str, int]:
    """Load a shard directory into the DuckDB store through its single writer (same dedup, idempotence and
    error records as `eventwire ingest`). Returns the writer's totals: articles_new, articles_skipped,
    mentions_new, events_new, errors."""
    from ..store import StoreWriter

    manifest = read_manifest(shard_dir)
    writer = StoreWriter(db_path, lock_wait=lock_wait)
    writer.start_run(inputs=[str(shard_dir)], engine=f"{manifest.engine}-shards", workers=1)
    status = "failed"
    read = 0
    try:
        pending: list[tuple[Article, list[Event]]] = []

        def flush_pending() -> None:
            fresh = {id(a) for a in writer.filter_new([a for a, _ in pending])}
            for article, events in pending:
                if id(article) in fresh:
                    writer.add_article(article, events)
            pending.clear()
            writer.flush()

        for item in iter_shard_results(shard_dir):
            if isinstance(item, EventwireError):
                writer.add_error(item)
                continue
            read += 1
            pending.append(item)
            if len(pending) >= batch_size:
                flush_pending()
        flush_pending()
        status = "done"
    finally:
        writer.finish_run(status=status, articles_read=read)
    totals = writer.totals
    return {
        "articles_new": totals.articles_new,
        "articles_skipped": totals.articles_skipped,
        "mentions_new": totals.mentions_new,
        "events_new": totals.events_new,
        "errors": totals.errors,
    }
