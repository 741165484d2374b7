"""The single writer: articles, their events (mentions), deduplicated events and errors, one batch per
transaction.

Each `flush()` opens the store, writes a batch of coded articles together with their mentions, the new or
updated deduplicated events and the errors, commits, and closes the file again. So:
- a run killed at any point leaves only whole batches; the articles of a lost batch are not in the store,
  and the rerun codes them (idempotence is by content hash: a stored text is never stored or coded again);
- readers can open the store between batches and always see whole articles with all their events.
"""

from __future__ import annotations

import dataclasses
import hashlib
import threading
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

import duckdb
import pyarrow as pa

from .. import __version__
from ..errors import EventwireError, InputError, StoreError
from ..model import Article, Event
from .connection import DEFAULT_DB, connect
from .dedup import DedupIndex, dedup_key
from .rows import event_row
from .schema import EVENT_COLUMNS

_ARROW_TYPES = {
    "VARCHAR": pa.string(),
    "INTEGER": pa.int32(),
    "BIGINT": pa.int64(),
    "DOUBLE": pa.float64(),
    "DATE": pa.date32(),
    "TIMESTAMP": pa.timestamp("us"),
    "VARCHAR[]": pa.list_(pa.string()),
}


def _arrow_schema(columns: Sequence[tuple[str, str]]) -> pa.Schema:
    return pa.schema([(name, _ARROW_TYPES[sqltype.replace(" NOT NULL", "")]) for name, sqltype in columns])


MENTION_SCHEMA = _arrow_schema(
    [("mention_id", "VARCHAR"), ("event_id", "VARCHAR"), *EVENT_COLUMNS, ("run_id", "INTEGER")]
)
EVENT_SCHEMA = _arrow_schema(
    [
        ("event_id", "VARCHAR"),
        *EVENT_COLUMNS,
        ("mention_count", "INTEGER"),
        ("article_count", "INTEGER"),
        ("source_count", "INTEGER"),
        ("first_seen", "TIMESTAMP"),
        ("last_seen", "TIMESTAMP"),
    ]
)
ARTICLE_SCHEMA = _arrow_schema(
    [
        ("id", "VARCHAR"),
        ("content_hash", "VARCHAR"),
        ("url", "VARCHAR"),
        ("title", "VARCHAR"),
        ("publisher", "VARCHAR"),
        ("date", "DATE"),
        ("text", "VARCHAR"),
        ("source_path", "VARCHAR"),
        ("ingested_at", "TIMESTAMP"),
        ("run_id", "INTEGER"),
        ("event_count", "INTEGER"),
    ]
)
ERROR_SCHEMA = _arrow_schema(
    [("path", "VARCHAR"), ("code", "VARCHAR"), ("error", "VARCHAR"), ("reason", "VARCHAR")]
)


def content_hash(article: Article) -> str:
    return hashlib.sha256(article.text.encode("utf-8")).hexdigest()


@dataclass
class BatchCounts:
    """What one flush (or a whole run, summed) wrote."""

    articles_new: int = 0
    articles_skipped: int = 0
    mentions_new: int = 0
    events_new: int = 0
    errors: int = 0
    text_bytes: int = 0

    def add(self, other: BatchCounts) -> None:
        for f in dataclasses.fields(self):
            setattr(self, f.name, getattr(self, f.name) + getattr(other, f.name))


@dataclass
class _Pending:
    articles: list[tuple[Article, list[Event]]] = field(default_factory=list)
    errors: list[EventwireError] = field(default_factory=list)
    skipped: int = 0


