"""The pattern data: validated on load, and covering every CAMEO root and PLOVER type."""

from __future__ import annotations

import pytest

from eventwire.coding import EventCoder, load_patterns
from eventwire.coding.pattern_table import EVENTS_FILE
from eventwire.errors import DataFileError


def test_bundled_patterns_cover_every_cameo_root_and_plover_type():
    from eventwire.ontology import load_ontology

    ontology = load_ontology()
    patterns = load_patterns()
    roots = {p.cameo[:2] for p in patterns.patterns}
    assert roots >= {f"{i:02d}" for i in range(1, 21)}
    types = {ontology.for_cameo(p.cameo).plover for p in patterns.patterns} - {None}
    frames = patterns.frames
    for kind in ("intent", "threat", "reject", "demand"):
        types |= {ontology.for_cameo(c).plover for c in frames.mappings[kind].values()}
    assert types >= set(ontology.plover)


def test_frame_mapping_longest_prefix_wins():
    frames = load_patterns().frames
    assert frames.map_code("intent", "0841") == "0353"
    assert frames.map_code("intent", "073") == "0333"
    assert frames.map_code("threat", "163") == "1312"
    assert frames.map_code("reject", "085") == "1244"


def _write(tmp_path, body: str, *, header: bool = True):
    head = "# source: test patterns written for this test\nid\ttrigger\tpos\tcameo\ttarget\twhen\tflags\n"
    path = tmp_path / "events.tsv"
    path.write_text((head if header else "") + body, encoding="utf-8")
    return path


@pytest.mark.parametrize(
    "row, reason",
    [
        ("meet_v\tmeet\tV\t999\tobj\t-\t\n", "not a CAMEO code"),
        ("meet_v\tmeet\tV\t0499\tobj\t-\t\n", "not in the ontology"),
        ("meet_v\tmeet\tX\t040\tobj\t-\t\n", "pos must be"),
        ("meet_v\tmeet\tV\t040\tobj\n", "columns"),
        ("meet_v\tmeet\tV\t040\twhom\t-\t\n", "target role"),
        ("meet_v\tmeet\tV\t040\tobj\tcolour=red\t\n", "unknown constraint"),
        ("meet_v\tmeet\tV\t040\tobj\t-\tframe=wish\n", "unknown frame"),
        ("meet_v\tmeet\tV\t040\tobj\t-\t\nmeet_v\tmeet\tV\t040\tobj\t-\t\n", "duplicate"),
    ],
)
def test_bad_pattern_rows_are_refused_with_the_line(tmp_path, row, reason):
    path = _write(tmp_path, row)
    with pytest.raises(DataFileError) as err:
        EventCoder.load(patterns_file=path)
    assert reason in str(err.value)
    assert str(path) in str(err.value)


def test_pattern_file_must_name_its_source(tmp_path):
    path = tmp_path / "events.tsv"
    path.write_text("id\ttrigger\tpos\tcameo\ttarget\twhen\tflags\nmeet_v\tmeet\tV\t040\tobj\t-\t\n")
    with pytest.raises(DataFileError, match="source"):
        load_patterns(patterns_file=path)


def test_missing_pattern_file(tmp_path):
    with pytest.raises(DataFileError, match="not found"):
        load_patterns(patterns_file=tmp_path / "nope.tsv")


def test_a_custom_pattern_file_is_used(tmp_path, nlp, resolver):
    path = _write(tmp_path, "greet_v\tgreet\tV\t051\tobj\t-\t\n")
    coder = EventCoder.load(patterns_file=path)
    doc = nlp("The Kenyan president greeted the Pope.")
    cands = coder.code(doc, resolver.for_document(doc))
    assert [(c.cameo, c.rule) for c in cands] == [("051", "greet_v")]
    assert EVENTS_FILE.exists()


def test_bundled_table_reads_every_events_file_and_rejects_repeated_ids(tmp_path, monkeypatch):
    from eventwire.coding import pattern_table

    files = pattern_table.bundled_pattern_files()
    assert files[0] == EVENTS_FILE
    loaded = {p.id for p in load_patterns().patterns}
    for path in files:
        assert {p.id for p in pattern_table.read_patterns(path)} <= loaded
    # A second file repeating an id is refused with both file names.
    first = _write(tmp_path, "greet_v\tgreet\tV\t051\tobj\t-\t\n")
    second = tmp_path / "events_more.tsv"
    second.write_text(first.read_text(encoding="utf-8"), encoding="utf-8")
    monkeypatch.setattr(pattern_table, "EVENTS_FILE", first)
    monkeypatch.setattr(pattern_table, "PATTERN_DIR", tmp_path)
    with pytest.raises(DataFileError, match="already defined in events.tsv"):
        load_patterns()


def test_a_block_row_codes_nothing_and_stops_a_tied_row(tmp_path, nlp, resolver):
    # Two rows of equal specificity: the block row listed first stops the other, though it codes nothing.
    path = _write(
        tmp_path,
        "kill_block\tkill\tV\t180\tobj\tsubj=storm\tblock\n"
        "kill_any\tkill\tV\t180\tobj\tsubj=storm\t-\n"
        "kill_v\tkill\tV\t180\tobj\t-\t-\n",
    )
    coder = EventCoder.load(patterns_file=path)
    assert next(p for p in coder.patterns.patterns if p.id == "kill_block").block
    for text, rules in (("A storm killed two Cuban fishermen.", []), ("Rebels killed Cuban fishermen.", ["kill_v"])):
        doc = nlp(text)
        assert [c.rule for c in coder.code(doc, resolver.for_document(doc))] == rules


def test_misread_lemmas_find_their_rows_and_need_no_rows_of_their_own():
    from eventwire.coding.pattern_table import read_patterns

    ids = {p.id for p in read_patterns(EVENTS_FILE.parent / "events_cooperation.tsv")}
    assert not {"co_forgive_mislemma", "co_extol_mislemma"} & ids


def test_coder_json_data_files_are_validated(tmp_path):
    from eventwire.coding.pattern_table import irregular_forms
    from eventwire.datafiles import read_json_data, word_list

    bad = tmp_path / "x.json"
    bad.write_text("{not json", encoding="utf-8")
    with pytest.raises(DataFileError, match="invalid JSON"):
        read_json_data(bad)
    bad.write_text('{"heads": ["value"]}', encoding="utf-8")
    with pytest.raises(DataFileError, match="'source'"):
        read_json_data(bad)
    good = tmp_path / "y.json"
    good.write_text('{"source": "a test", "heads": ["Value", "Courage"], "forms": {"meet": "met"}}', encoding="utf-8")
    data = read_json_data(good)
    assert word_list(data, "heads", good) == {"value", "courage"}
    with pytest.raises(DataFileError, match="'forms' must be a list of strings"):
        word_list(data, "forms", good)
    with pytest.raises(DataFileError, match="lemma -> list of forms"):
        irregular_forms(good)
    assert irregular_forms()["meet"]  # the bundled file


def test_bundled_word_lists_load():
    from eventwire.coding.instruments import instruments
    from eventwire.coding.word_lists import non_actor_words

    assert instruments().weapons["airstrike"].isdigit() and "storm" in instruments().agentless
    assert "value" in non_actor_words("heads") and "anyone" in non_actor_words("generic_doers")
