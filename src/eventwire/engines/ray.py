"""The Ray engine: the same per-article coding on a Ray cluster (issue 8). Ray is an optional extra.

Two entry points, one per kind of run; both run the local engine's `code_chunk` (so `code_article`) and load
the NLP model once per worker:

    run(articles, *, workers, address=None, ...)   the engine seam: (article, events | error) in input
                                                    order, the input consumed lazily (`ingest --engine ray`)
    code_to_shards(inputs, out_dir, *, ...)         a corpus read in shards by Ray Data on the cluster, coded,
                                                    written as Parquet shards + manifest (engines/shards.py)

Facts about Ray 2.60 that shape this module (measured; see docs/scale-out.md):
- an actor pool holding every CPU starves Ray Data's read tasks and hangs without an error, so actors take a
  fraction of a CPU and leave room for reads; every wait has a timeout that fails loudly;
- a SIGKILLed actor is restarted and its batch rerun, silently: a ledger actor counts attempts, so the run
  summary reports retries and restarts;
- a local instance binds every interface unless told otherwise; ours stays on loopback.
"""

from __future__ import annotations

import json
import logging
import os
import queue
import socket
import sys
import threading
import time
import uuid
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import asdict, dataclass
from datetime import date as Date
from itertools import islice
from typing import TYPE_CHECKING, Any

from ..errors import EngineError, EngineNotInstalledError
from ..model import Article
from .local import DEFAULT_CHUNK, code_chunk, load_resources

if TYPE_CHECKING:
    from .shards import Manifest

INSTALL_HINT = "pip install 'eventwire[ray]'"
DEFAULT_TIMEOUT_S = 600.0  # longest wait for any one result: start-up (model load) included
DEFAULT_SHARD_BATCH = 256  # articles per shard: big enough for few files, small enough to rerun cheaply
READ_TASK_CPUS = 0.25  # logical CPUs a read task asks for (reading is cheap next to parsing)


# -- Ray itself, lazily -----------------------------------------------------------------------------------


def import_ray(*, local: bool = False) -> Any:
    """Import Ray (and Ray Data), or say how to install them."""
    if local and "ray" not in sys.modules:
        # Ray binds a node's public address unless it believes clusters are off; a local instance serves
        # this process only, so keep it on loopback (the setting must be in place before `import ray`).
        os.environ.setdefault("RAY_ENABLE_WINDOWS_OR_OSX_CLUSTER", "0")
    try:
        import ray
        import ray.data  # noqa: F401 - Ray Data is part of the extra; fail here, not mid-run
    except ImportError as exc:
        raise EngineNotInstalledError(
            f"the ray engine needs Ray Data, which is not installed ({exc.name} is missing). "
            f"Install it with: {INSTALL_HINT}"
        ) from None
    return ray


@contextmanager
def connected(*, address: str | None = None, num_cpus: float | None = None) -> Iterator[Any]:
    """Connect to the cluster at `address` ('auto', 'host:port'), or start a local instance with `num_cpus`
    (all cores by default); disconnect (and stop the local instance) at the end. A session the caller
    already opened with ray.init() is used as it is."""
    ray = import_ray(local=address is None)
    if ray.is_initialized():
        yield ray
        return
    if address is not None:
        check_reachable(address)
    # Workers' output stays in the cluster's logs: the library never prints.
    options: dict[str, Any] = {"log_to_driver": False, "logging_level": logging.WARNING}
    if address is None:
        options.update(num_cpus=num_cpus, include_dashboard=False)
    else:
        options["address"] = address
    try:
        ray.init(**options)
    except Exception as exc:  # noqa: BLE001 - refused, bad token, version mismatch: all end the run here
        where = f"the Ray cluster at {address!r}" if address else "a local Ray instance"
        raise EngineError(
            f"cannot connect to {where}: {exc}. Start one with `ray start --head` and pass its address"
        ) from None
    try:
        yield ray
    finally:
        ray.shutdown()


