"""Real second processes: an ingest killed with SIGKILL and rerun, and readers while an ingest writes."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time

import pytest

from eventwire.errors import StoreBusyError, StoreError
from eventwire.store import ingest, open_store

# Each test runs a real `eventwire ingest` process over a few dozen articles (~15-40 s on 2 shared cores).
pytestmark = [pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL"), pytest.mark.slow]


def ingest_process(corpus, db, *extra):
    return subprocess.Popen(
        [
            sys.executable,
            "-m",
            "eventwire",
            "ingest",
            str(corpus),
            "--db",
            str(db),
            "--batch-size",
            "4",
            *extra,
        ],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def snapshot(db):
    with open_store(db, wait=30) as con:
        return {
            "articles": sorted(con.execute("SELECT id, content_hash, event_count FROM articles").fetchall()),
            "mentions": sorted(
                con.execute("SELECT mention_id, article_id, event_id FROM mentions").fetchall()
            ),
            "events": sorted(
                con.execute(
                    "SELECT event_id, mention_count, article_count, source_count FROM events"
                ).fetchall()
            ),
        }


def consistent_read(db):
    """One read-only look at a store being written: whole articles with all their events, or busy."""
    with open_store(db, wait=0.2) as con:
        return con.execute(
            """SELECT (SELECT count(*) FROM articles),
                      (SELECT coalesce(sum(event_count), 0) FROM articles) = (SELECT count(*) FROM mentions),
                      (SELECT coalesce(sum(mention_count), 0) FROM events) = (SELECT count(*) FROM mentions),
                      (SELECT count(*) FROM mentions m
                        WHERE NOT EXISTS (SELECT 1 FROM articles a WHERE a.id = m.article_id)
                           OR NOT EXISTS (SELECT 1 FROM events e WHERE e.event_id = m.event_id))"""
        ).fetchone()


@pytest.fixture(scope="module")
def reference(tmp_path_factory, corpus_jsonl, resources):
    db = tmp_path_factory.mktemp("ref") / "clean.duckdb"
    ingest([corpus_jsonl], db=db, batch_size=4)
    return snapshot(db)


def wait_for_articles(db, proc, minimum, timeout=240):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        assert proc.poll() is None, proc.stderr.read()
        if db.exists():
            try:
                if consistent_read(db)[0] >= minimum:
                    return
            except (StoreBusyError, StoreError):
                pass
        time.sleep(0.1)
    raise AssertionError("the ingest stored nothing in time")


def test_ingest_killed_mid_run_then_rerun_matches_a_clean_run(tmp_path, corpus_jsonl, reference):
    db = tmp_path / "killed.duckdb"
    proc = ingest_process(corpus_jsonl, db)
    try:
        wait_for_articles(db, proc, minimum=8)
    finally:
        os.kill(proc.pid, signal.SIGKILL)
        proc.communicate()
    partial = snapshot(db)
    total = len(reference["articles"])
    assert 8 <= len(partial["articles"]) < total, "the kill should land half way"
    count, articles_match, events_match, orphans = consistent_read(db)
    assert articles_match and events_match and orphans == 0
    with open_store(db) as con:
        assert con.execute("SELECT status FROM runs").fetchall() == [("running",)]  # it never finished

    rerun = subprocess.run(
        [
            sys.executable,
            "-m",
            "eventwire",
            "ingest",
            str(corpus_jsonl),
            "--db",
            str(db),
            "--batch-size",
            "4",
        ],
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert rerun.returncode == 0, rerun.stderr
    assert f"{len(partial['articles'])} already stored" in rerun.stderr
    assert snapshot(db) == reference


def test_readers_during_a_write_see_whole_batches_or_a_clear_busy_error(tmp_path, corpus_jsonl, reference):
    db = tmp_path / "busy.duckdb"
    proc = ingest_process(corpus_jsonl, db)
    reads, busy, counts = 0, 0, []
    try:
        wait_for_articles(db, proc, minimum=1)
        while proc.poll() is None:
            try:
                count, articles_match, events_match, orphans = consistent_read(db)
            except StoreBusyError as err:
                busy += 1
                assert "in use by another process" in str(err)
                continue
            reads += 1
            counts.append(count)
            assert articles_match and events_match and orphans == 0
            time.sleep(0.05)
        out, err = proc.communicate(timeout=60)
    finally:
        if proc.poll() is None:
            proc.kill()
    assert proc.returncode == 0, err
    assert reads > 0
    assert counts == sorted(counts)  # never a step backwards: each read is a committed state
    assert snapshot(db) == reference
