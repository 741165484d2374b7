"""The event schema in one place: Article, Actor, Location, Evidence, Event.

Field names are a contract (docs/event-schema.md, ../shared/docs/ARCHITECTURE.md): add fields, rename none.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import asdict, dataclass, field
from datetime import date as Date
from typing import Any

SCHEMA_VERSION = "1.0"


@dataclass(slots=True)
class Article:
    id: str
    text: str
    title: str | None = None
    date: Date | None = None
    url: str | None = None
    publisher: str | None = None
    source_path: str | None = None  # the file it was read from, for error reports
    # Some corpora keep the dateline ('MOSCOW, March 3 -') outside the text; it is the location fallback.
    dateline: str | None = None

    @property
    def content_hash(self) -> str:
        return hashlib.sha256(self.text.encode("utf-8")).hexdigest()


@dataclass(slots=True)
class Actor:
    text: str
    name: str | None = None
    code: str | None = None
    country: str | None = None
    sector: str | None = None
    # Character offsets of the mention in the article, and why it resolved as it did.
    start: int | None = None
    end: int | None = None
    basis: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_dict(cls, d: dict[str, Any] | None) -> Actor | None:
        if d is None:
            return None
        return cls(**{k: d.get(k) for k in cls.__dataclass_fields__})


@dataclass(slots=True)
class Location:
    name: str
    country: str | None = None
    admin1: str | None = None
    lat: float | None = None
    lon: float | None = None
    geonameid: int | None = None

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_dict(cls, d: dict[str, Any] | None) -> Location | None:
        if d is None:
            return None
        return cls(**{k: d.get(k) for k in cls.__dataclass_fields__})


@dataclass(slots=True)
class Evidence:
    start: int
    end: int
    text: str
    trigger: str
    trigger_start: int | None = None
    trigger_end: int | None = None

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(slots=True)
class Event:
    article_id: str
    sentence: int
    source: Actor
    target: Actor | None
    cameo: str
    plover: str | None
    plover_mode: str | None
    plover_context: list[str]
    quad_class: int
    goldstein: float
    evidence: Evidence
    rule: str
    confidence: float
    date: str | None = None
    date_basis: str = "unknown"  # text | publication | unknown
    date_precision: str | None = None  # day | month | year
    location: Location | None = None
    location_basis: str | None = None  # text | dateline | None
    attribution: str | None = None
    publisher: str | None = None
    url: str | None = None
    cameo_name: str | None = None
    event_id: str = field(default="")

    def __post_init__(self) -> None:
        if not self.event_id:
            self.event_id = self.stable_id()

    def stable_id(self) -> str:
        """Same article, sentence, trigger, code and actors -> same id, run after run."""
        key = "|".join(
            [
                self.article_id,
                str(self.sentence),
                str(self.evidence.trigger_start),
                self.cameo,
                self.source.text,
                self.target.text if self.target else "",
            ]
        )
        return hashlib.sha1(key.encode("utf-8")).hexdigest()[:16]

    def to_dict(self) -> dict[str, Any]:
        return {
            "event_id": self.event_id,
            "article_id": self.article_id,
            "sentence": self.sentence,
            "date": self.date,
            "date_basis": self.date_basis,
            "date_precision": self.date_precision,
            "source": self.source.to_dict(),
            "target": self.target.to_dict() if self.target else None,
            "cameo": self.cameo,
            "cameo_name": self.cameo_name,
            "plover": self.plover,
            "plover_mode": self.plover_mode,
            "plover_context": list(self.plover_context),
            "quad_class": self.quad_class,
            "goldstein": self.goldstein,
            "location": self.location.to_dict() if self.location else None,
            "location_basis": self.location_basis,
            "evidence": self.evidence.to_dict(),
            "attribution": self.attribution,
            "publisher": self.publisher,
            "url": self.url,
            "confidence": self.confidence,
            "rule": self.rule,
        }

    def to_row(self) -> dict[str, Any]:
        """One flat row (actor_*, location_*, evidence_* columns) for CSV, Parquet and SQL."""
        return flatten_event(self.to_dict())

    def to_json(self) -> str:
        return json.dumps(self.to_dict(), ensure_ascii=False)

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Event:
        ev = d["evidence"]
        return cls(
            event_id=d.get("event_id", ""),
            article_id=d["article_id"],
            sentence=d["sentence"],
            date=d.get("date"),
            date_basis=d.get("date_basis", "unknown"),
            date_precision=d.get("date_precision"),
            source=Actor.from_dict(d["source"]),
            target=Actor.from_dict(d.get("target")),
            cameo=d["cameo"],
            cameo_name=d.get("cameo_name"),
            plover=d.get("plover"),
            plover_mode=d.get("plover_mode"),
            plover_context=list(d.get("plover_context") or []),
            quad_class=d["quad_class"],
            goldstein=d["goldstein"],
            location=Location.from_dict(d.get("location")),
            location_basis=d.get("location_basis"),
            evidence=Evidence(**ev),
            attribution=d.get("attribution"),
            publisher=d.get("publisher"),
            url=d.get("url"),
            confidence=d["confidence"],
            rule=d["rule"],
        )


ACTOR_FIELDS = ("text", "name", "code", "country", "sector")
LOCATION_FIELDS = ("name", "country", "admin1", "lat", "lon", "geonameid")
EVIDENCE_FIELDS = ("start", "end", "text", "trigger", "trigger_start", "trigger_end")


def flatten_event(d: dict[str, Any]) -> dict[str, Any]:
    """Flatten an event dict: nested objects become prefixed columns, lists become ';'-joined strings."""
    row: dict[str, Any] = {}
    for key, value in d.items():
        if key in ("source", "target"):
            for f in ACTOR_FIELDS:
                row[f"{key}_{f}"] = value.get(f) if value else None
        elif key == "location":
            for f in LOCATION_FIELDS:
                row[f"location_{f}"] = value.get(f) if value else None
        elif key == "evidence":
            for f in EVIDENCE_FIELDS:
                row[f"evidence_{f}"] = value.get(f)
        elif isinstance(value, list):
            row[key] = ";".join(str(v) for v in value)
        else:
            row[key] = value
    return row
