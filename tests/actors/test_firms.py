"""Firms an article names with a legal form or a ticker stay firms when named bare (round 8 of issue 3)."""

from __future__ import annotations

import json

import pytest

from eventwire.actors.firms import firm_marks, firm_names, title_firm_names, title_marks_firm
from eventwire.errors import DataFileError


def test_a_legal_form_names_the_firm_and_each_leading_part_of_its_name():
    names = firm_names("On Monday Harlow Pumps Corp said it would sell its valve unit.")
    assert names[("harlow",)] == names[("harlow", "pumps")] == "Harlow Pumps"
    assert ("pumps",) not in names  # a later part alone is no name of the firm


def test_tickers_and_bracketed_names_mark_firms():
    names = firm_names("Kestrel Mining Inc <KMI> rose. <Quill Data Systems> fell. Brisk Air Corp (BRK.N) held.")
    assert names[("kestrel",)] == names[("kmi",)] == "Kestrel Mining"
    assert names[("quill", "data", "systems")] == "Quill Data Systems"
    assert names[("brk",)] == "Brisk Air"


@pytest.mark.parametrize("text, name", [
    ("Weald Tools Co's <WTC> unit", "Weald Tools"),          # possessive form before a ticker
    ("a venture with Marsh, Pollard and Co Inc", "Pollard"),  # a comma closes the name; 'and Co' is the form
    ("It sold them to The Fenwick Group Ltd.", "Fenwick Group"),  # a leading article is not the name
    ("Fenwick Group Ltd. Separately Orla Inc fell.", "Orla"),  # a full stop ends the sentence before
])
def test_where_a_firm_name_starts_and_ends(text, name):
    assert name in set(firm_names(text).values())


def test_no_legal_form_no_firm():
    assert firm_names("The Nigerian government fined the oil company 20 million dollars.") == {}


def test_a_bad_marks_file_is_a_data_file_error(tmp_path):
    bad = tmp_path / "firm_names.json"
    bad.write_text(json.dumps({"source": "test", "legal_forms": "Corp", "name_joiners": [],
                               "words_before_names": [], "max_name_words": 6}))
    with pytest.raises(DataFileError, match="legal_forms"):
        firm_marks(bad)
    bad.write_text(json.dumps({"legal_forms": ["Corp"]}))
    with pytest.raises(DataFileError, match="source"):
        firm_marks(bad)


def test_a_bare_name_is_the_firm_named_with_its_legal_form(mentions_in):
    found = mentions_in("Kestrel Mining Inc reported higher profits. Kestrel later sold two mines. "
                        "Hollis Metals bought them.")
    assert found["Kestrel"].sector == "BUS" and found["Kestrel"].name == "Kestrel Mining"
    assert found["Hollis Metals"].sector is None  # named nowhere with a legal form: unknown, not a firm


def test_a_dictionary_name_is_not_taken_for_a_firm(mentions_in):
    # 'American' starts 'American Express Co', but a demonym that the dictionaries know stays one.
    found = mentions_in("American Express Co opened an office. American officials welcomed it.")
    assert found["American officials"].country == "USA"


def test_a_region_named_as_a_firm_is_the_firm_in_that_article(mentions_in):
    # The firm reading wins only over a state or province; a country or a capital stays what it is.
    found = mentions_in("Halcyon Air bid for Tuscany Aviation Inc on Monday. Halcyon Air said talks with "
                        "Tuscany would resume.")
    tuscany = found["Tuscany"]
    assert (tuscany.sector, tuscany.basis) == ("BUS", "memory:firm")
    elsewhere = mentions_in("The governor of Tuscany met the Italian prime minister in Rome.")
    assert any(a.country == "ITA" for text, a in elsewhere.items() if "Tuscany" in text)


def test_an_office_a_firm_tells_of_is_the_firms(mentions_in):
    found = mentions_in("Brackley Rail Corp said president Nora Quill resigned to pursue other interests.")
    assert found["president Nora Quill"].sector == "BUS"
    # Told of by a government body, the same title keeps no firm's sector.
    other = mentions_in("The ministry said president Nora Quill met the Chilean envoy.")
    assert other["president Nora Quill"].sector != "BUS"


