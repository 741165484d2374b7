"""Readers: each kind of input, and bad input reported with its place and reason while the rest goes on."""

from __future__ import annotations

import io
import json
from datetime import date

from eventwire.errors import (
    BinaryInputError,
    EmptyInputError,
    EncodingInputError,
    InputError,
    MalformedInputError,
    TooLargeInputError,
    UnsupportedInputError,
)
from eventwire.ingest import read_inputs
from eventwire.ingest.decode import decode_text
from eventwire.ingest.readers import read_stream
from eventwire.model import Article


def _split(items):
    arts = [i for i in items if isinstance(i, Article)]
    errs = [i for i in items if isinstance(i, InputError)]
    return arts, errs


def test_txt_is_one_article_with_given_date(tmp_path):
    p = tmp_path / "story.txt"
    p.write_text("Russia and Cuba held talks.", encoding="utf-8")
    arts, errs = _split(list(read_inputs([p], default_date=date(2023, 6, 3))))
    assert errs == []
    assert [(a.id, a.date, a.text) for a in arts] == [("story", date(2023, 6, 3), "Russia and Cuba held talks.")]


def test_utf8_bom_is_stripped_and_offsets_stay_in_text(tmp_path):
    p = tmp_path / "bom.txt"
    p.write_bytes("\ufeffHavana said.".encode())
    (art,) = list(read_inputs([p]))
    assert art.text == "Havana said."


def test_jsonl_reads_fields_and_reports_bad_lines(tmp_path):
    p = tmp_path / "batch.jsonl"
    lines = [
        json.dumps({"id": "a1", "text": "First.", "date": "2020-02-29", "publisher": "X", "url": "u", "title": "t"}),
        "{not json",
        json.dumps({"id": "a3"}),
        json.dumps(["a", "list"]),
        "",
        json.dumps({"text": "No id here.", "date": "not a date"}),
    ]
    p.write_text("\n".join(lines) + "\n", encoding="utf-8")
    arts, errs = _split(list(read_inputs([p])))
    assert [a.id for a in arts] == ["a1", "batch-6"]
    assert arts[0].date == date(2020, 2, 29) and arts[0].publisher == "X" and arts[0].title == "t"
    assert arts[1].date is None  # a bad date loses the date, not the article
    assert [type(e) for e in errs] == [MalformedInputError] * 3
    assert errs[0].path.endswith("batch.jsonl:2") and "invalid JSON" in errs[0].reason
    assert errs[1].path.endswith(":3") and "text" in errs[1].reason


def test_csv_with_columns_and_missing_text_column(tmp_path):
    good = tmp_path / "good.csv"
    good.write_text('id,text,date\nc1,"Talks, then more talks.",2024-01-01\nc2,,\n', encoding="utf-8")
    bad = tmp_path / "bad.csv"
    bad.write_text("id,body\n1,hello\n", encoding="utf-8")
    arts, errs = _split(list(read_inputs([good, bad])))
    assert [(a.id, a.text, a.date) for a in arts] == [("c1", "Talks, then more talks.", date(2024, 1, 1))]
    assert len(errs) == 2
    assert errs[0].path.endswith("good.csv:3")
    assert errs[1].path.endswith("bad.csv") and "'text' column" in errs[1].reason


def test_directory_is_read_recursively_in_name_order(tmp_path):
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "two.txt").write_text("Two.", encoding="utf-8")
    (tmp_path / "a.txt").write_text("One.", encoding="utf-8")
    (tmp_path / ".hidden.txt").write_text("Hidden.", encoding="utf-8")
    (tmp_path / "notes.md").write_text("Not an input.", encoding="utf-8")
    arts, errs = _split(list(read_inputs([tmp_path])))
    assert [a.text for a in arts] == ["One.", "Two."]
    assert errs == []


def test_bad_files_each_give_a_reason_and_the_rest_goes_on(tmp_path):
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"  \n")
    binary = tmp_path / "image.txt"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    latin = tmp_path / "latin1.txt"
    latin.write_bytes("Bogot\xe1 said.".encode("latin-1"))
    pdf = tmp_path / "x.pdf"
    pdf.write_bytes(b"%PDF-1.4")
    good = tmp_path / "good.txt"
    good.write_text("Good text.", encoding="utf-8")
    items = list(read_inputs([empty, binary, latin, tmp_path / "missing.txt", pdf, good]))
    arts, errs = _split(items)
    assert [a.text for a in arts] == ["Good text."]
    kinds = [type(e) for e in errs]
    assert kinds == [EmptyInputError, BinaryInputError, EncodingInputError, InputError, UnsupportedInputError]
    assert "UTF-8" in errs[2].reason and "0xe1" in errs[2].reason
    assert all(str(tmp_path) in e.path for e in errs)


def test_enormous_input_is_refused_not_loaded():
    try:
        decode_text(b"a" * 101, where="big.txt", max_bytes=100)
    except TooLargeInputError as err:
        assert err.path == "big.txt" and "too large" in err.reason
    else:
        raise AssertionError("expected TooLargeInputError")


def test_stdin_stream():
    (art,) = list(read_stream(io.BytesIO(b"From stdin."), default_date=date(2022, 1, 1)))
    assert art.id == "stdin" and art.date == date(2022, 1, 1)
