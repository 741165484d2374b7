"""Plain-text rendering of an EvalReport (the CLI prints it; the library never prints)."""

from __future__ import annotations

from .scoring import EvalReport, Miss, confusion

TARGETS = {
    "actor-matched type accuracy": 0.80,
    "type recall": 0.85,
    "event precision": 0.75,
    "quad-class accuracy": 0.88,
}


def format_report(report: EvalReport, *, errors: bool = False, max_errors: int = 200) -> str:
    r = report
    lines = [
        f"gold: {r.gold_path}  split: {r.split}  sentences: {r.sentences}  events: {r.events} "
        f"(+{r.unscored_events} statement events without a PLOVER type, not scored)  "
        f"time: {r.seconds:.1f}s",
        "",
        f"{'type':<12}{'gold':>6}{'pred':>6}{'P':>8}{'R':>8}{'F1':>8}",
    ]
    for label, ts in sorted(r.per_type.items()):
        lines.append(f"{label:<12}{ts.gold:>6}{ts.predicted:>6}{ts.precision:>8.3f}{ts.recall:>8.3f}{ts.f1:>8.3f}")
    lines.append("")
    summary = [
        ("sentences with any event", r.any_event_share, None),
        ("type recall", r.type_recall, TARGETS["type recall"]),
        ("event precision", r.event_precision, TARGETS["event precision"]),
        ("actor-matched type accuracy", r.matched_type_accuracy, TARGETS["actor-matched type accuracy"]),
        ("  (where an event was coded)", r.matched_type_accuracy_coded, None),
        ("quad-class accuracy", r.quad_accuracy, TARGETS["quad-class accuracy"]),
        ("  (where an event was coded)", r.quad_accuracy_coded, None),
        ("actor overlap of matched events", r.actor_overlap, None),
    ]
    for name, value, target in summary:
        verdict = "ok" if target is not None and value >= target else "MISSED"
        mark = "" if target is None else f"   target >= {target:.2f} {verdict}"
        lines.append(f"{name:<34}{value:>7.3f}{mark}")
    if r.none_sentences:
        lines.append(
            f"{'no-event sentences given an event':<34}{r.false_alarm_share:>7.3f}"
            f"   ({r.none_with_event} of {r.none_sentences})"
        )
    if errors:
        lines += ["", "confusions (gold -> actor-matched type):"]
        for (gold, pred), n in confusion(r).most_common(25):
            lines.append(f"  {gold:<10} -> {pred:<10} {n}")
        lines += ["", f"misses ({len(r.misses)}):"]
        lines += _misses(r.misses, max_errors)
        lines += ["", f"matched events whose actors miss the gold actors ({len(r.actor_misses)}):"]
        lines += _misses(r.actor_misses, max_errors)
    return "\n".join(lines)


def _misses(misses: list[Miss], max_errors: int) -> list[str]:
    lines: list[str] = []
    for miss in misses[:max_errors]:
        rec = miss.record
        lines.append(f"[{rec.row}] {miss.kind}: gold {rec.label} {rec.sources} -> {rec.targets}")
        lines.append(f"    {rec.text}")
        for ev in miss.events:
            flag = "*" if ev is miss.matched else " "
            lines.append(
                f"   {flag}{ev.plover or '-'} {ev.cameo} {ev.source!r} -> {ev.target!r} [{ev.rule}]"
            )
    return lines