def check_reachable(address: str, *, timeout_s: float = 10.0) -> None:
    """Fail fast on a 'host:port' where nothing listens: ray.init would retry for ever (Ray 2.60)."""
    if address == "auto" or "://" in address or ":" not in address:
        return
    host, _, port = address.rpartition(":")
    try:
        with socket.create_connection((host.strip("[]"), int(port)), timeout=timeout_s):
            pass
    except (OSError, ValueError) as exc:
        raise EngineError(
            f"no Ray cluster answers at {address} ({exc}); start one with `ray start --head --port={port}` "
            "or check the address"
        ) from None


def _quiet_data_context(ray: Any) -> Any:
    ctx = ray.data.DataContext.get_current()
    ctx.enable_progress_bars = False  # the CLI draws its own progress; the library never prints
    ctx.print_on_execution_start = False
    # Ray Data logs every execution at INFO to the console; keep its warnings, drop the chatter.
    logging.getLogger("ray.data").setLevel(logging.WARNING)
    return ctx


# -- sizing the actor pool --------------------------------------------------------------------------------


@dataclass(frozen=True)
class ActorPlan:
    actors: int
    cpus_per_actor: float
    read_cpus: float  # left free for Ray Data's read tasks


def plan_actors(
    cluster_cpus: float, *, workers: int | None = None, reserve_for_reads: bool = True
) -> ActorPlan:
    """One coding actor per CPU (or `workers`), each asking for a fraction of a CPU so that Ray Data's read
    and repartition tasks can always be scheduled: on 2 CPUs, 2 one-CPU actors leave none and the run hangs
    without an error (Ray 2.60, issue 8). The fractions are Ray's bookkeeping: every actor still parses on a
    whole core, and the read tasks are light."""
    if cluster_cpus < 1:
        raise EngineError(f"the Ray cluster has {cluster_cpus} CPUs; the ray engine needs at least 1")
    actors = int(workers) if workers and workers > 0 else max(1, int(cluster_cpus))
    # Ray Data's own tasks (repartition, union) ask for a whole CPU: leave at least one, more on big clusters.
    reserve = min(4.0, max(1.0, 0.05 * cluster_cpus)) if reserve_for_reads else 0.0
    per_actor = int((cluster_cpus - reserve) / actors * 100) / 100  # round down: the sum must fit
    if per_actor < 0.05:
        raise EngineError(
            f"{actors} workers do not fit on a Ray cluster of {cluster_cpus:g} CPUs; use at most "
            f"{int((cluster_cpus - reserve) / 0.05)}"
        )
    return ActorPlan(actors=actors, cpus_per_actor=per_actor, read_cpus=reserve)


def _cluster_cpus(ray: Any) -> float:
    return float(ray.cluster_resources().get("CPU", 0.0))


# -- the ledger: attempts, so retries are visible --------------------------------------------------------


class RunLedger:
    """A zero-CPU actor that workers tell when they start and finish a batch. Ray reruns the batch of a killed
    actor without a word; attempts minus delivered batches is the number of reruns."""

    def __init__(self) -> None:
        self.started: dict[str, int] = {}
        self.finished: set[str] = set()
        self.actor_pids: list[int] = []

    def actor_ready(self, pid: int) -> None:
        self.actor_pids.append(pid)

    def start(self, attempt: str, pid: int) -> None:
        self.started[attempt] = pid

    def finish(self, attempt: str) -> None:
        self.finished.add(attempt)

    def snapshot(self) -> dict[str, Any]:
        busy = sorted({pid for attempt, pid in self.started.items() if attempt not in self.finished})
        return {
            "attempts": len(self.started),
            "finished": len(self.finished),
            "actor_pids": list(self.actor_pids),
            "busy_pids": busy,
        }


def start_ledger(ray: Any) -> tuple[Any, str]:
    """Start a run's ledger; workers find it by name (a handle passed as a constructor argument would make
    Ray warn that a restarted actor may not get its arguments back)."""
    name = f"eventwire-ledger-{uuid.uuid4().hex}"
    return ray.remote(num_cpus=0)(RunLedger).options(name=name).remote(), name


