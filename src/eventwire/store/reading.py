"""Reading the store: errors, counts, events with their mentions. Read-only connections only."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

import duckdb

from ..filters import EventFilter
from ..model import Event
from .connection import DEFAULT_DB, open_store
from .rows import event_from_row


@dataclass(frozen=True)
class ErrorRecord:
    path: str
    code: str
    error: str
    reason: str
    first_seen: datetime
    last_seen: datetime
    occurrences: int


@dataclass(frozen=True)
class StoreStats:
    articles: int
    mentions: int
    events: int
    errors: int
    runs: int
    schema_version: int


def list_errors(db: str | Path = DEFAULT_DB, *, wait: float = 5.0) -> list[ErrorRecord]:
    with open_store(db, wait=wait) as con:
        rows = con.execute(
            "SELECT path, code, error, reason, first_seen, last_seen, occurrences FROM errors "
            "ORDER BY path, code"
        ).fetchall()
    return [ErrorRecord(*r) for r in rows]


def store_stats(db: str | Path = DEFAULT_DB, *, wait: float = 5.0) -> StoreStats:
    with open_store(db, wait=wait) as con:
        # One statement: the numbers come from one snapshot.
        row = con.execute(
            """SELECT (SELECT count(*) FROM articles), (SELECT count(*) FROM mentions),
                      (SELECT count(*) FROM events), (SELECT count(*) FROM errors),
                      (SELECT count(*) FROM runs),
                      (SELECT value::INTEGER FROM meta WHERE key = 'schema_version')"""
        ).fetchone()
    return StoreStats(*row)


def event_rows(
    con: duckdb.DuckDBPyConnection, *, where: EventFilter | None = None, batch: int = 2000
) -> Iterator[dict[str, Any]]:
    """Deduplicated events as dicts by column (the `events` table), in date then id order, streamed."""
    clause, params = (where or EventFilter()).where()
    cur = con.execute(
        f"SELECT e.* FROM events e WHERE {clause} ORDER BY e.date NULLS LAST, e.event_id", params
    )
    names = [d[0] for d in cur.description]
    while rows := cur.fetchmany(batch):
        for row in rows:
            yield dict(zip(names, row, strict=True))


def mention_rows(con: duckdb.DuckDBPyConnection, event_ids: list[str]) -> dict[str, list[dict[str, Any]]]:
    """Every mention of the given events, by event id, in article then sentence order."""
    if not event_ids:
        return {}
    # A cursor of its own: the caller may be streaming events from `con` meanwhile.
    cur = con.cursor().execute(
        """SELECT m.* FROM mentions m WHERE m.event_id IN (SELECT unnest(?::VARCHAR[]))
           ORDER BY m.event_id, m.article_id, m.sentence, m.mention_id""",
        [event_ids],
    )
    names = [d[0] for d in cur.description]
    out: dict[str, list[dict[str, Any]]] = {}
    for row in cur.fetchall():
        rec = dict(zip(names, row, strict=True))
        out.setdefault(rec["event_id"], []).append(rec)
    return out


def read_events(db: str | Path = DEFAULT_DB, *, where: EventFilter | None = None) -> list[Event]:
    """The deduplicated events as Event objects (each is its first mention, with the event's id)."""
    with open_store(db) as con:
        return [event_from_row(r, event_id=r["event_id"]) for r in event_rows(con, where=where)]


def read_mentions(db: str | Path = DEFAULT_DB, *, article_id: str | None = None) -> list[Event]:
    """Article-level events exactly as `code_article` returned them (ids included), for one article or all."""
    with open_store(db) as con:
        sql = "SELECT * FROM mentions"
        params: list[Any] = []
        if article_id is not None:
            sql += " WHERE article_id = ?"
            params.append(article_id)
        cur = con.execute(sql + " ORDER BY article_id, sentence, mention_id", params)
        names = [d[0] for d in cur.description]
        rows = [dict(zip(names, r, strict=True)) for r in cur.fetchall()]
    return [event_from_row(r, event_id=r["mention_id"]) for r in rows]
