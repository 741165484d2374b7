"""An accord named after a place is no party, and its place is not its owner either: breaking the Minsk agreements is
no act against Belarus, while a country's decision keeps its country (real spaCy; actors/data/named_things.json)."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize("text, place", [
    ("Moscow violated the Minsk agreements again, Kyiv said.", "BLR"),
    ("The Israeli cabinet rejected the Oslo Accords outright on Sunday.", "NOR"),
])
def test_the_place_an_accord_is_named_after_is_no_target(code_text, text, place):
    events = [c for c in code_text(text) if c.cameo.startswith("12")]
    assert events, "the rejection or violation is still coded"
    assert all(c.target is None or c.target.country != place for c in events)


def test_a_country_named_in_front_of_its_own_decision_stays_the_target(code_text):
    events = code_text("Tehran welcomed the French decision on Monday.")
    assert any(c.target is not None and c.target.country == "FRA" for c in events)
