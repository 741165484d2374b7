"""The bundled data files load, are consistent, and cover what issue 4 asks; bad user files are refused."""

from __future__ import annotations

import datetime as dt

import pytest

from eventwire.actors import ActorResolver
from eventwire.actors.data_files import bundled_files, read_table
from eventwire.errors import DataFileError

# CAMEO pseudo-countries, and its region codes for the West and the Gulf states
PSEUDO = {"IGO", "NGO", "IMG", "MNC", "WST", "PGS"}
G20_AND_UNSC = ["ARG", "AUS", "BRA", "CAN", "CHN", "FRA", "DEU", "IND", "IDN", "ITA", "JPN", "KOR", "MEX",
                "RUS", "SAU", "ZAF", "TUR", "GBR", "USA"]


def test_every_bundled_file_names_its_source():
    for path in bundled_files():
        kind, source, rows = read_table(path)
        assert source and rows, path


def test_entity_countries_exist(resolver):
    known = set(resolver.data.countries) | PSEUDO
    for ent in resolver.data.entities.values():
        for role in ent.roles:
            assert role.country in known, (ent.name, role.country)


def test_countries_cover_the_world(resolver):
    countries = resolver.data.countries
    assert len(countries) >= 240
    with_adjective = [c for c in countries.values() if c.adjectives]
    assert len(with_adjective) >= 190
    for code, adjective in [("CUB", "Cuban"), ("ARE", "Emirati"), ("PHL", "Filipino"), ("CIV", "Ivorian")]:
        assert adjective in countries[code].adjectives


def test_people_hold_dated_roles_for_g20_heads(resolver):
    people = [e for e in resolver.data.entities.values() if e.kind == "people"]
    assert len(people) >= 300
    for year in (2016, 2024):
        day = dt.date(year, 6, 1)
        covered = {r.country for p in people for r in p.roles if r.covers(day) and r.sector == "GOV"}
        missing = [c for c in G20_AND_UNSC if c not in covered]
        assert not missing, (year, missing)


def write(tmp_path, name, text):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


GOOD_USER_FILE = """# kind: people
# source: test fixture written for eventwire
name\taliases\tcountry\tsector\ttitle\tstart\tend
Raila Odinga\tOdinga\tKEN\tOPP\topposition leader\t2013-04-09\t
Dmitry Peskov\t\tRUS\tMED\trenamed for the test\t\t
"""


def test_user_file_extends_and_overrides(tmp_path):
    user = write(tmp_path, "mine.tsv", GOOD_USER_FILE)
    resolver = ActorResolver.load(extra_files=[user])
    res = resolver.resolve_text("Raila Odinga", date=dt.date(2020, 1, 1))
    assert res.actor.code == "KENOPP"
    # The user's row replaces the bundled roles of the same person.
    assert resolver.resolve_text("Dmitry Peskov", date=dt.date(2023, 11, 20)).actor.code == "RUSMED"
    # Bundled data is untouched for a resolver loaded without the file.
    assert ActorResolver.load().resolve_text("Dmitry Peskov").actor.code == "RUSGOV"


def test_user_file_adds_a_country(tmp_path):
    user = write(tmp_path, "wakanda.tsv",
                 "# kind: countries\n# source: fiction\ncode\tname\tadjectives\tcapitals\n"
                 "WAK\tWakanda\tWakandan\tBirnin Zana\n")
    resolver = ActorResolver.load(extra_files=[user])
    assert resolver.resolve_text("Wakandan troops").actor.code == "WAKMIL"
    assert resolver.resolve_text("Birnin Zana").actor.code == "WAKGOV"


@pytest.mark.parametrize(
    ("text", "needle"),
    [
        ("# source: x\nname\tcountry\nA\tKEN\n", "kind"),
        ("# kind: people\nname\tcountry\nA\tKEN\n", "source"),
        ("# kind: people\n# source: x\nname\tcountry\tcolour\nA\tKEN\tred\n", "unknown: colour"),
        ("# kind: people\n# source: x\nname\tsector\nA\tGOV\n", "missing: country"),
        ("# kind: people\n# source: x\nname\tcountry\nA\tKenya\n", "line 4"),
        ("# kind: people\n# source: x\nname\tcountry\tstart\nA\tKEN\t2020-13-01\n", "YYYY-MM-DD"),
        ("# kind: people\n# source: x\nname\tcountry\tstart\tend\nA\tKEN\t2020-01-01\t2019-01-01\n",
         "before"),
        ("# kind: people\n# source: x\nname\tcountry\tsector\nA\tKEN\tgovernment\n", "three capital letters"),
        ("# kind: sectors\n# source: x\nterm\tsector\trole\nboss\tGOV\tchief\n", "role"),
        ("# kind: people\n# source: x\n", "no header"),
    ],
)
def test_bad_user_files_are_refused(tmp_path, text, needle):
    path = write(tmp_path, "bad.tsv", text)
    with pytest.raises(DataFileError) as err:
        ActorResolver.load(extra_files=[path])
    assert needle in str(err.value)
    assert str(path) in str(err.value)


def test_missing_and_binary_files_are_refused(tmp_path):
    with pytest.raises(DataFileError, match="no such file"):
        ActorResolver.load(extra_files=[tmp_path / "absent.tsv"])
    binary = tmp_path / "bin.tsv"
    binary.write_bytes(b"\xff\xfe\x00bad")
    with pytest.raises(DataFileError, match="UTF-8"):
        ActorResolver.load(extra_files=[binary])
