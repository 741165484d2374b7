"""Pre-selecting the sentences that can hold an event, before parsing.

A sentence can only be coded if it contains a trigger word of the pattern table and, for rows that need
them, one of the words their constraints name ('lifted' codes only with 'sanctions', 'ban', 'curfew' ...),
so a pipeline may parse just those sentences. The test is on surface forms: each lemma as a word prefix
(which covers regular inflection: attack, attacked, attacking) plus the irregular forms in
patterns/irregular_forms.json (met, spoke, struck). It errs on the side of keeping a sentence.
"""

from __future__ import annotations

import re

from .matcher import PLACE_MARK
from .pattern_table import PatternSet, irregular_forms
from .syntax import british_spelling

# A sentence ends at . ! ? (optionally closed by a quote or bracket) before whitespace and a capital, or at a
# blank line; single line breaks are wrapping inside a sentence (wire copy wraps at 70 columns).
SENTENCE_END = re.compile(r"(?<=[.!?])[\"'”’)\]]*\s+(?=[\"'“‘(\[]?[A-Z0-9])|\n\s*\n")
WORD = re.compile(r"[a-z][a-z'-]*")
# Constraint keys whose words must appear in the sentence for the row to match.
REQUIRED_KEYS = ("obj", "prt")
MIN_STEM = 3


def _stem(lemma: str) -> str:
    # 'arrive' -> 'arriv' (arrived), 'deny' -> 'den' (denied), 'ban' stays (banned starts with ban).
    if len(lemma) > MIN_STEM and lemma.endswith(("e", "y")):
        return lemma[:-1]
    return lemma


class SentenceFilter:
    """Which rough sentences of a text can be coded by a pattern set."""

    def __init__(self, patterns: PatternSet):
        irregular = irregular_forms()
        self._stems: dict[str, set[str]] = {}  # word prefix -> lemmas it may be a form of
        self._exact: dict[str, set[str]] = {}  # irregular form -> lemmas
        self._rows: dict[str, list[list[frozenset[str]]]] = {}  # trigger lemma -> required word sets per row
        words: set[str] = set()
        for p in patterns.patterns:
            required = [
                values for key, values in p.when.items()
                if key in REQUIRED_KEYS and "*" not in values and PLACE_MARK not in values
            ]
            self._rows.setdefault(p.lemma, []).append(required)
            words.add(p.lemma)
            for values in required:
                words |= values
        for word in words:
            for part in word.split():
                self._stems.setdefault(_stem(part), set()).add(word)
                self._stems.setdefault(_stem(british_spelling(part)), set()).add(word)
            for form in irregular.get(word, ()):
                self._exact.setdefault(form, set()).add(word)
        # 'X said Y must ...' is coded without a trigger word (the obligation rule).
        self._always = {"must", "should", "ought"}

    def _present(self, sentence: str) -> set[str]:
        found: set[str] = set()
        words = WORD.findall(sentence.lower())
        # 'cease-fire', 'co-operate': the coder matches a hyphenated word with or without its hyphens.
        words += [w.replace("-", "") for w in words if "-" in w]
        for w in words:
            if w in self._always:
                found.add("\0oblige")
            hit = self._exact.get(w)
            if hit:
                found |= hit
            if len(w) < MIN_STEM:
                # Short words are required whole: the particles 'up' (blew up, rounded up), 'in', 'on'.
                found |= self._stems.get(w, set())
            for k in range(MIN_STEM, len(w) + 1):
                hit = self._stems.get(w[:k])
                if hit:
                    found |= hit
        return found

    def keeps(self, sentence: str) -> bool:
        present = self._present(sentence)
        if "\0oblige" in present:
            return True
        for lemma in present:
            for required in self._rows.get(lemma, ()):
                if all(values & present for values in required):
                    return True
        return False

    def ranges(self, text: str) -> list[tuple[int, int]]:
        """(start, end) character ranges of the rough sentences of text that can hold an event."""
        out: list[tuple[int, int]] = []
        start = 0
        for m in SENTENCE_END.finditer(text):
            end = m.start()
            if end > start and self.keeps(text[start:end]):
                out.append((start, end))
            start = m.end()
        if start < len(text) and self.keeps(text[start:]):
            out.append((start, len(text)))
        return out
