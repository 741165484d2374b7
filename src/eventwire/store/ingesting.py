"""`ingest`: read inputs, code the new articles on an engine, write them through the single writer.

The library reports progress through a callback and returns a summary; it prints nothing.
"""

from __future__ import annotations

import contextlib
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import date as Date
from itertools import islice
from pathlib import Path

from .. import engines
from ..errors import EventwireError, InputError
from ..ingest import read_inputs
from ..model import Article
from .connection import DEFAULT_DB
from .writer import BatchCounts, StoreWriter

DEFAULT_BATCH = (
    64  # articles per transaction: small enough that a kill loses little, large enough to be cheap
)
TRIAGE_CHUNK = 256  # articles checked against the store per query before coding


@dataclass
class IngestProgress:
    run_id: int
    articles_read: int
    articles_new: int
    articles_skipped: int
    mentions: int
    events_new: int
    errors: int
    text_bytes: int
    seconds: float
    done: bool = False

    @property
    def articles_per_second(self) -> float:
        return self.articles_new / self.seconds if self.seconds > 0 else 0.0

    @property
    def megabytes_per_second(self) -> float:
        return self.text_bytes / 1e6 / self.seconds if self.seconds > 0 else 0.0


IngestSummary = IngestProgress  # the last progress report is the run's summary (done=True)


def ingest(
    inputs: Sequence[str | Path],
    *,
    db: str | Path = DEFAULT_DB,
    workers: int = 1,
    engine: str = "local",
    batch_size: int = DEFAULT_BATCH,
    default_date: Date | None = None,
    model: str | None = None,
    actor_files: Sequence[str] = (),
    progress: Callable[[IngestProgress], None] | None = None,
    lock_wait: float = 60.0,
    engine_options: dict | None = None,
) -> IngestSummary:
    """Ingest files, directories, feeds and archives into the store at `db`; returns the run's summary.

    Idempotent (a text already stored is skipped before coding) and resumable (every batch of `batch_size`
    articles commits with all its events; a rerun after a kill codes only what is missing).
    """
    writer = StoreWriter(db, lock_wait=lock_wait)
    run_id = writer.start_run(inputs=[str(i) for i in inputs], engine=engine, workers=workers)
    started = time.monotonic()
    read = 0

    def report(*, done: bool = False) -> IngestProgress:
        t = writer.totals
        return IngestProgress(
            run_id=run_id,
            articles_read=read,
            articles_new=t.articles_new,
            articles_skipped=t.articles_skipped,
            mentions=t.mentions_new,
            events_new=t.events_new,
            errors=t.errors,
            text_bytes=t.text_bytes,
            seconds=time.monotonic() - started,
            done=done,
        )

    def new_articles() -> Iterator[Article]:
        nonlocal read
        items = iter(read_inputs(list(inputs), default_date=default_date))
        while chunk := list(islice(items, TRIAGE_CHUNK)):
            articles: list[Article] = []
            for item in chunk:
                if isinstance(item, InputError):
                    writer.add_error(item)
                else:
                    articles.append(item)
            read += len(articles)
            yield from writer.filter_new(articles)

    status = "failed"
    try:
        results = engines.run(
            new_articles(),
            engine=engine,
            workers=workers,
            model=model,
            actor_files=actor_files,
            **(engine_options or {}),
        )
        for article, outcome in results:
            if isinstance(outcome, EventwireError):
                writer.add_error(outcome)
            else:
                writer.add_article(article, outcome)
            if writer.pending_articles >= batch_size:
                writer.flush()
                if progress:
                    progress(report())
        writer.flush()
        status = "done"
    except KeyboardInterrupt:
        # Keep what is coded already: the rerun then has less to do.
        status = "interrupted"
        with contextlib.suppress(EventwireError):
            writer.flush()
        raise
    finally:
        try:
            writer.finish_run(status=status, articles_read=read)
        except EventwireError:
            if status == "done":
                raise
    summary = report(done=True)
    if progress:
        progress(summary)
    return summary


def ingest_articles(
    articles: Iterable[Article],
    *,
    db: str | Path = DEFAULT_DB,
    workers: int = 1,
    engine: str = "local",
    batch_size: int = DEFAULT_BATCH,
) -> BatchCounts:
    """Ingest Article objects built in Python (no files). Same guarantees as `ingest`."""
    writer = StoreWriter(db)
    writer.start_run(inputs=["<python>"], engine=engine, workers=workers)
    status = "failed"
    try:
        fresh = (a for chunk in _chunks(articles, TRIAGE_CHUNK) for a in writer.filter_new(chunk))
        for article, outcome in engines.run(fresh, engine=engine, workers=workers):
            if isinstance(outcome, EventwireError):
                writer.add_error(outcome)
            else:
                writer.add_article(article, outcome)
            if writer.pending_articles >= batch_size:
                writer.flush()
        writer.flush()
        status = "done"
    finally:
        writer.finish_run(status=status)
    return writer.totals


def _chunks(items: Iterable[Article], size: int) -> Iterator[list[Article]]:
    it = iter(items)
    while chunk := list(islice(it, size)):
        yield chunk
