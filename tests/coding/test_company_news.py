"""Through the whole pipeline: in company news (a headline naming a firm by ticker or legal form, or a first
sentence whose subject is a firm) an act with no political party on either side is business, not a political
event; a regulator, a state or violence still makes one (real spaCy)."""

from __future__ import annotations

from eventwire.model import Article
from eventwire.pipeline import code_article

BOARD = "Harlan Voss asked its board to approve his new offer."


def _codes(text: str, title: str | None = None) -> list[tuple[str, str, str | None]]:
    events = code_article(Article(id="t", text=text, title=title))
    return [(e.cameo, e.source.text, e.target.text if e.target else None) for e in events if e.plover]


def test_outside_company_news_the_request_is_coded():
    assert any(c.startswith("10") for c, _, _ in _codes(BOARD))


def test_a_sentence_that_speaks_of_shares_is_business_without_a_headline():
    # the sentence's own words ('a share', 'the drugmaker') say it is about firms: no political party, no event
    assert _codes("Harlan Voss asked its board to approve his bid of 65 dlrs a share.") == []
    assert _codes("Arbel Pharma agreed to buy Lonsdale Biotech, a smaller drugmaker.") == []


def test_a_headline_ticker_makes_it_business():
    assert _codes(BOARD, title="Tamsin <TMS> Seen Object Of Bidding War") == []


def test_a_headline_legal_form_makes_it_business():
    assert _codes(BOARD, title="Tamsin Foods Inc Board To Meet") == []


def test_a_firm_opening_the_story_makes_it_business():
    text = "Orsk Tools Inc said its chairman would resign next month. " + BOARD
    assert _codes(text) == []


def test_a_regulator_acting_on_a_firm_is_still_coded():
    text = "The Federal Trade Commission charged Orsk Tools Inc with misleading advertising."
    assert ("1121", "The Federal Trade Commission", "Orsk Tools Inc") in _codes(
        text, title="FTC Charges Orsk Tools <ORK>")


def test_violence_in_company_news_is_still_coded():
    text = "Gunmen killed two security guards at the Orsk Tools plant near Bogota on Monday."
    assert any(c.startswith("18") for c, _, _ in _codes(text, title="Orsk Tools <ORK> Halts Output"))


def test_business_people_opening_a_story_do_not_make_it_company_news():
    text = "Investors on the Manila exchange ignored the unrest. " + BOARD
    assert any(c.startswith("10") for c, _, _ in _codes(text))
