"""event_date on sentences parsed by the real pinned spaCy pipeline (issue 5)."""

from __future__ import annotations

import datetime as dt

import pytest

from eventwire.dates import EventDate, date_candidates, event_date

TUE = dt.date(2024, 3, 5)


def _trigger(doc, word):
    token = next(t for t in doc if t.text == word)
    return doc[token.i : token.i + 1]


def _date(nlp, text, word, published=TUE, **kwargs):
    doc = nlp(text)
    trigger = _trigger(doc, word)
    return event_date(trigger.sent, trigger, published, **kwargs)


CASES = [
    ("Russian forces shelled the town on Saturday.", "shelled", "2024-03-02", "day", "on Saturday"),
    ("Putin met Castro in Havana last month.", "met", "2024-02-01", "month", "last month"),
    (
        "Rebels attacked a convoy yesterday, officials said on Monday.",
        "attacked",
        "2024-03-04",
        "day",
        "yesterday",
    ),
    (
        "The government arrested 20 protesters earlier this year.",
        "arrested",
        "2024-01-01",
        "year",
        "earlier this year",
    ),
    ("Police detained the activist late last month.", "detained", "2024-02-01", "month", "late last month"),
    ("The foreign ministers met in Geneva three days ago.", "met", "2024-03-02", "day", "three days ago"),
    # The date of the clause the trigger is in, not of the reporting clause around it.
    (
        "The minister said on Monday that troops had attacked the village in March.",
        "attacked",
        "2024-03-01",
        "month",
        "in March",
    ),
    (
        "The minister said on Monday that troops had attacked the village in March.",
        "said",
        "2024-03-04",
        "day",
        "on Monday",
    ),
    (
        "On Monday, officials said rebels had attacked a convoy on Saturday.",
        "attacked",
        "2024-03-02",
        "day",
        "on Saturday",
    ),
    (
        "The president visited Kyiv last week, and he will return in the 1990s.",
        "visited",
        "2024-02-27",
        "day",
        "last week",
    ),
]


@pytest.mark.parametrize(("text", "word", "want", "precision", "expression"), CASES)
def test_event_date_from_the_trigger_clause(nlp, text, word, want, precision, expression):
    assert _date(nlp, text, word) == EventDate(want, "text", precision, expression)


def test_past_tense_of_the_same_sentence_is_dated(nlp):
    assert _date(nlp, "The ministers met on Friday.", "met").date == "2024-03-01"


def test_year_boundary_through_the_parser(nlp):
    got = _date(nlp, "Iran and Iraq signed a trade agreement on December 30.", "signed", dt.date(2024, 1, 2))
    assert got == EventDate("2023-12-30", "text", "day", "on December 30")


def test_sunday_published_on_a_sunday_is_that_day(nlp):
    got = _date(
        nlp, "Thousands of people protested in the capital on Sunday.", "protested", dt.date(2024, 3, 3)
    )
    assert got.date == "2024-03-03" and got.basis == "text"


FALLBACKS = [
    ("Protesters clashed with police in Tbilisi.", "clashed"),  # no date words at all
    ("The war in the 1990s devastated the region.", "devastated"),  # too vague
    ("The two leaders will meet next year.", "meet"),  # the future
    ("The ceasefire held for two days.", "held"),  # a duration, not a date
    ("The army has fought the insurgents since 2019.", "fought"),  # a bound, not a date
    ("Israel struck Gaza on February 30.", "struck"),  # an impossible date
    ("China condemned the March 3 missile test by North Korea.", "condemned"),  # the test's date
    # Future or scheduled: the weekday is not the last one before publication.
    ("The ministers will meet on Friday.", "meet"),
    ("The talks are scheduled to resume on Monday.", "resume"),
    ("The company is going to close the plant in March.", "close"),
    ("This week's meeting is due to end Friday.", "is"),
]


@pytest.mark.parametrize(("text", "word"), FALLBACKS)
def test_falls_back_to_publication(nlp, text, word):
    assert _date(nlp, text, word) == EventDate("2024-03-05", "publication", "day")


def test_without_publication_the_basis_is_unknown(nlp):
    assert _date(nlp, "The two leaders will meet next year.", "meet", None) == EventDate(
        None, "unknown", None
    )


def test_absolute_date_needs_no_publication(nlp):
    got = _date(nlp, "The rebels seized the town on March 3, 2021.", "seized", None)
    assert got == EventDate("2021-03-03", "text", "day", "on March 3, 2021")


def test_the_date_inside_a_noun_phrase_dates_that_noun_when_it_is_the_trigger(nlp):
    got = _date(nlp, "China condemned the March 3 missile test by North Korea.", "test")
    assert got == EventDate("2024-03-03", "text", "day", "March 3")


def test_closest_expression_first(nlp):
    doc = nlp("On Monday, officials said rebels had attacked a convoy on Saturday.")
    said = _trigger(doc, "said")
    assert date_candidates(said.sent, said)[0] == "On Monday"


def test_doc_cache_is_filled_and_reused(nlp):
    cache: dict = {}
    first = _date(nlp, "Russian forces shelled the town on Saturday.", "shelled", doc_date_cache=cache)
    assert cache == {("on Saturday", TUE): first}
    cache[("on Saturday", TUE)] = EventDate("2000-01-01", "text", "day", "on Saturday")
    again = _date(nlp, "Russian forces shelled the town on Saturday.", "shelled", doc_date_cache=cache)
    assert again.date == "2000-01-01"


def test_a_token_trigger_works_too(nlp):
    doc = nlp("Russian forces shelled the town on Saturday.")
    token = next(t for t in doc if t.text == "shelled")
    assert event_date(token.sent, token, TUE).date == "2024-03-02"


def test_garbage_sentence_never_raises(nlp):
    doc = nlp("\x00\ufffd 32/13/2020 ??? the 1990s next year February 30 $$$")
    sent = next(iter(doc.sents))
    got = event_date(sent, sent[0:1], TUE)
    assert got.basis == "publication" and got.date == "2024-03-05"


def test_date_inside_a_multiword_trigger_phrase_belongs_to_its_noun(nlp):
    doc = nlp("Libya distanced itself from the March accord.")
    trigger = doc[1:7]  # "distanced itself from the March accord"
    assert event_date(trigger.sent, trigger, TUE).basis == "publication"


def test_line_breaks_inside_an_expression(nlp):
    got = _date(nlp, "The bank cut its rates last\nmonth.", "cut")
    assert got == EventDate("2024-02-01", "text", "month", "last month")
