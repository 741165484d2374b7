"""The baseline for whole-process comparisons: read the same input as `eventwire code` and run bare spaCy
`nlp.pipe` over the same texts (same pinned pipeline, same batch size, one process), writing nothing.

Usage: .venv/bin/python bench/bare_spacy.py ARTICLES.jsonl
Compare with: .venv/bin/eventwire code ARTICLES.jsonl --format jsonl > /dev/null
(e.g. a 300-article slice: head -n 300 ../shared/data/corpora/reuters21578.jsonl > /tmp/r300.jsonl)
"""

from __future__ import annotations

import argparse
import sys

from eventwire.errors import InputError
from eventwire.ingest import read_inputs
from eventwire.nlp import load_nlp


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("inputs", nargs="*", help="files as for `eventwire code`")
    args = parser.parse_args()
    if not args.inputs:
        print("bare_spacy: give an input file (see --help); nothing to do")
        return 0
    nlp = load_nlp()
    texts = (a.text for a in read_inputs(args.inputs) if not isinstance(a, InputError))
    tokens = sum(len(doc) for doc in nlp.pipe(texts, batch_size=32))
    print(f"bare spaCy: {tokens} tokens", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
