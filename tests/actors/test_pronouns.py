"""Pronouns resolve to the one actor of the right kind before them, or stay unresolved (issue 3's actor work)."""

from __future__ import annotations

import pytest


def pronoun(nlp, resolver, text, word, nth=0, *, order=None):
    doc = nlp(text)
    actors = resolver.for_document(doc)
    for i in order or []:
        # Resolve other phrases first (as a coder may, out of reading order): the result must not change.
        actors.resolve(doc[i : i + 1])
    hits = [t for t in doc if t.text == word]
    tok = hits[nth]
    return actors.resolution(doc[tok.i : tok.i + 1])


@pytest.mark.parametrize(
    ("text", "word", "code", "name"),
    [
        ("Brazilian President Luiz Inacio Lula da Silva said he would veto the bill.", "he", "BRAGOV",
         "Luiz Inácio Lula da Silva"),
        ("The Kenyan interior minister said he had ordered an inquiry.", "he", "KENGOV", None),
        ("Norway said it would expel two diplomats.", "it", "NOR", None),
        ("The African Union said it was sending envoys.", "it", "IGOAFU", "African Union"),
        ("Colombian soldiers said they had found the camp.", "they", "COLMIL", None),
        ("Hezbollah said it had launched drones.", "it", "LBNREB", "Hezbollah"),
    ],
)
def test_pronoun_takes_the_antecedent(nlp, resolver, text, word, code, name):
    res = pronoun(nlp, resolver, text, word)
    assert res.is_actor, res.why
    assert res.actor.code == code, res.why
    assert res.actor.text == word  # the evidence stays the pronoun's own words
    assert res.actor.basis.startswith("pronoun:")
    if name:
        assert res.actor.name == name


def test_pronoun_in_a_later_sentence(nlp, resolver):
    text = "Chilean Foreign Minister Alberto van Klaveren arrived in Lima. He met students there."
    res = pronoun(nlp, resolver, text, "He")
    assert res.actor.code == "CHLGOV" and res.actor.name == "Alberto van Klaveren", res.why


@pytest.mark.parametrize(
    ("text", "word"),
    [
        # Two different people before "he": which one is not for us to guess.
        ("Emmanuel Macron told Olaf Scholz that he would call back.", "he"),
        ("Emmanuel Macron met Olaf Scholz in Paris. He said the talks went well.", "He"),
        # A coordination is no single actor for "they".
        ("Peru and Bolivia said they would reopen the border.", "they"),
        # "it" as an object is mostly a thing acted on.
        ("The treaty was drafted by Finland. Sweden signed it.", "it"),
        # A thing as subject before "it" may be what "it" means.
        ("The ceasefire was brokered by Qatar. It took effect at dawn.", "It"),
        # Nothing before the pronoun.
        ("She said the vote would go ahead.", "She"),
        # Too far back: three sentences of no one in between.
        ("Uruguay's president spoke first. The rain stopped. The hall emptied. The lights went out. "
         "He left.", "He"),
    ],
)
def test_pronoun_stays_unresolved(nlp, resolver, text, word):
    res = pronoun(nlp, resolver, text, word)
    assert not res.is_actor, res.why
    assert res.actor.code is None and res.actor.basis == "unresolved:pronoun"


def test_possessive_is_resolved_but_no_actor_phrase(nlp, resolver):
    res = pronoun(nlp, resolver, "Japan said its navy would join the drill.", "its")
    assert res.actor.code == "JPN"
    assert not res.is_actor  # whose the navy is, not an actor standing alone


def test_call_order_does_not_matter(nlp, resolver):
    text = "Nikolai Patrushev flew to Havana. Patrushev said he was pleased."
    in_order = pronoun(nlp, resolver, text, "he")
    # Resolve the bare surname and the pronoun before the full name was ever asked for.
    doc = nlp(text)
    actors = resolver.for_document(doc)
    he = next(t for t in doc if t.text == "he")
    surname = [t for t in doc if t.text == "Patrushev"][1]
    early = actors.resolution(doc[he.i : he.i + 1])
    later = actors.resolution(doc[surname.i : surname.i + 1])
    assert early.actor.code == in_order.actor.code == "RUSGOV", early.why
    assert early.actor.name == "Nikolai Patrushev"
    assert later.actor.name == "Nikolai Patrushev"


def test_pronouns_are_not_remembered_as_people(nlp, resolver):
    doc = nlp("Indian Prime Minister Narendra Modi said he would go. He later cancelled.")
    actors = resolver.for_document(doc)
    for tok in doc:
        if tok.lower_ == "he":
            assert actors.resolve(doc[tok.i : tok.i + 1]).code == "INDGOV"
    assert ("he",) not in actors._people


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("I met the Congolese army commander in Goma.", "I"),
        ("We visited the Rwandan refugee camp on Monday.", "We"),
        ("The Malian foreign minister told me the talks had failed.", "me"),
        ("The Nigerien envoy met us in Niamey.", "us"),
    ],
)
def test_first_person_is_no_actor(nlp, resolver, text, word):
    # The writer ('I', 'we' outside quotes) is no party to the news; inside quotes the coder reads the speaker.
    res = pronoun(nlp, resolver, text, word)
    assert not res.is_actor, res.why


def _phrase(nlp, resolver, text, phrase):
    doc = nlp(text)
    start = text.index(phrase)
    return resolver.for_document(doc).resolution(doc.char_span(start, start + len(phrase)))


@pytest.mark.parametrize(("text", "phrase", "code"), [
    ("A senior Kenyan official said his country stood behind the pact.", "his country", "KEN"),
    ("The Kenyan foreign minister said his government would send troops.", "his government", "KENGOV"),
    ("President Assad said his troops would retake the town.", "his troops", "SYRMIL"),
])
def test_a_speakers_country_and_state_offices_are_the_speakers(nlp, resolver, text, phrase, code):
    res = _phrase(nlp, resolver, text, phrase)
    assert res.actor.code == code, res.why


def test_a_persons_private_connections_are_not_their_country(nlp, resolver):
    res = _phrase(nlp, resolver, "President Assad said his lawyer had filed the papers.", "his lawyer")
    assert res.actor.country is None, res.why
