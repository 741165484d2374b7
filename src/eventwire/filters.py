"""Event filters: one validated object turned into one SQL WHERE clause, shared by every query.

An actor spec is a country code (`RUS`) or a CAMEO-style actor code (`RUSGOV`): it matches an actor whose
country is the spec or whose code starts with it, so `RUS` finds Russian actors of every sector and
`RUSGOV` only the government. Specs are validated to letters and digits, so they never carry SQL wildcards.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import date as Date
from typing import Any

from .errors import QueryError

ACTOR_SPEC = re.compile(r"^[A-Z0-9]{2,24}$")
SECTOR = re.compile(r"^[A-Z]{3}$")
CAMEO_PREFIX = re.compile(r"^[0-9]{1,4}$")
PLOVER_TYPE = re.compile(r"^[A-Z_]{2,32}$")
TEXT_MAX = 200

QUAD_CLASSES = {
    1: "verbal cooperation",
    2: "material cooperation",
    3: "verbal conflict",
    4: "material conflict",
}


def actor_spec(value: str | None, *, name: str) -> str | None:
    """Normalise an actor spec (upper case); raise QueryError naming the parameter when it is malformed."""
    if value is None:
        return None
    spec = value.strip().upper()
    if not ACTOR_SPEC.match(spec):
        raise QueryError(
            f"{name}={value!r} is not an actor: give a country code such as RUS or an actor code such as "
            "RUSGOV (letters and digits only)"
        )
    return spec


def actor_matches(role: str, param: str = "?") -> str:
    """SQL that is true when the `role` (source|target) actor matches the spec bound at `param`."""
    return f"({role}_country = {param} OR starts_with({role}_code, {param}))"


def _like_literal(text: str) -> str:
    # Escape LIKE's wildcards so a search for "50%" finds the text "50%", not everything after "50".
    return "%" + text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"


@dataclass(frozen=True, slots=True, kw_only=True)
class EventFilter:
    """Which events: every field is optional and they all must hold (AND).

    `actor` matches either side; `source`/`target` one side each; with both `source` and `target` set,
    `both_directions=True` also takes the events from target to source (a dyad, either way round).
    `cameo` is a code or a prefix ('04' is every consult code); dates are inclusive.
    """

    actor: str | None = None
    source: str | None = None
    target: str | None = None
    both_directions: bool = False
    country: str | None = None
    sector: str | None = None
    plover: str | None = None
    cameo: str | None = None
    quad_class: int | None = None
    since: Date | None = None
    until: Date | None = None
    text: str | None = None
    publisher: str | None = None
    attribution: str | None = None
    # Only events coded with at least this confidence: on judged news samples the events at 0.85 and above
    # were right about half the time, those below about a third (docs/benchmarks.md, "Precision by confidence").
    min_confidence: float | None = None

    def validated(self) -> EventFilter:
        """A normalised copy (upper-case codes, stripped text), or QueryError saying which field is wrong."""
        sector = self.sector.strip().upper() if self.sector else None
        if sector is not None and not SECTOR.match(sector):
            raise QueryError(f"sector={self.sector!r} is not a CAMEO sector code (e.g. GOV, MIL)")
        plover = self.plover.strip().upper() if self.plover else None
        if plover is not None and not PLOVER_TYPE.match(plover):
            raise QueryError(f"plover={self.plover!r} is not a PLOVER event type (e.g. CONSULT, SUPPORT)")
        cameo = self.cameo.strip() if self.cameo else None
        if cameo is not None and not CAMEO_PREFIX.match(cameo):
            raise QueryError(f"cameo={self.cameo!r} is not a CAMEO code or prefix (e.g. 04, 042)")
        if self.quad_class is not None and self.quad_class not in QUAD_CLASSES:
            raise QueryError(f"quad_class={self.quad_class!r} must be 1, 2, 3 or 4")
        if self.since and self.until and self.since > self.until:
            raise QueryError(f"since={self.since.isoformat()} is after until={self.until.isoformat()}")
        text = self.text.strip() if self.text else None
        if text is not None and len(text) > TEXT_MAX:
            raise QueryError(f"text search is limited to {TEXT_MAX} characters")
        if self.min_confidence is not None and not 0.0 <= self.min_confidence <= 1.0:
            raise QueryError(f"min_confidence={self.min_confidence!r} must be between 0 and 1")
        if self.both_directions and not (self.source and self.target):
            raise QueryError("both_directions needs both source and target")
        return replace(
            self,
            actor=actor_spec(self.actor, name="actor"),
            source=actor_spec(self.source, name="source"),
            target=actor_spec(self.target, name="target"),
            country=actor_spec(self.country, name="country"),
            sector=sector,
            plover=plover,
            cameo=cameo,
            text=text or None,
            publisher=(self.publisher or "").strip() or None,
            attribution=(self.attribution or "").strip() or None,
        )

    def where(self) -> tuple[str, list[Any]]:
        """The WHERE clause (without the keyword; 'TRUE' when empty) and its parameters, over the
        flattened event columns of `events` or `mentions`."""
        f = self.validated()
        clauses: list[str] = []
        params: list[Any] = []
        if f.source and f.target:
            one_way = f"({actor_matches('source')} AND {actor_matches('target')})"
            params += [f.source, f.source, f.target, f.target]
            if f.both_directions:
                back = f"({actor_matches('source')} AND {actor_matches('target')})"
                clauses.append(f"({one_way} OR {back})")
                params += [f.target, f.target, f.source, f.source]
            else:
                clauses.append(one_way)
        elif f.source:
            clauses.append(actor_matches("source"))
            params += [f.source, f.source]
        elif f.target:
            clauses.append(actor_matches("target"))
            params += [f.target, f.target]
        if f.actor:
            clauses.append(f"({actor_matches('source')} OR {actor_matches('target')})")
            params += [f.actor] * 4
        if f.country:
            clauses.append("(source_country = ? OR target_country = ?)")
            params += [f.country, f.country]
        if f.sector:
            clauses.append("(source_sector = ? OR target_sector = ?)")
            params += [f.sector, f.sector]
        if f.plover:
            clauses.append("plover = ?")
            params.append(f.plover)
        if f.cameo:
            clauses.append("starts_with(cameo, ?)")
            params.append(f.cameo)
        if f.quad_class is not None:
            clauses.append("quad_class = ?")
            params.append(f.quad_class)
        if f.since:
            clauses.append("date >= ?")
            params.append(f.since)
        if f.until:
            clauses.append("date <= ?")
            params.append(f.until)
        if f.text:
            like = _like_literal(f.text)
            clauses.append(
                "(evidence_text ILIKE ? ESCAPE '\\' OR source_name ILIKE ? ESCAPE '\\' "
                "OR target_name ILIKE ? ESCAPE '\\')"
            )
            params += [like, like, like]
        if f.publisher:
            clauses.append("publisher = ?")
            params.append(f.publisher)
        if f.attribution:
            clauses.append("attribution = ?")
            params.append(f.attribution)
        if f.min_confidence is not None:
            clauses.append("confidence >= ?")
            params.append(f.min_confidence)
        return (" AND ".join(clauses) or "TRUE"), params