class StoreWriter:
    """Writes one ingest run into the store at `path`. Not for concurrent use by several processes at once:
    DuckDB's file lock serialises commits, and each commit re-checks what is already stored."""

    def __init__(self, path: str | Path = DEFAULT_DB, *, lock_wait: float = 60.0):
        self.path = str(path)
        self.lock_wait = lock_wait
        self.run_id: int | None = None
        self.totals = BatchCounts()
        self._pending = _Pending()
        self._lock = threading.Lock()  # an engine may feed results from another thread
        self._seen_hashes: set[bytes] = set()  # this run's texts, so a repeated text is not coded twice

    # -- connections -------------------------------------------------------------------------------------

    def _connect(self) -> duckdb.DuckDBPyConnection:
        return connect(self.path, read_only=False, wait=self.lock_wait)

    def start_run(self, *, inputs: Sequence[str], engine: str, workers: int) -> int:
        con = self._connect()
        try:
            con.execute("BEGIN TRANSACTION")
            (run_id,) = con.execute("SELECT coalesce(max(run_id), 0) + 1 FROM runs").fetchone()
            con.execute(
                "INSERT INTO runs (run_id, started_at, status, inputs, engine, workers, eventwire_version) "
                "VALUES (?, ?, 'running', ?, ?, ?, ?)",
                [run_id, datetime.now(), [str(i) for i in inputs], engine, workers, __version__],
            )
            con.execute("COMMIT")
        finally:
            con.close()
        self.run_id = run_id
        return run_id

    def finish_run(self, *, status: str = "done", articles_read: int = 0) -> None:
        con = self._connect()
        try:
            con.execute(
                "UPDATE runs SET status = ?, finished_at = ?, articles_read = ? WHERE run_id = ?",
                [status, datetime.now(), articles_read, self.run_id],
            )
        finally:
            con.close()

    # -- triage: skip what is stored before spending NLP time on it -----------------------------------

    def filter_new(self, articles: Iterable[Article]) -> list[Article]:
        """The articles whose text is neither in the store nor earlier in this run; the rest are skipped."""
        fresh: list[Article] = []
        for article in articles:
            digest = hashlib.sha256(article.text.encode("utf-8")).digest()
            if digest in self._seen_hashes:
                self._count_skipped()
                continue
            self._seen_hashes.add(digest)
            fresh.append(article)
        if not fresh:
            return fresh
        con = self._connect()
        try:
            stored = _existing_hashes(con, [content_hash(a) for a in fresh])
        finally:
            con.close()
        kept = [a for a in fresh if content_hash(a) not in stored]
        for _ in range(len(fresh) - len(kept)):
            self._count_skipped()
        return kept

    def _count_skipped(self) -> None:
        with self._lock:
            self._pending.skipped += 1

    # -- buffering ---------------------------------------------------------------------------------------

    def add_article(self, article: Article, events: list[Event]) -> None:
        with self._lock:
            self._pending.articles.append((article, events))

    def add_error(self, error: EventwireError) -> None:
        with self._lock:
            self._pending.errors.append(error)

    @property
    def pending_articles(self) -> int:
        return len(self._pending.articles)

    # -- the transaction ---------------------------------------------------------------------------------

    def flush(self) -> BatchCounts:
        """Commit everything buffered in one transaction; returns what it wrote."""
        with self._lock:
            pending, self._pending = self._pending, _Pending()
        if not (pending.articles or pending.errors or pending.skipped):
            return BatchCounts()
        con = self._connect()
        try:
            con.execute("BEGIN TRANSACTION")
            try:
                counts = self._write(con, pending)
                con.execute("COMMIT")
            except BaseException:
                con.execute("ROLLBACK")
                with self._lock:  # put it back: a later flush may succeed (e.g. after a busy store)
                    self._pending.articles[:0] = pending.articles
                    self._pending.errors[:0] = pending.errors
                    self._pending.skipped += pending.skipped
                raise
        except duckdb.Error as exc:
            raise StoreError(
                f"{self.path}: writing a batch failed, nothing of it was stored ({exc})"
            ) from None
        finally:
            con.close()
        self.totals.add(counts)
        return counts

    def _write(self, con: duckdb.DuckDBPyConnection, pending: _Pending) -> BatchCounts:
        now = datetime.now()
        counts = BatchCounts(articles_skipped=pending.skipped)
        articles = self._dedupe_articles(con, pending.articles, counts)
        article_rows: list[dict[str, Any]] = []
        mention_rows: list[dict[str, Any]] = []
        for article, events, digest in articles:
            article_rows.append(
                {
                    "id": article.id,
                    "content_hash": digest,
                    "url": article.url,
                    "title": article.title,
                    "publisher": article.publisher,
                    "date": article.date,
                    "text": article.text,
                    "source_path": article.source_path,
                    "ingested_at": now,
                    "run_id": self.run_id,
                    "event_count": len(events),
                }
            )
            counts.text_bytes += len(article.text.encode("utf-8"))
            for event in events:
                row = event_row(event)
                mention_rows.append(
                    {"mention_id": event.event_id, "event_id": None, **row, "run_id": self.run_id}
                )
        new_events = self._assign_events(con, mention_rows, now)
        _insert(con, "articles", article_rows, ARTICLE_SCHEMA)
        _insert(con, "mentions", mention_rows, MENTION_SCHEMA)
        _insert(con, "events", new_events, EVENT_SCHEMA)
        touched = sorted({m["event_id"] for m in mention_rows})
        if touched:
            # Counts are always recomputed from the mentions, so they cannot drift from what is stored.
            con.execute(
                """UPDATE events
                   SET mention_count = s.n, article_count = s.a, source_count = s.p, last_seen = ?
                   FROM (SELECT event_id, count(*) AS n, count(DISTINCT article_id) AS a,
                                count(DISTINCT publisher) AS p
                         FROM mentions WHERE event_id IN (SELECT unnest(?::VARCHAR[])) GROUP BY event_id) s
                   WHERE events.event_id = s.event_id""",
                [now, touched],
            )
        counts.errors = self._write_errors(con, pending.errors, now)
        counts.articles_new = len(article_rows)
        counts.mentions_new = len(mention_rows)
        counts.events_new = len(new_events)
        con.execute(
            """UPDATE runs SET articles_new = articles_new + ?, articles_skipped = articles_skipped + ?,
                   mentions_new = mentions_new + ?, events_new = events_new + ?, errors = errors + ?
               WHERE run_id = ?""",
            [
                counts.articles_new,
                counts.articles_skipped,
                counts.mentions_new,
                counts.events_new,
                counts.errors,
                self.run_id,
            ],
        )
        return counts

    def _dedupe_articles(
        self, con: duckdb.DuckDBPyConnection, batch: list[tuple[Article, list[Event]]], counts: BatchCounts
    ) -> list[tuple[Article, list[Event], str]]:
        """Drop texts already stored (checked again inside the transaction: another run may have committed
        them since the triage), and give an article whose id is taken by a different text a new id."""
        digests = [content_hash(a) for a, _ in batch]
        stored = _existing_hashes(con, digests)
        taken = {
            r[0]
            for r in con.execute(
                "SELECT id FROM articles WHERE id IN (SELECT unnest(?::VARCHAR[]))",
                [[a.id for a, _ in batch]],
            ).fetchall()
        }
        kept: list[tuple[Article, list[Event], str]] = []
        in_batch: set[str] = set()
        for (article, events), digest in zip(batch, digests, strict=True):
            if digest in stored or digest in in_batch:
                counts.articles_skipped += 1
                continue
            in_batch.add(digest)
            if article.id in taken:
                article, events = _renamed(con, article, events, digest, taken)
            taken.add(article.id)
            kept.append((article, events, digest))
        return kept

    def _assign_events(
        self, con: duckdb.DuckDBPyConnection, mentions: list[dict[str, Any]], now: datetime
    ) -> list[dict[str, Any]]:
        """Set each mention's `event_id`: a matching known event, or a new event it represents."""
        keyed = []
        for m in mentions:
            key = dedup_key(
                source_code=m["source_code"], target_code=m["target_code"], cameo=m["cameo"], day=m["date"]
            )
            keyed.append((m, key))
        index = _load_candidates(con, [(k, m["date"]) for m, k in keyed if k is not None])
        new_events: list[dict[str, Any]] = []
        for m, key in keyed:
            match = index.match(key, m["date"]) if key is not None else None
            if match is None:
                match = m["mention_id"]
                event = {k: v for k, v in m.items() if k not in ("mention_id", "run_id")}
                event.update(
                    event_id=match,
                    mention_count=0,
                    article_count=0,
                    source_count=0,
                    first_seen=now,
                    last_seen=now,
                )
                new_events.append(event)
                if key is not None:
                    index.add(key, m["date"], match)
            m["event_id"] = match
        return new_events

    def _write_errors(
        self, con: duckdb.DuckDBPyConnection, errors: list[EventwireError], now: datetime
    ) -> int:
        if not errors:
            return 0
        rows = [
            {
                "path": err.path if isinstance(err, InputError) else "",
                "code": err.code,
                "error": type(err).__name__,
                "reason": err.reason if isinstance(err, InputError) else err.message,
            }
            for err in errors
        ]
        con.register("_batch_errors", pa.Table.from_pylist(rows, schema=ERROR_SCHEMA))
        try:
            # One row per distinct failure: rerunning the same bad input bumps it, it does not duplicate it.
            con.execute(
                """CREATE OR REPLACE TEMP TABLE _errs AS
                   SELECT path, code, error, reason, count(*) AS n FROM _batch_errors GROUP BY ALL"""
            )
            con.execute(
                """UPDATE errors SET last_seen = ?, run_id = ?, occurrences = errors.occurrences + e.n
                   FROM _errs e
                   WHERE errors.path = e.path AND errors.code = e.code AND errors.reason = e.reason""",
                [now, self.run_id],
            )
            con.execute(
                """INSERT INTO errors SELECT e.path, e.code, e.error, e.reason, ?, ?, ?, e.n FROM _errs e
                   WHERE NOT EXISTS (SELECT 1 FROM errors x
                                     WHERE x.path = e.path AND x.code = e.code AND x.reason = e.reason)""",
                [now, now, self.run_id],
            )
            con.execute("DROP TABLE _errs")
        finally:
            con.unregister("_batch_errors")
        return len(rows)


