"""Throughput of the event coder against bare spaCy, on the same texts in one run.

    .venv/bin/python bench/coder_throughput.py ../shared/data/corpora/reuters21578.jsonl --limit 2000

Three passes over the same articles, one process each (the coder adds no processes of its own):
  bare       nlp.pipe(texts)                                   - the baseline
  coded      nlp.pipe(texts) + actors + EventCoder.code        - parse everything, then code
  prefilter  EventCoder.candidate_sentences(text) -> parse only those sentences, then code
and prints articles/s, characters/s and each ratio to bare spaCy (the issue's target is >= 0.8).
Timings are printed, never asserted.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path


def read_texts(path: Path, limit: int) -> list[str]:
    texts = []
    with path.open(encoding="utf-8") as f:
        for line in f:
            if len(texts) >= limit:
                break
            rec = json.loads(line)
            text = (rec.get("text") or "").strip()
            if text:
                texts.append(text)
    return texts


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("corpus", type=Path, help="JSON lines with a 'text' field (e.g. reuters21578.jsonl)")
    parser.add_argument("--limit", type=int, default=1000, help="articles to use (default 1000)")
    parser.add_argument("--batch-size", type=int, default=64)
    args = parser.parse_args()
    if not args.corpus.exists():
        print(f"corpus not found: {args.corpus} (shared data is not in the repository)", file=sys.stderr)
        return 2

    from eventwire.actors import ActorResolver
    from eventwire.coding import EventCoder
    from eventwire.nlp import load_nlp

    texts = read_texts(args.corpus, args.limit)
    chars = sum(len(t) for t in texts)
    nlp = load_nlp()
    coder = EventCoder.load()
    resolver = ActorResolver.load()
    list(nlp.pipe(texts[:20]))  # warm up (first-call allocations)

    t0 = time.perf_counter()
    for _doc in nlp.pipe(texts, batch_size=args.batch_size):
        pass
    bare = time.perf_counter() - t0

    t0 = time.perf_counter()
    n_coded = 0
    for doc in nlp.pipe(texts, batch_size=args.batch_size):
        n_coded += len(coder.code(doc, resolver.for_document(doc)))
    coded = time.perf_counter() - t0

    t0 = time.perf_counter()
    pieces: list[tuple[str, int]] = []
    for i, text in enumerate(texts):
        pieces.extend((text[a:b], i) for a, b in coder.candidate_sentences(text))
    n_pre = 0
    for doc, _i in nlp.pipe(pieces, batch_size=args.batch_size * 4, as_tuples=True):
        n_pre += len(coder.code(doc, resolver.for_document(doc)))
    pre = time.perf_counter() - t0
    kept = sum(len(p) for p, _ in pieces)

    print(f"articles: {len(texts)}  characters: {chars:,}  (one process, batch size {args.batch_size})")
    runs = (("bare spaCy", bare, None), ("coded", coded, n_coded), ("prefilter", pre, n_pre))
    for name, secs, events in runs:
        line = f"{name:<11} {secs:8.2f}s  {len(texts) / secs:8.1f} articles/s  {chars / secs:10,.0f} chars/s"
        if events is not None:
            line += f"  events {events:6d}  ratio to bare {bare / secs:5.2f}"
        print(line)
    print(f"prefilter kept {kept / chars:.1%} of the characters ({len(pieces)} sentences)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
