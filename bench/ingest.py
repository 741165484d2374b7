"""Ingest throughput against bare spaCy, with 1 and 2 workers.

    .venv/bin/python bench/ingest.py ../shared/data/corpora/reuters21578.jsonl --limit 1000 --workers 1,2

For each worker count, two child processes run over the same first --limit articles:
- `eventwire ingest` into a fresh store (read, code, dedup, write DuckDB) with --workers N;
- bare spaCy: `nlp.pipe(texts, n_process=N)` with the same pipeline (`eventwire.nlp.load_nlp`).
A third row runs the same engine without files or store (coding only), to show where time goes.
It prints wall and CPU seconds, articles/s, MB/s of article text, peak RSS of the whole process tree (the
parent and every worker, sampled from /proc every 0.1 s), and the ratio of throughput to bare spaCy's, by
wall clock ("ratio") and by CPU time of the whole tree ("cpu rat", the steadier figure on a shared machine)
(issue 6 target: >= 0.7, and < 1.5 GB peak RSS with 2 workers). Times are medians over --repeat
interleaved runs and include model loading in every run; peak RSS is the largest seen.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

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
    subset = work / "subset.jsonl"
    n = 0
    text_bytes = 0
    with args.corpus.open(encoding="utf-8") as src, subset.open("w", encoding="utf-8") as dst:
        for line in src:
            if n >= args.limit:
                break
            rec = json.loads(line)
            if not isinstance(rec.get("text"), str) or not rec["text"].strip():
                continue
            dst.write(json.dumps(rec) + "\n")
            text_bytes += len(rec["text"].encode("utf-8"))
            n += 1
    print(f"corpus: {args.corpus} first {n} articles, {text_bytes / 1e6:.2f} MB of text")
    print(f"cpus: {os.cpu_count()}, load average before: {os.getloadavg()[0]:.2f}")
    print(f"{'run':<22}{'workers':>8}{'wall s':>9}{'cpu s':>8}{'art/s':>9}{'MB/s':>8}{'RSS MB':>10}"
          f"{'ratio':>8}{'cpu rat':>8}")
    code_script = work / "code_only.py"  # a file, not -c: spawned workers re-import the main module
    code_script.write_text(CHILD_CODE, encoding="utf-8")
    for workers in [int(w) for w in args.workers.split(",")]:
        runs: dict[str, list[tuple[float, float, int]]] = {"bare": [], "code": [], "ingest": []}
        summary = ""
        # Interleaved repeats: on a shared machine, load drifts; each kind sees the same drift.
        for attempt in range(args.repeat):
            runs["bare"].append(measure([sys.executable, "-c", CHILD_BARE, str(subset), str(workers)])[:3])
            runs["code"].append(measure([sys.executable, str(code_script), str(subset), str(workers)])[:3])
            db = work / f"w{workers}-{attempt}.duckdb"
            cmd = [sys.executable, "-m", "eventwire", "ingest", str(subset), "--db", str(db)]
            cmd += ["--workers", str(workers)]
            wall, cpu, rss, log = measure(cmd)
            runs["ingest"].append((wall, cpu, rss))
            summary = next((line for line in log.splitlines() if " run " in line and "stored" in line), "")
            db.unlink(missing_ok=True)
        bare_wall = statistics.median(r[0] for r in runs["bare"])
        bare_cpu = statistics.median(r[1] for r in runs["bare"])
        for label, key in (
            ("bare spaCy nlp.pipe", "bare"),
            ("coding only (engine)", "code"),
            ("eventwire ingest", "ingest"),
        ):
            wall = statistics.median(r[0] for r in runs[key])
            cpu = statistics.median(r[1] for r in runs[key])
            rss = max(r[2] for r in runs[key])
            ratios = ("", "") if key == "bare" else (f"{bare_wall / wall:.2f}", f"{bare_cpu / cpu:.2f}")
            print(
                f"{label:<22}{workers:>8}{wall:>9.1f}{cpu:>8.1f}{n / wall:>9.1f}{text_bytes / 1e6 / wall:>8.3f}"
                f"{rss / 1e6:>10.0f}{ratios[0]:>8}{ratios[1]:>8}"
            )
        print(f"  {summary.strip()}")
    print(f"load average after: {os.getloadavg()[0]:.2f}")

if __name__ == "__main__":
    main()