def attach_ledger(name: str) -> Any:
    """In a worker: the run's ledger, told that this actor process is up."""
    import ray

    ledger = ray.get_actor(name)
    ray.get(ledger.actor_ready.remote(os.getpid()))
    return ledger


@dataclass
class RunSummary:
    """What a Ray run did, for the CLI's end-of-run line and the shard manifest."""

    address: str | None = None
    actors: int = 0
    cpus_per_actor: float = 0.0
    articles: int = 0
    events: int = 0
    errors: int = 0
    batches: int = 0  # batches delivered (each exactly once)
    attempts: int = 0  # batches started, reruns included
    retries: int = 0  # attempts - batches: batches rerun after a worker died
    actor_restarts: int = 0  # actor processes started beyond the pool size
    startup_seconds: float = 0.0  # until the first result: connection, actor start, model load
    seconds: float = 0.0

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    def take_ledger(self, snapshot: dict[str, Any]) -> None:
        self.attempts = snapshot["attempts"]
        self.retries = max(0, self.attempts - self.batches)
        self.actor_restarts = max(0, len(snapshot["actor_pids"]) - self.actors)


def _count(summary: RunSummary, results: Sequence[tuple[Article, Any]]) -> None:
    summary.batches += 1
    for _article, outcome in results:
        summary.articles += 1
        if isinstance(outcome, list):
            summary.events += len(outcome)
        else:
            summary.errors += 1


# -- the engine seam: run(articles) -----------------------------------------------------------------------


class ChunkCoder:
    """A Ray actor (made remote in `run`): Resources load once in the constructor; each call codes one chunk
    exactly as the local engine does."""

    def __init__(self, model: str | None, actor_files: tuple[str, ...], ledger: str) -> None:
        self.resources = load_resources(model, actor_files)
        self.ledger = attach_ledger(ledger)

    def code(self, articles: list[Article]) -> list[tuple[Article, Any]]:
        import ray

        attempt = uuid.uuid4().hex
        ray.get(self.ledger.start.remote(attempt, os.getpid()))
        results = code_chunk(articles, self.resources)
        ray.get(self.ledger.finish.remote(attempt))
        return results


class RayRun:
    """The results of `run`, iterated once: (article, list[Event] | CodingFailedError) in input order.
    `summary` fills in as results arrive and is complete when the iteration ends."""

    def __init__(
        self,
        articles: Iterable[Article],
        *,
        workers: int | None,
        model: str | None,
        actor_files: tuple[str, ...],
        address: str | None,
        num_cpus: float | None,
        chunk_size: int,
        timeout_s: float,
    ) -> None:
        self._articles = articles
        self._workers = workers
        self._model = model
        self._actor_files = actor_files
        self._address = address
        self._num_cpus = num_cpus
        self._chunk_size = chunk_size
        self._timeout_s = timeout_s
        self._ledger: Any = None
        self.summary = RunSummary(address=address)

    def __iter__(self) -> Iterator[tuple[Article, Any]]:
        return self._results()

    def busy_pids(self) -> list[int]:
        """The actor processes coding a chunk right now (empty before the run starts and after it ends)."""
        if self._ledger is None:
            return []
        import ray

        return ray.get(self._ledger.snapshot.remote(), timeout=self._timeout_s)["busy_pids"]

    def _results(self) -> Iterator[tuple[Article, Any]]:
        started = time.monotonic()
        with connected(address=self._address, num_cpus=self._num_cpus) as ray:
            plan = plan_actors(_cluster_cpus(ray), workers=self._workers, reserve_for_reads=False)
            self.summary.actors, self.summary.cpus_per_actor = plan.actors, plan.cpus_per_actor
            ledger, ledger_name = start_ledger(ray)
            self._ledger = ledger
            # max_restarts/max_task_retries: a killed actor comes back and its chunk is rerun, once delivered.
            coder = ray.remote(ChunkCoder).options(
                num_cpus=plan.cpus_per_actor, max_restarts=-1, max_task_retries=-1
            )
            pool = [coder.remote(self._model, self._actor_files, ledger_name) for _ in range(plan.actors)]
            in_flight: deque[Any] = deque()
            limit = 2 * plan.actors  # every actor busy plus one queued; memory stays flat
            try:
                source = iter(self._articles)
                turn = 0
                while chunk := list(islice(source, self._chunk_size)):
                    in_flight.append(pool[turn % len(pool)].code.remote(chunk))
                    turn += 1
                    while len(in_flight) >= limit:
                        yield from self._take(ray, in_flight.popleft(), started)
                while in_flight:
                    yield from self._take(ray, in_flight.popleft(), started)
                self.summary.take_ledger(ray.get(ledger.snapshot.remote(), timeout=self._timeout_s))
            finally:
                self._ledger = None
                for actor in [*pool, ledger]:
                    ray.kill(actor)
                self.summary.seconds = time.monotonic() - started

    def _take(self, ray: Any, ref: Any, started: float) -> list[tuple[Article, Any]]:
        try:
            results = ray.get(ref, timeout=self._timeout_s)
        except ray.exceptions.GetTimeoutError:
            raise EngineError(
                f"the Ray cluster returned nothing for {self._timeout_s:g} s (are its CPUs all taken, or a "
                "worker failing to start? see the cluster's logs); stopping the run"
            ) from None
        except ray.exceptions.RayError as exc:
            raise EngineError(f"the Ray engine failed: {exc}") from None
        if not self.summary.batches:
            self.summary.startup_seconds = time.monotonic() - started
        _count(self.summary, results)
        return results


