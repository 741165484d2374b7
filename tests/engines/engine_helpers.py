"""Helpers shared by the engine tests."""

from __future__ import annotations


def as_dicts(results) -> list[tuple[str, object]]:
    """(article id, event dicts or the error's class and reason): comparable across engines."""
    out = []
    for article, outcome in results:
        if isinstance(outcome, list):
            out.append((article.id, [e.to_dict() for e in outcome]))
        else:
            out.append((article.id, (type(outcome).__name__, outcome.reason)))
    return out
