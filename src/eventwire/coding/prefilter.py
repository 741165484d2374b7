"""Pre-selecting the sentences that can hold an event, before parsing.

A sentence can only be coded if it contains a trigger word of the pattern table, so a pipeline may parse
just those sentences. The test is on surface forms: each lemma as a word prefix (which covers regular
inflection: attack, attacked, attacking) plus the irregular forms in patterns/irregular_forms.json
(met, spoke, struck). It errs on the side of keeping a sentence.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from pathlib import Path

from eventwire.errors import DataFileError

IRREGULAR_FILE = Path(__file__).resolve().parent / "patterns" / "irregular_forms.json"
# A sentence ends at . ! ? (optionally closed by a quote or bracket) before whitespace and a capital, or at a
# blank line; single line breaks are wrapping inside a sentence (wire copy wraps at 70 columns).
SENTENCE_END = re.compile(r"(?<=[.!?])[\"'”’)\]]*\s+(?=[\"'“‘(\[]?[A-Z0-9])|\n\s*\n")


def _stem(lemma: str) -> str:
    # 'arrive' -> 'arriv' (arrived), 'deny' -> 'den' (denied), 'ban' stays (banned starts with ban).
    if len(lemma) > 3 and lemma.endswith(("e", "y")):
        return lemma[:-1]
    return lemma


def irregular_forms(path: str | Path = IRREGULAR_FILE) -> dict[str, list[str]]:
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError) as e:
        raise DataFileError(str(path), f"cannot read irregular forms: {e}") from None
    if not isinstance(data, dict) or not data.get("source") or not isinstance(data.get("forms"), dict):
        raise DataFileError(str(path), "must be an object with 'source' and 'forms'")
    return data["forms"]


def trigger_regex(lemmas: Iterable[str]) -> re.Pattern[str]:
    lemmas = set(lemmas)
    stems = {_stem(lemma) for lemma in lemmas}
    forms: set[str] = set()
    for lemma, irregular in irregular_forms().items():
        if lemma in lemmas:
            forms.update(irregular)
    alternatives = sorted((re.escape(s) + r"\w*" for s in stems), key=len, reverse=True)
    alternatives += sorted((re.escape(f) + r"\b" for f in forms), key=len, reverse=True)
    return re.compile(r"\b(?:" + "|".join(alternatives) + ")", re.IGNORECASE)


def candidate_ranges(text: str, regex: re.Pattern[str]) -> list[tuple[int, int]]:
    """(start, end) character ranges of the rough sentences of text that contain a trigger form."""
    out: list[tuple[int, int]] = []
    start = 0
    for m in SENTENCE_END.finditer(text):
        end = m.start()
        if end > start and regex.search(text, start, end):
            out.append((start, end))
        start = m.end()
    if start < len(text) and regex.search(text, start, len(text)):
        out.append((start, len(text)))
    return out
