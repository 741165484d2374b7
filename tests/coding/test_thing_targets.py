"""Through the whole pipeline: a thing acted on with no owner named is no party, so the event keeps no
target; a thing whose owner is named stands for the owner (real spaCy)."""

from __future__ import annotations

import pytest

from eventwire.pipeline import code_text


def _event(text: str, root: str):
    events = [e for e in code_text(text) if e.cameo.startswith(root)]
    assert events, f"no {root} event in {text!r}"
    return events[0]


@pytest.mark.parametrize("text, root", [
    ("Iraq attacked shipping in the Gulf on Tuesday.", "19"),
    ("Rebels blew up railway tracks near the capital.", "18"),
    ("Thousands marched against the new tax in Lagos.", "14"),
])
def test_a_thing_with_no_owner_is_no_target(text, root):
    event = _event(text, root)
    assert event.target is None
    assert event.evidence.text  # the words of what was hit stay in the evidence


def test_a_thing_with_a_named_owner_stands_for_the_owner():
    event = _event("Four U.S. destroyers shelled an Iranian oil platform.", "19")
    assert event.target is not None and event.target.country == "IRN"


def test_people_are_still_targets():
    event = _event("Police arrested 40 protesters in Nairobi.", "17")
    assert event.target is not None and "protesters" in event.target.text
