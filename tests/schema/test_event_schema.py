"""The event JSON Schema matches what Event.to_dict() emits and rejects malformed events."""

from __future__ import annotations

import copy
import json
from pathlib import Path

import pytest
from jsonschema import Draft202012Validator

from eventwire.errors import EventSchemaError
from eventwire.model import SCHEMA_VERSION, Actor, Event, Evidence, Location
from eventwire.ontology import load_ontology
from eventwire.schema import event_schema, event_schema_errors, validate_event

SENTENCE = "Russian President Dmitry Medvedev spoke by phone with Cuban leader Raul Castro on Friday."


def span(text: str) -> tuple[int, int]:
    start = SENTENCE.index(text)
    return start, start + len(text)


def make_event(code: str = "041", **overrides) -> Event:
    rec = load_ontology().for_cameo(code)
    fields = dict(
        article_id="seed-1",
        sentence=0,
        source=Actor(text="Dmitry Medvedev", name="Dmitry Medvedev", code="RUSGOV", country="RUS",
                     sector="GOV", start=span("Dmitry Medvedev")[0], end=span("Dmitry Medvedev")[1],
                     basis="person"),
        target=Actor(text="Raul Castro", name="Raúl Castro", code="CUBGOV", country="CUB", sector="GOV",
                     start=span("Raul Castro")[0], end=span("Raul Castro")[1], basis="person"),
        cameo=rec.code,
        cameo_name=rec.name,
        plover=rec.plover,
        plover_mode=rec.plover_mode,
        plover_context=list(rec.plover_context),
        quad_class=rec.quad_class,
        goldstein=rec.goldstein,
        evidence=Evidence(start=0, end=len(SENTENCE), text=SENTENCE, trigger="spoke by phone",
                          trigger_start=span("spoke by phone")[0], trigger_end=span("spoke by phone")[1]),
        rule="test:consult-phone",
        confidence=0.9,
        date="2010-05-14",
        date_basis="text",
        date_precision="day",
        location=Location(name="Havana", country="CUB", admin1="CU.02", lat=23.13, lon=-82.38,
                          geonameid=3553478),
        location_basis="text",
        attribution="TASS",
        publisher="Wire",
        url="https://example.org/a",
    )
    fields.update(overrides)
    return Event(**fields)


def test_schema_is_valid_draft_2020_12():
    schema = event_schema()
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    Draft202012Validator.check_schema(schema)
    assert schema["x-schema-version"] == SCHEMA_VERSION


def test_schema_requires_exactly_what_to_dict_emits():
    assert set(event_schema()["required"]) == set(make_event().to_dict())
    assert set(event_schema()["properties"]) == set(make_event().to_dict())


def test_schema_plover_enum_is_the_ontology():
    assert set(event_schema()["properties"]["plover"]["enum"]) == set(load_ontology().plover) | {None}


def test_full_event_validates():
    event = make_event()
    validate_event(event.to_dict())
    validate_event(json.loads(event.to_json()))
    validate_event(Event.from_dict(event.to_dict()).to_dict())


def test_minimal_event_validates():
    event = make_event(
        "010", target=None, location=None, location_basis=None, date=None, date_basis="unknown",
        date_precision=None, attribution=None, publisher=None, url=None, cameo_name=None,
        source=Actor(text="Moscow"), evidence=Evidence(start=5, end=9, text="said", trigger="said"),
    )
    d = event.to_dict()
    assert d["plover"] is None and d["target"] is None
    validate_event(d)


def test_every_ontology_code_gives_a_valid_event():
    for code in load_ontology().cameo:
        assert event_schema_errors(make_event(code).to_dict()) == [], code


def test_month_and_year_dates_validate():
    validate_event(make_event(date="2023-06", date_precision="month").to_dict())
    validate_event(make_event(date="2023", date_precision="year").to_dict())


def test_added_fields_are_allowed():
    d = make_event().to_dict()
    d["language"] = "en"
    d["source"]["wikidata"] = "Q23530"
    validate_event(d)


def _set(path, value):
    def mutate(d):
        *parents, last = path
        for p in parents:
            d = d[p]
        d[last] = value

    return mutate


def _delete(path):
    def mutate(d):
        *parents, last = path
        for p in parents:
            d = d[p]
        del d[last]

    return mutate


INVALID = [
    ("cameo-one-digit", _set(["cameo"], "4"), "cameo"),
    ("cameo-root-21", _set(["cameo"], "210"), "cameo"),
    ("cameo-letters", _set(["cameo"], "04a"), "cameo"),
    ("cameo-number", _set(["cameo"], 41), "cameo"),
    ("plover-unknown", _set(["plover"], "MEET"), "plover"),
    ("quad-5", _set(["quad_class"], 5), "quad_class"),
    ("quad-string", _set(["quad_class"], "1"), "quad_class"),
    ("goldstein-11", _set(["goldstein"], -11), "goldstein"),
    ("confidence-1.5", _set(["confidence"], 1.5), "confidence"),
    ("date-basis", _set(["date_basis"], "guess"), "date_basis"),
    ("date-precision", _set(["date_precision"], "week"), "date_precision"),
    ("date-words", _set(["date"], "June 3, 2023"), "date"),
    ("sentence-negative", _set(["sentence"], -1), "sentence"),
    ("source-null", _set(["source"], None), "source"),
    ("source-no-text", _delete(["source", "text"]), "source"),
    ("country-alpha2", _set(["source", "country"], "RU"), "source/country"),
    ("target-string", _set(["target"], "Cuba"), "target"),
    ("context-string", _set(["plover_context"], "diplomatic"), "plover_context"),
    ("context-duplicate", _set(["plover_context"], ["legal", "legal"]), "plover_context"),
    ("evidence-no-trigger", _delete(["evidence", "trigger"]), "evidence"),
    ("evidence-negative", _set(["evidence", "start"], -3), "evidence/start"),
    ("location-lat", _set(["location", "lat"], 123.0), "location"),
    ("location-no-name", _delete(["location", "name"]), "location"),
    ("rule-missing", _delete(["rule"]), "rule"),
    ("rule-empty", _set(["rule"], ""), "rule"),
    ("event-id-missing", _delete(["event_id"]), "event_id"),
]


@pytest.mark.parametrize(("mutate", "field"), [c[1:] for c in INVALID], ids=[c[0] for c in INVALID])
def test_invalid_events_fail(mutate, field):
    d = copy.deepcopy(make_event().to_dict())
    mutate(d)
    with pytest.raises(EventSchemaError) as exc:
        validate_event(d)
    assert exc.value.code == "E005"
    assert any(field in p for p in exc.value.problems), exc.value.problems


def test_not_an_object_fails():
    with pytest.raises(EventSchemaError):
        validate_event([make_event().to_dict()])


def test_all_problems_are_reported():
    d = make_event().to_dict()
    d["quad_class"] = 9
    d["goldstein"] = 42
    assert len(event_schema_errors(d)) == 2


def test_every_field_is_documented():
    doc = (Path(__file__).resolve().parents[2] / "docs" / "event-schema.md").read_text(encoding="utf-8")
    schema = event_schema()
    names = set(schema["properties"])
    for sub in ("actor", "location", "evidence"):
        names |= set(schema["$defs"][sub]["properties"])
    missing = sorted(n for n in names if f"`{n}`" not in doc)
    assert missing == []
