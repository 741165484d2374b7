"""Parquet shards and their manifest, without Ray: the local engine's results written, read back, loaded."""

from __future__ import annotations

import json

import duckdb
import pytest
from engine_helpers import as_dicts

from eventwire import engines
from eventwire.engines.shards import (
    MANIFEST_NAME,
    finish_manifest,
    iter_shard_results,
    load_shards_into_store,
    prepare_shard_dir,
    read_manifest,
    write_shard,
)
from eventwire.errors import CodingFailedError, MalformedInputError, StoreError


@pytest.fixture(scope="module")
def coded(samples, local_resources):
    return list(engines.run(samples, engine="local", workers=1))


def _write(tmp_path, coded, *, extra_errors=()):
    root = prepare_shard_dir(tmp_path / "shards")
    infos = [
        write_shard(root, coded[:5]),
        write_shard(root, coded[5:], read_errors=list(extra_errors)),
    ]
    return root, infos


def test_shards_read_back_exactly_what_was_coded(tmp_path, coded):
    root, infos = _write(tmp_path, coded)
    manifest = finish_manifest(root, infos, inputs=["samples"], run={"retries": 0})
    back = [item for item in iter_shard_results(root) if isinstance(item, tuple)]
    assert as_dicts(back) == as_dicts(coded)
    assert manifest.article_ids() == [a.id for a, _ in coded]
    assert manifest.events == sum(len(ev) for _, ev in coded)

    on_disk = json.loads((root / MANIFEST_NAME).read_text())
    assert on_disk["eventwire_version"] and on_disk["inputs"] == ["samples"]
    assert [s["articles"] for s in on_disk["shards"]] == [5, len(coded) - 5]
    # The events shard has the store's mention columns, so DuckDB reads it like the mentions table.
    con = duckdb.connect()
    cameo, n = con.execute(
        f"SELECT min(cameo), count(*) FROM read_parquet('{root}/events/*.parquet')"
    ).fetchone()
    assert n == manifest.events and isinstance(cameo, str)


def test_a_killed_attempts_files_are_not_part_of_the_output(tmp_path, coded):
    root, infos = _write(tmp_path, coded)
    # What a worker killed after writing leaves: a whole shard under an attempt id no manifest lists.
    orphan = write_shard(root, coded[:3])
    finish_manifest(root, infos, inputs=["samples"], run={})
    for kind, rel in orphan.files.items():
        assert not (root / rel).exists(), kind
    ids = [a.id for a, _ in (i for i in iter_shard_results(root) if isinstance(i, tuple))]
    assert sorted(ids) == sorted(a.id for a, _ in coded)


def test_errors_travel_through_the_shards(tmp_path, coded):
    failed = (coded[0][0], CodingFailedError("a.jsonl:1", "article 'x': ValueError: boom"))
    bad_line = MalformedInputError("b.jsonl:7", "invalid JSON")
    root = prepare_shard_dir(tmp_path / "shards")
    info = write_shard(root, [failed, *coded[1:3]], read_errors=[bad_line])
    finish_manifest(root, [info], inputs=["x"], run={})
    errors = [i for i in iter_shard_results(root) if not isinstance(i, tuple)]
    assert [(type(e), e.path, e.reason) for e in errors] == [
        (MalformedInputError, "b.jsonl:7", "invalid JSON"),
        (CodingFailedError, "a.jsonl:1", "article 'x': ValueError: boom"),
    ]
    assert info.article_ids == [a.id for a, _ in [failed, *coded[1:3]]] and info.articles == 2


def test_manifest_problems_are_refused(tmp_path, coded):
    with pytest.raises(StoreError, match="no manifest.json"):
        read_manifest(tmp_path)
    root, infos = _write(tmp_path, coded)
    with pytest.raises(StoreError, match="not empty"):
        prepare_shard_dir(root)
    finish_manifest(root, infos, inputs=["samples"], run={})
    (root / infos[0].files["events"]).unlink()
    with pytest.raises(StoreError, match="missing"):
        read_manifest(root)


def test_shards_load_into_the_store_like_a_local_ingest(tmp_path, coded, samples):
    from eventwire.store import ingest_articles

    root, infos = _write(tmp_path, coded, extra_errors=[MalformedInputError("c.jsonl:2", "invalid JSON")])
    finish_manifest(root, infos, inputs=["samples"], run={})
    db = tmp_path / "shards.duckdb"
    first = load_shards_into_store(db, root)
    assert first["articles_new"] == len(samples) and first["errors"] == 1
    again = load_shards_into_store(db, root)  # idempotent, as ingest is
    assert again["articles_new"] == 0 and again["mentions_new"] == 0

    ingest_articles(samples, db=tmp_path / "local.duckdb", engine="local", workers=1)
    query = "SELECT * EXCLUDE (run_id) FROM mentions ORDER BY mention_id"
    with duckdb.connect(str(db), read_only=True) as a:
        from_shards = a.execute(query).fetchall()
    with duckdb.connect(str(tmp_path / "local.duckdb"), read_only=True) as b:
        from_local = b.execute(query).fetchall()
    assert from_shards == from_local and len(from_shards) == sum(len(ev) for _, ev in coded)
