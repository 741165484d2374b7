"""Precision on real news: sample coded events for hand judgement, then score the judged sample.

    .venv/bin/python bench/precision_sample.py CORPUS.jsonl --limit 249 --sample 150 --seed 1 --out S.tsv
    .venv/bin/python bench/precision_sample.py --score S.tsv
    .venv/bin/python bench/precision_sample.py CORPUS.jsonl --limit 249 --score S.tsv --by-confidence

The gold sets hold an event in every sentence, so they cannot show false events; wire copy can. The first
mode codes the first --limit articles of a JSONL corpus and writes --sample PLOVER-typed events (all coded
events with --all-codes) as a TSV with empty `verdict` and `note` columns. Each event is drawn by a seeded
hash of its stable event id, not by position, so after a pattern change the same seed draws the same events
wherever they survive, and --carry OLD.tsv copies the verdicts of unchanged events: only the new ones need a
fresh judgement. Verdicts: ok, wrong_type, wrong_actor, not_event. The --score mode prints precision (ok /
judged) overall, per rule family (the CAMEO root of the coded event) and per PLOVER type, each with a
Wilson 95% interval. Keep judged files outside the repository: they quote the corpus.
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import math
import sys
from collections import defaultdict
from pathlib import Path

COLUMNS = ["event_id", "cameo", "plover", "source", "target", "trigger", "rule", "sentence", "verdict", "note"]
VERDICTS = ("ok", "wrong_type", "wrong_actor", "not_event")


def wilson(ok: int, n: int, z: float = 1.96) -> tuple[float, float]:
    if n == 0:
        return 0.0, 0.0
    p = ok / n
    denom = 1 + z * z / n
    centre = (p + z * z / (2 * n)) / denom
    half = z * math.sqrt(p * (1 - p) / n + z * z / (4 * n * n)) / denom
    return max(0.0, centre - half), min(1.0, centre + half)


def clean(text: str | None) -> str:
    return " ".join((text or "").split())  # one TSV line per event


def source_text(actor) -> str:
    """The source as the judge sees it: an unknown attacker (a weapon's phrase standing in) says so."""
    text = clean(actor.text)
    return f"{text} ({actor.name})" if actor.basis == "instrument" and actor.name else actor_text(actor)


def actor_text(actor) -> str:
    """The words with whom they were resolved to, so the judge judges the actor the event names:
    "Reagan's plan [Ronald Reagan USAGOV]", "Harlow [Harlow Pumps BUS]"."""
    if actor is None:
        return ""
    text = clean(actor.text)
    known = " ".join(x for x in (actor.name, actor.code or actor.sector) if x and x.lower() not in text.lower())
    return f"{text} [{known}]" if known else text


def coded_events(corpus: Path, limit: int, all_codes: bool):
    from itertools import islice

    from eventwire.ingest import read_inputs
    from eventwire.model import Article
    from eventwire.pipeline import code_articles

    articles = (a for a in read_inputs([corpus]) if isinstance(a, Article))
    for _article, events in code_articles(islice(articles, limit)):
        yield from (e for e in events if all_codes or e.plover)


def draw(events: list, k: int, seed: int) -> list:
    """The k events whose seeded hash is smallest, in corpus order."""
    rank = {e.event_id: hashlib.sha1(f"{seed}:{e.event_id}".encode()).hexdigest() for e in events}
    chosen = set(sorted(rank, key=rank.__getitem__)[:k])
    return [e for e in events if e.event_id in chosen]


def read_judged(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f, delimiter="\t"))


def write_sample(args: argparse.Namespace) -> int:
    events = list(coded_events(args.corpus, args.limit, args.all_codes))
    sample = draw(events, args.sample, args.seed)
    carried = {r["event_id"]: r for r in read_judged(args.carry)} if args.carry else {}
    with args.out.open("w", encoding="utf-8", newline="") as f:
        out = csv.writer(f, delimiter="\t", lineterminator="\n")
        out.writerow(COLUMNS)
        for e in sample:
            old = carried.get(e.event_id, {})
            row = [e.event_id, e.cameo, e.plover or "", source_text(e.source), actor_text(e.target)]
            row += [e.evidence.trigger, e.rule, clean(e.evidence.text), old.get("verdict", ""), old.get("note", "")]
            out.writerow(row)
    fresh = sum(1 for e in sample if e.event_id not in carried)
    print(f"{len(events)} events coded in the first {args.limit} articles; {len(sample)} sampled -> {args.out}")
    if args.carry:
        print(f"{fresh} need a verdict ({len(sample) - fresh} carried from {args.carry})")
    return 0


