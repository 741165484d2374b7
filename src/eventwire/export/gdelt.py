"""The GDELT 2.0 event table: 61 tab-separated columns in GDELT's order, no header (as GDELT ships it).

Mapping (docs/store.md has the table): GLOBALEVENTID is the first 15 hex digits of our event id as an
integer; actor codes are CAMEO actor codes, actor country codes CAMEO/ISO alpha-3, Type1Code the sector;
EventCode/BaseCode/RootCode are strings that keep their leading zeros ('042', '042', '04'); NumMentions,
NumSources and NumArticles come from deduplication; AvgTone is empty (eventwire measures no tone); the
ActionGeo is the event location (geography country codes are FIPS 10-4 as in GDELT, FeatureID the GeoNames
id); actor geographies are empty (eventwire locates events, not actors); DATEADDED is when the event was
first stored; SOURCEURL the first report's URL (or its publisher when it has none).
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date as Date
from datetime import datetime
from typing import Any, TextIO

from .countries import fips_code

_ACTOR = (
    "Code",
    "Name",
    "CountryCode",
    "KnownGroupCode",
    "EthnicCode",
    "Religion1Code",
    "Religion2Code",
    "Type1Code",
    "Type2Code",
    "Type3Code",
)
_GEO = ("Type", "FullName", "CountryCode", "ADM1Code", "ADM2Code", "Lat", "Long", "FeatureID")

GDELT_COLUMNS: tuple[str, ...] = (
    "GLOBALEVENTID",
    "SQLDATE",
    "MonthYear",
    "Year",
    "FractionDate",
    *(f"Actor1{c}" for c in _ACTOR),
    *(f"Actor2{c}" for c in _ACTOR),
    "IsRootEvent",
    "EventCode",
    "EventBaseCode",
    "EventRootCode",
    "QuadClass",
    "GoldsteinScale",
    "NumMentions",
    "NumSources",
    "NumArticles",
    "AvgTone",
    *(f"Actor1Geo_{c}" for c in _GEO),
    *(f"Actor2Geo_{c}" for c in _GEO),
    *(f"ActionGeo_{c}" for c in _GEO),
    "DATEADDED",
    "SOURCEURL",
)
assert len(GDELT_COLUMNS) == 61

# GDELT geography types: 1 country, 3 US city, 4 world city (2/5 states need a place kind we do not store).
GEO_COUNTRY, GEO_US_CITY, GEO_WORLD_CITY = 1, 3, 4


def global_event_id(event_id: str) -> int:
    # 15 hex digits = 60 bits: fits GDELT's signed 64-bit integer column.
    return int(event_id[:15], 16)


def _clean(value: Any) -> str:
    if value is None:
        return ""
    # A tab or newline inside a field would shift every later column.
    return str(value).replace("\t", " ").replace("\r", " ").replace("\n", " ")


def _number(value: float | None, digits: int) -> str:
    return "" if value is None else f"{value:.{digits}f}".rstrip("0").rstrip(".") if digits else str(value)


def _actor(row: dict[str, Any], role: str) -> list[str]:
    if not row.get(f"{role}_code"):
        # GDELT leaves an actor it could not code empty, rather than naming an unknown.
        return [""] * len(_ACTOR)
    return [
        _clean(row.get(f"{role}_code")),
        _clean((row.get(f"{role}_name") or row.get(f"{role}_text") or "").upper()),
        _clean(row.get(f"{role}_country")),
        "",
        "",
        "",
        "",  # known group, ethnicity, religions: not coded by eventwire
        _clean(row.get(f"{role}_sector")),
        "",
        "",
    ]


def _action_geo(row: dict[str, Any]) -> list[str]:
    if row.get("location_name") is None:
        return ["0", "", "", "", "", "", "", ""]
    country = row.get("location_country")
    fips = fips_code(country)
    admin1 = row.get("location_admin1") or ""
    if not admin1:
        geo_type = GEO_COUNTRY
    elif country == "USA":
        geo_type = GEO_US_CITY
    else:
        geo_type = GEO_WORLD_CITY
    # GDELT's ADM1Code is the FIPS country code followed by the admin1 code ('US.TX' -> 'USTX').
    adm1 = fips + admin1.split(".", 1)[1] if "." in admin1 and fips else ""
    return [
        str(geo_type),
        _clean(row.get("location_name")),
        fips,
        adm1,
        "",
        _number(row.get("location_lat"), 4),
        _number(row.get("location_lon"), 4),
        _clean(row.get("location_geonameid")),
    ]


def gdelt_fields(row: dict[str, Any]) -> list[str]:
    """One `events` row as GDELT's 61 fields (strings)."""
    day: Date | None = row.get("date")
    cameo = row["cameo"]
    added: datetime | None = row.get("first_seen")
    fields = [
        str(global_event_id(row["event_id"])),
        day.strftime("%Y%m%d") if day else "",
        day.strftime("%Y%m") if day else "",
        str(day.year) if day else "",
        f"{day.year + (day.timetuple().tm_yday - 1) / 365:.4f}" if day else "",
        *_actor(row, "source"),
        *_actor(row, "target"),
        "1" if row.get("sentence") == 0 else "0",  # GDELT: reported in the lead of the article
        cameo,
        cameo[:3],
        cameo[:2],
        _clean(row.get("quad_class")),
        _number(row.get("goldstein"), 1),
        str(row["mention_count"]),
        str(row["source_count"]),
        str(row["article_count"]),
        "",  # AvgTone
        *(["0"] + [""] * 7),  # Actor1Geo
        *(["0"] + [""] * 7),  # Actor2Geo
        *_action_geo(row),
        added.strftime("%Y%m%d%H%M%S") if added else "",
        _clean(row.get("url") or row.get("publisher")),
    ]
    assert len(fields) == 61
    return fields


def write_gdelt(rows: Iterable[dict[str, Any]], out: TextIO) -> int:
    count = 0
    for row in rows:
        out.write("\t".join(gdelt_fields(row)))
        out.write("\n")
        count += 1
    return count
