"""Does the learned fallback help? The gold evaluation with and without it, on the tune and held-out splits.

Runs `eventwire.evaluation.evaluate` (the real spaCy pipeline, actor resolver and rule coder) twice per
split: once with the rule coder alone, once with the rule coder plus `fallback_candidates` for the
sentences it leaves empty. Each text is parsed once and shared by both runs. Also prints how many events
the fallback added and how many of them have the gold type, and the typer's speed on CPU.

    .venv/bin/python tools/eval_learned.py ../shared/data/gold/plv_train.tsv [--splits tune heldout]
        [--thresholds 0.3 0.4 0.5 0.6]   # a sweep: choose the threshold on the tune split only
    .venv/bin/python tools/eval_learned.py --corpus ../shared/data/corpora/reuters21578.jsonl --limit 200
        [--show 20]   # ordinary news (most sentences hold no event): how often does the fallback fire?
    .venv/bin/python tools/eval_learned.py --speed   # the typer alone on our examples: load, 1 and 64 a call
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path
from typing import Any

from eventwire.actors import ActorResolver
from eventwire.coding import EventCoder
from eventwire.evaluation import evaluate, read_gold
from eventwire.evaluation.gold import label_types
from eventwire.learned import LearnedTyper, fallback_candidates
from eventwire.learned.fallback import RULE
from eventwire.nlp import load_nlp
from eventwire.ontology import load_ontology

METRICS = (
    ("sentences with any event", "any_event_share"),
    ("type recall", "type_recall"),
    ("event precision", "event_precision"),
    ("actor-matched type accuracy", "matched_type_accuracy"),
    ("quad-class accuracy", "quad_accuracy"),
)


class ParseOnce:
    """An nlp stand-in for `evaluate` that parses each text once and hands back the same Doc later."""

    def __init__(self, nlp: Any):
        self.nlp = nlp
        self.docs: dict[str, Any] = {}

    def pipe(self, texts: Any, *, batch_size: int = 64) -> Any:
        texts = list(texts)
        new = [t for t in dict.fromkeys(texts) if t not in self.docs]
        self.docs.update(zip(new, self.nlp.pipe(new, batch_size=batch_size), strict=True))
        return (self.docs[t] for t in texts)


class TypeOnce:
    """The typer with its probabilities remembered per sentence, so a threshold sweep embeds once."""

    def __init__(self, typer: LearnedTyper, threshold: float):
        self.typer = typer
        self.threshold = threshold
        self.cache: dict[str, Any] = {}
        self.seconds = 0.0
        self.embedded = 0

    def predict(self, sentences: list[str]) -> list[Any]:
        new = [s for s in dict.fromkeys(sentences) if s not in self.cache]
        if new:
            started = time.perf_counter()
            for s, p in zip(new, self.typer.predict(new, threshold=0.0), strict=True):
                self.cache[s] = p
            self.seconds += time.perf_counter() - started
            self.embedded += len(new)
        out = []
        for s in sentences:
            label, code, score = self.cache[s]
            out.append((label, code, score) if label and score >= self.threshold else (None, None, score))
        return out


class FallbackCoder:
    """The rule coder, then the learned fallback on the sentences it left empty."""

    def __init__(self, coder: EventCoder, typer: Any):
        self.coder = coder
        self.typer = typer
        self.added: list[tuple[str, str]] = []  # (document text, CAMEO) of each learned event

    def code(self, doc: Any, actors: Any) -> list[Any]:
        rule = self.coder.code(doc, actors)
        extra = fallback_candidates(doc, actors, rule, self.typer)
        self.added.extend((doc.text, c.cameo) for c in extra if c.rule == RULE)
        return rule + extra


def corpus_rates(path: Path, *, limit: int, show: int, threshold: float | None) -> None:
    """Code the first `limit` articles of a JSON-lines corpus with rules and with the fallback, and say how
    many sentences each codes. The gold file has an event in every sentence; real news does not."""
    import json
    from collections import Counter

    texts = []
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            text = json.loads(line).get("text") or ""
            if text.strip():
                texts.append(text)
            if len(texts) >= limit:
                break
    nlp, coder, resolver, typer = load_nlp(), EventCoder.load(), ActorResolver.load(), LearnedTyper.load()
    if threshold is not None:
        typer.threshold = threshold
    sentences = rule_sents = 0
    learned: list[Any] = []
    started = time.perf_counter()
    fallback_seconds = 0.0
    for doc in nlp.pipe(texts, batch_size=32):
        actors = resolver.for_document(doc)
        rule = coder.code(doc, actors)
        sentences += len(list(doc.sents))
        rule_sents += len({c.sentence for c in rule})
        before = time.perf_counter()
        learned.extend(fallback_candidates(doc, actors, rule, typer))
        fallback_seconds += time.perf_counter() - before
    total = time.perf_counter() - started
    onto = load_ontology()
    kinds = Counter(onto.for_cameo(c.cameo).plover for c in learned)
    print(f"threshold {typer.threshold}: {len(texts)} articles, {sentences} sentences: "
          f"rules code {rule_sents} sentences "
          f"({rule_sents / sentences:.1%}); the fallback adds events to {len(learned)} more "
          f"({len(learned) / sentences:.1%})")
    print(f"time: {total:.1f} s in all (spaCy, actors, rules, fallback), of which the fallback "
          f"{fallback_seconds:.1f} s ({fallback_seconds / total:.0%}); one typer call per document")
    print("learned types: " + ", ".join(f"{k} {v}" for k, v in kinds.most_common()))
    step = max(1, len(learned) // show) if show else 0
    for c in learned[::step][:show] if step else []:
        text = " ".join(c.sent.text.split())
        print(f"  {onto.for_cameo(c.cameo).plover:<10} {c.confidence:.2f} {c.source.text!r} -> "
              f"{c.target.text if c.target else None!r}: {text[:160]}")


def typer_speed() -> None:
    from eventwire.learned.examples import load_examples

    started = time.perf_counter()
    typer = LearnedTyper.load()
    print(f"load: {time.perf_counter() - started:.1f} s")
    texts = [ex.text for ex in load_examples()]
    typer.predict(texts[:8])  # the first call pays torch's warm-up
    started = time.perf_counter()
    for text in texts[:100]:
        typer.predict([text])
    print(f"one sentence a call: {100 / (time.perf_counter() - started):.1f} sentences/s")
    started = time.perf_counter()
    typer.predict(texts)
    print(f"batches of 64: {len(texts) / (time.perf_counter() - started):.1f} sentences/s ({len(texts)} sentences)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("gold", type=Path, nargs="?")
    parser.add_argument("--corpus", type=Path, help="a JSON-lines corpus with a text field, instead of gold")
    parser.add_argument("--speed", action="store_true", help="time the typer alone on our examples")
    parser.add_argument("--limit", type=int, default=200, help="articles of --corpus to code")
    parser.add_argument("--show", type=int, default=20, help="learned events of --corpus to print")
    parser.add_argument("--splits", nargs="+", default=["tune", "heldout"], choices=["all", "tune", "heldout"])
    parser.add_argument("--thresholds", nargs="+", type=float, default=None,
                        help="abstain thresholds to compare (default: the typer's own)")
    args = parser.parse_args()
    if args.speed:
        typer_speed()
        return
    if args.corpus:
        corpus_rates(args.corpus, limit=args.limit, show=args.show,
                     threshold=args.thresholds[0] if args.thresholds else None)
        return
    if args.gold is None:
        parser.error("give a GOLD file or --corpus")

    nlp, coder, resolver, onto = ParseOnce(load_nlp()), EventCoder.load(), ActorResolver.load(), load_ontology()
    typer = LearnedTyper.load()
    thresholds = args.thresholds or [typer.threshold]
    cached = TypeOnce(typer, thresholds[0])
    for split in args.splits:
        gold = {r.text.strip(): r.types for r in read_gold(args.gold, split=split)}
        base = evaluate(args.gold, split=split, coder=coder, resolver=resolver, nlp=nlp, ontology=onto)
        print(f"\n== split {split} ({base.sentences} sentences) ==")
        header = f"{'metric':<30} {'rules':>7}" + "".join(f" {'+learned@' + str(t):>14}" for t in thresholds)
        print(header)
        rows = {name: [getattr(base, attr)] for name, attr in METRICS}
        added_rows = []
        for t in thresholds:
            cached.threshold = t
            wrapped = FallbackCoder(coder, cached)
            rep = evaluate(args.gold, split=split, coder=wrapped, resolver=resolver, nlp=nlp, ontology=onto)
            for name, attr in METRICS:
                rows[name].append(getattr(rep, attr))
            right = sum(1 for text, cameo in wrapped.added
                        if onto.for_cameo(cameo).plover in gold.get(text.strip(), frozenset()))
            added_rows.append(f"{right}/{len(wrapped.added)}")
        for name, values in rows.items():
            print(f"{name:<30} {values[0]:>7.3f}" + "".join(f" {v:>14.3f}" for v in values[1:]))
        print(f"{'learned events (right type)':<30} {'':>7}" + "".join(f" {a:>14}" for a in added_rows))
    print(f"\nlabel types checked against: {sorted(label_types('YIELD'))} for YIELD")
    if cached.embedded:
        rate = cached.embedded / cached.seconds
        print(f"typer speed: {cached.embedded} sentences in {cached.seconds:.1f} s = {rate:.1f} sentences/s "
              "(CPU, batched per document as the pipeline would call it)")
    started = time.perf_counter()
    texts = list(gold)[:256]
    typer.predict(texts)
    seconds = time.perf_counter() - started
    print(f"typer speed, batches of 64: {len(texts)} sentences in {seconds:.1f} s = {len(texts) / seconds:.1f} "
          "sentences/s (CPU)")


if __name__ == "__main__":
    main()
