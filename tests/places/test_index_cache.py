"""The built gazetteer kept on disk between runs (places/index_cache.py, issue 3 start-up): a shortcut that
never changes what is loaded, never fails a load, and never outlives the data or code it was built from."""

from __future__ import annotations

import pickle
import shutil
from pathlib import Path

import pytest

from eventwire.places import DATA_DIR, Gazetteer, index_cache
from eventwire.places.loading import load_gazetteer

# The load without the per-process lru_cache, as a new process would run it.
load_fresh = load_gazetteer.__wrapped__


@pytest.fixture
def cache_home(tmp_path, monkeypatch) -> Path:
    home = tmp_path / "cache"
    monkeypatch.setenv("XDG_CACHE_HOME", str(home))
    return home


def _index(gazetteer: Gazetteer) -> tuple:
    return (list(gazetteer._index.items()), gazetteer._main_keys, gazetteer._curated, gazetteer.size)


def _cache_files(home: Path) -> list[Path]:
    return sorted((home / "eventwire").glob("gazetteer-*.pickle"))


def test_the_second_load_reads_what_the_first_built(cache_home):
    built = load_fresh(str(DATA_DIR))
    assert len(_cache_files(cache_home)) == 1
    read = load_fresh(str(DATA_DIR))
    assert read is not built
    assert _index(read) == _index(built)
    assert read.lookup("Kiev")[0].name == built.lookup("Kiev")[0].name


def test_a_corrupt_cache_file_is_built_over(cache_home):
    load_fresh(str(DATA_DIR))
    [path] = _cache_files(cache_home)
    path.write_bytes(b"not a pickle")
    assert load_fresh(str(DATA_DIR)).lookup("Havana")
    assert pickle.loads(path.read_bytes()).size > 30000  # rewritten whole


def test_a_cache_file_holding_something_else_is_built_over(cache_home):
    load_fresh(str(DATA_DIR))
    [path] = _cache_files(cache_home)
    path.write_bytes(pickle.dumps({"not": "a gazetteer"}))
    assert isinstance(load_fresh(str(DATA_DIR)), Gazetteer)


def test_an_unwritable_cache_directory_still_loads(tmp_path, monkeypatch):
    blocker = tmp_path / "a-file"
    blocker.write_text("", encoding="utf-8")
    monkeypatch.setenv("XDG_CACHE_HOME", str(blocker / "under-a-file"))  # no directory can be made there
    assert load_fresh(str(DATA_DIR)).lookup("Havana")
    assert not list(tmp_path.glob("**/*.pickle"))


def test_changed_data_is_built_afresh(cache_home, tmp_path):
    data = tmp_path / "gazetteer"
    shutil.copytree(DATA_DIR, data)
    assert load_fresh(str(data)).lookup("Zyxwville") == []
    supp = data / "supplementary.tsv"
    supp.write_text(
        supp.read_text(encoding="utf-8") + "city\tZyxwville\tITA\t\t37.7\t15.0\t0\t\n", encoding="utf-8"
    )
    assert [p.country for p in load_fresh(str(data)).lookup("Zyxwville")] == ["ITA"]
    assert len(_cache_files(cache_home)) == 1, "the index of the old data is removed"


def test_the_key_covers_the_code_that_builds_the_index(monkeypatch):
    before = index_cache.cache_key(DATA_DIR)
    monkeypatch.setattr(index_cache, "__version__", "0.0.0-other")
    assert index_cache.cache_key(DATA_DIR) != before
    monkeypatch.setattr(index_cache, "_BUILD_SOURCES", ("gazetteer.py",))
    assert index_cache.cache_key(DATA_DIR) not in (before, None)


def test_an_unreadable_directory_is_left_to_the_build_to_report(tmp_path):
    assert index_cache.cache_key(tmp_path / "missing") is None