def run(
    articles: Iterable[Article],
    *,
    workers: int | None = None,
    model: str | None = None,
    actor_files: Sequence[str] = (),
    address: str | None = None,
    num_cpus: float | None = None,
    chunk_size: int = DEFAULT_CHUNK,
    timeout_s: float = DEFAULT_TIMEOUT_S,
) -> RayRun:
    """The engine seam on Ray: code `articles` with `workers` actors (default: one per cluster CPU) on the
    cluster at `address` (None: a local instance with `num_cpus` CPUs). Yields (article, events or
    CodingFailedError) in input order; reads the input lazily from the calling thread."""
    import_ray(local=address is None)  # fail now, with the install hint, not at the first next()
    return RayRun(
        articles,
        workers=workers,
        model=model,
        actor_files=tuple(actor_files),
        address=address,
        num_cpus=num_cpus,
        chunk_size=chunk_size,
        timeout_s=timeout_s,
    )


# -- a corpus to Parquet shards, read on the cluster -------------------------------------------------------


@dataclass
class ShardProgress:
    """Reported to `code_to_shards`'s `progress` callback after each shard (on the driver)."""

    shards: int
    articles: int
    events: int
    errors: int
    seconds: float
    busy_pids: list[int]  # actor processes coding a batch right now


def code_to_shards(
    inputs: Sequence[str | os.PathLike[str]],
    out_dir: str | os.PathLike[str],
    *,
    workers: int | None = None,
    address: str | None = None,
    num_cpus: float | None = None,
    batch_size: int = DEFAULT_SHARD_BATCH,
    model: str | None = None,
    actor_files: Sequence[str] = (),
    default_date: Date | None = None,
    timeout_s: float = DEFAULT_TIMEOUT_S,
    overwrite: bool = False,
    progress: Callable[[ShardProgress], None] | None = None,
) -> Manifest:
    """Read `inputs` (files or directories of any kind `eventwire ingest` reads, and Parquet files with
    id/text/... columns) in shards with Ray Data, code them on the cluster's actors, and write Parquet shards
    plus manifest.json to `out_dir` (a path every node can write). Returns the Manifest; its `run` holds the
    RunSummary (retries included). Inputs must be readable at the same path on every node."""
    from . import ray_data, shards

    import_ray(local=address is None)  # the install hint before anything is written
    root = shards.prepare_shard_dir(out_dir, overwrite=overwrite)
    summary = RunSummary(address=address)
    started = time.monotonic()
    delivered: list[shards.ShardInfo] = []
    with connected(address=address, num_cpus=num_cpus) as ray:
        _quiet_data_context(ray)
        plan = plan_actors(_cluster_cpus(ray), workers=workers, reserve_for_reads=True)
        summary.actors, summary.cpus_per_actor = plan.actors, plan.cpus_per_actor
        ledger, ledger_name = start_ledger(ray)
        try:
            dataset, missing = ray_data.input_dataset(
                ray, [str(i) for i in inputs], default_date=default_date, read_cpus=READ_TASK_CPUS
            )
            if missing:  # paths that do not exist are errors of the run, recorded like unreadable files
                delivered.append(shards.write_shard(root, [], read_errors=missing))
                summary.errors += len(missing)
            if dataset is not None:
                coded = ray_data.code_dataset(
                    ray, dataset, plan=plan, shard_dir=str(root), batch_size=batch_size, model=model,
                    actor_files=tuple(actor_files), ledger=ledger_name,
                )
                for info in _stream(coded, timeout_s=timeout_s):
                    if not summary.batches:
                        summary.startup_seconds = time.monotonic() - started
                    delivered.append(info)
                    summary.batches += 1
                    summary.articles += len(info.article_ids)
                    summary.events += info.events
                    summary.errors += info.errors
                    if progress:
                        busy = ray.get(ledger.snapshot.remote(), timeout=timeout_s)["busy_pids"]
                        progress(ShardProgress(
                            shards=len(delivered), articles=summary.articles, events=summary.events,
                            errors=summary.errors, seconds=time.monotonic() - started, busy_pids=busy,
                        ))
            summary.take_ledger(ray.get(ledger.snapshot.remote(), timeout=timeout_s))
        finally:
            ray.kill(ledger)
    summary.seconds = time.monotonic() - started
    return shards.finish_manifest(root, delivered, inputs=[str(i) for i in inputs], run=summary.to_dict())


