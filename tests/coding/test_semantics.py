"""Semantic steps in isolation: modality -> code, attribution sources, frames."""

from __future__ import annotations

import pytest

from eventwire.coding import load_patterns
from eventwire.coding.attribution import in_sentence_attribution, paragraph_trailers
from eventwire.coding.semantics import Modality, adjust_code, is_question, modality

FRAMES = load_patterns().frames


@pytest.mark.parametrize(
    "code, mod, expected",
    [
        ("190", Modality(), ("190", "")),
        ("190", Modality(negated=True), (None, "negated")),
        ("0841", Modality(negated=True), ("1243", "refuse")),  # did not release = refused to release
        ("085", Modality(negated=True, future=True), ("1244", "refuse")),
        ("042", Modality(future=True), ("036", "intent")),
        ("073", Modality(future=True), ("0333", "intent")),
        ("163", Modality(future=True), ("1312", "threat")),
        ("190", Modality(future=True), ("1384", "threat")),
        ("111", Modality(future=True), ("111", "future")),
        ("190", Modality(conditional=True), (None, "conditional")),
        ("190", Modality(hypothetical=True), (None, "hypothetical")),
        ("0841", Modality(background=True), (None, "background")),
        ("057", Modality(negated=True, failed=True), ("127", "refuse")),  # failed to reach agreement
        ("057", Modality(negated=True), (None, "negated")),  # 'did not sign the deal' is no rejection
        ("190", Modality(negated=True, failed=True), (None, "negated")),
        ("0841", Modality(obligation=True), (None, "obligation")),
    ],
)
def test_adjust_code(code, mod, expected):
    assert adjust_code(code, mod, FRAMES) == expected


def test_modality_reads_the_parse(nlp):
    doc = nlp("Iran said it would send aid if the United Nations approved the plan.")
    send = next(t for t in doc if t.lemma_ == "send")
    m = modality(send, FRAMES)
    assert m.future and not m.negated and m.speaker is not None and m.speaker.text == "Iran"
    approve = next(t for t in doc if t.lemma_ == "approve")
    assert modality(approve, FRAMES).conditional


def test_question(nlp):
    assert is_question(next(nlp("Will Russia attack Ukraine?").sents))
    assert not is_question(next(nlp("Russia attacked Ukraine.").sents))


def test_paragraph_trailers():
    text = "Putin met Xi. (TASS)\nMarkets were calm.\nIran met Iraq (Reuters)\n"
    names = [name for _s, _e, name in paragraph_trailers(text)]
    assert names == ["TASS", "Reuters"]


def test_in_sentence_attribution(nlp):
    sent = next(nlp("Israeli jets struck Gaza, according to the Palestinian health ministry.").sents)
    assert in_sentence_attribution(sent) == "the Palestinian health ministry"
    sent = next(nlp("The exchange, reported by TASS, followed talks.").sents)
    assert in_sentence_attribution(sent) == "TASS"
    assert in_sentence_attribution(next(nlp("Putin met Xi.").sents)) is None


def test_background_kind(nlp):
    doc = nlp("The move came after the government released 100 prisoners, before talks resume.")
    release = next(t for t in doc if t.lemma_ == "release")
    m = modality(release, FRAMES)
    assert m.background and m.recalled  # an event before the main one
    resume = next(t for t in doc if t.lemma_ == "resume")
    m = modality(resume, FRAMES)
    assert m.background and not m.recalled  # 'before': one still to come
