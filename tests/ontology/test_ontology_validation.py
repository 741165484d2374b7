"""Corrupted copies of the data files must fail to load with a DataFileError naming the file."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from eventwire.errors import DataFileError
from eventwire.ontology import DATA_DIR, load_ontology

CAMEO, PLOVER, CROSSWALK = "cameo_codes.json", "plover.json", "cameo_plover.json"


def _codes(d):
    return d["codes"]


def _by_code(records, code, key="code"):
    return next(r for r in records if r[key] == code)


def dup_code(d):
    d["codes"].append(dict(_by_code(d["codes"], "041")))


def goldstein_out_of_range(d):
    _by_code(d["codes"], "190")["goldstein"] = -11


def goldstein_bool(d):
    _by_code(d["codes"], "190")["goldstein"] = True


def root_missing(d):
    d["codes"] = [r for r in d["codes"] if r["code"] != "04"]


def wrong_root(d):
    _by_code(d["codes"], "041")["root"] = "05"


def quad_mismatch(d):
    _by_code(d["codes"], "041")["quad_class"] = 2


def not_a_code(d):
    _by_code(d["codes"], "041")["code"] = "41x"


def quad_root_malformed(d):
    d["quad_classes"][0]["roots"].append("4")


def no_source(d):
    del d["source"]


def extension_without_reason(d):
    del d["extensions"][0]["reason"]


def unknown_type(d):
    _by_code(d["mappings"], "041", "cameo")["plover"] = "CONSULTT"


def unknown_mode(d):
    _by_code(d["mappings"], "041", "cameo")["mode"] = "fone"


def mode_of_other_type(d):
    _by_code(d["mappings"], "041", "cameo")["mode"] = "arrest"


def unknown_context(d):
    _by_code(d["mappings"], "0331", "cameo")["context"] = ["economy"]


def mapping_missing(d):
    d["mappings"] = [m for m in d["mappings"] if m["cameo"] != "173"]


def mapped_twice(d):
    d["mappings"].append(dict(_by_code(d["mappings"], "173", "cameo")))


def none_without_reason(d):
    del _by_code(d["mappings"], "010", "cameo")["none_reason"]


def mapping_for_unknown_code(d):
    d["mappings"].append({"cameo": "0419", "plover": "CONSULT", "mode": None, "context": []})


def extension_mode_removed(d):
    d["crosswalk_extensions"]["modes"] = [
        m for m in d["crosswalk_extensions"]["modes"] if m["name"] != "pro_autocracy"
    ]


def extension_context_removed(d):
    d["crosswalk_extensions"]["contexts"] = []


def duplicate_mode(d):
    consult = _by_code(d["types"], "CONSULT", "name")
    consult["modes"].append(dict(consult["modes"][0]))


def type_quad_out_of_range(d):
    _by_code(d["types"], "AID", "name")["quad_class"] = 5


CASES = [
    (CAMEO, dup_code, "duplicate code"),
    (CAMEO, goldstein_out_of_range, "outside [-10, 10]"),
    (CAMEO, goldstein_bool, "wrong type"),
    (CAMEO, root_missing, "parent 04"),
    (CAMEO, wrong_root, "root '05'"),
    (CAMEO, quad_mismatch, "quad_class 2"),
    (CAMEO, not_a_code, "not a CAMEO code"),
    (CAMEO, quad_root_malformed, "not a CAMEO root"),
    (CAMEO, no_source, "missing 'source'"),
    (CAMEO, extension_without_reason, "reason"),
    (CROSSWALK, unknown_type, "CONSULTT"),
    (CROSSWALK, unknown_mode, "'fone' is not a CONSULT mode"),
    (CROSSWALK, mode_of_other_type, "'arrest' is not a CONSULT mode"),
    (CROSSWALK, unknown_context, "'economy'"),
    (CROSSWALK, mapping_missing, "173"),
    (CROSSWALK, mapped_twice, "mapped more than once"),
    (CROSSWALK, none_without_reason, "none_reason"),
    (CROSSWALK, mapping_for_unknown_code, "0419"),
    (CROSSWALK, no_source, "missing 'source'"),
    (PLOVER, duplicate_mode, "duplicate mode"),
    (PLOVER, type_quad_out_of_range, "quad_class must be 1-4"),
    (PLOVER, no_source, "missing 'source'"),
]


def _copy_data(tmp_path: Path) -> Path:
    for name in (CAMEO, PLOVER, CROSSWALK):
        shutil.copy(DATA_DIR / name, tmp_path / name)
    return tmp_path


def _edit(path: Path, mutate) -> None:
    data = json.loads(path.read_text(encoding="utf-8"))
    mutate(data)
    path.write_text(json.dumps(data), encoding="utf-8")


def test_clean_copy_loads(tmp_path):
    onto = load_ontology(data_dir=_copy_data(tmp_path))
    assert len(onto.cameo) == len(load_ontology().cameo)
    assert onto.sources[0].endswith(CAMEO)


@pytest.mark.parametrize(("name", "mutate", "reason"), CASES, ids=[c[1].__name__ for c in CASES])
def test_corrupted_file_names_itself(tmp_path, name, mutate, reason):
    data_dir = _copy_data(tmp_path)
    _edit(data_dir / name, mutate)
    with pytest.raises(DataFileError) as exc:
        load_ontology(data_dir=data_dir)
    err = exc.value
    assert Path(err.path).name == name
    assert reason in err.reason
    assert str(data_dir / name) in str(err) and err.code == "E003"


@pytest.mark.parametrize(
    ("mutate", "reason"),
    [(extension_mode_removed, "'pro_autocracy' is not a ASSAULT mode"),
     (extension_context_removed, "unknown PLOVER context")],
)
def test_crosswalk_values_outside_the_manual_need_the_allow_list(tmp_path, mutate, reason):
    # The allow-list lives in plover.json but the crosswalk is what breaks without it.
    data_dir = _copy_data(tmp_path)
    _edit(data_dir / PLOVER, mutate)
    with pytest.raises(DataFileError) as exc:
        load_ontology(data_dir=data_dir)
    assert Path(exc.value.path).name == CROSSWALK
    assert reason in exc.value.reason


def test_single_file_override(tmp_path):
    bad = tmp_path / "my_codes.json"
    shutil.copy(DATA_DIR / CAMEO, bad)
    _edit(bad, goldstein_out_of_range)
    with pytest.raises(DataFileError) as exc:
        load_ontology(cameo_file=bad)
    assert exc.value.path == str(bad.resolve())


@pytest.mark.parametrize(
    ("content", "reason"),
    [(b'{"source": "x", "codes": [', "invalid JSON at line 1"),
     (b"\xff\xfe{}", "not UTF-8"),
     (b"[]", "top level must be a JSON object")],
)
def test_unreadable_file(tmp_path, content, reason):
    data_dir = _copy_data(tmp_path)
    (data_dir / CAMEO).write_bytes(content)
    with pytest.raises(DataFileError) as exc:
        load_ontology(data_dir=data_dir)
    assert Path(exc.value.path).name == CAMEO
    assert reason in exc.value.reason


def test_missing_file(tmp_path):
    with pytest.raises(DataFileError, match="file not found"):
        load_ontology(data_dir=tmp_path)