def test_a_corporate_plural_ends_a_firm_name_and_stays_in_it():
    names = firm_names("Officials of the Ministry of Primary Industries met. Then Kestrel Airlines cut fares.")
    assert names[("kestrel", "airlines")] == names[("kestrel",)] == "Kestrel Airlines"
    assert ("ministry",) not in names  # no firm's name runs back past 'of'


def test_a_sector_word_after_a_firm_name_is_the_firms(mentions_in):
    found = mentions_in("Brisk Air Corp rose. Brisk Air officials met the Peruvian transport minister.")
    assert found["Brisk Air officials"].sector == "BUS"
    assert found["the Peruvian transport minister"].country == "PER"


@pytest.mark.parametrize("title, names", [
    ("Kestrel Inc Sets Design Contract", {("kestrel",): "Kestrel"}),
    ("Halcyon <Hal> And Brisk <Brk> Wide Apart On Accord",
     {("halcyon",): "Halcyon", ("hal",): "Halcyon", ("brisk",): "Brisk", ("brk",): "Brisk"}),
    # Headline capitals do not say where a name starts: only the word before the mark is taken, and not
    # a corporate word that is no name of its own.
    ("Investor Sues Northern Savings <Nsv.O>", {}),
    ("Minister Urges Action On Loans", {}),
])
def test_a_headline_names_firms_by_ticker_or_legal_form(title, names):
    assert title_firm_names(title) == names


@pytest.mark.parametrize("title, marked", [
    ("Tamsin Foods Inc Board To Meet", True),  # the name is 'Tamsin Foods', which one word cannot give
    ("Investor Sues Northern Savings <Nsv.O>", True),
    ("U.S. Sees Limited Progress In Farm Talks", False),  # a headline capital, not a legal form
    ("Minister Urges Action On Loans", False),
    (None, False),
])
def test_a_headline_marks_company_news_by_ticker_or_short_legal_form(title, marked):
    assert title_marks_firm(title) is marked


def test_a_firm_named_only_in_the_headline_is_a_firm_in_the_text(mentions_in):
    text = "Kestrel has won a county order to design the dam."
    assert mentions_in(text, title="Kestrel Inc Sets Design Contract")["Kestrel"].sector == "BUS"
    assert mentions_in(text)["Kestrel"].sector is None


def test_the_full_name_of_a_firm_beats_a_title_word_in_it(mentions_in):
    # 'General' is a military title; 'Data General' after 'Data General Corp' is the firm.
    found = mentions_in("Data General Corp reported a loss. Data General has targeted banking for growth.")
    assert found["Data General"].sector == "BUS"


def test_an_owner_in_front_of_a_firm_name_is_no_part_of_it():
    names = firm_names("Shareholders voted to sell the firm to Britain's Kestrel Group PLC in May.")
    assert names[("kestrel",)] == "Kestrel Group"


@pytest.mark.parametrize("text, firm", [
    ("Air Norland cut its fares to Lisbon.", "Air Norland"),
    ("The state carrier Air France cancelled 40 flights.", "Air France"),
    ("It signed a leasing deal with Air India.", "Air India"),  # the full stop is no part of the name
])
def test_a_corporate_prefix_starts_a_firm_name(text, firm):
    assert firm in set(firm_names(text).values())


@pytest.mark.parametrize("text", [
    "The US Air Force bombed the bridge.",
    "Air Marshal Tom Reed said the jets were ready.",
    "Air traffic was halted at the airport.",  # a lower-case word after the prefix is no name
    "An inquiry by the Commodity Securities and Exchange Commission goes on.",  # a public body, not 'U.S. Securities'
])
def test_a_corporate_prefix_before_a_military_word_is_no_firm(text):
    assert firm_names(text) == {}


def test_an_airline_named_for_its_country_is_a_firm_not_the_state(nlp, resolver):
    doc = nlp("Air France cancelled 40 flights to Algeria, a spokesman for Air France said.")
    actors = resolver.for_document(doc)
    found = {m.text: a for s in doc.sents for m, a in actors.mentions(s)}
    assert found["Air France"].sector == "BUS" and found["Air France"].country is None
    assert "FRA" not in {a.country for a in found.values()}
