"""Gold readers, the fixed split, scoring, and `eventwire eval` on small gold files of our own."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from eventwire.errors import GoldFileError
from eventwire.evaluation import evaluate, format_report, read_gold
from eventwire.evaluation.gold import GoldRecord, label_of_type
from eventwire.evaluation.scoring import ScoredEvent, score

TSV_HEADER = "\tsentence_id\tsentence\tmarked_sentence\tsource\ttarget\tgold_root\n"
ROWS = [
    ("Russia attacked Ukraine on Monday.", "ASSAULT", "Russia", "Ukraine"),
    ("The United States lifted sanctions on Sudan.", "YIELD", "The United States", "Sudan"),
    ("Japan pledged to send economic aid to Sri Lanka.", "AGREE", "Japan", "Sri Lanka"),
    ("The weather was mild in Paris.", "CONSULT", "France", "Germany"),
]


@pytest.fixture()
def plv_file(tmp_path):
    path = tmp_path / "gold.tsv"
    body = "".join(f"{i}\t{i}\t{s}\t{s}\t{src}\t{tgt}\t{lab}\n" for i, (s, lab, src, tgt) in enumerate(ROWS))
    path.write_text(TSV_HEADER + body, encoding="utf-8")
    return path


def test_read_plv_tsv_and_yield_label(plv_file):
    records = read_gold(plv_file)
    assert [r.label for r in records] == ["ASSAULT", "YIELD", "AGREE", "CONSULT"]
    assert records[1].types == {"CONCEDE", "RETREAT"}
    assert records[0].sources == ("Russia",) and records[0].targets == ("Ukraine",)
    assert label_of_type("RETREAT", {"YIELD", "AGREE"}) == "YIELD"


def test_read_plover_json_and_jsonl(tmp_path):
    recs = [{"text": "Iran met Iraq.", "event": "CONSULT",
             "source": [{"actorText": "Iran", "code": "IRN", "sector": "GOV"}],
             "target": [{"actorText": "Iraq", "code": "IRQ", "sector": ""}]}]
    as_json = tmp_path / "g.json"
    as_json.write_text(json.dumps(recs))
    as_jsonl = tmp_path / "g.jsonl"
    as_jsonl.write_text("\n".join(json.dumps(r) for r in recs))
    for path in (as_json, as_jsonl):
        (rec,) = read_gold(path)
        assert (rec.label, rec.sources, rec.targets) == ("CONSULT", ("Iran",), ("Iraq",))


def test_heldout_split_is_the_tail_of_each_label(tmp_path):
    path = tmp_path / "g.jsonl"
    path.write_text("\n".join(json.dumps({"text": f"s{i}", "event": lab}) for i, lab in
                              enumerate(["A"] * 10 + ["B"] * 10)))
    held = read_gold(path, split="heldout")
    assert [r.row for r in held] == [7, 8, 9, 17, 18, 19]
    tune = read_gold(path, split="tune")
    assert len(tune) == 14 and not {r.row for r in tune} & {r.row for r in held}


@pytest.mark.parametrize("content, suffix, msg", [
    ("a\tb\n1\t2\n", ".tsv", "columns"),
    ("{not json", ".json", "invalid JSON"),
    ('[{"text": "x"}]', ".json", "needs 'text' and 'event'"),
    ("x", ".txt", "unknown gold format"),
])
def test_bad_gold_files(tmp_path, content, suffix, msg):
    path = tmp_path / f"gold{suffix}"
    path.write_text(content)
    with pytest.raises(GoldFileError, match=msg):
        read_gold(path)


def test_scoring_counts():
    rec = GoldRecord(0, "t", "ASSAULT", frozenset({"ASSAULT"}), ("Russia",), ("Ukraine",))
    rec2 = GoldRecord(1, "t", "YIELD", frozenset({"CONCEDE", "RETREAT"}), ("US",), ("Sudan",))
    rec3 = GoldRecord(2, "t", "AGREE", frozenset({"AGREE"}), ("Japan",), ())
    ev = [
        ScoredEvent("ASSAULT", 4, "190", "Russia", "Ukraine", 0.9, "r"),
        ScoredEvent("ACCUSE", 3, "111", "China", "Russia", 0.9, "r"),
    ]
    ev2 = [ScoredEvent("RETREAT", 2, "085", "The US", "Sudan", 0.9, "r")]
    report = score([(rec, ev), (rec2, ev2), (rec3, [])], quad_of_label={"ASSAULT": 4, "ACCUSE": 3, "YIELD": 2,
                   "RETREAT": 2, "AGREE": 1}, gold_path="x", split="all")
    assert report.sentences == 3 and report.with_event == 2
    assert report.type_recall == pytest.approx(2 / 3)
    assert report.event_precision == pytest.approx(2 / 3)
    assert report.matched_type_accuracy == pytest.approx(2 / 3)
    assert report.quad_accuracy == pytest.approx(2 / 3)
    assert report.actor_overlap == 1.0
    assert report.per_type["ACCUSE"].precision == 0.0
    assert [m.kind for m in report.misses] == ["no event"]


def test_plv_placeholder_actor_is_no_actor(tmp_path):
    # The PLV file writes 'a recipient' / 'An actor' where the sentence names no one.
    path = tmp_path / "gold.tsv"
    rows = [("Teachers went on strike in Denver.", "PROTEST", "Teachers", "a recipient"),
            ("Three people were arrested.", "COERCE", "An actor", "Three people")]
    body = "".join(f"{i}\t{i}\t{s}\t{s}\t{src}\t{tgt}\t{lab}\n" for i, (s, lab, src, tgt) in enumerate(rows))
    path.write_text(TSV_HEADER + body, encoding="utf-8")
    first, second = read_gold(path)
    assert first.sources == ("Teachers",) and first.targets == ()
    assert second.sources == () and second.targets == ("Three people",)


def test_actor_misses_are_listed():
    rec = GoldRecord(0, "t", "ASSAULT", frozenset({"ASSAULT"}), ("Russia",), ("Ukraine",))
    rec2 = GoldRecord(1, "t", "ASSAULT", frozenset({"ASSAULT"}), (), ("Kyiv",))
    ev = [ScoredEvent("ASSAULT", 4, "190", "KYIV", "Ukraine", 0.9, "r")]
    ev2 = [ScoredEvent("ASSAULT", 4, "190", "Russia", "Kyiv", 0.9, "r")]
    report = score([(rec, ev), (rec2, ev2)], quad_of_label={"ASSAULT": 4}, gold_path="x", split="all")
    assert report.actor_overlap == 0.5  # a side with no gold actor passes
    assert [m.record.row for m in report.actor_misses] == [0]
    assert "actors miss the gold actors (1)" in format_report(report, errors=True)


def test_evaluate_end_to_end(plv_file):
    report = evaluate(plv_file)
    assert report.sentences == 4
    assert report.per_type["ASSAULT"].recall == 1.0
    assert report.per_type["YIELD"].recall == 1.0
    assert report.per_type["AGREE"].recall == 1.0
    assert report.per_type["CONSULT"].recall == 0.0
    text = format_report(report, errors=True)
    assert "type recall" in text and "The weather was mild" in text


def test_cli_eval(plv_file):
    from eventwire.cli.app import app

    result = CliRunner().invoke(app, ["eval", str(plv_file), "--errors"])
    assert result.exit_code == 0, result.output
    assert "actor-matched type accuracy" in result.output
    result = CliRunner().invoke(app, ["eval", str(plv_file), "--json"])
    assert json.loads(result.output)["sentences"] == 4
    bad = CliRunner().invoke(app, ["eval", str(plv_file) + ".missing"])
    assert bad.exit_code != 0


def test_shared_gold_file_when_present():
    from pathlib import Path

    path = Path(__file__).resolve().parents[2] / ".." / "shared" / "data" / "gold" / "plv_train.tsv"
    if not path.exists():
        pytest.skip("shared gold file not present")
    records = read_gold(path)
    assert len(records) == 1050
    assert sum(r.split == "heldout" for r in records) == 315


def test_none_records_count_false_events(tmp_path):
    # Records that report no event: their events are false ones (against precision), not in recall.
    path = tmp_path / "dev.jsonl"
    lines = [
        {"id": "x1", "type": "ASSAULT", "text": "Rebels shelled the garrison town of Korvo.", "source": "Rebels",
         "target": "the garrison town"},
        {"id": "x2", "type": None, "none": True, "text": "Tunisia beat Ghana 2-0 in Sunday's final."},
        {"id": "x3", "type": None, "none": True, "text": "Would Moscow retaliate?"},
    ]
    path.write_text("\n".join(json.dumps(line) for line in lines), encoding="utf-8")
    records = read_gold(path)
    assert [r.label for r in records] == ["ASSAULT", "NONE", "NONE"]
    assert records[1].types == frozenset()
    ev = [ScoredEvent("ASSAULT", 4, "190", "Rebels", "the garrison town", 0.9, "r")]
    false = [ScoredEvent("ASSAULT", 4, "190", "Tunisia", "Ghana", 0.9, "r")]
    report = score([(records[0], ev), (records[1], false), (records[2], [])], quad_of_label={"ASSAULT": 4},
                   gold_path=str(path), split="all")
    assert report.sentences == 1 and report.type_recall == 1.0
    assert report.none_sentences == 2 and report.none_with_event == 1
    assert report.false_alarm_share == 0.5
    assert report.event_precision == 0.5
    assert report.per_type["ASSAULT"].predicted == 2
    assert [m.kind for m in report.misses] == ["false event"]
    assert "no-event sentences given an event" in format_report(report, errors=True)


def test_a_header_record_naming_the_source_is_skipped(tmp_path):
    path = tmp_path / "dev.jsonl"
    path.write_text(json.dumps({"source": "written for this test", "format": "id, type, text"}) + "\n"
                    + json.dumps({"type": "PROTEST", "text": "Nurses marched in Lagos.", "source": "Nurses"}),
                    encoding="utf-8")
    (record,) = read_gold(path)
    assert record.label == "PROTEST" and record.sources == ("Nurses",)
