"""Relations between actors: a dyad's time series, a country's top partners, the actor network, and the
profile of one relationship (who spoke for each side, which outlets reported it, the key events).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date as Date
from datetime import timedelta
from typing import Any

import duckdb

from ..errors import QueryError
from ..filters import EventFilter, actor_matches, actor_spec
from .events import check_page, event_dict, mentions_of, rows_as_dicts

PERIODS = ("day", "week", "month", "year")
# More than this many empty buckets between the first and last event is a zoom the caller did not mean
# (e.g. --by day over ten years): the gaps are not filled then, the counts stay right.
MAX_FILLED_BUCKETS = 5000


@dataclass(slots=True)
class SeriesPoint:
    period: str  # first day of the bucket (weeks start on Monday)
    events: int = 0
    mentions: int = 0
    verbal_cooperation: int = 0
    material_cooperation: int = 0
    verbal_conflict: int = 0
    material_conflict: int = 0
    goldstein_sum: float = 0.0
    goldstein_mean: float | None = None
    a_to_b: int = 0
    b_to_a: int = 0

    def to_dict(self) -> dict[str, Any]:
        return {name: getattr(self, name) for name in self.__slots__}


@dataclass(slots=True)
class DyadSeries:
    a: str
    b: str
    by: str
    both_directions: bool
    since: str | None
    until: str | None
    points: list[SeriesPoint] = field(default_factory=list)
    undated: int = 0  # matching events without a date: counted nowhere in `points`

    def to_dict(self) -> dict[str, Any]:
        return {
            "a": self.a,
            "b": self.b,
            "by": self.by,
            "both_directions": self.both_directions,
            "since": self.since,
            "until": self.until,
            "undated": self.undated,
            "points": [p.to_dict() for p in self.points],
        }


def dyad_filter(
    a: str, b: str, *, since: Date | None = None, until: Date | None = None, both_directions: bool = True
) -> EventFilter:
    """The events between A and B (A -> B only, or either way round)."""
    return EventFilter(
        source=actor_spec(a, name="a"),
        target=actor_spec(b, name="b"),
        both_directions=both_directions,
        since=since,
        until=until,
    ).validated()


def bucket_start(day: Date, by: str) -> Date:
    if by == "day":
        return day
    if by == "week":
        return day - timedelta(days=day.weekday())
    if by == "month":
        return day.replace(day=1)
    return day.replace(month=1, day=1)


def next_bucket(day: Date, by: str) -> Date:
    if by == "day":
        return day + timedelta(days=1)
    if by == "week":
        return day + timedelta(days=7)
    if by == "month":
        return (day.replace(day=28) + timedelta(days=4)).replace(day=1)
    return day.replace(year=day.year + 1)


def dyad_series(
    con: duckdb.DuckDBPyConnection,
    a: str,
    b: str,
    *,
    since: Date | None = None,
    until: Date | None = None,
    by: str = "month",
    both_directions: bool = True,
) -> DyadSeries:
    """Counts by quad class and Goldstein sum and mean per period for the events between A and B.

    Empty periods between the first and the last (or `since`..`until` when given) are filled with zeros so
    a chart's time axis is true. `a_to_b`/`b_to_a` split each period by direction.
    """
    if by not in PERIODS:
        raise QueryError(f"by={by!r} must be one of {', '.join(PERIODS)}")
    filt = dyad_filter(a, b, since=since, until=until, both_directions=both_directions)
    where, params = filt.where()
    cur = con.execute(
        f"""SELECT date_trunc('{by}', date)::DATE AS period, count(*) AS events,
                   sum(mention_count) AS mentions,
                   count(*) FILTER (WHERE quad_class = 1) AS verbal_cooperation,
                   count(*) FILTER (WHERE quad_class = 2) AS material_cooperation,
                   count(*) FILTER (WHERE quad_class = 3) AS verbal_conflict,
                   count(*) FILTER (WHERE quad_class = 4) AS material_conflict,
                   coalesce(sum(goldstein), 0) AS goldstein_sum, avg(goldstein) AS goldstein_mean,
                   count(*) FILTER (WHERE {actor_matches('source')} AND {actor_matches('target')}) AS a_to_b
            FROM events WHERE {where}
            GROUP BY period ORDER BY period NULLS LAST""",
        [filt.source, filt.source, filt.target, filt.target, *params],
    )
    found: dict[Date, SeriesPoint] = {}
    undated = 0
    for row in rows_as_dicts(cur):
        period = row["period"]
        if period is None:  # one query for both: the undated events form the NULL period
            undated = row["events"]
            continue
        found[period] = SeriesPoint(
            period=period.isoformat(),
            events=row["events"],
            mentions=int(row["mentions"] or 0),
            verbal_cooperation=row["verbal_cooperation"],
            material_cooperation=row["material_cooperation"],
            verbal_conflict=row["verbal_conflict"],
            material_conflict=row["material_conflict"],
            goldstein_sum=round(float(row["goldstein_sum"]), 3),
            goldstein_mean=None if row["goldstein_mean"] is None else round(float(row["goldstein_mean"]), 3),
            a_to_b=row["a_to_b"],
            b_to_a=row["events"] - row["a_to_b"],
        )
    series = DyadSeries(
        a=filt.source,
        b=filt.target,
        by=by,
        both_directions=both_directions,
        since=since.isoformat() if since else None,
        until=until.isoformat() if until else None,
        undated=undated,
    )
    series.points = _fill(found, by=by, since=since, until=until)
    return series


def _fill(
    found: dict[Date, SeriesPoint], *, by: str, since: Date | None, until: Date | None
) -> list[SeriesPoint]:
    if not found and not (since and until):
        return []
    first = bucket_start(since, by) if since else min(found)
    last = bucket_start(until, by) if until else max(found)
    points: list[SeriesPoint] = []
    day = first
    while day <= last:
        points.append(found.get(day) or SeriesPoint(period=day.isoformat()))
        day = next_bucket(day, by)
        if len(points) > MAX_FILLED_BUCKETS:
            return [found[d] for d in sorted(found)]
    return points


def top_partners(
    con: duckdb.DuckDBPyConnection,
    country: str,
    *,
    since: Date | None = None,
    until: Date | None = None,
    limit: int = 10,
) -> list[dict[str, Any]]:
    """The countries a country has most events with (either direction), with cooperation/conflict counts."""
    check_page(limit, 0)
    code = actor_spec(country, name="country")
    filt = EventFilter(country=code, since=since, until=until)
    where, params = filt.where()
    cur = con.execute(
        f"""SELECT CASE WHEN source_country = ? THEN target_country ELSE source_country END AS partner,
                   count(*) AS events,
                   count(*) FILTER (WHERE source_country = ?) AS outgoing,
                   count(*) FILTER (WHERE quad_class IN (1, 2)) AS cooperation,
                   count(*) FILTER (WHERE quad_class IN (3, 4)) AS conflict,
                   round(avg(goldstein), 3) AS goldstein_mean, round(sum(goldstein), 3) AS goldstein_sum
            FROM events
            WHERE {where} AND source_country IS NOT NULL AND target_country IS NOT NULL
                  AND source_country <> target_country
            GROUP BY partner ORDER BY events DESC, partner LIMIT ?""",
        [code, code, *params, limit],
    )
    rows = rows_as_dicts(cur)
    for row in rows:
        row["incoming"] = row["events"] - row["outgoing"]
    return rows


def actor_network(
    con: duckdb.DuckDBPyConnection,
    filt: EventFilter | None = None,
    *,
    level: str = "country",
    min_events: int = 1,
    limit: int = 200,
    include_domestic: bool = False,
) -> dict[str, Any]:
    """Who acts on whom in the matching events: directed edges (count, cooperation, conflict, mean
    Goldstein) between countries (`level='country'`) or actor codes (`level='actor'`), strongest first,
    and the nodes they touch. Domestic edges (a country on itself) are left out unless asked for."""
    if level not in ("country", "actor"):
        raise QueryError(f"level={level!r} must be 'country' or 'actor'")
    if min_events < 1:
        raise QueryError(f"min_events={min_events} must be 1 or more")
    check_page(limit, 0)
    where, params = (filt or EventFilter()).where()
    column = "country" if level == "country" else "code"
    domestic = "" if include_domestic else f" AND source_{column} <> target_{column}"
    cur = con.execute(
        f"""SELECT source_{column} AS source, target_{column} AS target, count(*) AS events,
                   count(*) FILTER (WHERE quad_class IN (1, 2)) AS cooperation,
                   count(*) FILTER (WHERE quad_class IN (3, 4)) AS conflict,
                   round(avg(goldstein), 3) AS goldstein_mean
            FROM events
            WHERE {where} AND source_{column} IS NOT NULL AND target_{column} IS NOT NULL{domestic}
            GROUP BY ALL HAVING count(*) >= ? ORDER BY events DESC, source, target LIMIT ?""",
        [*params, min_events, limit],
    )
    edges = rows_as_dicts(cur)
    weight: dict[str, int] = {}
    for edge in edges:
        for end in (edge["source"], edge["target"]):
            weight[end] = weight.get(end, 0) + edge["events"]
    labels = _node_labels(con, level=level, codes=list(weight))
    nodes = [
        {"id": code, "label": labels.get(code, code), "events": count}
        for code, count in sorted(weight.items(), key=lambda kv: (-kv[1], kv[0]))
    ]
    return {"level": level, "nodes": nodes, "edges": edges}


def _node_labels(con: duckdb.DuckDBPyConnection, *, level: str, codes: list[str]) -> dict[str, str]:
    if not codes:
        return {}
    if level == "country":
        from .events import country_names

        names = country_names()
        return {c: names.get(c, c) for c in codes}
    # An actor code's label is the name its mentions most often resolve to.
    cur = con.execute(
        """SELECT code, arg_max(name, n) FROM (
               SELECT code, name, count(*) AS n FROM (
                   SELECT source_code AS code, coalesce(source_name, source_text) AS name FROM events
                   UNION ALL SELECT target_code, coalesce(target_name, target_text) FROM events
               ) WHERE code IN (SELECT unnest(?::VARCHAR[])) GROUP BY ALL
           ) GROUP BY code""",
        [codes],
    )
    return {code: name for code, name in cur.fetchall() if name}


def dyad_profile(
    con: duckdb.DuckDBPyConnection,
    a: str,
    b: str,
    *,
    since: Date | None = None,
    until: Date | None = None,
    by: str = "month",
    both_directions: bool = True,
    key_events: int = 10,
    dominance_threshold: float = 0.6,
) -> dict[str, Any]:
    """Everything a relationship report shows: the series, totals, key events with their evidence, who
    spoke for each side, which outlets reported it, and a warning when one outlet dominates (its share of
    the reports is above `dominance_threshold`)."""
    if not 0 < dominance_threshold <= 1:
        raise QueryError(f"dominance_threshold={dominance_threshold} must be in (0, 1]")
    series = dyad_series(con, a, b, since=since, until=until, by=by, both_directions=both_directions)
    filt = dyad_filter(a, b, since=since, until=until, both_directions=both_directions)
    where, params = filt.where()
    totals = rows_as_dicts(
        con.execute(
            f"""SELECT count(*) AS events, coalesce(sum(mention_count), 0) AS mentions,
                       count(*) FILTER (WHERE quad_class IN (1, 2)) AS cooperation,
                       count(*) FILTER (WHERE quad_class IN (3, 4)) AS conflict,
                       round(avg(goldstein), 3) AS goldstein_mean,
                       min(date) AS first_date, max(date) AS last_date
                FROM events WHERE {where}""",
            params,
        )
    )[0]
    for key in ("first_date", "last_date"):
        totals[key] = totals[key].isoformat() if totals[key] else None
    totals["mentions"] = int(totals["mentions"])

    # Key events: the most reported first, then the strongest (|Goldstein|), then the latest.
    cur = con.execute(
        f"""SELECT * FROM events WHERE {where}
            ORDER BY mention_count DESC, abs(goldstein) DESC, date DESC NULLS LAST, event_id LIMIT ?""",
        [*params, key_events],
    )
    keys = [event_dict(r) for r in rows_as_dicts(cur)] if key_events > 0 else []
    reports = mentions_of(con, [e["event_id"] for e in keys])
    for event in keys:
        event["mentions"] = reports.get(event["event_id"], [])[:20]

    outlets = _outlet_counts(con, where, params)
    return {
        "a": filt.source,
        "b": filt.target,
        "since": since.isoformat() if since else None,
        "until": until.isoformat() if until else None,
        "by": by,
        "both_directions": both_directions,
        "totals": totals,
        "series": series.to_dict(),
        "key_events": keys,
        "speakers": _speakers(con, where, params, sides=(filt.source, filt.target)),
        "outlets": _outlets(outlets),
        "dominance": _dominance(outlets, threshold=dominance_threshold),
    }


def _speakers(con, where: str, params: list, *, sides: tuple[str, str]) -> dict[str, list[dict[str, Any]]]:
    """The actors who stood for each side (as source or as target), by name and code, most active first."""
    a, b = sides
    side_of = {
        role: f"CASE WHEN {actor_matches(role)} THEN ? WHEN {actor_matches(role)} THEN ? END"
        for role in ("source", "target")
    }
    side_params = [a, a, a, b, b, b]
    cur = con.execute(
        f"""SELECT side, name, code, sector, count(*) AS events,
                   count(*) FILTER (WHERE role = 'source') AS as_source
            FROM (
                SELECT {side_of['source']} AS side, coalesce(source_name, source_text) AS name,
                       source_code AS code, source_sector AS sector, 'source' AS role
                FROM events WHERE {where}
                UNION ALL
                SELECT {side_of['target']}, coalesce(target_name, target_text), target_code, target_sector,
                       'target'
                FROM events WHERE {where}
            ) WHERE side IS NOT NULL GROUP BY ALL ORDER BY side, events DESC, name""",
        [*side_params, *params, *side_params, *params],
    )
    found: dict[str, list[dict[str, Any]]] = {a: [], b: []}
    for row in rows_as_dicts(cur):
        people = found.setdefault(row.pop("side"), [])
        if len(people) < 20:
            people.append(row)
    return found


def _outlet_counts(con, where: str, params: list) -> list[tuple[str | None, str | None, int]]:
    """(publisher, credited source, reports) over every mention of the matching events: one query that
    the outlet lists and the dominance warning are both read from."""
    return con.execute(
        f"""SELECT coalesce(a.publisher, m.publisher) AS publisher, m.attribution, count(*) AS n
            FROM mentions m LEFT JOIN articles a ON a.id = m.article_id
            WHERE m.event_id IN (SELECT event_id FROM events WHERE {where})
            GROUP BY ALL""",
        params,
    ).fetchall()


def _ranked(counts: dict) -> list[dict[str, Any]]:
    order = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0] is None, kv[0] or ""))
    return [{"name": name, "mentions": n} for name, n in order]


def _outlets(counts: list[tuple[str | None, str | None, int]]) -> dict[str, list[dict[str, Any]]]:
    """Which outlets carried the reports (mentions): by publisher, and by the source the text credits."""
    publishers: dict[str | None, int] = {}
    credited: dict[str | None, int] = {}
    for publisher, attribution, n in counts:
        publishers[publisher] = publishers.get(publisher, 0) + n
        if attribution is not None:
            credited[attribution] = credited.get(attribution, 0) + n
    return {"publishers": _ranked(publishers), "attributions": _ranked(credited)}


def _dominance(counts: list[tuple[str | None, str | None, int]], *, threshold: float) -> dict[str, Any] | None:
    """The outlet behind most reports, when its share passes `threshold`. A report's outlet is the source
    the text credits (`attribution`, e.g. TASS) when it names one, else its publisher."""
    by_outlet: dict[str, int] = {}
    total = 0
    for publisher, attribution, n in counts:
        total += n
        outlet = attribution if attribution is not None else publisher
        if outlet is not None:
            by_outlet[outlet] = by_outlet.get(outlet, 0) + n
    if not by_outlet:
        return None
    outlet, count = min(by_outlet.items(), key=lambda kv: (-kv[1], kv[0]))
    share = count / total
    if share <= threshold:
        return None
    return {
        "outlet": outlet,
        "reports": count,
        "total": total,
        "share": round(share, 3),
        "message": (
            f"{outlet} is behind {count} of {total} reports ({share:.0%}): this picture rests mostly on one "
            "outlet; look for independent sources before relying on it"
        ),
    }
