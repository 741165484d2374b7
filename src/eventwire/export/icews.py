"""ICEWS-style event table: the columns of the ICEWS coded event data files (Dataverse), tab-separated with
a header. Sectors are CAMEO role codes (GOV, MIL ...) rather than ICEWS's sector names, and Intensity is the
Goldstein score, as ICEWS's own intensity is not defined for PLOVER-era codes."""

from __future__ import annotations

import csv
from collections.abc import Iterable
from typing import Any, TextIO

from .countries import country_name

ICEWS_COLUMNS: tuple[str, ...] = (
    "Event ID",
    "Event Date",
    "Source Name",
    "Source Sectors",
    "Source Country",
    "Event Text",
    "CAMEO Code",
    "Intensity",
    "Target Name",
    "Target Sectors",
    "Target Country",
    "Story ID",
    "Sentence Number",
    "Publisher",
    "City",
    "District",
    "Province",
    "Country",
    "Latitude",
    "Longitude",
)


def icews_fields(row: dict[str, Any]) -> list[Any]:
    day = row.get("date")
    admin1 = row.get("location_admin1") or ""
    is_city = bool(row.get("location_name")) and bool(admin1)
    return [
        row["event_id"],
        day.isoformat() if day else "",
        row.get("source_name") or row.get("source_text") or "",
        row.get("source_sector") or "",
        country_name(row.get("source_country")),
        row.get("cameo_name") or "",
        row["cameo"],
        row.get("goldstein"),
        row.get("target_name") or row.get("target_text") or "",
        row.get("target_sector") or "",
        country_name(row.get("target_country")),
        row["article_id"],
        row["sentence"],
        row.get("publisher") or "",
        row.get("location_name") if is_city else "",
        "",
        admin1,
        country_name(row.get("location_country")),
        row.get("location_lat"),
        row.get("location_lon"),
    ]


def write_icews(rows: Iterable[dict[str, Any]], out: TextIO) -> int:
    writer = csv.writer(out, delimiter="\t", lineterminator="\n", quoting=csv.QUOTE_MINIMAL)
    writer.writerow(ICEWS_COLUMNS)
    count = 0
    for row in rows:
        writer.writerow(["" if v is None else v for v in icews_fields(row)])
        count += 1
    return count
