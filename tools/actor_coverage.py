"""How often the actor resolver finds the gold actor texts of a PLOVER gold file (issue 4).

For each gold row (columns sentence, marked_sentence, source, target), the sentence is parsed with the
pinned spaCy pipeline and `DocumentActors.mentions()` is run over it. A gold text is *covered* when a
mention overlaps it (any shared character); *accepted* when `is_actor()` on the gold span itself is true;
*resolved* when resolving the gold span gives a country. The first 70% of rows (by row order) are the
tuning part, the last 30% are held out: the two are reported separately.

    .venv/bin/python tools/actor_coverage.py ../shared/data/gold/plv_train.tsv [--misses N] [--part tune|held]
"""

from __future__ import annotations

import argparse
import csv
import re
import sys
from pathlib import Path

TAG_RE = re.compile(r"</?[st]>")


def gold_rows(path: Path) -> list[dict[str, str]]:
    csv.field_size_limit(sys.maxsize)
    with path.open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh, delimiter="\t"))


def marked_offsets(marked: str, tag: str) -> tuple[str, int, int] | None:
    """The plain sentence and the (start, end) of the <tag>...</tag> text in it."""
    plain, spans, pos, open_at = [], {}, 0, {}
    for piece in re.split(r"(</?[st]>)", marked):
        if TAG_RE.fullmatch(piece):
            name = piece.strip("</>")
            if piece.startswith("</"):
                spans[name] = (open_at.pop(name, pos), pos)
            else:
                open_at[name] = pos
            continue
        plain.append(piece)
        pos += len(piece)
    if tag not in spans:
        return None
    return "".join(plain), spans[tag][0], spans[tag][1]


def measure(rows: list[dict[str, str]], nlp, resolver, *, misses: int = 0) -> dict[str, float]:
    counts = {"texts": 0, "covered": 0, "accepted": 0, "resolved": 0}
    shown = 0
    items = []
    for row in rows:
        marked = row.get("marked_sentence") or ""
        for role in ("s", "t"):
            got = marked_offsets(marked, role)
            if got is not None and got[2] > got[1]:
                items.append((got[0], got[1], got[2], role))
    texts = sorted({i[0] for i in items})
    docs = dict(zip(texts, nlp.pipe(texts, batch_size=64), strict=True))
    for text, start, end, role in items:
        doc = docs[text]
        actors = resolver.for_document(doc)
        found = [span for sent in doc.sents for span, _ in actors.mentions(sent)]
        counts["texts"] += 1
        covered = any(s.start_char < end and start < s.end_char for s in found)
        counts["covered"] += covered
        gold_span = doc.char_span(start, end, alignment_mode="expand")
        if gold_span is not None and len(gold_span):
            counts["accepted"] += actors.is_actor(gold_span)
            counts["resolved"] += actors.resolve(gold_span).country is not None
        if not covered and shown < misses:
            shown += 1
            print(f"MISS {role} {text[start:end]!r} | mentions: {[s.text for s in found]}")
    n = max(counts["texts"], 1)
    return {k: (v / n if k != "texts" else v) for k, v in counts.items()}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("gold", type=Path, help="the gold TSV, e.g. ../shared/data/gold/plv_train.tsv")
    parser.add_argument("--misses", type=int, default=0, help="print up to N uncovered gold texts")
    parser.add_argument("--part", choices=("tune", "held", "both"), default="both")
    args = parser.parse_args()
    if not args.gold.exists():
        print(f"no gold file at {args.gold}: nothing to measure", file=sys.stderr)
        sys.exit(0)
    from eventwire.actors import ActorResolver
    from eventwire.nlp import load_nlp

    rows = gold_rows(args.gold)
    cut = int(len(rows) * 0.7)
    parts = {"tune": rows[:cut], "held": rows[cut:]}
    nlp, resolver = load_nlp(), ActorResolver.load()
    for name, part in parts.items():
        if args.part not in (name, "both"):
            continue
        r = measure(part, nlp, resolver, misses=args.misses)
        print(f"{name:5} rows {len(part):4}  gold texts {r['texts']:4}"
              f"  covered by a mention {r['covered']:.3f}"
              f"  gold span is_actor {r['accepted']:.3f}  gold span gets a country {r['resolved']:.3f}")


if __name__ == "__main__":
    main()
