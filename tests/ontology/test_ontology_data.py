"""The bundled ontology: coverage of the crosswalk, spot checks against the reference facts, lookups."""

from __future__ import annotations

import dataclasses
import pickle

import pytest

from eventwire.errors import UnknownCodeError
from eventwire.ontology import Ontology, load_ontology

PLOVER_TYPES = [
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
    "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
]  # fmt: skip


@pytest.fixture(scope="module")
def onto() -> Ontology:
    return load_ontology()


def test_counts(onto):
    assert sum(c.in_codebook for c in onto.cameo.values()) == 312
    assert [c for c, rec in onto.cameo.items() if not rec.in_codebook] == ["1214"]
    assert sorted(onto.plover) == sorted(PLOVER_TYPES)
    manual_contexts = [c for c in onto.contexts.values() if c.origin == "manual"]
    assert len(manual_contexts) == 37


def test_every_code_has_a_plover_type_or_says_why_not(onto):
    for code, rec in onto.cameo.items():
        if rec.root == "01":
            assert rec.plover is None, code
            assert rec.plover_none_reason and "PLOVER" in rec.plover_none_reason, code
            assert rec.plover_mode is None and rec.plover_context == ()
        else:
            assert rec.plover in onto.plover, code
            assert rec.plover_none_reason is None


def test_appeals_are_requests_like_their_demand_twins(onto):
    # PLOVER's REQUEST is "all requests, demands, and orders": each 02 code reads as its 10 twin.
    appeals = [c for c in onto.cameo if c.startswith("02")]
    assert len(appeals) > 20
    for code in appeals:
        rec, twin = onto.cameo[code], onto.cameo["10" + code[2:]]
        assert rec.plover == "REQUEST", code
        assert (rec.plover_mode, rec.plover_context) == (twin.plover_mode, twin.plover_context), code
    assert onto.cameo["023"].plover_mode == "assist" and onto.cameo["0253"].plover_context == ("legal",)


def test_modes_and_contexts_of_every_mapping_exist(onto):
    for code, rec in onto.cameo.items():
        if rec.plover is None:
            continue
        assert onto.is_valid_mode(rec.plover, rec.plover_mode), code
        assert all(c in onto.contexts for c in rec.plover_context), code


@pytest.mark.parametrize(
    ("code", "plover", "mode", "context"),
    [
        ("041", "CONSULT", "phone", ()),
        ("042", "CONSULT", "visit", ()),
        ("043", "CONSULT", "visit", ()),
        ("044", "CONSULT", "third-party", ()),
        ("051", "SUPPORT", None, ("diplomatic",)),
        ("057", "SUPPORT", None, ("diplomatic",)),
        ("0331", "AGREE", None, ("economic",)),
        ("111", "ACCUSE", "disapprove", ()),
        ("1124", "ACCUSE", "allege", ("military", "legal")),
        ("173", "COERCE", "arrest", ("legal",)),
        ("190", "ASSAULT", None, ("military",)),
        ("163", "COERCE", "restrict", ("diplomatic",)),
        ("1712", "ASSAULT", "seize", ("human_security",)),
        ("201", "ASSAULT", "cleansing", ("religion_ethnicity",)),
        ("1214", "REJECT", "assist", ("intelligence",)),
    ],
)
def test_crosswalk_spot_checks(onto, code, plover, mode, context):
    rec = onto.cameo[code]
    assert (rec.plover, rec.plover_mode, rec.plover_context) == (plover, mode, context)


@pytest.mark.parametrize(
    ("code", "goldstein", "quad"),
    [("190", -10.0, 4), ("041", 1.0, 1), ("057", 8.0, 1), ("0874", 10.0, 2), ("173", -5.0, 4),
     ("111", -2.0, 3), ("01", 0.0, 1), ("1214", -4.0, 3)],
)
def test_goldstein_and_quad(onto, code, goldstein, quad):
    assert onto.goldstein(code) == goldstein
    assert onto.quad_class(code) == quad
    assert isinstance(onto.cameo[code].goldstein, float)


@pytest.mark.parametrize(
    ("roots", "quad"),
    [(range(1, 6), 1), (range(6, 9), 2), (range(9, 14), 3), (range(14, 21), 4)],
)
def test_quad_class_follows_the_root(onto, roots, quad):
    for r in roots:
        root = f"{r:02d}"
        codes = [c for c in onto.cameo.values() if c.root == root]
        assert codes, root
        assert {c.quad_class for c in codes} == {quad}, root


