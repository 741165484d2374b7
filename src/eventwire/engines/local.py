"""The local engine: `code_article` in a pool of processes on this machine.

One worker runs in this process (no start-up or pickling cost). More workers are spawned processes, each
loading `Resources` once; articles travel to them in small chunks, which each worker parses with one
`nlp.pipe` call (`code_articles`: the same events as `code_article`, faster). Results come back in input
order, and at most a few chunks per worker are in flight, so memory stays flat on any corpus size.
"""

from __future__ import annotations

import gc
import multiprocessing
from collections import deque
from collections.abc import Iterable, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from itertools import islice
from typing import Any

from ..errors import CodingFailedError, EngineError
from ..model import Article
from ..pipeline import Resources, code_article, code_articles

DEFAULT_CHUNK = 16

_WORKER_RESOURCES: Resources | None = None
_WORKER_LOAD_ERROR: str | None = None


def load_resources(model: str | None, actor_files: tuple[str, ...]) -> Resources:
    """The Resources of a process that codes articles (this one, a pool worker or a Ray actor)."""
    from ..pipeline import cached_resources

    resources = cached_resources(model, actor_files)
    # What is loaded by now (spaCy, the pipeline, dictionaries, gazetteer) lives as long as the process:
    # out of the cyclic collector's way, a full collection no longer walks its ~300k objects again (one at
    # exit alone took ~0.15 s of `eventwire code`). Reference counting still frees them.
    gc.freeze()
    return resources


def code_chunk(articles: list[Article], resources: Resources) -> list[tuple[Article, Any]]:
    """Code a chunk with one nlp.pipe call; if that raises, code article by article so that only the
    article that fails is reported (as a CodingFailedError) and its neighbours keep their events."""
    try:
        return list(code_articles(articles, resources, batch_size=max(len(articles), 1)))
    except Exception:  # noqa: BLE001 - isolated below, per article
        pass
    results: list[tuple[Article, Any]] = []
    for article in articles:
        try:
            results.append((article, code_article(article, resources)))
        except Exception as exc:  # a coding bug must not stop a corpus run; it is stored as an error
            where = article.source_path or article.id
            results.append(
                (article, CodingFailedError(where, f"article {article.id!r}: {type(exc).__name__}: {exc}"))
            )
    return results


def _init_worker(model: str | None, actor_files: tuple[str, ...]) -> None:
    global _WORKER_RESOURCES, _WORKER_LOAD_ERROR
    try:
        _WORKER_RESOURCES = load_resources(model, actor_files)
    except Exception as exc:  # noqa: BLE001 - reported with the first chunk, see _code_in_worker
        # A failing initializer only shows as "a process terminated abruptly"; keep the reason instead.
        _WORKER_LOAD_ERROR = str(exc)


def _code_in_worker(articles: list[Article]) -> list[tuple[Article, Any]]:
    if _WORKER_RESOURCES is None:
        raise EngineError(f"a worker could not load the pipeline: {_WORKER_LOAD_ERROR}")
    return code_chunk(articles, _WORKER_RESOURCES)


def _chunks(items: Iterable[Article], size: int) -> Iterator[list[Article]]:
    it = iter(items)
    while chunk := list(islice(it, size)):
        yield chunk


def run(
    articles: Iterable[Article],
    *,
    workers: int = 1,
    model: str | None = None,
    actor_files: Sequence[str] = (),
    chunk_size: int = DEFAULT_CHUNK,
    resources: Resources | None = None,
) -> Iterator[tuple[Article, Any]]:
    """Yield (article, list[Event] | CodingFailedError) in input order."""
    actor_files = tuple(actor_files)
    if workers <= 1:
        res = resources or load_resources(model, actor_files)
        for chunk in _chunks(articles, chunk_size):
            yield from code_chunk(chunk, res)
        return
    yield from _run_pool(
        articles, workers=workers, model=model, actor_files=actor_files, chunk_size=chunk_size
    )


def _run_pool(
    articles: Iterable[Article],
    *,
    workers: int,
    model: str | None,
    actor_files: tuple[str, ...],
    chunk_size: int,
) -> Iterator[tuple[Article, Any]]:
    # spawn, not fork: the parent may hold DuckDB and spaCy threads, which a fork would copy mid-flight.
    context = multiprocessing.get_context("spawn")
    pool = ProcessPoolExecutor(
        max_workers=workers, mp_context=context, initializer=_init_worker, initargs=(model, actor_files)
    )
    in_flight: deque[Future] = deque()
    # Enough queued work that no worker idles while the parent commits a batch (an fsync can take a second
    # on a busy disk); chunks are small, so memory stays flat.
    limit = 4 * workers
    try:
        for chunk in _chunks(articles, chunk_size):
            in_flight.append(pool.submit(_code_in_worker, chunk))
            while len(in_flight) >= limit:
                yield from _result(in_flight.popleft())
        while in_flight:
            yield from _result(in_flight.popleft())
    finally:
        # On an early stop (an error, Ctrl-C, the consumer closing us) do not wait for queued chunks.
        pool.shutdown(wait=True, cancel_futures=True)


def _result(future: Future) -> list[tuple[Article, Any]]:
    try:
        return future.result()
    except BrokenProcessPool:
        raise EngineError(
            "a local worker process died (killed, or out of memory); rerun the same command: stored articles "
            "are skipped and the rest are coded"
        ) from None
