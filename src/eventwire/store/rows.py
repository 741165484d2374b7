"""Flattening Events into store rows and back: one mapping, used by the writer, the readers and exports."""

from __future__ import annotations

from datetime import date as Date
from typing import Any

from ..model import Actor, Event, Evidence, Location
from .schema import ACTOR_FIELDS, EVENT_COLUMN_NAMES

LOCATION_FIELDS = ("name", "country", "admin1", "lat", "lon", "geonameid")
EVIDENCE_FIELDS = ("start", "end", "text", "trigger", "trigger_start", "trigger_end")


def event_day(value: str | None) -> Date | None:
    """The event's date as a DATE: 'YYYY-MM-DD', or 'YYYY-MM' / 'YYYY' (month or year precision) as the first
    day of it; anything else is unknown rather than an error, so one odd date never loses an event."""
    if not value:
        return None
    text = str(value).strip()
    parts = text[:10].split("-")
    try:
        if len(parts) >= 3:
            return Date.fromisoformat(text[:10])
        if len(parts) == 2:
            return Date(int(parts[0]), int(parts[1]), 1)
        if len(parts) == 1 and len(parts[0]) == 4:
            return Date(int(parts[0]), 1, 1)
    except ValueError:
        return None
    return None


def event_row(event: Event) -> dict[str, Any]:
    """Every Event field as a flat column (EVENT_COLUMN_NAMES order)."""
    row: dict[str, Any] = {
        "article_id": event.article_id,
        "sentence": event.sentence,
        "date": event_day(event.date),
        "date_basis": event.date_basis,
        "date_precision": event.date_precision,
    }
    for role, actor in (("source", event.source), ("target", event.target)):
        for f in ACTOR_FIELDS:
            row[f"{role}_{f}"] = getattr(actor, f) if actor is not None else None
    row.update(
        cameo=event.cameo,
        cameo_name=event.cameo_name,
        plover=event.plover,
        plover_mode=event.plover_mode,
        plover_context=list(event.plover_context or []),
        quad_class=event.quad_class,
        goldstein=event.goldstein,
    )
    for f in LOCATION_FIELDS:
        row[f"location_{f}"] = getattr(event.location, f) if event.location is not None else None
    row["location_basis"] = event.location_basis
    for f in EVIDENCE_FIELDS:
        row[f"evidence_{f}"] = getattr(event.evidence, f)
    row.update(
        attribution=event.attribution,
        publisher=event.publisher,
        url=event.url,
        confidence=event.confidence,
        rule=event.rule,
    )
    assert tuple(row) == EVENT_COLUMN_NAMES  # the DDL and this mapping must not drift
    return row


def event_from_row(row: dict[str, Any], *, event_id: str) -> Event:
    """Rebuild an Event from a `mentions` or `events` row (a dict by column name)."""

    def actor(role: str) -> Actor | None:
        values = {f: row.get(f"{role}_{f}") for f in ACTOR_FIELDS}
        if values["text"] is None:
            return None
        return Actor(**values)

    location = None
    if row.get("location_name") is not None:
        location = Location(**{f: row.get(f"location_{f}") for f in LOCATION_FIELDS})
    day = row.get("date")
    source = actor("source")
    return Event(
        event_id=event_id,
        article_id=row["article_id"],
        sentence=row["sentence"],
        date=day.isoformat() if isinstance(day, Date) else day,
        date_basis=row.get("date_basis") or "unknown",
        date_precision=row.get("date_precision"),
        source=source if source is not None else Actor(text=""),
        target=actor("target"),
        cameo=row["cameo"],
        cameo_name=row.get("cameo_name"),
        plover=row.get("plover"),
        plover_mode=row.get("plover_mode"),
        plover_context=list(row.get("plover_context") or []),
        quad_class=row.get("quad_class"),
        goldstein=row.get("goldstein"),
        location=location,
        location_basis=row.get("location_basis"),
        evidence=Evidence(**{f: row.get(f"evidence_{f}") for f in EVIDENCE_FIELDS}),
        attribution=row.get("attribution"),
        publisher=row.get("publisher"),
        url=row.get("url"),
        confidence=row.get("confidence"),
        rule=row.get("rule"),
    )
