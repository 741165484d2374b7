"""A short summary of a coding run: counts by PLOVER type and quad class, top dyads."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field

from .model import Article, Event

QUAD_NAMES = {1: "verbal cooperation", 2: "material cooperation", 3: "verbal conflict", 4: "material conflict"}


@dataclass
class Summary:
    articles: int = 0
    articles_with_events: int = 0
    events: int = 0
    by_type: Counter = field(default_factory=Counter)
    by_quad: Counter = field(default_factory=Counter)
    dyads: Counter = field(default_factory=Counter)

    def text(self) -> str:
        lines = [
            f"{self.articles} articles, {self.events} events "
            f"({self.articles_with_events} articles with at least one event)",
            "",
            "events by PLOVER type:",
        ]
        lines += [f"  {name:<12} {n}" for name, n in self.by_type.most_common()]
        lines += ["", "events by quad class:"]
        lines += [f"  {q} {QUAD_NAMES.get(q, '?'):<22} {self.by_quad[q]}" for q in sorted(self.by_quad)]
        lines += ["", "top dyads (source -> target):"]
        lines += [f"  {src:>8} -> {tgt:<8} {n}" for (src, tgt), n in self.dyads.most_common(8)]
        return "\n".join(lines)


def summarise(coded: Iterable[tuple[Article, list[Event]]]) -> Summary:
    s = Summary()
    for _article, events in coded:
        s.articles += 1
        s.articles_with_events += bool(events)
        for e in events:
            s.events += 1
            s.by_type[e.plover or f"CAMEO {e.cameo[:2]}"] += 1
            s.by_quad[e.quad_class] += 1
            src = e.source.country or "?"
            tgt = (e.target.country or "?") if e.target else "-"
            s.dyads[(src, tgt)] += 1
    return s
