"""`eventwire code` end to end, as a user runs it: a real subprocess, real files, the real pipeline."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from eventwire.samples import sample_path

SEED = Path(__file__).resolve().parents[2].parent / "shared" / "data" / "seed" / "article.txt"


def run_cli(*args: str, stdin: bytes | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "eventwire", *args], input=stdin, capture_output=True, timeout=300)


@pytest.fixture(scope="module")
def sample_events():
    proc = run_cli("code", str(sample_path()), "--format", "jsonl")
    assert proc.returncode == 0, proc.stderr.decode()
    return [json.loads(line) for line in proc.stdout.decode().splitlines()]


def test_version():
    proc = run_cli("--version")
    assert proc.returncode == 0 and proc.stdout.decode().startswith("eventwire ")


def test_every_emitted_event_validates_and_its_evidence_slices_the_article(sample_events):
    from eventwire.schema import validate_event

    texts = {}
    for line in Path(str(sample_path())).read_text(encoding="utf-8").splitlines():
        rec = json.loads(line)
        texts[rec["id"]] = rec["text"]
    assert len(sample_events) >= 14  # several events across the sample, not a trickle
    for ev in sample_events:
        validate_event(ev)
        text = texts[ev["article_id"]]
        assert text[ev["evidence"]["start"] : ev["evidence"]["end"]] == ev["evidence"]["text"]
        trig = ev["evidence"]
        assert text[trig["trigger_start"] : trig["trigger_end"]] == trig["trigger"]


def test_sample_covers_several_dyads_and_types(sample_events):
    types = {e["plover"] for e in sample_events}
    dyads = {(e["source"]["country"], (e["target"] or {}).get("country")) for e in sample_events}
    assert len(types) >= 6
    assert len(dyads) >= 6
    assert ("RUS", "CUB") in dyads


def test_bad_inputs_are_reported_one_line_each_and_the_rest_is_coded(tmp_path):
    empty = tmp_path / "empty.txt"
    empty.write_text("")
    binary = tmp_path / "binary.txt"
    binary.write_bytes(bytes(range(256)))
    latin = tmp_path / "latin1.txt"
    latin.write_bytes("Le président a rencontré.".encode("latin-1"))
    good = tmp_path / "good.txt"
    good.write_text("Russian President Vladimir Putin met Chinese President Xi Jinping in Beijing on Monday.")
    proc = run_cli("code", str(empty), str(binary), str(latin), str(good), "--format", "jsonl", "--date", "2024-05-20")
    assert proc.returncode == 0, proc.stderr.decode()
    err_lines = [ln for ln in proc.stderr.decode().splitlines() if "skipped" in ln]
    assert len(err_lines) == 3
    for path, reason in [(empty, "empty"), (binary, "binary"), (latin, "UTF-8")]:
        (line,) = [ln for ln in err_lines if str(path) in ln]
        assert reason in line
    events = [json.loads(ln) for ln in proc.stdout.decode().splitlines()]
    assert events and all(e["article_id"] == "good" for e in events)


def test_exit_code_is_non_zero_only_when_nothing_could_be_read(tmp_path):
    empty = tmp_path / "empty.txt"
    empty.write_text("   ")
    proc = run_cli("code", str(empty), "--format", "jsonl")
    assert proc.returncode != 0
    assert "empty" in proc.stderr.decode()


def test_stdin_csv_and_table_formats():
    text = b"Israel and Lebanon renewed negotiations on Tuesday."
    proc = run_cli("code", "-", "--format", "csv", "--date", "2022-10-04", stdin=text)
    assert proc.returncode == 0, proc.stderr.decode()
    header, *rows = proc.stdout.decode().splitlines()
    assert header.startswith("event_id,article_id,sentence,date")
    assert len(rows) >= 2  # reciprocal: both directions
    proc = run_cli("code", "-", "--format", "table", stdin=text)
    assert proc.returncode == 0
    assert proc.stdout.decode().splitlines()[0].startswith("DATE")


def test_bad_date_option_is_a_clear_error():
    proc = run_cli("code", "-", "--date", "yesterday", stdin=b"x")
    assert proc.returncode != 0 and "YYYY-MM-DD" in proc.stderr.decode()


@pytest.mark.skipif(not SEED.exists(), reason="the shared seed article is not present")
def test_seed_article_yields_the_three_founding_events():
    proc = run_cli("code", str(SEED), "--format", "jsonl", "--date", "2023-06-05")
    assert proc.returncode == 0, proc.stderr.decode()
    events = [json.loads(line) for line in proc.stdout.decode().splitlines()]
    text = SEED.read_text(encoding="utf-8")

    def has(cameo, src, tgt, needle):
        for e in events:
            if (
                e["cameo"] == cameo
                and e["source"]["country"] == src
                and (e["target"] or {}).get("country") == tgt
                and needle in e["evidence"]["text"]
            ):
                assert text[e["evidence"]["start"] : e["evidence"]["end"]] == e["evidence"]["text"]
                return e
        found = [(x["cameo"], x["source"]["code"], (x["target"] or {}).get("code")) for x in events]
        raise AssertionError(f"no {cameo} {src}->{tgt} event in {needle!r}: {found}")

    phone = has("041", "RUS", "CUB", "spoke by phone")
    assert "Medvedev" in phone["source"]["text"] and "Castro" in phone["target"]["text"]
    assert phone["plover"] == "CONSULT" and phone["attribution"] == "TASS"
    endorse = has("051", "CUB", "RUS", "endorsing Moscow")
    assert endorse["plover"] == "SUPPORT"
    visit = has("042", "RUS", "CUB", "Patrushev met with")
    assert visit["plover"] == "CONSULT" and visit["location"]["name"] == "Havana"
    assert visit["location"]["country"] == "CUB"


def test_two_local_workers_code_exactly_like_one(sample_events, tmp_path):
    proc = run_cli("code", str(sample_path()), "--format", "jsonl", "--workers", "2")
    assert proc.returncode == 0, proc.stderr.decode()
    assert [json.loads(line) for line in proc.stdout.decode().splitlines()] == sample_events


def test_address_without_ray_engine_is_refused():
    proc = run_cli("code", "-", "--address", "127.0.0.1:6379", stdin=b"x")
    assert proc.returncode != 0 and "--engine ray" in proc.stderr.decode()
