"""Cross-article deduplication: the same event reported by several articles becomes one event.

Two article-level events (mentions) are the same event when they have the same source actor code, the same
target actor code (or both no target), the same CAMEO code, and dates at most `WINDOW_DAYS` apart. The
window is anchored on the deduplicated event's own date (its first mention's), so a chain of reports one day
apart each cannot drift an event across a week. Mentions without a source code or a date are never merged:
nothing says two of them are the same happening.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date as Date
from datetime import timedelta

WINDOW_DAYS = 1

DedupKey = tuple[str, str, str]


def dedup_key(
    *, source_code: str | None, target_code: str | None, cameo: str, day: Date | None
) -> DedupKey | None:
    if not source_code or day is None:
        return None
    return (source_code, target_code or "", cameo)


@dataclass
class DedupIndex:
    """Known events by key: (day, event_id) pairs, from the store and then from the batch being written."""

    window: timedelta = field(default_factory=lambda: timedelta(days=WINDOW_DAYS))
    _by_key: dict[DedupKey, list[tuple[Date, str]]] = field(default_factory=dict)

    def add(self, key: DedupKey, day: Date, event_id: str) -> None:
        self._by_key.setdefault(key, []).append((day, event_id))

    def match(self, key: DedupKey, day: Date) -> str | None:
        """The known event this mention reports: the nearest in date within the window (ties: the earlier
        date, then the smaller id, so the choice does not depend on insertion order)."""
        best: tuple[timedelta, Date, str] | None = None
        for known_day, event_id in self._by_key.get(key, ()):
            gap = abs(known_day - day)
            if gap <= self.window:
                candidate = (gap, known_day, event_id)
                if best is None or candidate < best:
                    best = candidate
        return best[2] if best else None
