"""The bundled gazetteer: lookup, aliases, ambiguity, datelines, data validation (issue 5)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from eventwire.errors import DataFileError
from eventwire.places import DATA_DIR, Gazetteer, Place, parse_dateline


@pytest.fixture(scope="module")
def gazetteer():
    return Gazetteer.load()


def test_load_is_cached(gazetteer):
    assert Gazetteer.load() is gazetteer
    assert gazetteer.size > 30000


def test_bundled_data_stays_compact():
    total = sum(p.stat().st_size for p in DATA_DIR.iterdir() if p.is_file())
    assert total < 5 * 1024 * 1024


def test_every_data_file_names_its_source():
    for path in DATA_DIR.iterdir():
        head = path.read_text(encoding="utf-8")[:400]
        assert "source" in head, path.name


@pytest.mark.parametrize(
    ("name", "want"),
    [
        ("Kiev", ("Kyiv", "UKR")),
        ("Kyiv", ("Kyiv", "UKR")),
        ("Peking", ("Beijing", "CHN")),
        ("Bombay", ("Mumbai", "IND")),
        ("MOSCOW", ("Moscow", "RUS")),
        ("the Gaza Strip", ("Gaza Strip", "PSE")),
        ("Donbass", ("Donbas", "UKR")),
        ("U.S.", ("United States", "USA")),
        ("Britain", ("United Kingdom", "GBR")),
        ("The Netherlands", ("The Netherlands", "NLD")),
        ("Soviet Union", ("Russia", "RUS")),
        ("northern Iraq", ("Iraq", "IRQ")),
        ("south-eastern Turkey", ("Turkey", "TUR")),
        ("Aleppo province", ("Aleppo", "SYR")),
        ("Odessa", ("Odesa", "UKR")),
        ("New York", ("New York City", "USA")),
        ("Zurich", ("Zürich", "CHE")),
        ("Washington", ("Washington", "USA")),
        ("Colorado", ("Colorado", "USA")),
        ("Florida", ("Florida", "USA")),
        ("Sao Paulo", ("São Paulo", "BRA")),
    ],
)
def test_lookup_best_candidate(gazetteer, name, want):
    best = gazetteer.lookup(name)[0]
    assert (best.name, best.country) == want


def test_lookup_lists_every_namesake(gazetteer):
    countries = [p.country for p in gazetteer.lookup("Paris")]
    assert countries[0] == "FRA" and "USA" in countries
    kinds = {(p.country, p.kind) for p in gazetteer.lookup("Georgia")}
    assert {("GEO", "country"), ("USA", "admin1")} <= kinds


def test_lookup_unknown_or_bad_names(gazetteer):
    assert gazetteer.lookup("Xqzvillе-not-a-place") == []
    assert gazetteer.lookup("") == []
    assert gazetteer.lookup(None) == []
    # "northern" alone is no place; a direction word never empties the name.
    assert gazetteer.lookup("northern") == []


def test_ambiguous_names_follow_actors_then_article_then_population(gazetteer):
    assert gazetteer.resolve("Georgia").country == "GEO"
    assert gazetteer.resolve("Georgia", article_countries=["USA"]).country == "USA"
    # Russian actors: Georgia the neighbour, even in an article that also concerns the US.
    assert gazetteer.resolve("Georgia", actor_countries=["RUS"], article_countries=["USA"]).country == "GEO"
    assert gazetteer.resolve("Georgia", actor_countries=["USA"]).country == "USA"
    assert gazetteer.resolve("Rafah", actor_countries=["EGY"]).country == "EGY"
    assert gazetteer.resolve("Rafah").country == "PSE"
    # Within a factor of five in population, context decides between namesake cities.
    assert gazetteer.resolve("Victoria", actor_countries=["CAN"]).country == "CAN"


def test_context_does_not_pick_a_tiny_namesake_of_a_world_city(gazetteer):
    assert gazetteer.resolve("Paris", article_countries=["USA"]).country == "FRA"
    assert gazetteer.resolve("Moscow", actor_countries=["USA"]).country == "RUS"
    assert gazetteer.resolve("Donetsk", actor_countries=["RUS"]).country == "UKR"  # 900k vs 51k
    assert gazetteer.resolve("Washington", actor_countries=["GBR"]).country == "USA"  # a curated name
    assert gazetteer.resolve("Odessa", actor_countries=["USA"]).country == "UKR"
    # An explicit hint ("Paris, Texas") always decides.
    assert gazetteer.resolve("Paris", hint_country="USA").country == "USA"
    assert gazetteer.resolve("Odessa", hint_country="USA").country == "USA"


def test_iso2_to_iso3(gazetteer):
    assert gazetteer.iso3("UA") == "UKR"
    assert gazetteer.iso3("ps") == "PSE"
    assert gazetteer.iso3("XK") == "XKX"
    assert gazetteer.iso3("ZZ") is None


def test_country_place_has_capital_coordinates(gazetteer):
    cuba = gazetteer.country("CUB")
    havana = gazetteer.lookup("Havana")[0]
    assert isinstance(cuba, Place) and cuba.kind == "country" and cuba.admin1 is None
    assert (cuba.lat, cuba.lon) == (havana.lat, havana.lon)
    assert cuba.to_location().country == "CUB"


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("MOSCOW, March 3 (Reuters) -", "MOSCOW"),
        ("SALVADOR, Feb 26 -", "SALVADOR"),
        ("NEW YORK, March 2 - Shares rose", "NEW YORK"),
        ("WASHINGTON (Reuters) - The Senate", "WASHINGTON"),
        ("KYIV, Ukraine, March 3 (Reuters) -", "KYIV, Ukraine"),
        ("Moscow, Sept. 4 (AP) \u2014 Officials said", "Moscow"),
        ("Officials said - nothing more", None),
        ("Aug 3 (Reuters) -", None),
        ("The minister met his counterpart.", None),
        ("UN-sponsored talks in Geneva have collapsed.", None),  # a hyphen inside a word is no dash
        ("US-led forces shelled the town.", None),
        ("CAP-HAITIEN (AP) - Residents barricaded roads", "CAP-HAITIEN"),
        ("", None),
        (None, None),
    ],
)
def test_parse_dateline(text, want):
    assert parse_dateline(text) == want


def _copy_data(tmp_path: Path) -> Path:
    target = tmp_path / "gazetteer"
    shutil.copytree(DATA_DIR, target)
    return target


def test_invalid_data_file_is_reported(tmp_path):
    data = _copy_data(tmp_path)
    supp = data / "supplementary.tsv"
    supp.write_text(
        supp.read_text(encoding="utf-8") + "volcano\tEtna\tITA\t\t37.7\t15.0\t0\t\n", encoding="utf-8"
    )
    with pytest.raises(DataFileError, match="unknown kind 'volcano'"):
        Gazetteer.load(directory=data)


def test_alias_to_unknown_country_is_reported(tmp_path):
    data = _copy_data(tmp_path)
    (data / "country_aliases.tsv").write_text("alias\tiso3\nNarnia\tNAR\n", encoding="utf-8")
    with pytest.raises(DataFileError, match="unknown country 'NAR'"):
        Gazetteer.load(directory=data)


def test_missing_file_is_reported(tmp_path):
    data = _copy_data(tmp_path)
    (data / "geonames_countries.tsv").unlink()
    with pytest.raises(DataFileError, match="geonames_countries.tsv"):
        Gazetteer.load(directory=data)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=st.text(max_size=80))
def test_any_text_never_breaks_lookup_or_datelines(gazetteer, text):
    assert isinstance(gazetteer.lookup(text), list)
    got = parse_dateline(text)
    assert got is None or (isinstance(got, str) and got)
