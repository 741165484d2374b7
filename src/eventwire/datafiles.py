"""Reading the JSON data files eventwire ships (ontology, coder frames and word lists): one check for all."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from .errors import DataFileError


def read_json_data(path: str | Path) -> dict[str, Any]:
    """A JSON object that names its source (where its facts come from), or a DataFileError naming the file."""
    path = Path(path)
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise DataFileError(str(path), "file not found") from None
    except UnicodeDecodeError as e:
        raise DataFileError(str(path), f"not UTF-8 ({e.reason} at byte {e.start})") from None
    except json.JSONDecodeError as e:
        raise DataFileError(str(path), f"invalid JSON at line {e.lineno} column {e.colno}: {e.msg}") from None
    if not isinstance(data, dict):
        raise DataFileError(str(path), "top level must be a JSON object")
    if not isinstance(data.get("source"), str) or not data["source"].strip():
        raise DataFileError(str(path), "missing 'source': a data file must say where its facts come from")
    return data


def word_list(data: dict[str, Any], key: str, path: str | Path) -> frozenset[str]:
    """`data[key]` as lower-cased words; a DataFileError when it is not a list of strings."""
    value = data.get(key)
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise DataFileError(str(path), f"'{key}' must be a list of strings")
    return frozenset(v.lower() for v in value)