def _existing_hashes(con: duckdb.DuckDBPyConnection, digests: list[str]) -> set[str]:
    if not digests:
        return set()
    rows = con.execute(
        "SELECT content_hash FROM articles WHERE content_hash IN (SELECT unnest(?::VARCHAR[]))", [digests]
    ).fetchall()
    return {r[0] for r in rows}


def _renamed(
    con: duckdb.DuckDBPyConnection, article: Article, events: list[Event], digest: str, taken: set[str]
) -> tuple[Article, list[Event]]:
    """Two different texts with one id (two 'story.txt' in different folders): the later one becomes
    'id~<hash prefix>', and its events follow, so every event still points at its own article."""
    width = 8
    while True:
        new_id = f"{article.id}~{digest[:width]}"
        clash = new_id in taken or con.execute("SELECT 1 FROM articles WHERE id = ?", [new_id]).fetchone()
        if not clash:
            break
        width += 4
    renamed = dataclasses.replace(article, id=new_id)
    # event_id="" makes Event recompute its stable id from the new article id.
    return renamed, [dataclasses.replace(e, article_id=new_id, event_id="") for e in events]


def _load_candidates(con: duckdb.DuckDBPyConnection, keyed_days: list[tuple[Any, Any]]) -> DedupIndex:
    """Stored events that the batch's mentions could match: same key, date within the window."""
    index = DedupIndex()
    if not keyed_days:
        return index
    spans: dict[Any, list] = {}
    for key, day in keyed_days:
        lo_hi = spans.setdefault(key, [day, day])
        lo_hi[0] = min(lo_hi[0], day)
        lo_hi[1] = max(lo_hi[1], day)
    window = index.window
    table = pa.table(
        {
            "source_code": [k[0] for k in spans],
            "target_code": [k[1] for k in spans],
            "cameo": [k[2] for k in spans],
            "lo": pa.array([v[0] - window for v in spans.values()], pa.date32()),
            "hi": pa.array([v[1] + window for v in spans.values()], pa.date32()),
        }
    )
    con.register("_batch_keys", table)
    try:
        rows = con.execute(
            """SELECT e.event_id, e.source_code, coalesce(e.target_code, ''), e.cameo, e.date
               FROM events e JOIN _batch_keys k
                 ON e.source_code = k.source_code AND coalesce(e.target_code, '') = k.target_code
                AND e.cameo = k.cameo AND e.date BETWEEN k.lo AND k.hi"""
        ).fetchall()
    finally:
        con.unregister("_batch_keys")
    for event_id, source_code, target_code, cameo, day in rows:
        index.add((source_code, target_code, cameo), day, event_id)
    return index


def _insert(
    con: duckdb.DuckDBPyConnection, table: str, rows: list[dict[str, Any]], schema: pa.Schema
) -> None:
    if not rows:
        return
    con.register("_batch_rows", pa.Table.from_pylist(rows, schema=schema))
    try:
        con.execute(f"INSERT INTO {table} BY NAME SELECT * FROM _batch_rows")
    finally:
        con.unregister("_batch_rows")
