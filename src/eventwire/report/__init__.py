"""Relationship (dyad) reports: the same profile as terminal text or as a self-contained HTML file.

    >>> from eventwire.report import dyad_report
    >>> report = dyad_report("eventwire.duckdb", "RUS", "CUB", by="month")
    >>> print(report.text())
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date as Date
from pathlib import Path
from typing import Any

from ..query import dyad_profile, open_reader
from ..query.events import country_names
from .chart import trend_svg
from .html import render_html
from .text import render_text


@dataclass(slots=True)
class DyadReport:
    profile: dict[str, Any]

    def names(self) -> dict[str, str]:
        return country_names()

    def text(self, *, width: int = 100) -> str:
        return render_text(self.profile, names=self.names(), width=width)

    def html(self) -> str:
        return render_html(self.profile, names=self.names())


def dyad_report(
    db: str | Path,
    a: str,
    b: str,
    *,
    since: Date | None = None,
    until: Date | None = None,
    by: str = "month",
    both_directions: bool = True,
    key_events: int = 10,
    dominance_threshold: float = 0.6,
) -> DyadReport:
    """Read the relationship between A and B from the store at `db` (read-only, briefly)."""
    with open_reader(db) as con:
        profile = dyad_profile(
            con, a, b, since=since, until=until, by=by, both_directions=both_directions,
            key_events=key_events, dominance_threshold=dominance_threshold,
        )
    return DyadReport(profile=profile)


__all__ = ["DyadReport", "dyad_report", "render_html", "render_text", "trend_svg"]
