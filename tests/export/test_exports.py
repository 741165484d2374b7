"""Each export's columns and values, over a small store built from hand-made events."""

from __future__ import annotations

import csv
import io
import json
from datetime import date
from pathlib import Path

import pyarrow.parquet as pq
import pytest

from eventwire.errors import ExportError
from eventwire.export import FORMATS, GDELT_COLUMNS, ICEWS_COLUMNS, export_events
from eventwire.model import Actor, Article, Event, Evidence, Location
from eventwire.store import EventFilter, StoreWriter, open_store


def _event(art: Article, *, source, target, cameo, day, sentence=0, location=None, trigger="visited"):
    def actor(code, text):
        if code is None:
            return Actor(text=text, basis="unresolved")
        return Actor(text=text, name=text.title(), code=code, country=code[:3], sector=code[3:] or None)

    return Event(
        article_id=art.id,
        sentence=sentence,
        source=actor(*source),
        target=actor(*target) if target else None,
        cameo=cameo,
        cameo_name=f"name of {cameo}",
        plover="CONSULT",
        plover_mode=None,
        plover_context=["diplomatic", "economic"],
        quad_class=1,
        goldstein=-2.0 if cameo.startswith("1") else 1.9,
        evidence=Evidence(
            start=0, end=len(art.text), text=art.text, trigger=trigger, trigger_start=5, trigger_end=12
        ),
        rule="test",
        confidence=0.8,
        date=day,
        date_basis="text",
        date_precision="day",
        location=location,
        location_basis="text" if location else None,
        attribution=None,
        publisher=art.publisher,
        url=art.url,
    )


@pytest.fixture(scope="module")
def store(tmp_path_factory) -> Path:
    db = tmp_path_factory.mktemp("export") / "s.duckdb"
    havana = Location(
        name="Havana", country="CUB", admin1="CU.02", lat=23.1330, lon=-82.3830, geonameid=3553478
    )
    cuba = Location(name="Cuba", country="CUB")
    a = Article(
        id="a",
        text="Medvedev visited Havana.",
        publisher="TASS",
        url="https://ex.org/a",
        date=date(2023, 6, 3),
    )
    b = Article(
        id="b", text="Medvedev\tarrived in\nHavana.", publisher="Reuters", url=None, date=date(2023, 6, 4)
    )
    c = Article(
        id="c", text="Rebels attacked troops.", publisher="AP", url="https://ex.org/c", date=date(2020, 1, 2)
    )
    items = [
        (
            a,
            [
                _event(
                    a,
                    source=("RUSGOV", "medvedev"),
                    target=("CUBGOV", "cuba"),
                    cameo="042",
                    day="2023-06-03",
                    location=havana,
                )
            ],
        ),
        (
            b,
            [
                _event(
                    b,
                    source=("RUSGOV", "medvedev"),
                    target=("CUBGOV", "cuba"),
                    cameo="042",
                    day="2023-06-04",
                    sentence=2,
                    location=havana,
                )
            ],
        ),
        (
            c,
            [
                _event(
                    c,
                    source=("SYRREB", "rebels"),
                    target=(None, "troops"),
                    cameo="190",
                    day="2020-01-02",
                    location=cuba,
                ),
                _event(
                    c,
                    source=("SYRREB", "rebels"),
                    target=None,
                    cameo="0874",
                    day="2020-01-02",
                    sentence=1,
                    trigger="retreat",
                ),
            ],
        ),
    ]
    writer = StoreWriter(db)
    writer.start_run(inputs=["t"], engine="local", workers=1)
    for art, events in items:
        writer.add_article(art, events)
    writer.flush()
    writer.finish_run()
    return db


def export_text(db, fmt, **filters) -> str:
    out = io.StringIO()
    export_events(db, fmt=fmt, out=out, where=EventFilter(**filters) if filters else None)
    return out.getvalue()


def test_gdelt_has_61_columns_in_order_with_codes_as_strings(store):
    lines = export_text(store, "gdelt").splitlines()
    assert len(lines) == 3  # the two Havana reports are one event
    rows = [line.split("\t") for line in lines]
    assert all(len(r) == 61 for r in rows)
    by = {r[GDELT_COLUMNS.index("EventCode")]: dict(zip(GDELT_COLUMNS, r, strict=True)) for r in rows}
    visit = by["042"]
    assert (visit["EventBaseCode"], visit["EventRootCode"]) == ("042", "04")
    assert (visit["SQLDATE"], visit["MonthYear"], visit["Year"]) == ("20230603", "202306", "2023")
    assert (visit["Actor1Code"], visit["Actor1CountryCode"], visit["Actor1Type1Code"]) == (
        "RUSGOV",
        "RUS",
        "GOV",
    )
    assert visit["Actor2Code"] == "CUBGOV" and visit["IsRootEvent"] == "1"
    assert (visit["NumMentions"], visit["NumSources"], visit["NumArticles"]) == ("2", "2", "2")
    assert visit["ActionGeo_Type"] == "4" and visit["ActionGeo_CountryCode"] == "CU"  # FIPS, as GDELT
    assert visit["ActionGeo_ADM1Code"] == "CU02" and visit["ActionGeo_FeatureID"] == "3553478"
    assert visit["ActionGeo_Lat"] == "23.133" and visit["GoldsteinScale"] == "1.9"
    assert visit["SOURCEURL"] == "https://ex.org/a" and len(visit["DATEADDED"]) == 14
    assert int(visit["GLOBALEVENTID"]) < 2**63
    assert by["0874"]["EventBaseCode"] == "087" and by["0874"]["EventRootCode"] == "08"
    attack = by["190"]
    assert attack["Actor2Code"] == "" and attack["Actor2Name"] == ""  # an uncoded actor is left empty
    assert attack["ActionGeo_Type"] == "1" and attack["IsRootEvent"] == "1"


