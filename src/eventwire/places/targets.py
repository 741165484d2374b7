"""A target phrase that is a place stands for the country holding it ('Russian forces shelled Kharkiv':
Russia -> Ukraine), so that relationship views count attacks on towns, curfews on cities and visits to
provincial capitals between the right two countries. The phrase's words stay as they were."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from typing import Any

from ..model import Actor, Location
from .gazetteer import Gazetteer, Place


def _span(target: Actor | None, doc: Any) -> Any | None:
    """The words of a target the resolver left without a party, or None."""
    if target is None or target.code or target.country or target.start is None or target.end is None:
        return None
    span = doc.char_span(target.start, target.end, alignment_mode="expand")
    return span if span is not None and len(span) else None


def _as_country(target: Actor, name: str, country: str, basis: str) -> Actor:
    return replace(target, name=name, code=country, country=country, sector=None, basis=basis)


def _own(source: Actor | None, country: str) -> bool:
    """'Iraqi forces recaptured Mosul': a state acting on a place of its own acts on whoever holds it, not
    on itself."""
    return source is not None and source.country == country


def place_target(
    target: Actor | None, cameo: str, doc: Any, gazetteer: Gazetteer, *, article_countries: Sequence[str] = (),
    source: Actor | None = None,
) -> tuple[Actor | None, Place | None]:
    """(`target` recoded as the country of the place its words name, that place), when the resolver left
    it without a party and its words are a place or a site in one; else (`target`, None). A place in the
    source's own country, or one the phrase says someone else holds ('rebel-held Idlib'), is no party:
    (None, place), the place still where the act happened."""
    span = _span(target, doc)
    place = gazetteer.target_place(span, cameo, article_countries=article_countries) if span is not None else None
    if target is None or place is None:
        return target, None
    if _own(source, place.country) or gazetteer.held_by_others(span):
        # The place is where it happened, not who was acted on; whoever holds it is not named.
        return None, place
    return _as_country(target, place.name, place.country, f"place:{place.kind}"), place


def site_target(
    target: Actor | None, cameo: str, doc: Any, gazetteer: Gazetteer, location: Location | None,
    source: Actor | None = None,
) -> Actor | None:
    """'Gunmen attacked a hospital in Maiduguri': a site with no place in its own words stands in the
    country where the sentence puts the event."""
    span = _span(target, doc)
    if target is None or span is None or location is None or not location.country or not gazetteer.is_site(span, cameo):
        return target
    if _own(source, location.country) or gazetteer.held_by_others(span):
        return target
    return _as_country(target, location.name, location.country, "place:site")
