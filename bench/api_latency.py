"""API latency: p50/p95/p99 of dyad-series requests against `eventwire serve` over a store of a corpus.

    .venv/bin/python bench/api_latency.py ../shared/data/corpora/reuters21578.jsonl \
        [--db /tmp/eventwire-bench/reuters.duckdb] [--limit N] [--requests 400] [--clients 1,4]

Builds the store with the real `eventwire ingest` unless it exists (ingest is idempotent: an existing store
is reused as it is), starts the real server (uvicorn, a separate process on 127.0.0.1), and times HTTP
requests for the series of the busiest country pairs (from /api/network) at day/week/month granularity,
both directions and one way, with and without a date window. Also times the same query in-process on an
open connection, so the HTTP and connection overhead can be told apart from the query. Prints figures;
asserts nothing. Target (issue 7): p95 under 200 ms.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from datetime import date, timedelta
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_CORPUS = ROOT.parent / "shared" / "data" / "corpora" / "reuters21578.jsonl"
DEFAULT_DB = Path(tempfile.gettempdir()) / "eventwire-bench" / "reuters.duckdb"
# The CLI in this interpreter, whatever its scripts directory.
EVENTWIRE = [sys.executable, "-c", "from eventwire.cli import main; main()"]


def build_store(corpus: Path, db: Path, *, limit: int, workers: int) -> float:
    db.parent.mkdir(parents=True, exist_ok=True)
    source = corpus
    if limit:
        source = db.parent / f"{corpus.stem}.first{limit}.jsonl"
        with corpus.open(encoding="utf-8") as src, source.open("w", encoding="utf-8") as out:
            for i, line in enumerate(src):
                if i >= limit:
                    break
                out.write(line)
    started = time.perf_counter()
    command = [*EVENTWIRE, "ingest", str(source), "--db", str(db), "--workers", str(workers)]
    subprocess.run(command, check=True)
    return time.perf_counter() - started


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    k = max(0, min(len(ordered) - 1, round(p / 100 * (len(ordered) - 1))))
    return ordered[k]


def request_plan(pairs: list[tuple[str, str]], first: date, last: date, n: int, seed: int = 7) -> list[tuple]:
    rng = random.Random(seed)
    span = max((last - first).days, 1)
    plan = []
    for _ in range(n):
        a, b = rng.choice(pairs)
        params = {"by": rng.choice(["day", "week", "month"]), "direction": rng.choice(["both", "one-way"])}
        if rng.random() < 0.5:
            start = first + timedelta(days=rng.randrange(span))
            params["since"] = start.isoformat()
            params["until"] = (start + timedelta(days=rng.randrange(7, 120))).isoformat()
        plan.append((a, b, params))
    return plan


def timed_get(client: httpx.Client, url: str, params: dict) -> float:
    started = time.perf_counter()
    response = client.get(url, params=params)
    elapsed = time.perf_counter() - started
    response.raise_for_status()
    return elapsed


def summarise(label: str, seconds: list[float]) -> dict:
    ms = [s * 1000 for s in seconds]
    row = {
        "what": label, "n": len(ms), "p50_ms": round(statistics.median(ms), 1),
        "p95_ms": round(percentile(ms, 95), 1), "p99_ms": round(percentile(ms, 99), 1),
        "max_ms": round(max(ms), 1),
    }
    print(f"{label:<42} n={row['n']:<5} p50 {row['p50_ms']:>7.1f} ms  p95 {row['p95_ms']:>7.1f} ms  "
          f"p99 {row['p99_ms']:>7.1f} ms  max {row['max_ms']:>7.1f} ms", flush=True)
    return row


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("corpus", nargs="?", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--db", type=Path, default=DEFAULT_DB, help="store to use (built when missing)")
    parser.add_argument("--limit", type=int, default=0, help="ingest only the first N articles (0: all)")
    parser.add_argument("--workers", type=int, default=2, help="ingest workers when building the store")
    parser.add_argument("--requests", type=int, default=400, help="requests per measurement")
    parser.add_argument("--clients", default="1,4", help="concurrent clients to measure, comma-separated")
    parser.add_argument("--json", type=Path, help="also write the figures here")
    args = parser.parse_args()

    if not args.db.exists():
        if not args.corpus.exists():
            print(f"skipped: no store at {args.db} and no corpus at {args.corpus}")
            return 0
        seconds = build_store(args.corpus, args.db, limit=args.limit, workers=args.workers)
        print(f"built {args.db} with eventwire ingest in {seconds:.0f} s", flush=True)

    from eventwire.query import actor_network, dyad_series, open_reader, store_summary

    with open_reader(args.db) as con:
        summary = store_summary(con)
        edges = actor_network(con, limit=50)["edges"]
    print(f"store: {args.db} ({args.db.stat().st_size / 1e6:.1f} MB): {summary['articles']} articles, "
          f"{summary['mentions']} mentions, {summary['events']} events, {summary['first_date']} to "
          f"{summary['last_date']}; {len(edges)} busiest country pairs", flush=True)
    if not edges or not summary["first_date"]:
        print("skipped: the store has no dated country-to-country events")
        return 0
    pairs = [(e["source"], e["target"]) for e in edges]
    first, last = date.fromisoformat(summary["first_date"]), date.fromisoformat(summary["last_date"])
    plan = request_plan(pairs, first, last, args.requests)
    results = []

    # The query alone, on one open connection: what a request costs before connections and HTTP.
    lib = []
    with open_reader(args.db) as con:
        for a, b, params in plan:
            started = time.perf_counter()
            dyad_series(
                con, a, b, by=params["by"], both_directions=params["direction"] == "both",
                since=date.fromisoformat(params["since"]) if "since" in params else None,
                until=date.fromisoformat(params["until"]) if "until" in params else None,
            )
            lib.append(time.perf_counter() - started)
    results.append(summarise("library: dyad_series, connection open", lib))

    port = free_port()
    env = {**os.environ, "PYTHONUNBUFFERED": "1"}
    server = subprocess.Popen([*EVENTWIRE, "serve", "--db", str(args.db), "--port", str(port)], env=env,
                              stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    base = f"http://127.0.0.1:{port}"
    try:
        with httpx.Client(base_url=base, timeout=30) as client:
            deadline = time.monotonic() + 60
            while True:
                try:
                    client.get("/api/summary").raise_for_status()
                    break
                except httpx.HTTPError:
                    if time.monotonic() > deadline or server.poll() is not None:
                        print("the server did not start:", server.stderr.read().decode()[-2000:])
                        return 1
                    time.sleep(0.2)
            for a, b, params in plan[:20]:  # warm-up: imports, first connections
                timed_get(client, f"/api/dyads/{a}/{b}/series", params)
            for clients in [int(c) for c in args.clients.split(",")]:
                with ThreadPoolExecutor(max_workers=clients) as pool:
                    seconds = list(pool.map(
                        lambda item: timed_get(client, f"/api/dyads/{item[0]}/{item[1]}/series", item[2]),
                        plan,
                    ))
                results.append(summarise(f"HTTP GET /api/dyads/A/B/series, {clients} client(s)", seconds))
            # For comparison, the heavier reads the dashboard makes with each pair (one client).
            others = {
                "HTTP GET /api/dyads/A/B (report JSON)": lambda a, b, p: (f"/api/dyads/{a}/{b}", p),
                "HTTP GET /api/events?source&target": lambda a, b, p: (
                    "/api/events", {"source": a, "target": b, "both_directions": "true", "limit": 20}),
                "HTTP GET /api/network": lambda a, b, p: ("/api/network", {"limit": 120}),
            }
            for label, make in others.items():
                seconds = [timed_get(client, *make(a, b, params)) for a, b, params in plan[: args.requests // 4]]
                results.append(summarise(label + ", 1 client", seconds))
    finally:
        server.terminate()
        server.wait(timeout=10)
    if args.json:
        args.json.write_text(json.dumps({"store": summary, "results": results}, indent=2), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
