"""Targets that are places stand for the country holding them, through the whole pipeline (real spaCy)."""

from __future__ import annotations

import pytest

from eventwire.pipeline import code_text

# (sentence, trigger, expected target (code, basis prefix) or None for 'left as the coder found it')
PLACED = [
    ("Russian troops shelled Kharkiv on Monday.", "shelled", ("UKR", "place:city")),
    ("Israeli warplanes bombed the town of Khan Younis before dawn.", "bombed", ("PSE", "place:city")),
    ("Government troops shelled the outskirts of Donetsk overnight.", "shelled", ("UKR", "place:city")),
    ("Police imposed a curfew on Lahore after the riots.", "imposed", ("PAK", "place:city")),
    ("Islamist fighters captured Kidal, a town in northern Mali.", "captured", ("MLI", "place:city")),
    ("Gunmen stormed a hospital in Maiduguri on Friday.", "stormed", ("NGA", "place:site")),
]
LEFT = [
    # A person in a city is not the city; a site that belongs to a party is that party's.
    ("Police detained the gang leader in Lagos.", "detained"),
    ("Militants attacked the US embassy in Baghdad.", "attacked"),
    # A statement about a place is no act on that country.
    ("The minister criticised the Aleppo offensive.", "criticised"),
    # A state acting on a town of its own acts on whoever holds it, not on itself.
    ("Iraqi troops recaptured Mosul after a long siege.", "recaptured"),
    # A place the phrase says someone else holds does not stand for its state.
    ("Turkish artillery shelled a Kurdish enclave near Afrin.", "shelled"),
    ("Russian jets bombed rebel-held Idlib on Sunday.", "bombed"),
]


def _event(text: str, trigger: str):
    events = [e for e in code_text(text) if e.evidence.trigger.split()[0] == trigger]
    assert events, f"no event on {trigger!r} in {text!r}"
    return events[0]


@pytest.mark.parametrize("text, trigger, want", PLACED)
def test_place_target_takes_its_country(text, trigger, want):
    event = _event(text, trigger)
    code, basis = want
    assert event.target is not None
    assert (event.target.code, event.target.country) == (code, code)
    assert event.target.basis.startswith(basis)
    assert event.location is not None and event.location.country == code


@pytest.mark.parametrize("text, trigger", LEFT)
def test_other_targets_are_not_placed(text, trigger):
    event = _event(text, trigger)
    assert event.target is None or not (event.target.basis or "").startswith("place:")


def test_a_place_not_standing_for_its_state_is_still_where_it_happened():
    event = _event("Turkish artillery shelled a Kurdish enclave near Afrin.", "shelled")
    assert event.target is None  # the Kurds who hold it are not named as a party
    assert event.location is not None and event.location.country == "SYR"


def test_a_place_name_has_a_capital():
    # 'the canton' is no Canton, Ohio.
    event = _event("Ankara shelled the canton's frontier villages on Monday.", "shelled")
    assert event.target is None or event.target.country != "USA"


def test_a_place_seized_is_territory_taken():
    # A place seized is taken by force (190, ASSAULT, as the PLV gold codes captures), not property seized (171).
    event = _event("Islamist fighters seized Timbuktu on Sunday.", "seized")
    assert event.cameo == "190"
    assert event.target.country == "MLI"


def test_phrase_words_stay():
    event = _event("Israeli warplanes bombed the town of Khan Younis before dawn.", "bombed")
    assert event.target.text == "the town of Khan Younis"
