"""Local engine against the Ray engine on this machine, over the same Reuters articles (issue 8).

    .venv/bin/python bench/ray_vs_local.py [../shared/data/corpora/reuters21578.jsonl] [--limit 600]
        [--cpus 2] [--skip-shards]

Runs, one after another on the same first N articles:
  local-1   the local engine, one process (the per-core rate the projection uses)
  local-N   the local engine, N processes
  ray-N     the Ray engine (engine seam: results back to this process), a fresh local Ray instance, N actors
  shards-N  the Ray engine reading the file itself with Ray Data and writing Parquet shards + manifest
For each: wall seconds, articles/s, time to the first result (start-up: Ray's init, actor start, model load),
and the rate after it. Counts the articles whose events differ from local-1's (0 expected; a local-N rerun at
the end, in fresh processes, is the control for code edited while the bench ran). Then projects, from the measured
per-core rate, the core-hours and cores for 100 million articles. Prints figures; asserts nothing.
Ray writes its session files under RAY_TMPDIR (a fresh temporary directory unless set).
"""

from __future__ import annotations

import argparse
import itertools
import json
import os
import shutil
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_CORPUS = ROOT.parent / "shared" / "data" / "corpora" / "reuters21578.jsonl"
TARGET_ARTICLES = 100_000_000


def read_articles(corpus: Path, limit: int):
    from eventwire.errors import InputError
    from eventwire.ingest import read_inputs

    items = read_inputs([corpus])
    return [a for a in itertools.islice(items, limit) if not isinstance(a, InputError)]


def fingerprint(results) -> dict[str, list[str]]:
    """article id -> its events' ids and codes: equal fingerprints mean equal coding."""
    out = {}
    for article, outcome in results:
        if isinstance(outcome, list):
            out[article.id] = sorted(f"{e.event_id}:{e.cameo}:{e.date}:{e.confidence}" for e in outcome)
        else:
            out[article.id] = [f"error:{type(outcome).__name__}"]
    return out


def differing(got: dict[str, list[str]], want: dict[str, list[str]]) -> int:
    return sum(got.get(k) != v for k, v in want.items()) + len(set(got) - set(want))


def timed(results_iter):
    started = time.perf_counter()
    first = None
    results = []
    for item in results_iter:
        if first is None:
            first = time.perf_counter() - started
        results.append(item)
    return results, time.perf_counter() - started, first or 0.0


