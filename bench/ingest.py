"""Ingest throughput against bare spaCy, with 1 and 2 workers.

    .venv/bin/python bench/ingest.py ../shared/data/corpora/reuters21578.jsonl --limit 1000 --workers 1,2

For each worker count, two child processes run over the same first --limit articles:
- `eventwire ingest` into a fresh store (read, code, dedup, write DuckDB) with --workers N;
- bare spaCy: `nlp.pipe(texts, n_process=N)` with the same pipeline (`eventwire.nlp.load_nlp`).
A third row runs the same engine without files or store (coding only), to show where time goes.
It prints wall and CPU seconds, articles/s, MB/s of article text, peak RSS of the whole process tree (the
parent and every worker, sampled from /proc every 0.1 s), and the ratio of throughput to bare spaCy's
(issue 6 target: >= 0.7, and < 1.5 GB peak RSS with 2 workers). Times are medians over --repeat
interleaved runs and include start-up (interpreter, models, worker processes). Each kind also runs over
the first 8 articles: that run's time is the start-up ("start s"), and (N - 8) / (time - start-up) is the
steady rate a large corpus sees ("steady/s"), compared with bare spaCy's by wall clock and by CPU time
of the whole process tree ("cpu ratio": the steadier figure on a machine shared with other jobs).
"""

from __future__ import annotations

import argparse
import json
import math
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

STARTUP_ARTICLES = 8

CHILD_BARE = """
import json, sys, time
from eventwire.nlp import load_nlp
texts = [json.loads(line)["text"] for line in open(sys.argv[1], encoding="utf-8")]
nlp = load_nlp()
n = 0
for _doc in nlp.pipe(texts, n_process=int(sys.argv[2]), batch_size=32):
    n += 1
print(json.dumps({"docs": n}))
"""

# The coding pipeline on the same engine, without reading files or writing the store: the gap between this
# and the ingest row is the store's cost, the gap to bare spaCy the cost of coding (actors, patterns, dates).
CHILD_CODE = """
import sys
from eventwire import engines
from eventwire.ingest import read_inputs
if __name__ == "__main__":
    articles = [a for a in read_inputs([sys.argv[1]]) if not isinstance(a, Exception)]
    n = sum(1 for _ in engines.run(articles, workers=int(sys.argv[2])))
    print(n)
"""


def tree_rss(root: int) -> int:
    """Resident bytes of `root` and all its descendants, from /proc (Linux)."""
    children: dict[int, list[int]] = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat", encoding="ascii", errors="replace") as fh:
                stat = fh.read()
        except OSError:
            continue
        # The command name may hold spaces: fields after the closing parenthesis are fixed.
        ppid = int(stat.rsplit(")", 1)[1].split()[1])
        children.setdefault(ppid, []).append(int(entry))
    total, stack = 0, [root]
    while stack:
        pid = stack.pop()
        stack.extend(children.get(pid, ()))
        try:
            with open(f"/proc/{pid}/status", encoding="ascii", errors="replace") as fh:
                for line in fh:
                    if line.startswith("VmRSS:"):
                        total += int(line.split()[1]) * 1024
                        break
        except OSError:
            continue
    return total


