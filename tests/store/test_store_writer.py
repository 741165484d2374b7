"""The single writer: batches, idempotence, id clashes, cross-article dedup, errors, round trips."""

from __future__ import annotations

from datetime import date

import duckdb
import pytest
from store_helpers import article, event

from eventwire.errors import EncodingInputError, StoreError
from eventwire.store import SCHEMA_VERSION, StoreWriter, open_store, read_mentions, store_stats
from eventwire.store.schema import EVENT_COLUMN_NAMES


def write(db, items, *, errors=()):
    writer = StoreWriter(db)
    writer.start_run(inputs=["test"], engine="local", workers=1)
    for art, events in items:
        writer.add_article(art, events)
    for err in errors:
        writer.add_error(err)
    counts = writer.flush()
    writer.finish_run()
    return counts


def test_new_store_has_the_schema_and_version(tmp_path):
    db = tmp_path / "s.duckdb"
    write(db, [])
    with open_store(db) as con:
        assert con.execute("SELECT value FROM meta WHERE key='schema_version'").fetchone()[0] == str(
            SCHEMA_VERSION
        )
        cols = [r[0] for r in con.execute("DESCRIBE events").fetchall()]
    assert cols[0] == "event_id"
    assert tuple(cols[1 : 1 + len(EVENT_COLUMN_NAMES)]) == EVENT_COLUMN_NAMES
    assert {"mention_count", "source_count", "article_count"} <= set(cols)


def test_mentions_round_trip_every_event_field(tmp_path):
    db = tmp_path / "s.duckdb"
    a = article("a1", "Medvedev visited Havana.")
    ev = event(a)
    write(db, [(a, [ev])])
    (back,) = read_mentions(db)
    assert back.to_dict() == ev.to_dict()


def test_same_text_twice_is_stored_once(tmp_path):
    db = tmp_path / "s.duckdb"
    a = article("a1", "Medvedev visited Havana.")
    first = write(db, [(a, [event(a)])])
    again = write(db, [(article("other-id", a.text), [event(a)])])
    assert (first.articles_new, again.articles_new, again.articles_skipped) == (1, 0, 1)
    stats = store_stats(db)
    assert (stats.articles, stats.mentions, stats.events, stats.runs) == (1, 1, 1, 2)


def test_clashing_id_with_different_text_gets_its_own_id_and_events_follow(tmp_path):
    db = tmp_path / "s.duckdb"
    a = article("story", "Medvedev visited Havana.")
    b = article("story", "Lavrov visited Havana.")
    write(db, [(a, [event(a)])])
    write(db, [(b, [event(b, source="RUSMIL")])])
    with open_store(db) as con:
        ids = sorted(r[0] for r in con.execute("SELECT id FROM articles").fetchall())
        orphans = con.execute(
            "SELECT count(*) FROM mentions m "
            "WHERE NOT EXISTS (SELECT 1 FROM articles a WHERE a.id = m.article_id)"
        ).fetchone()[0]
    assert ids[0] == "story" and ids[1].startswith("story~")
    assert orphans == 0


def test_cross_article_dedup_counts_mentions_and_sources(tmp_path):
    db = tmp_path / "s.duckdb"
    a = article("a", "Medvedev visited Havana on Saturday.", publisher="TASS")
    b = article("b", "Russia's Medvedev arrived in Havana.", publisher="Reuters")
    c = article("c", "Medvedev was in Havana.", publisher="Reuters")
    far = article("d", "Medvedev visited Havana again.", publisher="AP")
    write(db, [(a, [event(a, day="2023-06-03")]), (b, [event(b, day="2023-06-04")])])
    # A later batch still finds the stored event; a report three days later is another event.
    write(db, [(c, [event(c, day="2023-06-02")]), (far, [event(far, day="2023-06-07")])])
    with open_store(db) as con:
        rows = con.execute(
            "SELECT date, mention_count, article_count, source_count FROM events ORDER BY date"
        ).fetchall()
        linked = con.execute("SELECT count(DISTINCT event_id) FROM mentions").fetchone()[0]
    assert rows == [(date(2023, 6, 3), 3, 3, 2), (date(2023, 6, 7), 1, 1, 1)]
    assert linked == 2
    assert store_stats(db).mentions == 4


def test_dedup_needs_same_actors_and_code(tmp_path):
    db = tmp_path / "s.duckdb"
    a = article("a", "Medvedev visited Havana.")
    b = article("b", "Medvedev phoned Havana.")
    c = article("c", "The army visited Havana.")
    d = article("d", "Medvedev visited somewhere.")
    write(
        db,
        [
            (a, [event(a)]),
            (b, [event(b, cameo="041")]),
            (c, [event(c, source="RUSMIL")]),
            (d, [event(d, target=None)]),
        ],
    )
    assert store_stats(db).events == 4


def test_undated_mentions_are_never_merged(tmp_path):
    db = tmp_path / "s.duckdb"
    a = article("a", "Medvedev visited Havana.")
    b = article("b", "Medvedev went to Havana.")
    write(db, [(a, [event(a, day=None)]), (b, [event(b, day=None)])])
    assert store_stats(db).events == 2


def test_errors_are_recorded_once_per_distinct_failure(tmp_path):
    db = tmp_path / "s.duckdb"
    bad = EncodingInputError("in/bad.txt", "not valid UTF-8")
    write(db, [], errors=[bad])
    write(db, [], errors=[EncodingInputError("in/bad.txt", "not valid UTF-8")])
    with open_store(db) as con:
        rows = con.execute("SELECT path, code, error, occurrences FROM errors").fetchall()
    assert rows == [("in/bad.txt", "E013", "EncodingInputError", 2)]


def test_failed_batch_leaves_nothing_behind(tmp_path):
    db = tmp_path / "s.duckdb"
    a = article("a", "Medvedev visited Havana.")
    broken = event(a)
    broken.cameo = None  # NOT NULL in the schema: the insert of mentions fails after articles went in
    writer = StoreWriter(db)
    writer.start_run(inputs=["t"], engine="local", workers=1)
    writer.add_article(a, [broken])
    with pytest.raises(StoreError):
        writer.flush()
    stats = store_stats(db)
    assert (stats.articles, stats.mentions, stats.events) == (0, 0, 0)


def test_store_of_another_program_is_refused(tmp_path):
    db = tmp_path / "other.duckdb"
    con = duckdb.connect(str(db))
    con.execute("CREATE TABLE t (x INTEGER)")
    con.close()
    with pytest.raises(StoreError, match="not an eventwire store"):
        write(db, [])


def test_dedup_window_is_anchored_on_the_event_date(tmp_path):
    db = tmp_path / "s.duckdb"
    arts = [article(f"a{i}", f"Medvedev visited Havana, report {i}.") for i in range(3)]
    days = ["2023-06-01", "2023-06-02", "2023-06-03"]
    write(db, [(a, [event(a, day=d)]) for a, d in zip(arts, days, strict=True)])
    with open_store(db) as con:
        rows = con.execute("SELECT date, mention_count FROM events ORDER BY date").fetchall()
    # June 3 is two days from the event of June 1: a new event, not a drift of the first.
    assert rows == [(date(2023, 6, 1), 2), (date(2023, 6, 3), 1)]