def _stream(coded: Any, *, timeout_s: float) -> Iterator[Any]:
    """Iterate the coded dataset in a helper thread so that the wait for each result can time out: a stuck
    Ray Data run otherwise blocks forever without an error."""
    from .shards import ShardInfo

    results: queue.Queue = queue.Queue(maxsize=64)
    done = object()
    executors_before = _data_executors()

    def pump() -> None:
        try:
            for row in coded.iter_rows():
                results.put(row)
            results.put(done)
        except BaseException as exc:  # noqa: BLE001 - handed to the driver thread, which raises it
            results.put(exc)

    pumping = threading.Thread(target=pump, name="eventwire-ray-results", daemon=True)
    pumping.start()
    while True:
        try:
            item = results.get(timeout=timeout_s)
        except queue.Empty:
            _stop_executors(executors_before, pumping)
            raise EngineError(
                f"the Ray cluster returned nothing for {timeout_s:g} s (are its CPUs all taken, or a worker "
                "failing to start? see the cluster's logs); stopping the run"
            ) from None
        if item is done:
            return
        if isinstance(item, BaseException):
            raise EngineError(f"the Ray engine failed: {item}") from None
        yield ShardInfo.from_dict(json.loads(item["shard"]))


def _data_executors() -> set[threading.Thread]:
    try:  # Ray Data runs each execution in a StreamingExecutor thread (Ray 2.60; internal, so best effort)
        from ray.data._internal.execution.streaming_executor import StreamingExecutor
    except ImportError:
        return set()
    return {t for t in threading.enumerate() if isinstance(t, StreamingExecutor)}


def _stop_executors(before: set[threading.Thread], pumping: threading.Thread) -> None:
    """Stop the stuck execution before disconnecting: left running, its thread would call Ray after the
    shutdown, and Ray would start a new local instance for it by itself."""
    for executor in _data_executors() - before:
        try:
            executor.shutdown(force=True)
        except Exception:  # noqa: BLE001 - best effort on the way to a clear error
            logging.getLogger(__name__).debug("could not stop a Ray Data executor", exc_info=True)
    pumping.join(timeout=10)
