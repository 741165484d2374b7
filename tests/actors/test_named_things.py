"""Accords and rounds of talks named after the place they were made name no party (actors/data/named_things.json);
a country's own agreement keeps its country (real spaCy)."""

from __future__ import annotations

import pytest

from eventwire.actors.document import noun_phrase


def _resolved(nlp, resolver, text: str, head: str):
    doc = nlp(text)
    tok = next(t for t in doc if t.text == head)
    return resolver.for_document(doc).resolve(noun_phrase(tok))


@pytest.mark.parametrize("text, head", [
    ("The Israeli cabinet rejected the Oslo Accords outright on Sunday.", "Accords"),
    ("The senator strongly backed the Uruguay Round.", "Round"),
    ("Delegates walked out of the Doha Round talks on Friday.", "talks"),
])
def test_an_accord_named_after_a_place_is_no_party(nlp, resolver, text, head):
    actor = _resolved(nlp, resolver, text, head)
    assert actor.country is None and not actor.code, actor


def test_a_country_named_in_front_of_its_own_agreement_stays(nlp, resolver):
    assert _resolved(nlp, resolver, "Tehran defended the Iran nuclear agreement again.", "agreement").country == "IRN"
