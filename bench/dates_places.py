"""How often events get a date from the text and a location (issue 5). Prints figures; asserts nothing.

    .venv/bin/python bench/dates_places.py [--corpus ../shared/data/corpora/reuters21578.jsonl] [--limit 500]

For each article it runs the pinned spaCy pipeline. If `eventwire.pipeline.code_article` works, the
figures are over its real events; otherwise (or with --triggers root) every sentence's ROOT verb stands in
for an event trigger, with the article's dateline as the location fallback.
"""

from __future__ import annotations

import argparse
import collections
import datetime as dt
import json
import sys
import time
from pathlib import Path

# ../shared/data/corpora/reuters21578.jsonl, relative to the repository root.
DEFAULT_CORPUS = Path(__file__).resolve().parents[2] / "shared" / "data" / "corpora" / "reuters21578.jsonl"


def read_corpus(path: Path, limit: int):
    with path.open(encoding="utf-8") as fh:
        for n, line in enumerate(fh):
            if n >= limit:
                return
            try:
                rec = json.loads(line)
            except ValueError:
                continue
            if isinstance(rec, dict) and rec.get("text"):
                yield rec


def _published(rec: dict) -> dt.date | None:
    try:
        return dt.date.fromisoformat(str(rec.get("date"))[:10])
    except ValueError:
        return None


def _pipeline_coder():
    """code_doc from the pipeline if it exists and runs, else None."""
    try:
        from eventwire.model import Article
        from eventwire.pipeline import code_doc, default_resources

        resources = default_resources()
        probe = Article(id="probe", text="Russia attacked Ukraine on Saturday.", date=dt.date(2024, 3, 5))
        code_doc(probe, resources.nlp(probe.text), resources)
        return code_doc, resources, Article
    except Exception as exc:  # the bench falls back to ROOT verbs whatever went wrong upstream
        print(f"pipeline not usable ({type(exc).__name__}: {exc}); using sentence ROOT verbs as triggers")
        return None


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--limit", type=int, default=500, help="articles to read (default 500)")
    parser.add_argument("--triggers", choices=("auto", "root"), default="auto")
    args = parser.parse_args()
    if not args.corpus.exists():
        print(f"corpus not found: {args.corpus} (pass --corpus PATH); skipping")
        return 0

    from eventwire.dates import event_date
    from eventwire.nlp import load_nlp
    from eventwire.places import Gazetteer, parse_dateline

    t0 = time.perf_counter()
    nlp = load_nlp()
    gazetteer = Gazetteer.load()
    load_s = time.perf_counter() - t0
    coder = _pipeline_coder() if args.triggers == "auto" else None
    mode = "pipeline events" if coder else "sentence ROOT verbs"

    counts: collections.Counter[str] = collections.Counter()
    precision: collections.Counter[str] = collections.Counter()
    expressions: collections.Counter[str] = collections.Counter()
    places: collections.Counter[str] = collections.Counter()
    parse_s = resolve_s = 0.0
    articles = 0
    records = list(read_corpus(args.corpus, args.limit))
    texts = ((rec["text"], rec) for rec in records)
    t_parse = time.perf_counter()
    for doc, rec in nlp.pipe(texts, as_tuples=True, batch_size=32):
        parse_s += time.perf_counter() - t_parse
        articles += 1
        published = _published(rec)
        t1 = time.perf_counter()
        if coder:
            code_doc, resources, article_cls = coder
            article = article_cls(id=str(rec.get("id")), text=rec["text"], date=published)
            outcomes = [
                (ev.date_basis, ev.date_precision, None, ev.location, ev.location_basis)
                for ev in code_doc(article, doc, resources)
            ]
            # The corpus keeps datelines out of the text, so the pipeline cannot see them: count what
            # the corpus's own dateline field would add as a fallback.
            field = parse_dateline(rec.get("dateline") or "")
            if field and gazetteer.resolve(field.partition(",")[0]) is not None:
                counts["dateline_field_would_locate"] += sum(1 for o in outcomes if o[3] is None)
        else:
            dateline = rec.get("dateline") or parse_dateline(rec["text"][:200])
            cache: dict = {}
            outcomes = []
            for sent in doc.sents:
                root = sent.root
                if root.pos_ not in ("VERB", "AUX"):
                    continue
                trigger = doc[root.i : root.i + 1]
                when = event_date(sent, trigger, published, doc_date_cache=cache)
                where, basis = gazetteer.event_location(sent, trigger, dateline=dateline)
                outcomes.append((when.basis, when.precision, when.expression, where, basis))
        resolve_s += time.perf_counter() - t1
        for date_basis, prec, expression, where, basis in outcomes:
            counts["events"] += 1
            counts[f"date_{date_basis}"] += 1
            if date_basis == "text":
                precision[prec or "none"] += 1
                if expression:
                    expressions[expression.lower()] += 1
            counts[f"location_{basis}"] += 1
            if where is not None and basis == "text":
                places[f"{where.name} ({where.country})"] += 1
        t_parse = time.perf_counter()

    n = counts["events"] or 1
    print(f"corpus: {args.corpus} | articles: {articles} | triggers: {mode} | events: {counts['events']}")
    print(f"date from text:        {counts['date_text'] / n:6.1%}  ({counts['date_text']})")
    print(f"date from publication: {counts['date_publication'] / n:6.1%}  ({counts['date_publication']})")
    print(f"date unknown:          {counts['date_unknown'] / n:6.1%}  ({counts['date_unknown']})")
    print(f"  text-date precision: {dict(precision.most_common())}")
    print(f"location from text:    {counts['location_text'] / n:6.1%}  ({counts['location_text']})")
    print(f"location from dateline:{counts['location_dateline'] / n:6.1%}  ({counts['location_dateline']})")
    located = counts["location_text"] + counts["location_dateline"]
    print(f"location, any basis:   {located / n:6.1%}  ({located})")
    if coder:
        extra = counts["dateline_field_would_locate"]
        print(f"  + corpus dateline field as fallback: {(located + extra) / n:6.1%}  (+{extra})")
    if expressions:
        print(f"  commonest date expressions: {expressions.most_common(12)}")
    print(f"  commonest text locations: {places.most_common(12)}")
    print(
        f"time: load {load_s:.1f}s, parse {parse_s:.1f}s, dates+places {resolve_s:.2f}s "
        f"({1000 * resolve_s / max(counts['events'], 1):.2f} ms/event)"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
