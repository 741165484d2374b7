"""tools/build_ontology.py: text repair and crosswalk parsing, and (with ../shared present) that the
bundled data files are what the reference files give."""

from __future__ import annotations

import csv
import importlib.util
import os
from pathlib import Path

import pytest

from eventwire.ontology import load_ontology

REPO = Path(__file__).resolve().parents[2]
REFERENCE = Path(os.environ.get("EVENTWIRE_REFERENCE_DIR", REPO.parent / "shared" / "data" / "reference"))
needs_reference = pytest.mark.skipif(
    not (REFERENCE / "cameo-codes.csv").exists(), reason=f"reference data not found at {REFERENCE}"
)


@pytest.fixture(scope="module")
def build():
    spec = importlib.util.spec_from_file_location("build_ontology", REPO / "tools" / "build_ontology.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.mark.parametrize(
    ("raw", "clean"),
    [
        ("coded as \ufffd\ufffd\ufffdApologize\ufffd\ufffd\ufffd (064) instead. ",
         'coded as "Apologize" (064) instead.'),
        ("the source actor\ufffd\ufffd\ufffds own behalf", "the source actor's own behalf"),
        ("exchange\ufffd\ufffd\ufffdare coded", "exchange - are coded"),
        ("  Make   statement ", "Make statement"),
    ],
)
def test_clean_text(build, raw, clean):
    assert build.clean_text(raw) == clean


def test_clean_name_capitalises(build):
    assert build.clean_name("fight with small arms ") == "Fight with small arms"


def test_read_crosswalk(build, tmp_path):
    table = tmp_path / "table.txt"
    table.write_text(
        "# header\n"
        "08: CONCEDE\n"
        "1322: THREATEN, ban ,   pro_autocracy # Threaten to ban\n"
        "1124: ACCUSE, allege, military; legal # Accuse of war crimes\n"
        "040: CONSULT, ,  # Consult\n"
        "08: RETREAT\n",
        encoding="utf-8",
    )
    entries = build.read_crosswalk(table)
    assert [(e["cameo"], e["plover"], e["mode"], e["context"]) for e in entries] == [
        ("08", "CONCEDE", None, []),
        ("1322", "THREATEN", "ban", ["pro_autocracy"]),
        ("1124", "ACCUSE", "allege", ["military", "legal"]),
        ("040", "CONSULT", None, []),
        ("08", "RETREAT", None, []),
    ]
    codes = [{"code": c} for c in ("01", "010", "08", "040", "1124", "1322")]
    mappings = {m["cameo"]: m for m in build.build_mappings(codes, entries, [])}
    assert mappings["08"]["plover"] == "CONCEDE" and "RETREAT" in mappings["08"]["note"]
    assert mappings["010"]["plover"] is None and mappings["010"]["none_reason"]


@needs_reference
def test_bundled_files_are_up_to_date(build, capsys):
    assert build.main([str(REFERENCE), "--check"]) == 0, capsys.readouterr().out


@needs_reference
def test_facts_match_the_codebook_and_descriptions_are_ours():
    onto = load_ontology()
    with (REFERENCE / "cameo-codes.csv").open(encoding="utf-8", errors="replace", newline="") as f:
        rows = list(csv.DictReader(f))
    assert len(rows) == 312
    for row in rows:
        rec = onto.cameo[row["code"]]
        assert rec.goldstein == float(row["goldstein"]), row["code"]
        assert rec.root == row["root_code"]
        assert rec.name.lower() == " ".join(row["name"].split()).lower()
        # Other people's text is not copied: our descriptions are our own words.
        assert rec.description.strip() != row["description"].strip(), row["code"]
