"""The phrase table: every name, alias, adjective, capital, metonym and sector word, matched over text.

Matching runs on our own word split of the mention's text, not on spaCy tokens, so that a dictionary
phrase and a mention are cut the same way ("Díaz-Canel", "Diaz-Canel" and "Diaz Canel" all give
diaz / canel). Accents are stripped and case folded, except for short all-capital acronyms
("US", "UN", "EU"), which must match in capitals so that the pronoun "us" is not the United States.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from .data_files import ActorData

# Dotted abbreviations stay whole (U.S., U.N.); words split at hyphens and apostrophes.
_WORD_RE = re.compile(r"(?:[^\W\d_]\.){2,}|[^\W_]+|[-']")
_TRANSLATE = str.maketrans({"’": "'", "‘": "'", "`": "'", "–": "-", "—": "-", "‐": "-", "‑": "-"})
# Articles are not part of a name: "the Kremlin" and "Kremlin" are one entry.
_LEADING_DROP = {"the"}


def fold(text: str) -> str:
    """Accent-free, case-folded text with one kind of apostrophe and hyphen."""
    text = unicodedata.normalize("NFKD", text.translate(_TRANSLATE))
    return "".join(c for c in text if not unicodedata.combining(c)).casefold()


def words(text: str) -> list[tuple[str, str, int, int]]:
    """(folded word, original word, start, end) for each word of `text`."""
    out = []
    for m in _WORD_RE.finditer(text.translate(_TRANSLATE)):
        if m.group() == "-":
            # "Attorney-General" = "Attorney General", "Díaz-Canel" = "Diaz Canel".
            continue
        out.append((fold(m.group()), m.group(), m.start(), m.end()))
    return out


def _plain(text: str) -> str:
    """Accent-free, case-kept, without dots and spaces: how an acronym or a surname must appear."""
    text = unicodedata.normalize("NFKD", text.translate(_TRANSLATE))
    return "".join(c for c in text if not unicodedata.combining(c) and c not in ". -")


def _is_acronym(phrase: str) -> bool:
    bare = phrase.replace(".", "")
    return len(bare) <= 5 and bare.isalpha() and bare.isupper() and "." not in phrase


@dataclass(frozen=True, slots=True)
class Entry:
    """What a phrase means. kind: person surname organisation group country adjective demonym capital
    metonym former_name state sector; `ref` is the entity name, country code or sector term it points to."""

    kind: str
    ref: str
    sector: str | None = None  # for metonyms: the sector the seat of power stands for
    exact: str | None = None  # acronyms: the capitalised form that must appear
    bare: bool = False  # a person's one-word alias ("Abe"), checked against the date like a surname


@dataclass(frozen=True, slots=True)
class Match:
    start: int  # character offsets in the matched text
    end: int
    text: str
    entries: tuple[Entry, ...]


class Lexicon:
    def __init__(self) -> None:
        self._table: dict[tuple[str, ...], list[Entry]] = {}
        self._longest = 1

    def add(self, phrase: str, entry: Entry) -> None:
        key = tuple(w for w, _, _, _ in words(phrase))
        if key and key[0] in _LEADING_DROP and len(key) > 1:
            key = key[1:]
        if not key:
            return
        if _is_acronym(phrase):
            entry = Entry(entry.kind, entry.ref, entry.sector, exact=phrase, bare=entry.bare)
        bucket = self._table.setdefault(key, [])
        if entry not in bucket:
            bucket.append(entry)
        self._longest = max(self._longest, len(key))

    def lookup(self, phrase: str) -> list[Entry]:
        key = tuple(w for w, _, _, _ in words(phrase))
        return list(self._table.get(key, []))

    def scan(self, text: str) -> list[Match]:
        """Longest matches, left to right, not overlapping."""
        ws = words(text)
        out: list[Match] = []
        i = 0
        while i < len(ws):
            found = None
            for n in range(min(self._longest, len(ws) - i), 0, -1):
                key = tuple(w for w, _, _, _ in ws[i : i + n])
                bucket = self._table.get(key)
                if not bucket:
                    continue
                original = _plain("".join(o for _, o, _, _ in ws[i : i + n]))
                entries = tuple(e for e in bucket if e.exact is None or _plain(e.exact) == original)
                if entries:
                    found = (n, entries)
                    break
            if found is None:
                i += 1
                continue
            n, entries = found
            start, end = ws[i][2], ws[i + n - 1][3]
            out.append(Match(start, end, text[start:end], entries))
            i += n
        return out


def folded_words_of(text: str) -> tuple[str, ...]:
    return tuple(w for w, _, _, _ in words(text))


def build_lexicon(data: ActorData) -> Lexicon:
    lex = Lexicon()
    for code, c in data.countries.items():
        for name in [c.name, *c.names]:
            if name:
                lex.add(name, Entry("country", code))
        for adj in c.adjectives:
            lex.add(adj, Entry("adjective", code))
        for dem in c.demonyms:
            lex.add(dem, Entry("demonym", code))
        for cap in c.capitals:
            lex.add(cap, Entry("capital", code, "GOV"))
        for term, sector in c.metonyms.items():
            lex.add(term, Entry("metonym", code, sector))
        for old in c.former_names:
            lex.add(old, Entry("former_name", code))
        for state in c.states:
            lex.add(state, Entry("state", code))
    surnames: dict[tuple[str, ...], set[str]] = {}
    for ent in data.entities.values():
        kind = {"people": "person", "organisations": "organisation", "groups": "group"}[ent.kind]
        for alias in [ent.name, *ent.aliases]:
            lex.add(alias, Entry(kind, ent.name, bare=kind == "person" and len(words(alias)) == 1))
        if kind == "person":
            last = tuple(w for w, _, _, _ in words(ent.name.split()[-1]))
            surnames.setdefault(last, set()).add(ent.name)
    # A bare surname points to the person only when no other listed person shares it, when it is
    # capitalised as a name ("Major", not "major"), and (checked by the resolver) near the person's years
    # in office (issue 4: an unknown beats a wrong actor). Document memory handles "Castro" after
    # "Raul Castro".
    given = {folded_words_of(e.name.split()[0]) for e in data.entities.values() if len(e.name.split()) > 1}
    for key, names in surnames.items():
        # Short surnames and ones that are also given names ("Ali", "Abe") are too often someone else.
        if len("".join(key)) < 4 or key in given:
            continue
        if len(names) == 1 and not lex._table.get(key):
            name = next(iter(names))
            lex._table[key] = [Entry("surname", name, exact=name.split()[-1])]
    for key, term in data.sectors.items():
        lex.add(term.term, Entry("sector", key, term.sector))
    return lex