def test_root_08_splits_into_concede_and_retreat(onto):
    for code, rec in onto.cameo.items():
        if rec.root != "08":
            continue
        if code in ("0813", "0814") or code[:3] in ("084", "085", "086", "087"):
            assert rec.plover == "RETREAT", code
        else:
            assert rec.plover == "CONCEDE", code
    assert onto.cameo["08"].plover == "CONCEDE"


def test_stray_spaces_are_normalised(onto):
    assert onto.cameo["1322"].plover_mode == "ban"
    assert onto.cameo["0861"].plover_mode == "access"
    modes = [rec.plover_mode for rec in onto.cameo.values() if rec.plover_mode]
    assert all(m == m.strip() and " " not in m for m in modes)


def test_crosswalk_extensions_are_marked_and_used(onto):
    used_modes = {(r.plover, r.plover_mode) for r in onto.cameo.values()}
    used_contexts = {c for r in onto.cameo.values() for c in r.plover_context}
    extra_modes = {(t.name, m.name) for t in onto.plover.values() for m in t.modes if m.origin == "crosswalk"}
    extra_contexts = {c.name for c in onto.contexts.values() if c.origin == "crosswalk"}
    assert ("ASSAULT", "pro_autocracy") in extra_modes
    assert extra_contexts == {"humanitarian", "democracy"}
    # An allow-list entry no code uses would hide a typo in the data.
    assert extra_modes <= used_modes
    assert extra_contexts <= used_contexts
    assert onto.plover["CONSULT"].mode("phone").origin == "manual"


def test_plover_types_as_in_the_manual(onto):
    assert onto.plover["CONSULT"].mode_names == ("visit", "third-party", "multilateral", "phone")
    assert onto.plover["AGREE"].modes == ()
    assert {n for n, t in onto.plover.items() if t.requires_recipient} == {"COOPERATE", "AID", "SANCTION"}
    quads = {n: t.quad_class for n, t in onto.plover.items()}
    assert [n for n in PLOVER_TYPES if quads[n] == 1] == ["AGREE", "CONSULT", "SUPPORT", "CONCEDE"]
    assert [n for n in PLOVER_TYPES if quads[n] == 2] == ["COOPERATE", "AID", "RETREAT"]
    assert all(t.description for t in onto.plover.values())
    assert all(m.description for t in onto.plover.values() for m in t.modes)


def test_for_cameo_falls_back_to_parent(onto):
    assert onto.for_cameo("04").name == "CONSULT"
    assert onto.for_cameo("041").code == "041"
    assert onto.for_cameo("0415").code == "041"  # 4-digit code not in the book
    assert onto.for_cameo("049").code == "04"  # 3-digit code not in the book
    assert onto.root("0415") == "04"
    assert onto.cameo["0211"].parent == "021" and onto.cameo["02"].parent is None


@pytest.mark.parametrize("bad", ["", "4", "00", "21", "99", "04a", "04155", "abc"])
def test_for_cameo_rejects_non_codes(onto, bad):
    with pytest.raises(UnknownCodeError) as exc:
        onto.for_cameo(bad)
    assert exc.value.code == "E004"
    with pytest.raises(KeyError):
        onto.quad_class(bad)


def test_cameo_for_plover(onto):
    assert onto.cameo_for_plover("CONSULT") == ["04", "040", "041", "042", "043", "044", "045", "046"]
    assert "163" in onto.cameo_for_plover("COERCE")
    assert "175" in onto.cameo_for_plover("ASSAULT")
    with pytest.raises(UnknownCodeError):
        onto.cameo_for_plover("MEET")


def test_records_are_frozen_and_descriptions_present(onto):
    rec = onto.cameo["041"]
    with pytest.raises(dataclasses.FrozenInstanceError):
        rec.goldstein = 3.0  # type: ignore[misc]
    assert all(c.description and c.name for c in onto.cameo.values())


def test_loaded_once_and_pickles(onto):
    assert load_ontology() is onto
    again = pickle.loads(pickle.dumps(onto))
    assert again.cameo == onto.cameo and again.plover == onto.plover


def test_plover_quad_differs_from_cameo_only_for_concede_and_appeals(onto):
    # docs/ontology.md says so: CONCEDE is verbal cooperation although CAMEO root 08 is material, and an
    # appeal (CAMEO 02, verbal cooperation) is a REQUEST, which PLOVER counts as verbal conflict.
    differ = {
        c.plover for c in onto.cameo.values() if c.plover and onto.plover[c.plover].quad_class != c.quad_class
    }
    assert differ == {"CONCEDE", "REQUEST"}
    assert {c.root for c in onto.cameo.values() if c.plover == "REQUEST" and c.quad_class != 3} == {"02"}
