"""The learned stage's training sentences: validated data, no torch needed."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from eventwire.errors import DataFileError
from eventwire.learned.examples import EXAMPLES_FILE, MIN_PER_LABEL, NONE_LABEL, examples_digest, load_examples
from eventwire.ontology import load_ontology


@pytest.fixture(scope="module")
def examples():
    return load_examples()


def test_every_plover_type_and_none_has_enough_sentences(examples):
    counts: dict[str, int] = {}
    for ex in examples:
        counts[ex.label] = counts.get(ex.label, 0) + 1
    for label in [*load_ontology().plover, NONE_LABEL]:
        assert counts.get(label, 0) >= MIN_PER_LABEL, label


def test_codes_agree_with_their_type(examples):
    onto = load_ontology()
    for ex in examples:
        if ex.label != NONE_LABEL:
            assert onto.cameo[ex.cameo].plover == ex.label, ex


def _write(tmp_path: Path, rows: list[str], *, source: bool = True) -> Path:
    path = tmp_path / "examples.tsv"
    head = ["# source: test"] if source else []
    path.write_text("\n".join([*head, "label\tcameo\ttext", *rows]) + "\n", encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("rows", "reason"),
    [
        (["ASSAULT\t041\tRebels shelled the town."], "is PLOVER CONSULT, not ASSAULT"),
        (["FIGHT\t190\tRebels shelled the town."], "not a PLOVER type"),
        (["ASSAULT\t9999\tRebels shelled the town."], "unknown CAMEO code"),
        (["NONE\t190\tThe weather was fine."], "takes '-'"),
        (["ASSAULT\t190"], "3 tab-separated columns"),
        (["ASSAULT\t190\tRebels shelled the town.", "ASSAULT\t195\trebels shelled the town."], "repeats"),
        (["ASSAULT\t190\tRebels shelled the town."], "fewer than"),
    ],
)
def test_bad_rows_are_reported_with_their_line(tmp_path, rows, reason):
    with pytest.raises(DataFileError, match=reason):
        load_examples(_write(tmp_path, rows))


def test_the_file_must_name_its_source(tmp_path):
    with pytest.raises(DataFileError, match="source"):
        load_examples(_write(tmp_path, ["ASSAULT\t190\tRebels shelled the town."], source=False))


def test_shipped_weights_were_computed_from_the_shipped_examples():
    # Stale weights would make every process re-train at load: rerun tools/train_learned.py.
    weights = json.loads((EXAMPLES_FILE.parent / "weights.json").read_text(encoding="utf-8"))
    assert weights["examples_sha256"] == examples_digest(EXAMPLES_FILE)
    assert sorted(weights["classifier"]["labels"]) == sorted([*load_ontology().plover, NONE_LABEL])


def test_missing_torch_gives_the_install_hint(monkeypatch):
    import sys

    from eventwire.errors import ModelNotInstalledError
    from eventwire.learned.encoder import SentenceEncoder

    for key in ("HF_HUB_OFFLINE", "TRANSFORMERS_OFFLINE", "HF_HUB_DISABLE_TELEMETRY",
                "HF_HUB_DISABLE_PROGRESS_BARS", "TRANSFORMERS_VERBOSITY"):
        monkeypatch.setenv(key, os.environ.get(key, ""))  # restored after the test
    monkeypatch.setitem(sys.modules, "torch", None)  # import torch now raises ImportError
    with pytest.raises(ModelNotInstalledError, match="pip install"):
        SentenceEncoder.load()
