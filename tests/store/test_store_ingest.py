"""`ingest` end to end on real text: idempotence, bad input, dedup, engines, the CLI summary."""

from __future__ import annotations

import subprocess
import sys

import pytest

from eventwire.errors import EventwireError
from eventwire.samples import load_sample_articles
from eventwire.store import ingest, list_errors, open_store, read_mentions, store_stats


def snapshot(db):
    with open_store(db) as con:
        return {
            "articles": sorted(r[0] for r in con.execute("SELECT content_hash FROM articles").fetchall()),
            "mentions": sorted(
                con.execute("SELECT mention_id, article_id, event_id FROM mentions").fetchall()
            ),
            "events": sorted(
                con.execute(
                    "SELECT event_id, mention_count, article_count, source_count FROM events"
                ).fetchall()
            ),
        }


def test_ingest_codes_every_article_and_twice_stores_nothing_twice(tmp_path, sample_jsonl, resources):
    db = tmp_path / "s.duckdb"
    first = ingest([sample_jsonl], db=db)
    n = len(load_sample_articles())
    assert (first.articles_read, first.articles_new, first.errors) == (n, n, 0)
    assert first.mentions > 0 and 0 < first.events_new <= first.mentions
    before = snapshot(db)
    second = ingest([sample_jsonl], db=db)
    assert (second.articles_new, second.articles_skipped, second.mentions) == (0, n, 0)
    assert snapshot(db) == before
    assert store_stats(db).runs == 2


def test_stored_mentions_are_exactly_what_code_article_returns(tmp_path, sample_jsonl, resources):
    from eventwire.pipeline import code_article

    db = tmp_path / "s.duckdb"
    ingest([sample_jsonl], db=db)
    art = load_sample_articles()[0]
    expected = [e.to_dict() for e in code_article(art, resources)]
    stored = [e.to_dict() for e in read_mentions(db, article_id=art.id)]
    key = lambda d: (d["sentence"], d["event_id"])  # noqa: E731
    assert sorted(stored, key=key) == sorted(expected, key=key)


def test_bad_inputs_are_recorded_and_the_run_goes_on(tmp_path, resources):
    good = tmp_path / "in" / "good.txt"
    good.parent.mkdir()
    good.write_text(
        "Russian President Vladimir Putin met Chinese President Xi Jinping in Beijing.", encoding="utf-8"
    )
    (tmp_path / "in" / "binary.txt").write_bytes(b"\x00\x01\x02" * 50)
    (tmp_path / "in" / "latin1.txt").write_bytes("Caf\xe9 talks".encode("latin-1"))
    (tmp_path / "in" / "lines.jsonl").write_text(
        '{"id": "x", "text": "Lavrov met Blinken."}\n{broken\n', encoding="utf-8"
    )
    db = tmp_path / "s.duckdb"
    summary = ingest([tmp_path / "in", tmp_path / "missing.txt"], db=db)
    assert summary.articles_new == 2 and summary.errors == 4
    codes = sorted(e.code for e in list_errors(db))
    assert codes == ["E010", "E012", "E013", "E014"]
    # The same bad input again is the same errors, not new rows.
    ingest([tmp_path / "in", tmp_path / "missing.txt"], db=db)
    errors = list_errors(db)
    assert len(errors) == 4 and all(e.occurrences == 2 for e in errors)


def test_dedup_merges_the_same_event_from_two_outlets(tmp_path, resources):
    text = "Russian President Vladimir Putin met Chinese President Xi Jinping in Beijing on Tuesday."
    rows = [
        f'{{"id": "a", "text": "{text}", "date": "2023-03-22", "publisher": "TASS"}}',
        f'{{"id": "b", "text": "{text} Officials said the talks went well.", "date": "2023-03-21", '
        '"publisher": "Reuters"}',
    ]
    path = tmp_path / "two.jsonl"
    path.write_text("\n".join(rows) + "\n", encoding="utf-8")
    db = tmp_path / "s.duckdb"
    ingest([path], db=db)
    with open_store(db) as con:
        merged = con.execute(
            "SELECT mention_count, article_count, source_count FROM events WHERE article_count > 1"
        ).fetchall()
    assert merged and all(r[1] == 2 and r[2] == 2 for r in merged)


def test_two_workers_store_what_one_worker_stores(tmp_path, sample_jsonl, resources):
    one, two = tmp_path / "one.duckdb", tmp_path / "two.duckdb"
    ingest([sample_jsonl], db=one, workers=1)
    ingest([sample_jsonl], db=two, workers=2, batch_size=4)
    assert snapshot(one) == snapshot(two)


def test_unknown_engine_is_a_clear_error(tmp_path, sample_jsonl):
    with pytest.raises(EventwireError, match="unknown engine"):
        ingest([sample_jsonl], db=tmp_path / "s.duckdb", engine="spark")