def line(label: str, verdicts: list[str]) -> str:
    ok = verdicts.count("ok")
    lo, hi = wilson(ok, len(verdicts))
    kinds = " ".join(f"{v}={verdicts.count(v)}" for v in VERDICTS[1:] if verdicts.count(v))
    return f"{label:<16} {ok:>4}/{len(verdicts):<4} {ok / len(verdicts):.3f}  [{lo:.3f}, {hi:.3f}]  {kinds}"


def score(path: Path) -> int:
    rows = [r for r in read_judged(path) if r.get("verdict", "").strip()]
    bad = {r["verdict"] for r in rows} - set(VERDICTS)
    if bad or not rows:
        print(f"no verdicts, or unknown ones: {sorted(bad)} (use {', '.join(VERDICTS)})", file=sys.stderr)
        return 1
    print(f"{'':<16} {'ok/judged':>9}  prec.  Wilson 95%      errors")
    print(line("all", [r["verdict"] for r in rows]))
    for title, key in (("family", lambda r: "cameo " + r["cameo"][:2]), ("plover", lambda r: r["plover"] or "-")):
        groups: dict[str, list[str]] = defaultdict(list)
        for r in rows:
            groups[key(r)].append(r["verdict"])
        print(f"-- by {title}")
        for name in sorted(groups):
            print(line(name, groups[name]))
    return 0


CONFIDENCE_BANDS = (0.95, 0.85, 0.75, 0.6, 0.0)


def score_by_confidence(path: Path, corpus: Path, limit: int) -> int:
    """Precision per band of the coder's confidence: the judged events matched by id to a fresh coding of the
    corpus they were drawn from (events the code no longer makes are left out)."""
    coded = {e.event_id: e for e in coded_events(corpus, limit, all_codes=True)}
    groups: dict[str, list[str]] = defaultdict(list)
    for r in read_judged(path):
        e = coded.get(r["event_id"])
        if e is None or not r.get("verdict", "").strip():
            continue
        band = next(b for b in CONFIDENCE_BANDS if e.confidence >= b)
        groups[f"conf >= {band:.2f}"].append(r["verdict"])
        groups["with target" if e.target is not None else "without target"].append(r["verdict"])
    print(f"{'':<16} {'ok/judged':>9}  prec.  Wilson 95%      errors")
    for name in sorted(groups, reverse=True):
        print(line(name, groups[name]))
    return 0


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("corpus", type=Path, nargs="?")
    ap.add_argument("--limit", type=int, default=249, help="code the first N articles")
    ap.add_argument("--sample", type=int, default=150, help="events to draw")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--out", type=Path, help="TSV to write (keep it outside the repository)")
    ap.add_argument("--carry", type=Path, help="a judged TSV whose verdicts carry over to unchanged events")
    ap.add_argument("--all-codes", action="store_true", help="also sample events without a PLOVER type")
    ap.add_argument("--score", type=Path, help="score a judged TSV instead of sampling")
    ap.add_argument("--by-confidence", action="store_true",
                    help="with --score and CORPUS (--limit as drawn): precision per band of the coder's confidence")
    args = ap.parse_args()
    if args.score and args.by_confidence:
        if args.corpus is None:
            ap.error("--by-confidence needs the CORPUS the sample was drawn from")
        return score_by_confidence(args.score, args.corpus, args.limit)
    if args.score:
        return score(args.score)
    if args.corpus is None or args.out is None:
        ap.error("give CORPUS and --out, or --score FILE")
    if not args.corpus.exists():
        print(f"skipped: no corpus at {args.corpus}")
        return 0
    return write_sample(args)


if __name__ == "__main__":
    sys.exit(main())