def test_icews_columns(store):
    rows = list(csv.reader(io.StringIO(export_text(store, "icews")), delimiter="\t"))
    assert tuple(rows[0]) == ICEWS_COLUMNS
    recs = [dict(zip(ICEWS_COLUMNS, r, strict=True)) for r in rows[1:]]
    visit = next(r for r in recs if r["CAMEO Code"] == "042")
    assert visit["Source Country"] == "Russia" and visit["Target Country"] == "Cuba"
    assert visit["Event Date"] == "2023-06-03" and visit["Source Sectors"] == "GOV"
    assert visit["City"] == "Havana" and visit["Country"] == "Cuba" and visit["Story ID"] == "a"


def test_csv_is_the_events_table(store):
    rows = list(csv.DictReader(io.StringIO(export_text(store, "csv"))))
    with open_store(store) as con:
        columns = [r[0] for r in con.execute("DESCRIBE events").fetchall()]
    assert list(rows[0]) == columns
    assert {r["cameo"] for r in rows} == {"042", "190", "0874"}
    assert rows[0]["plover_context"] == "diplomatic;economic"


def test_parquet_keeps_types(store, tmp_path):
    out = tmp_path / "e.parquet"
    assert export_events(store, fmt="parquet", out=out) == 3
    table = pq.read_table(out)
    assert str(table.schema.field("date").type) == "date32[day]"
    assert str(table.schema.field("cameo").type) == "string"
    assert sorted(table.column("cameo").to_pylist()) == ["042", "0874", "190"]
    with pytest.raises(ExportError, match="binary"):
        export_events(store, fmt="parquet", out=io.StringIO())


def test_plover_lines_carry_every_mention_with_evidence(store):
    lines = [json.loads(x) for x in export_text(store, "plover").splitlines()]
    visit = next(x for x in lines if x["cameo"] == "042")
    assert visit["mention_count"] == 2 and visit["source_count"] == 2
    assert visit["source"]["code"] == "RUSGOV" and visit["plover"] == "CONSULT"
    assert sorted(m["article_id"] for m in visit["mentions"]) == ["a", "b"]
    assert {m["evidence"]["text"] for m in visit["mentions"]} == {
        "Medvedev visited Havana.",
        "Medvedev\tarrived in\nHavana.",
    }


def test_filters(store):
    assert len(export_text(store, "gdelt", country="cub").splitlines()) == 1
    assert len(export_text(store, "gdelt", since=date(2021, 1, 1)).splitlines()) == 1
    assert len(export_text(store, "gdelt", until=date(2021, 1, 1)).splitlines()) == 2
    assert len(export_text(store, "gdelt", cameo="08").splitlines()) == 1
    assert len(export_text(store, "gdelt", plover="consult").splitlines()) == 3


def test_unknown_format_is_refused(store):
    assert "gdelt" in FORMATS
    with pytest.raises(ExportError, match="unknown export format"):
        export_events(store, fmt="xlsx", out=io.StringIO())


def test_cli_export_to_stdout_and_file(store, tmp_path):
    import subprocess
    import sys

    run = subprocess.run(
        [
            sys.executable,
            "-m",
            "eventwire",
            "export",
            "--db",
            str(store),
            "--format",
            "gdelt",
            "--cameo",
            "04",
        ],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert run.returncode == 0, run.stderr
    assert [len(line.split("\t")) for line in run.stdout.splitlines()] == [61]
    assert "exported 1 event(s)" in run.stderr
    out = tmp_path / "x.parquet"
    run = subprocess.run(
        [sys.executable, "-m", "eventwire", "export", "--db", str(store), "-f", "parquet"],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert run.returncode != 0 and "--out" in run.stderr
    assert not out.exists()


def test_cli_export_min_confidence(store):
    import subprocess
    import sys

    def export(*extra: str) -> subprocess.CompletedProcess:
        return subprocess.run([sys.executable, "-m", "eventwire", "export", "--db", str(store), "-f", "csv", *extra],
                              capture_output=True, text=True, timeout=120)

    every, confident = export(), export("--min-confidence", "1.0")
    assert every.returncode == 0 and confident.returncode == 0, every.stderr + confident.stderr
    counts = [int(r.stderr.split("exported ")[1].split(" ")[0]) for r in (every, confident)]
    assert counts[1] < counts[0]
    bad = export("--min-confidence", "2")
    assert bad.returncode != 0 and "min_confidence" in bad.stderr and "Traceback" not in bad.stderr
