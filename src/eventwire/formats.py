"""Rendering events as text: JSON lines, CSV and a readable terminal table. Returns strings; never prints."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable

from .model import Event

TABLE_COLUMNS = (
    ("date", 10),
    ("source", 18),
    ("event", 26),
    ("target", 18),
    ("where", 14),
    ("trigger", 22),
)


def jsonl_line(event: Event) -> str:
    return event.to_json() + "\n"


def csv_header(event_sample: Event | None = None) -> list[str]:
    from .model import Actor, Evidence

    sample = event_sample or Event(
        article_id="",
        sentence=0,
        source=Actor(text=""),
        target=None,
        cameo="010",
        plover=None,
        plover_mode=None,
        plover_context=[],
        quad_class=1,
        goldstein=0.0,
        evidence=Evidence(start=0, end=0, text="", trigger=""),
        rule="",
        confidence=0.0,
    )
    return list(sample.to_row())


def csv_text(events: Iterable[Event], *, header: bool = True) -> str:
    buf = io.StringIO()
    writer = csv.DictWriter(buf, fieldnames=csv_header(), lineterminator="\n")
    if header:
        writer.writeheader()
    for event in events:
        writer.writerow(event.to_row())
    return buf.getvalue()


def _actor_label(actor) -> str:
    if actor is None:
        return "-"
    return actor.code or f"?{actor.text}"


def _clip(text: str, width: int) -> str:
    text = " ".join(str(text).split())
    return text if len(text) <= width else text[: width - 1] + "…"


def table_text(events: Iterable[Event]) -> str:
    """A fixed-width table: one line per event, for people at a terminal."""
    lines = ["  ".join(name.upper().ljust(width) for name, width in TABLE_COLUMNS).rstrip()]
    for e in events:
        cells = {
            "date": e.date or "?",
            "source": _actor_label(e.source),
            "event": f"{e.cameo} {e.plover or e.cameo_name or ''}".strip(),
            "target": _actor_label(e.target),
            "where": e.location.name if e.location else "",
            "trigger": e.evidence.trigger,
        }
        lines.append("  ".join(_clip(cells[name], width).ljust(width) for name, width in TABLE_COLUMNS).rstrip())
    return "\n".join(lines) + "\n"
