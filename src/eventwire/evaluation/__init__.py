"""Evaluation of the coder against gold data: `evaluate(gold_path, split=...) -> EvalReport`.

    from eventwire.evaluation import evaluate, format_report
    report = evaluate("../shared/data/gold/plv_train.tsv", split="heldout")
    print(format_report(report))

The CLI twin is `eventwire eval GOLD [--errors] [--split all|tune|heldout]`.
"""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any

from .gold import LABEL_QUAD, SPLITS, GoldRecord, label_types, read_gold
from .report import format_report
from .scoring import EvalReport, ScoredEvent, score

__all__ = ["SPLITS", "EvalReport", "GoldRecord", "ScoredEvent", "evaluate", "format_report", "read_gold"]


def evaluate(
    gold_path: str | Path,
    *,
    split: str = "all",
    coder: Any = None,
    resolver: Any = None,
    nlp: Any = None,
    ontology: Any = None,
    batch_size: int = 64,
) -> EvalReport:
    """Code every gold sentence with the real pipeline stages (spaCy, actors, coder) and score the events.

    `coder`, `resolver` (an ActorResolver), `nlp` and `ontology` default to the bundled ones.
    Raises GoldFileError for an unreadable gold file.
    """
    from eventwire.actors import ActorResolver
    from eventwire.coding import EventCoder
    from eventwire.nlp import load_nlp
    from eventwire.ontology import load_ontology

    records = read_gold(gold_path, split=split)
    coder = coder or EventCoder.load()
    resolver = resolver or ActorResolver.load()
    nlp = nlp or load_nlp()
    ontology = ontology or load_ontology()
    quad_of_type = {name: t.quad_class for name, t in ontology.plover.items()}
    quad_of_label: dict[str, int] = {}
    for rec in records:
        quads = {quad_of_type.get(t) for t in label_types(rec.label)} - {None}
        if len(quads) == 1:
            quad_of_label[rec.label] = quads.pop()
        elif rec.label in LABEL_QUAD:
            quad_of_label[rec.label] = LABEL_QUAD[rec.label]
    for name, quad in quad_of_type.items():
        quad_of_label.setdefault(name, quad)

    started = time.perf_counter()
    pairs: list[tuple[GoldRecord, list[ScoredEvent]]] = []
    for rec, doc in zip(records, nlp.pipe((r.text for r in records), batch_size=batch_size), strict=True):
        actors = resolver.for_document(doc)
        events = []
        for cand in coder.code(doc, actors):
            code = ontology.for_cameo(cand.cameo)
            events.append(
                ScoredEvent(
                    plover=code.plover,
                    quad_class=quad_of_type.get(code.plover) if code.plover else None,
                    cameo=cand.cameo,
                    source=cand.source.text,
                    target=cand.target.text if cand.target else None,
                    confidence=cand.confidence,
                    rule=cand.rule,
                )
            )
        pairs.append((rec, events))
    report = score(pairs, quad_of_label=quad_of_label, gold_path=str(gold_path), split=split)
    report.seconds = time.perf_counter() - started
    return report
