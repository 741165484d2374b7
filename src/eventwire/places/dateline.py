"""Wire datelines: 'MOSCOW, March 3 (Reuters) -' -> 'MOSCOW' (issue 5)."""

from __future__ import annotations

import re

_MONTH_ABBR = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?"
# The dash is a run of hyphens, an en or em dash, or one hyphen with a space beside it: 'UN-sponsored talks'
# and 'US-led forces' hold a hyphen inside a word, which is no dateline's dash ('CAP-HAITIEN (AP) -' is).
_DATELINE = re.compile(
    r"^\s*(?P<place>[A-Z][A-Za-z.'\u2019 \-]{0,40}?)\s*"
    rf"(?:,\s*(?!{_MONTH_ABBR}\s+\d)(?P<region>[A-Z][A-Za-z.'\u2019 \-]{{0,30}}?))?\s*"
    rf"(?:,\s*(?P<date>{_MONTH_ABBR}\s+\d{{1,2}}(?:,\s*\d{{4}})?))?\s*"  # a year may follow: 'Jan 19, 2017'
    r"(?:\((?P<agency>[^()]{1,40})\))?\s*(?:--+|(?<=\s)-|-(?=\s)|\u2013|\u2014)"
)


def parse_dateline(text: str) -> str | None:
    """The place of a wire dateline: 'MOSCOW, March 3 (Reuters) -' -> 'MOSCOW'.

    A region after the city is kept ('KYIV, Ukraine, March 3 (Reuters) -' -> 'KYIV, Ukraine') so the
    caller can use it to pick the right namesake. None when the text does not open with a dateline.
    """
    m = _match(text)
    if m is None:
        return None
    place = m.group("place").strip()
    if m.group("region"):
        return f"{place}, {m.group('region').strip()}"
    return place


def dateline_length(text: str) -> int:
    """How many characters a wire dateline takes at the start of `text` (0 when there is none), so that
    the parser can treat 'NEW DELHI, Feb 25 -' as apart from the sentence after it."""
    m = _match(text)
    return m.end() if m is not None else 0


def _match(text: str) -> re.Match[str] | None:
    """The dateline at the start of `text`, or None; one match serves both the place and the length."""
    if not isinstance(text, str):
        return None
    m = _DATELINE.match(text[:160])
    if m is None:
        return None
    # A dateline is a capitalised place followed by a date or an agency; a bare title-case phrase
    # and a dash is ordinary prose ("Officials said - ...") and is not taken.
    place = m.group("place").strip()
    if not (place.isupper() or m.group("date") or m.group("agency")):
        return None
    return m
