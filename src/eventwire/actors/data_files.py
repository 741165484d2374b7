"""Reading and validating actor data files (bundled and user-supplied, one format for both).

Every file is TSV: `#` comment lines first, two of which are required, `# kind: KIND` and
`# source: WHERE THE FACTS COME FROM`; then a header row naming the columns; then one row per record.
List cells hold several values separated by `|`. The columns per kind are in COLUMNS; docs/actors.md
describes them. A bad file raises DataFileError naming the file, the line and the reason (issue 4).
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import DataFileError

KINDS = ("countries", "people", "organisations", "groups", "sectors")

COLUMNS: dict[str, tuple[str, ...]] = {
    "countries": ("code", "name", "names", "adjectives", "demonyms", "capitals", "metonyms", "former_names",
                  "states"),
    # people, organisations and groups share one shape: one row per (entity, role), rows with the
    # same name merge into one entity with several dated roles.
    "people": ("name", "aliases", "country", "sector", "title", "start", "end"),
    "organisations": ("name", "aliases", "country", "sector", "title", "start", "end"),
    "groups": ("name", "aliases", "country", "sector", "title", "start", "end"),
    "sectors": ("term", "sector", "role"),
}
REQUIRED: dict[str, tuple[str, ...]] = {
    "countries": ("code",),
    "people": ("name", "country"),
    "organisations": ("name", "country"),
    "groups": ("name", "country"),
    "sectors": ("term", "role"),
}
# The roles a sector word plays in a noun phrase (see resolver.py for how each is used).
SECTOR_ROLES = ("title", "body", "group", "generic", "product", "former", "region", "part", "relation")

_COUNTRY_RE = re.compile(r"^[A-Z]{3}$")
_SECTOR_RE = re.compile(r"^[A-Z]{3}$")


@dataclass(frozen=True, slots=True)
class Role:
    country: str
    sector: str | None
    title: str | None = None
    start: dt.date | None = None
    end: dt.date | None = None

    def covers(self, day: dt.date) -> bool:
        return (self.start is None or self.start <= day) and (self.end is None or day <= self.end)


@dataclass(slots=True)
class Entity:
    """A person, organisation or armed/political group with its dated roles."""

    name: str
    kind: str
    aliases: list[str] = field(default_factory=list)
    roles: list[Role] = field(default_factory=list)
    source: str = ""


@dataclass(slots=True)
class Country:
    code: str
    name: str = ""
    names: list[str] = field(default_factory=list)
    adjectives: list[str] = field(default_factory=list)
    demonyms: list[str] = field(default_factory=list)
    capitals: list[str] = field(default_factory=list)
    # metonym text -> sector ("the Kremlin" -> GOV, "the Pentagon" -> MIL)
    metonyms: dict[str, str] = field(default_factory=dict)
    former_names: list[str] = field(default_factory=list)
    # First-level divisions that act in the news ("Texas", "Alberta"): the country, like its name.
    states: list[str] = field(default_factory=list)
    source: str = ""


@dataclass(frozen=True, slots=True)
class SectorTerm:
    term: str
    sector: str | None
    role: str
    source: str = ""


@dataclass(slots=True)
class ActorData:
    countries: dict[str, Country] = field(default_factory=dict)
    entities: dict[str, Entity] = field(default_factory=dict)  # by canonical name (casefolded)
    sectors: dict[str, SectorTerm] = field(default_factory=dict)  # by term (casefolded)
    files: list[str] = field(default_factory=list)


# The bundled actor tables (the coder and the parse repairs read two of them: organisations, countries).
DATA_DIR = Path(__file__).with_name("data")


def bundled_files() -> list[Path]:
    return sorted(p for p in DATA_DIR.iterdir() if p.suffix == ".tsv")


def load_actor_data(paths: list[Path], *, user_paths: list[Path] | None = None) -> ActorData:
    """Read the bundled files, then the user's; a later file extends or overrides what an earlier one said."""
    data = ActorData()
    overridden: set[str] = set()
    user_set = set(user_paths or [])
    for path in [*paths, *(user_paths or [])]:
        kind, _source, rows = read_table(path)
        data.files.append(str(path))
        # Explanations cite the file; its '# source:' line says where the facts come from.
        source = path.name
        for lineno, row in rows:
            try:
                _merge_row(data, kind, row, source, overridden, user=path in user_set)
            except ValueError as exc:
                raise DataFileError(str(path), f"line {lineno}: {exc}") from None
    return data