def row(name: str, n: int, seconds: float, first: float, note: str = "") -> str:
    after = n / (seconds - first) if seconds > first else float("nan")
    return f"{name:<10} {seconds:8.1f} s  {n / seconds:7.1f} art/s  first result {first:5.1f} s  " \
           f"after it {after:7.1f} art/s  {note}"


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("corpus", nargs="?", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--limit", type=int, default=600, help="articles to code (default 600)")
    parser.add_argument("--cpus", type=int, default=os.cpu_count() or 2, help="processes / Ray CPUs")
    parser.add_argument("--skip-shards", action="store_true", help="skip the Ray Data shards run")
    args = parser.parse_args()
    if not args.corpus.exists():
        print(f"corpus not found: {args.corpus} (pass its path); skipped")
        return 0
    own_tmp = None
    if "RAY_TMPDIR" not in os.environ:  # keep Ray's session files out of /tmp/ray, and remove them after
        own_tmp = os.environ["RAY_TMPDIR"] = tempfile.mkdtemp(prefix="ewray", dir="/tmp")
    try:
        return bench(args)
    finally:
        if own_tmp:
            shutil.rmtree(own_tmp, ignore_errors=True)


def bench(args: argparse.Namespace) -> int:
    from eventwire import engines
    from eventwire.engines.ray import code_to_shards
    from eventwire.engines.shards import iter_shard_results, load_shards_into_store

    articles = read_articles(args.corpus, args.limit)
    n = len(articles)
    text_mb = sum(len(a.text.encode("utf-8")) for a in articles) / 1e6
    print(f"{n} articles ({text_mb:.1f} MB of text) from {args.corpus.name}; {args.cpus} CPUs")
    print(f"{'engine':<10} {'wall':>10}  {'rate':>13}")

    # Load the model in this process first, so local-1 measures coding, not loading (as a worker would).
    from eventwire.engines.local import load_resources

    t0 = time.perf_counter()
    load_resources(None, ())
    load_s = time.perf_counter() - t0

    figures = {}
    local1, s, first = timed(engines.run(articles, engine="local", workers=1))
    figures["local-1"] = s
    print(row("local-1", n, s, first, f"(model loaded before: {load_s:.1f} s)"))
    reference = fingerprint(local1)

    localn, s, first = timed(engines.run(articles, engine="local", workers=args.cpus))
    figures[f"local-{args.cpus}"] = s
    print(row(f"local-{args.cpus}", n, s, first, "(spawned workers load the model)"))
    same_local = differing(fingerprint(localn), reference)

    run = engines.run(articles, engine="ray", workers=args.cpus, num_cpus=args.cpus)
    rayn, s, first = timed(run)
    figures[f"ray-{args.cpus}"] = s
    summary = run.summary
    print(row(f"ray-{args.cpus}", n, s, first, f"(retries {summary.retries}, {summary.actors} actors)"))
    same_ray = differing(fingerprint(rayn), reference)

    same_shards = None
    if not args.skip_shards:
        with tempfile.TemporaryDirectory(prefix="eventwire-shards-") as tmp:
            source = Path(tmp) / "input.jsonl"
            with args.corpus.open(encoding="utf-8") as src, source.open("w", encoding="utf-8") as out:
                out.writelines(itertools.islice(src, args.limit))
            started = time.perf_counter()
            manifest = code_to_shards([source], Path(tmp) / "shards", num_cpus=args.cpus, batch_size=64)
            s = time.perf_counter() - started
            figures[f"shards-{args.cpus}"] = s
            first = manifest.run["startup_seconds"]
            print(row(f"shards-{args.cpus}", manifest.articles, s, first,
                      f"({len(manifest.shards)} shards, retries {manifest.run['retries']})"))
            coded = [i for i in iter_shard_results(Path(tmp) / "shards") if isinstance(i, tuple)]
            same_shards = differing(fingerprint(coded), reference)
            started = time.perf_counter()
            totals = load_shards_into_store(Path(tmp) / "store.duckdb", Path(tmp) / "shards")
            s = time.perf_counter() - started
            figures["load-shards"] = s
            print(f"{'load':<10} {s:8.1f} s  {totals['articles_new'] / s:7.1f} art/s  "
                  f"(shards into a new DuckDB store: {totals['mentions_new']} mentions, one writer)")

    # The control: the local engine again, in fresh processes (which import the code anew). If it differs
    # from local-1, the code changed on disk during the bench: then no equality above means anything.
    control = fingerprint(engines.run(articles, engine="local", workers=args.cpus))
    print()
    print(f"articles whose events differ from local-1: local-{args.cpus} {same_local}, "
          f"ray-{args.cpus} {same_ray}, shards-{args.cpus} {same_shards}, "
          f"local-{args.cpus} rerun at the end (control) {differing(control, reference)}")
    overhead = figures[f"ray-{args.cpus}"] - figures[f"local-{args.cpus}"]
    print(f"Ray overhead over local-{args.cpus}: {overhead:+.1f} s on {n} articles "
          f"(Ray start-up to first result: {summary.startup_seconds:.1f} s)")

    per_core = n / figures["local-1"]
    # Ray's own per-CPU rate once started (what a long cluster run sees), from the seam run.
    ray_after = n / max(figures[f"ray-{args.cpus}"] - summary.startup_seconds, 1e-9) / summary.actors
    print()
    print(f"projection for {TARGET_ARTICLES:,} articles like these (start-up ignored: minutes in days):")
    rates = (("local-1 per-core rate", per_core), ("Ray per-actor rate after start-up", ray_after))
    for label, rate in rates:
        core_hours = TARGET_ARTICLES / rate / 3600
        cores = ", ".join(f"{core_hours / h:,.0f} cores for {h} h" for h in (24, 72, 168))
        print(f"  {label} {rate:.1f} art/s: {core_hours:,.0f} core-hours; {cores}")
    print(json.dumps({"articles": n, "text_mb": round(text_mb, 2), "seconds": figures,
                      "per_core_articles_per_s": round(per_core, 2),
                      "ray_per_actor_articles_per_s": round(ray_after, 2),
                      "ray_startup_s": round(summary.startup_seconds, 1)}))
    return 0


if __name__ == "__main__":
    sys.exit(main())
