"""The event JSON Schema (event.schema.json, draft 2020-12) and a validator for event dicts.

    from eventwire.schema import validate_event
    validate_event(event.to_dict())          # raises EventSchemaError listing every problem

The schema describes `Event.to_dict()`; docs/event-schema.md explains each field.
"""

from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path
from typing import Any

from jsonschema import Draft202012Validator

from eventwire.errors import EventSchemaError

SCHEMA_PATH = Path(__file__).resolve().parent / "event.schema.json"

__all__ = ["SCHEMA_PATH", "event_schema", "event_schema_errors", "validate_event"]


@lru_cache(maxsize=1)
def event_schema() -> dict[str, Any]:
    """The schema as a dict (shared: do not modify it)."""
    return json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))


@lru_cache(maxsize=1)
def _validator() -> Draft202012Validator:
    schema = event_schema()
    Draft202012Validator.check_schema(schema)
    return Draft202012Validator(schema)


def event_schema_errors(event: Any) -> list[str]:
    """Every way `event` breaks the schema, as 'path: message' strings; empty when it is valid."""
    problems = []
    for err in sorted(_validator().iter_errors(event), key=lambda e: list(map(str, e.absolute_path))):
        where = "/".join(str(p) for p in err.absolute_path) or "(event)"
        problems.append(f"{where}: {err.message}")
    return problems


def validate_event(event: Any) -> None:
    """Raise EventSchemaError when `event` (a dict, as from Event.to_dict()) does not match the schema."""
    problems = event_schema_errors(event)
    if problems:
        raise EventSchemaError(problems)