def read_table(path: Path) -> tuple[str, str, list[tuple[int, dict[str, str]]]]:
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise DataFileError(str(path), "no such file") from None
    except UnicodeDecodeError:
        raise DataFileError(str(path), "not UTF-8 text") from None
    except OSError as exc:
        raise DataFileError(str(path), f"cannot read: {exc.strerror}") from None
    meta: dict[str, str] = {}
    header: list[str] | None = None
    rows: list[tuple[int, dict[str, str]]] = []
    for lineno, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        if line.startswith("#"):
            key, sep, value = line[1:].partition(":")
            if sep and header is None:
                meta[key.strip().lower()] = value.strip()
            continue
        cells = [c.strip() for c in line.split("\t")]
        if header is None:
            kind = meta.get("kind", "")
            if kind not in KINDS:
                raise DataFileError(str(path), f"needs a '# kind: ...' line naming one of {', '.join(KINDS)}")
            if not meta.get("source"):
                raise DataFileError(str(path), "needs a '# source: ...' line: where its facts come from")
            unknown = [c for c in cells if c not in COLUMNS[kind]]
            missing = [c for c in REQUIRED[kind] if c not in cells]
            if unknown or missing:
                raise DataFileError(
                    str(path),
                    f"line {lineno}: header must use the columns {', '.join(COLUMNS[kind])}"
                    + (f"; unknown: {', '.join(unknown)}" if unknown else "")
                    + (f"; missing: {', '.join(missing)}" if missing else ""),
                )
            header = cells
            continue
        if len(cells) > len(header):
            raise DataFileError(str(path), f"line {lineno}: {len(cells)} cells but {len(header)} columns")
        rows.append((lineno, dict(zip(header, cells + [""] * (len(header) - len(cells)), strict=True))))
    if header is None:
        raise DataFileError(str(path), "no header row and no records")
    return meta["kind"], meta["source"], rows


def _split(cell: str) -> list[str]:
    return [v.strip() for v in cell.split("|") if v.strip()]


def _date(cell: str, column: str) -> dt.date | None:
    if not cell or cell == "-":
        return None
    try:
        return dt.date.fromisoformat(cell)
    except ValueError:
        raise ValueError(f"{column} {cell!r} is not a YYYY-MM-DD date") from None


def _sector(cell: str) -> str | None:
    if not cell or cell == "-":
        return None
    if not _SECTOR_RE.match(cell):
        raise ValueError(f"sector {cell!r} must be three capital letters (GOV, MIL, REB ...)")
    return cell


def _merge_row(
    data: ActorData, kind: str, row: dict[str, str], source: str, overridden: set[str], *, user: bool
) -> None:
    for col in REQUIRED[kind]:
        if not row.get(col):
            raise ValueError(f"empty {col}")
    if kind == "countries":
        code = row["code"]
        if not _COUNTRY_RE.match(code):
            raise ValueError(f"country code {code!r} must be three capital letters")
        country = data.countries.setdefault(code, Country(code=code, source=source))
        if row.get("name"):
            country.name = row["name"]
        for col in ("names", "adjectives", "demonyms", "capitals", "former_names", "states"):
            values = getattr(country, col)
            values.extend(v for v in _split(row.get(col, "")) if v not in values)
        for item in _split(row.get("metonyms", "")):
            term, _, sector = item.partition(":")
            country.metonyms[term.strip()] = _sector(sector.strip()) or "GOV"
        return
    if kind == "sectors":
        role = row["role"]
        if role not in SECTOR_ROLES:
            raise ValueError(f"role {role!r} must be one of {', '.join(SECTOR_ROLES)}")
        term = row["term"]
        sector = _sector(row.get("sector", ""))
        data.sectors[term.casefold()] = SectorTerm(term=term, sector=sector, role=role, source=source)
        return
    country = row["country"]
    if not _COUNTRY_RE.match(country):
        raise ValueError(f"country {country!r} must be three capital letters (ISO3, IGO, NGO ...)")
    start, end = _date(row.get("start", ""), "start"), _date(row.get("end", ""), "end")
    if start and end and end < start:
        raise ValueError(f"end {end} is before start {start}")
    role = Role(country=country, sector=_sector(row.get("sector", "")), title=row.get("title") or None,
                start=start, end=end)
    key = row["name"].casefold()
    entity = data.entities.get(key)
    if entity is not None and user and key not in overridden:
        # A user file that names a bundled entity replaces its roles: the user knows better (issue 4).
        entity.roles = []
        entity.source = source
    if entity is None or entity.kind != kind and not entity.roles:
        entity = data.entities[key] = Entity(name=row["name"], kind=kind, source=source)
    if user:
        overridden.add(key)
    entity.aliases.extend(a for a in _split(row.get("aliases", "")) if a not in entity.aliases)
    entity.roles.append(role)
