"""Document memory, mentions in a sentence, and whole-article behaviour (issue 4)."""

from __future__ import annotations

import datetime as dt

import pytest

STORY = (
    "Russian Security Council Secretary Nikolai Patrushev met Cuban President Miguel Díaz-Canel and "
    "Raul Castro in Havana. Patrushev said Moscow would keep its promises. Castro thanked the Russian side. "
    "Officials in Havana responded by endorsing Moscow's actions."
)


@pytest.fixture(scope="module")
def story(nlp, resolver):
    doc = nlp(STORY)
    actors = resolver.for_document(doc, published=dt.date(2023, 6, 3))
    found = [pair for sent in doc.sents for pair in actors.mentions(sent)]
    return doc, actors, found


def by_text(found, text):
    hits = [a for span, a in found if span.text == text]
    assert hits, f"{text!r} not among {[s.text for s, _ in found]}"
    return hits[0]


def test_mentions_are_in_order_with_offsets(story):
    doc, _, found = story
    starts = [span.start_char for span, _ in found]
    assert starts == sorted(starts)
    for span, actor in found:
        assert (actor.start, actor.end) == (span.start_char, span.end_char)
        assert doc.text[actor.start : actor.end] == actor.text


def test_story_mentions_resolve(story):
    _, _, found = story
    assert by_text(found, "Russian Security Council Secretary Nikolai Patrushev").code == "RUSGOV"
    assert by_text(found, "Cuban President Miguel Díaz-Canel").name == "Miguel Díaz-Canel"
    assert by_text(found, "Raul Castro").name == "Raúl Castro"
    assert by_text(found, "Officials in Havana").code == "CUBGOV"
    assert by_text(found, "the Russian side").code == "RUS"


def test_surname_later_is_the_same_person(story):
    _, _, found = story
    later = by_text(found, "Patrushev")
    assert (later.name, later.code, later.basis) == ("Nikolai Patrushev", "RUSGOV", "memory")
    # "Castro" alone is ambiguous in the dictionary (Fidel, Raúl); the story named Raúl first.
    castro = by_text(found, "Castro")
    assert (castro.name, castro.code) == ("Raúl Castro", "CUBGOV")


def test_possessive_metonym_is_a_mention(story):
    _, _, found = story
    assert by_text(found, "Moscow's").code == "RUSGOV"


def test_unlisted_person_is_remembered(nlp, resolver):
    doc = nlp("Kenyan opposition leader Raila Odinga rejected the result. Odinga called for protests.")
    actors = resolver.for_document(doc)
    found = [pair for sent in doc.sents for pair in actors.mentions(sent)]
    odinga = by_text(found, "Odinga")
    assert (odinga.name, odinga.code) == ("Raila Odinga", "KENOPP")


def test_the_minister_refers_back_when_unambiguous(nlp, resolver):
    doc = nlp("Ukrainian Defence Minister Oleksii Reznikov visited the front. "
              "The minister said supplies were short.")
    actors = resolver.for_document(doc, published=dt.date(2022, 6, 1))
    found = [pair for sent in doc.sents for pair in actors.mentions(sent)]
    back = by_text(found, "The minister")
    assert (back.name, back.code, back.basis) == ("Oleksii Reznikov", "UKRMIL", "memory:title")


def test_the_minister_stays_unknown_when_two_were_named(nlp, resolver):
    doc = nlp(
        "Cuban Foreign Minister Juan Perez met Chilean Foreign Minister Pablo Soto. "
        "The minister said talks went well."
    )
    actors = resolver.for_document(doc)
    found = [pair for sent in doc.sents for pair in actors.mentions(sent)]
    back = by_text(found, "The minister")
    assert back.name is None and back.country is None


def test_memory_is_per_document(nlp, resolver):
    first = nlp("Kenyan opposition leader Raila Odinga spoke.")
    actors = resolver.for_document(first)
    [actors.mentions(s) for s in first.sents]
    second = nlp("Odinga spoke.")
    fresh = resolver.for_document(second)
    span = second[0:1]
    assert fresh.resolve(span).country is None


def test_resolve_never_returns_none(nlp, resolver):
    doc = nlp("The ( ) , of and it was raining in the quiet hills yesterday.")
    actors = resolver.for_document(doc)
    for i in range(len(doc)):
        for j in range(i + 1, min(len(doc), i + 4) + 1):
            a = actors.resolve(doc[i:j])
            assert a is not None and a.text == doc[i:j].text


def test_seed_style_sentence_mentions(nlp, resolver):
    doc = nlp(
        "In a display of sustained high-level diplomacy, Russian Security Council Vice President "
        "Dmitry Medvedev spoke by phone with Raul Castro, the longtime Cuban revolutionary leader, "
        "marking Castro's 92nd birthday."
    )
    actors = resolver.for_document(doc, published=dt.date(2023, 6, 3))
    found = actors.mentions(next(iter(doc.sents)))
    codes = [(span.text, a.code) for span, a in found]
    assert ("Russian Security Council Vice President Dmitry Medvedev", "RUSGOV") in codes
    assert any(text.startswith("Raul Castro") and code == "CUBGOV" for text, code in codes)
    assert ("Castro's", "CUBGOV") in codes


def test_a_possessive_pronoun_gives_its_body_to_an_office(mentions_in):
    found = mentions_in("Iran said its foreign minister would visit Ankara. Ostrava Glass Ltd "
                        "said its chairman resigned.")
    assert found["its foreign minister"].code == "IRNGOV"
    assert found["its chairman"].sector == "BUS"


def test_allies_are_not_the_country_whose_allies_they_are(mentions_in):
    found = mentions_in("Norway and its allies condemned the launch.")
    assert found["its allies"].country is None


def test_a_bare_conjunct_of_one_sector_shares_the_first_ones_country(mentions_in):
    found = mentions_in("Norwegian jets and helicopters struck the camp. Chadian forces and rebels "
                        "clashed.")
    assert found["helicopters"].code == "NORMIL"
    assert found["rebels"].country is None  # another sector: not the forces' country


def test_a_possessive_after_its_clause_subject_is_the_subjects(nlp, resolver):
    doc = nlp("Failing to persuade Putin, Lavrov offered his resignation at the meeting.")
    actors = resolver.for_document(doc)
    his = next(t for t in doc if t.lower_ == "his")
    assert actors.resolve(doc[his.i : his.i + 1]).name == "Sergei Lavrov"


def test_a_possessive_in_a_sentence_with_no_verb_resolves(nlp, resolver):
    # A headline fragment has a noun as its root: the walk up to the clause's verb must stop there.
    doc = nlp("Iran and its allies in the region.")
    actors = resolver.for_document(doc)
    its = next(t for t in doc if t.lower_ == "its")
    assert actors.resolve(doc[its.i : its.i + 1]).country == "IRN"