def test_cli_ingest_prints_a_summary_and_errors_lists_failures(tmp_path):
    (tmp_path / "ok.txt").write_text("Putin met Xi in Beijing.", encoding="utf-8")
    (tmp_path / "bad.txt").write_bytes(b"\xff\xfe\x00\x00" * 10)
    db = tmp_path / "s.duckdb"
    run = subprocess.run(
        [sys.executable, "-m", "eventwire", "ingest", str(tmp_path), "--db", str(db)],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert run.returncode == 0, run.stderr
    assert "1 stored" in run.stderr and "1 error(s)" in run.stderr
    assert run.stdout == ""  # progress and summary go to stderr only
    listed = subprocess.run(
        [sys.executable, "-m", "eventwire", "errors", "--db", str(db)],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert listed.returncode == 0 and "bad.txt\tE012" in listed.stdout


def test_html_feed_and_warc_inputs_go_into_the_store(tmp_path, resources):
    import io

    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    para = (
        "Russian President Vladimir Putin met Chinese President Xi Jinping in Beijing on Tuesday. "
        "The two leaders discussed trade and energy, officials said after the talks ended late in the day."
    )
    html = (
        "<html><head><title>Talks</title></head>"
        f"<body><article><p>{para}</p><p>{para}</p></article></body></html>"
    )
    (tmp_path / "page.html").write_text(html, encoding="utf-8")
    (tmp_path / "feed.rss").write_text(
        '<?xml version="1.0"?><rss version="2.0"><channel><title>Wire</title><item><title>T</title>'
        "<link>https://ex.org/f</link><description>Iran condemned Israel on Monday.</description></item>"
        "</channel></rss>",
        encoding="utf-8",
    )
    buf = io.BytesIO()
    writer = WARCWriter(buf, gzip=True)
    headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html")], protocol="HTTP/1.1")
    body = html.replace("Tuesday", "Wednesday").encode("utf-8")
    writer.write_record(
        writer.create_warc_record(
            "https://ex.org/w", "response", payload=io.BytesIO(body), http_headers=headers
        )
    )
    (tmp_path / "crawl.warc.gz").write_bytes(buf.getvalue())
    db = tmp_path / "s.duckdb"
    summary = ingest([tmp_path], db=db)
    assert (summary.articles_new, summary.errors) == (3, 0)
    with open_store(db) as con:
        rows = dict(con.execute("SELECT id, source_path FROM articles").fetchall())
    assert set(rows) == {"page", "https://ex.org/f", "https://ex.org/w"}
    assert rows["https://ex.org/w"].endswith("crawl.warc.gz#https://ex.org/w")


def test_ingest_articles_from_python_matches_file_ingest(tmp_path, sample_jsonl, resources):
    from eventwire.store import ingest_articles

    by_file, by_python = tmp_path / "f.duckdb", tmp_path / "p.duckdb"
    ingest([sample_jsonl], db=by_file)
    counts = ingest_articles(load_sample_articles(), db=by_python)
    assert counts.articles_new == len(load_sample_articles())
    assert snapshot(by_file) == snapshot(by_python)


class _FailsOn:
    """The real pipeline, except that it raises on one marked text: how a coding bug shows up in a run."""

    def __init__(self, nlp, marker):
        self.nlp, self.marker = nlp, marker

    def __call__(self, text):
        if self.marker in text:
            raise ValueError("cannot parse this")
        return self.nlp(text)

    def pipe(self, stream, **kwargs):
        for text, ctx in stream:
            if self.marker in text:
                raise ValueError("cannot parse this")
            yield self.nlp(text), ctx


def test_an_article_that_fails_to_code_is_an_error_and_its_neighbours_keep_their_events(resources):
    import dataclasses

    from eventwire.engines.local import code_chunk
    from eventwire.errors import CodingFailedError
    from eventwire.model import Article

    broken = dataclasses.replace(resources, nlp=_FailsOn(resources.nlp, "BOOM"))
    arts = [
        Article(id="a", text="Putin met Xi in Beijing."),
        Article(id="b", text="BOOM", source_path="in/b.txt"),
        Article(id="c", text="Iran condemned Israel."),
    ]
    results = code_chunk(arts, broken)
    assert [a.id for a, _ in results] == ["a", "b", "c"]
    assert isinstance(results[1][1], CodingFailedError) and results[1][1].path == "in/b.txt"
    assert results[0][1] and results[2][1]


def test_a_worker_that_cannot_load_the_pipeline_says_why(tmp_path, sample_jsonl):
    from eventwire.errors import EngineError

    with pytest.raises(EngineError, match="could not load the pipeline.*no_such_pipeline"):
        ingest([sample_jsonl], db=tmp_path / "s.duckdb", workers=2, model="no_such_pipeline")
