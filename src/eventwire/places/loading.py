"""Reading and validating the bundled gazetteer files into a Gazetteer (issue 5)."""

from __future__ import annotations

import csv
from collections.abc import Iterator, Sequence
from functools import lru_cache, partial
from operator import itemgetter
from pathlib import Path
from typing import Any

from ..datafiles import read_json_data
from ..errors import DataFileError
from .gazetteer import ALTERNATE_NAME, CURATED, KIND_RANK, MAIN_NAME, Gazetteer, Place
from .index_cache import cached_build

CITIES_FILE = "geonames_cities.tsv"
PREFERENCES_FILE = "name_preferences.tsv"
COUNTRIES_FILE = "geonames_countries.tsv"
SUPPLEMENTARY_FILE = "supplementary.tsv"
ALIASES_FILE = "country_aliases.tsv"
CUES_FILE = "location_cues.json"


@lru_cache(maxsize=4)
def load_gazetteer(directory: str) -> Gazetteer:
    """Read, check and index the gazetteer files in `directory`; cached per directory, and on disk between
    runs (index_cache.py)."""
    base = Path(directory)
    return cached_build(base, partial(_build, base))


def _build(base: Path) -> Gazetteer:
    cues = _read_cues(base / CUES_FILE)
    countries, iso2_to_iso3, neighbours = _read_countries(base / COUNTRIES_FILE)
    # The names stream into the index row by row (issue 6): holding all 150k (name, place, tier) triples
    # and 34k row dicts at once cost a worker ~45 MB of RSS that the allocator never gave back.
    names = _names(base, countries)
    return Gazetteer(names, iso2_to_iso3=iso2_to_iso3, neighbours=neighbours, cues=cues)


def _names(base: Path, countries: dict[str, Place]) -> Iterator[tuple[str, Place, int]]:
    """(name, place, tier) for every name in the files, in file order (the index keeps this order on ties)."""
    yield from ((c.name, c, CURATED) for c in countries.values())
    by_id: dict[int, Place] = {}
    for place, aliases in _read_places(base / CITIES_FILE, with_geonameid=True):
        yield place.name, place, MAIN_NAME
        yield from ((alias, place, ALTERNATE_NAME) for alias in aliases)
        if place.geonameid is not None:
            by_id[place.geonameid] = place
    for place, aliases in _read_places(base / SUPPLEMENTARY_FILE, with_geonameid=False):
        yield from ((name, place, CURATED) for name in (place.name, *aliases))
    for alias, iso3 in _read_tsv(base / ALIASES_FILE, ("alias", "iso3")):
        country = countries.get(iso3)
        if country is None:
            raise DataFileError(str(base / ALIASES_FILE), f"alias {alias!r} names unknown country {iso3!r}")
        yield alias, country, CURATED
    for name, geonameid in _read_tsv(base / PREFERENCES_FILE, ("name", "geonameid")):
        place = by_id.get(int(geonameid)) if geonameid.isdigit() else None
        if place is None:
            raise DataFileError(
                str(base / PREFERENCES_FILE), f"{name!r}: no place with geonameid {geonameid!r}"
            )
        yield name, place, CURATED


def _read_tsv(path: Path, columns: Sequence[str]) -> Iterator[tuple[str | None, ...]]:
    """The values of `columns` (two or more) in each row of a TSV file, in that order, one row at a time (a
    file of 34k rows is never held whole). As csv.DictReader did: '#' lines and blank rows are skipped and a
    short row reads None for its missing cells; but rows stay lists, picked by position, since a dict per
    row cost ~0.05 s of start-up on the cities file."""
    try:
        fh = path.open(encoding="utf-8", newline="")
    except OSError as exc:
        raise DataFileError(
            str(path), f"cannot read the gazetteer file ({exc}); reinstall eventwire"
        ) from exc
    with fh:
        reader = csv.reader(
            (line for line in fh if not line.startswith("#")), delimiter="\t", quoting=csv.QUOTE_NONE
        )
        try:
            header = next(reader, [])
            missing = [c for c in columns if c not in header]
            if missing:
                raise DataFileError(str(path), f"missing columns {missing}")
            pick = itemgetter(*(header.index(c) for c in columns))
            width = len(header)
            count = 0
            for row in reader:
                if not row:
                    continue
                if len(row) < width:
                    row += [None] * (width - len(row))
                count += 1
                yield pick(row)
        except OSError as exc:
            raise DataFileError(
                str(path), f"cannot read the gazetteer file ({exc}); reinstall eventwire"
            ) from exc
    if not count:
        raise DataFileError(str(path), "no rows")


def _float(value: str | None) -> float | None:
    return float(value) if value else None


def _read_countries(path: Path) -> tuple[dict[str, Place], dict[str, str], dict[str, frozenset[str]]]:
    columns = ("iso2", "iso3", "name", "geonameid", "lat", "lon", "population", "neighbours")
    countries, iso2_to_iso3, neighbours = {}, {}, {}
    for n, (iso2, iso3, name, geonameid, lat, lon, population, near) in enumerate(
        _read_tsv(path, columns), start=1
    ):
        try:
            place = Place(
                name=name,
                country=iso3,
                admin1=None,
                lat=_float(lat),
                lon=_float(lon),
                geonameid=int(geonameid),
                population=int(population or 0),
                kind="country",
            )
        except (TypeError, ValueError) as exc:
            raise DataFileError(str(path), f"row {n}: {exc}") from exc
        countries[place.country] = place
        iso2_to_iso3[iso2] = iso3
        neighbours[iso3] = frozenset(x for x in near.split(",") if x)
    return countries, iso2_to_iso3, neighbours


def _read_places(path: Path, *, with_geonameid: bool) -> Iterator[tuple[Place, list[str]]]:
    """(place, alternate names) per row, one row at a time."""
    columns = ("kind", "name", "country", "admin1", "lat", "lon", "population", "aliases")
    # Country codes, admin1 keys and kinds repeat across 34k rows: one shared string each (issue 6).
    shared: dict[str, str] = {}
    rows = _read_tsv(path, (*columns, "geonameid")) if with_geonameid else _read_tsv(path, columns)
    for n, row in enumerate(rows, start=1):
        kind, name, country, admin1, lat, lon, population, aliases = row[:8]
        geonameid = row[8] if with_geonameid else None
        if kind not in KIND_RANK:
            raise DataFileError(str(path), f"row {n}: unknown kind {kind!r}")
        try:
            place = Place(
                name=name,
                country=shared.setdefault(country, country) if country else None,
                admin1=shared.setdefault(admin1, admin1) if admin1 else None,
                lat=_float(lat),
                lon=_float(lon),
                geonameid=int(geonameid) if geonameid else None,
                population=int(population or 0),
                kind=shared.setdefault(kind, kind),
            )
        except (TypeError, ValueError) as exc:
            raise DataFileError(str(path), f"row {n}: {exc}") from exc
        yield place, [a for a in (aliases or "").split("|") if a]


def _read_cues(path: Path) -> dict[str, Any]:
    cues = read_json_data(path)
    keys = (
        "source", "locative_prepositions", "indirect_locative_prepositions", "visit_lemmas",
        "visit_prepositions", "place_object_lemmas", "direction_words", "place_labels", "weak_place_labels",
        "owned_site_nouns", "target_path_deps", "place_target_cameo_roots", "place_seizure_codes",
        "held_by_others_marks",
    )  # fmt: skip
    for key in keys:
        if key not in cues:
            raise DataFileError(str(path), f"missing key {key!r}")
    return cues
