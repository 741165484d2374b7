"""Normalising fields of incoming records."""

from __future__ import annotations

from datetime import date as Date
from datetime import datetime


def parse_date(value: object) -> Date | None:
    """ISO dates and datetimes ('2023-06-03', '2023-06-03T10:00:00Z'); anything else is unknown, not an error.

    A bad date must not lose the article: it is coded with an unknown publication date instead.
    """
    if value is None:
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, Date):
        return value
    text = str(value).strip()
    if len(text) < 10:
        return None
    try:
        return Date.fromisoformat(text[:10])
    except ValueError:
        return None