def measure(cmd: list[str]) -> tuple[float, float, int, str]:
    """Run `cmd`; return (wall seconds, CPU seconds of the whole tree, peak tree RSS in bytes, output)."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.monotonic()
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    peak = 0
    while proc.poll() is None:
        peak = max(peak, tree_rss(proc.pid))
        time.sleep(0.1)
    out, err = proc.communicate()
    wall = time.monotonic() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    # Workers are joined by their parent, so their CPU time is in the child's rusage too.
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    if proc.returncode != 0:
        raise SystemExit(f"failed: {' '.join(cmd)}\n{err[-2000:]}")
    return wall, cpu, peak, out + err


def write_subset(corpus: Path, out: Path, limit: int) -> tuple[int, int]:
    n = text_bytes = 0
    with corpus.open(encoding="utf-8") as src, out.open("w", encoding="utf-8") as dst:
        for line in src:
            if n >= limit:
                break
            rec = json.loads(line)
            if not isinstance(rec.get("text"), str) or not rec["text"].strip():
                continue
            dst.write(json.dumps(rec) + "\n")
            text_bytes += len(rec["text"].encode("utf-8"))
            n += 1
    return n, text_bytes


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("corpus", type=Path, help="JSON lines, e.g. reuters21578.jsonl")
    parser.add_argument("--limit", type=int, default=2000, help="first N articles (default 2000)")
    parser.add_argument("--workers", default="1,2", help="comma-separated worker counts (default 1,2)")
    parser.add_argument("--repeat", type=int, default=1, help="interleaved runs of each kind; medians shown")
    args = parser.parse_args()
    if not args.corpus.exists():
        raise SystemExit(f"{args.corpus}: not found (the shared corpora are not part of the repository)")

    work = Path(tempfile.mkdtemp(prefix="eventwire-bench-"))
    subset, startup = work / "subset.jsonl", work / "startup.jsonl"
    n, text_bytes = write_subset(args.corpus, subset, args.limit)
    # A run over a handful of articles costs what every run costs before its first article (interpreter,
    # model and dictionaries, worker start): subtracting it gives the steady rate a large corpus sees.
    n_small, _ = write_subset(args.corpus, startup, STARTUP_ARTICLES)
    code_script = work / "code_only.py"  # a file, not -c: spawned workers re-import the main module
    code_script.write_text(CHILD_CODE, encoding="utf-8")

    def command(kind: str, path: Path, workers: int, tag: str) -> list[str]:
        if kind == "bare":
            return [sys.executable, "-c", CHILD_BARE, str(path), str(workers)]
        if kind == "code":
            return [sys.executable, str(code_script), str(path), str(workers)]
        db = work / f"{tag}.duckdb"
        db.unlink(missing_ok=True)
        return [sys.executable, "-m", "eventwire", "ingest", str(path), "--db", str(db), "--workers", str(workers)]

    print(f"corpus: {args.corpus} first {n} articles, {text_bytes / 1e6:.2f} MB of text")
    print(f"cpus: {os.cpu_count()}, load average before: {os.getloadavg()[0]:.2f}")
    print(
        f"{'run':<21}{'workers':>8}{'wall s':>8}{'cpu s':>7}{'art/s':>7}{'MB/s':>7}{'RSS MB':>8}{'ratio':>7}"
        f"{'start s':>8}{'steady/s':>9}{'ratio':>7}{'cpu ratio':>10}"
    )
    kinds = (("bare spaCy nlp.pipe", "bare"), ("coding only (engine)", "code"), ("eventwire ingest", "ingest"))
    for workers in [int(w) for w in args.workers.split(",")]:
        full: dict[str, list[tuple[float, float, int]]] = {k: [] for _, k in kinds}
        small: dict[str, list[tuple[float, float, int]]] = {k: [] for _, k in kinds}
        summary = ""
        # Interleaved repeats: on a shared machine, load drifts; each kind sees the same drift.
        for attempt in range(args.repeat):
            for _, kind in kinds:
                tag = f"{kind}-{workers}-{attempt}"
                small[kind].append(measure(command(kind, startup, workers, tag + "-s"))[:3])
                wall, cpu, rss, log = measure(command(kind, subset, workers, tag))
                full[kind].append((wall, cpu, rss))
                if kind == "ingest":
                    summary = next((ln for ln in log.splitlines() if " run " in ln and "stored" in ln), summary)

        def med(runs, i):
            return statistics.median(r[i] for r in runs)

        base = {}
        for label, kind in kinds:
            wall, cpu, rss = med(full[kind], 0), med(full[kind], 1), max(r[2] for r in full[kind])
            start_wall, start_cpu = med(small[kind], 0), med(small[kind], 1)
            # Too few articles (or too much noise) for the difference to mean anything: NaN, shown as 'nan'.
            steady = (n - n_small) / (wall - start_wall) if wall - start_wall > 1.0 else math.nan
            steady_cpu = (n - n_small) / (cpu - start_cpu) if cpu - start_cpu > 1.0 else math.nan
            if kind == "bare":
                base = {"wall": n / wall, "steady": steady, "cpu": steady_cpu}
                ratios = ("", "", "")
            else:
                ratios = (
                    f"{n / wall / base['wall']:.2f}",
                    f"{steady / base['steady']:.2f}",
                    f"{steady_cpu / base['cpu']:.2f}",
                )
            print(
                f"{label:<21}{workers:>8}{wall:>8.1f}{cpu:>7.1f}{n / wall:>7.1f}{text_bytes / 1e6 / wall:>7.3f}"
                f"{rss / 1e6:>8.0f}{ratios[0]:>7}{start_wall:>8.1f}{steady:>9.1f}{ratios[1]:>7}{ratios[2]:>10}"
            )
        print(f"  {summary.strip()}")
    print(f"load average after: {os.getloadavg()[0]:.2f}")


if __name__ == "__main__":
    main()
