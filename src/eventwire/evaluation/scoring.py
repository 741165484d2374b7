"""Scores of coded events against gold sentences (one gold event per sentence).

Definitions (docs/coder.md):
- events: coded events that have a PLOVER type (CAMEO 01 and 02 have none and are not scored);
- any-event share: gold sentences with at least one event;
- type recall: gold sentences where some event has the gold type;
- event precision: events whose type is the sentence's gold type / all events;
- actor-matched event: the event whose source and target texts best overlap the gold actor texts (ties:
  higher confidence, then first); type accuracy and quad-class accuracy are over ALL gold sentences (a
  sentence with no event counts as wrong) and, separately, over those with an event;
- actor overlap: matched events whose source overlaps the gold source and target the gold target (a side
  with no gold actor text, or only the PLV placeholder 'a recipient', passes);
- per type: sentence-level precision, recall and F1.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from .gold import NONE_LABEL, GoldRecord, label_of_type

STOP = {"the", "a", "an", "of", "'s", "’s", "s", "and", "in", "on", "for", "to", "its", "their", "his", "her"}
WORD = re.compile(r"\w+")


@dataclass(frozen=True, slots=True)
class ScoredEvent:
    plover: str | None
    quad_class: int | None
    cameo: str
    source: str
    target: str | None
    confidence: float
    rule: str


@dataclass(slots=True)
class TypeScore:
    label: str
    gold: int = 0
    predicted: int = 0
    correct: int = 0

    @property
    def precision(self) -> float:
        return self.correct / self.predicted if self.predicted else 0.0

    @property
    def recall(self) -> float:
        return self.correct / self.gold if self.gold else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


@dataclass(slots=True)
class Miss:
    record: GoldRecord
    events: list[ScoredEvent]
    matched: ScoredEvent | None
    kind: str  # 'no event', 'wrong type', 'type elsewhere', 'false event'


@dataclass(slots=True)
class EvalReport:
    gold_path: str
    split: str
    sentences: int = 0
    with_event: int = 0
    type_hits: int = 0
    events: int = 0
    correct_events: int = 0
    matched_correct: int = 0
    matched_quad_correct: int = 0
    matched_actor_overlap: int = 0
    unscored_events: int = 0
    # Records that report no event ("none"): the share of them given an event is the false-alarm rate.
    none_sentences: int = 0
    none_with_event: int = 0
    per_type: dict[str, TypeScore] = field(default_factory=dict)
    misses: list[Miss] = field(default_factory=list)
    # Matched events whose actors miss the gold actors (issue 4's metric), for study with --errors.
    actor_misses: list[Miss] = field(default_factory=list)
    seconds: float = 0.0

    def _share(self, n: int, d: int) -> float:
        return n / d if d else 0.0

    @property
    def any_event_share(self) -> float:
        return self._share(self.with_event, self.sentences)

    @property
    def type_recall(self) -> float:
        return self._share(self.type_hits, self.sentences)

    @property
    def event_precision(self) -> float:
        return self._share(self.correct_events, self.events)

    @property
    def matched_type_accuracy(self) -> float:
        return self._share(self.matched_correct, self.sentences)

    @property
    def matched_type_accuracy_coded(self) -> float:
        return self._share(self.matched_correct, self.with_event)

    @property
    def quad_accuracy(self) -> float:
        return self._share(self.matched_quad_correct, self.sentences)

    @property
    def quad_accuracy_coded(self) -> float:
        return self._share(self.matched_quad_correct, self.with_event)

    @property
    def actor_overlap(self) -> float:
        return self._share(self.matched_actor_overlap, self.with_event)

    @property
    def false_alarm_share(self) -> float:
        return self._share(self.none_with_event, self.none_sentences)

    def to_dict(self) -> dict[str, object]:
        return {
            "gold": self.gold_path,
            "split": self.split,
            "sentences": self.sentences,
            "any_event_share": round(self.any_event_share, 4),
            "type_recall": round(self.type_recall, 4),
            "event_precision": round(self.event_precision, 4),
            "actor_matched_type_accuracy": round(self.matched_type_accuracy, 4),
            "actor_matched_type_accuracy_where_coded": round(self.matched_type_accuracy_coded, 4),
            "quad_class_accuracy": round(self.quad_accuracy, 4),
            "quad_class_accuracy_where_coded": round(self.quad_accuracy_coded, 4),
            "actor_overlap": round(self.actor_overlap, 4),
            "events": self.events,
            "unscored_events": self.unscored_events,
            "none_sentences": self.none_sentences,
            "none_sentences_with_event": self.none_with_event,
            "per_type": {
                k: {"gold": v.gold, "predicted": v.predicted, "precision": round(v.precision, 4),
                    "recall": round(v.recall, 4), "f1": round(v.f1, 4)}
                for k, v in sorted(self.per_type.items())
            },
        }


def words(text: str | None) -> set[str]:
    if not text:
        return set()
    return {w for w in WORD.findall(text.lower()) if w not in STOP}


def overlaps(predicted: str | None, gold: tuple[str, ...]) -> bool:
    p = words(predicted)
    return any(p & words(g) for g in gold)


def _overlap_score(ev: ScoredEvent, rec: GoldRecord) -> float:
    def jaccard(pred: str | None, gold: tuple[str, ...]) -> float:
        p = words(pred)
        best = 0.0
        for g in gold:
            gw = words(g)
            if p and gw:
                best = max(best, len(p & gw) / len(p | gw))
        return best

    return jaccard(ev.source, rec.sources) + jaccard(ev.target, rec.targets)


def score(
    pairs: list[tuple[GoldRecord, list[ScoredEvent]]],
    *,
    quad_of_label: dict[str, int],
    gold_path: str,
    split: str,
) -> EvalReport:
    report = EvalReport(gold_path=gold_path, split=split)
    labels = {rec.label for rec, _ in pairs}
    per_type: dict[str, TypeScore] = {}
    for rec, all_events in pairs:
        events = [e for e in all_events if e.plover is not None]
        report.unscored_events += len(all_events) - len(events)
        if rec.label == NONE_LABEL:
            # Every event here is a false one: it counts against event precision, not in the recall metrics.
            report.none_sentences += 1
            report.events += len(events)
            for lab in {label_of_type(e.plover, labels) for e in events}:
                per_type.setdefault(lab, TypeScore(lab)).predicted += 1
            if events:
                report.none_with_event += 1
                report.misses.append(Miss(rec, events, None, "false event"))
            continue
        report.sentences += 1
        gold_ts = per_type.setdefault(rec.label, TypeScore(rec.label))
        gold_ts.gold += 1
        ev_labels = [label_of_type(e.plover, labels) for e in events]
        for lab in set(ev_labels):
            ts = per_type.setdefault(lab, TypeScore(lab))
            ts.predicted += 1
            if lab == rec.label:
                ts.correct += 1
        report.events += len(events)
        report.correct_events += sum(1 for lab in ev_labels if lab == rec.label)
        if not events:
            report.misses.append(Miss(rec, all_events, None, "no event"))
            continue
        report.with_event += 1
        hit = rec.label in ev_labels
        report.type_hits += int(hit)
        best = max(
            range(len(events)), key=lambda i: (_overlap_score(events[i], rec), events[i].confidence, -i)
        )
        matched = events[best]
        m_label = ev_labels[best]
        if m_label == rec.label:
            report.matched_correct += 1
        elif hit:
            report.misses.append(Miss(rec, events, matched, "type elsewhere"))
        else:
            report.misses.append(Miss(rec, events, matched, "wrong type"))
        # Quad classes are compared in the gold file's label space (a CONCEDE event is a YIELD for PLV).
        m_quad = quad_of_label.get(m_label) if m_label else None
        if m_quad is not None and quad_of_label.get(rec.label) == m_quad:
            report.matched_quad_correct += 1
        # No gold actor on a side (the sentence names no one) means any coded actor there is fine.
        source_ok = not rec.sources or overlaps(matched.source, rec.sources)
        target_ok = not rec.targets or overlaps(matched.target, rec.targets)
        if source_ok and target_ok:
            report.matched_actor_overlap += 1
        else:
            report.actor_misses.append(Miss(rec, events, matched, "actor miss"))
    report.per_type = per_type
    return report


def confusion(report: EvalReport) -> Counter[tuple[str, str]]:
    """(gold label, matched event's type) counts over the misses, for study."""
    out: Counter[tuple[str, str]] = Counter()
    for miss in report.misses:
        shown = miss.matched or (miss.events[0] if miss.kind == "false event" else None)
        out[(miss.record.label, shown.plover if shown else "-")] += 1
    return out
