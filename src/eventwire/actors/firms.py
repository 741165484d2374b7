"""Firm names an article gives away, so that a firm named bare later on is still a firm.

Company news names a firm in full once ("Harlow Pumps Corp said ...") and bare after that ("Harlow had
offered ..."). The dictionaries know no firms, so the bare name would be an unknown party, and an unknown
party buying another firm reads as a political agreement. The full name's legal form (data/firm_names.json)
or a stock ticker after it marks the firm; every leading part of that name then names the same firm in
this article. Only names no dictionary resolves are read this way (DocumentActors, step 5), so "American"
in "American Express Co" stays a demonym. A headline may name the story's firms by ticker or legal form
("Bechtel Inc Sets Design Contract", "Texaco <Tx> Pennzoil <Pzl> ..."): the one word before the mark then
names a firm in the whole article (`title_firm_names`), since headline capitals do not say where a name starts.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Iterator
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from ..datafiles import read_json_data
from ..errors import DataFileError
from .resolver import folded_words

DATA_FILE = Path(__file__).parent / "data" / "firm_names.json"

# A bracketed name or ticker ("<Comsat>", "<GM>", "<CDC.TO>") is one token even with spaces inside.
_TOKEN = re.compile(r"<[^<>\n]{1,80}>|[^\s<>]+")
_TICKER = re.compile(r"^<[A-Z0-9.]{1,9}>$|^\([A-Z]{1,6}\.[A-Z]{1,2}\)$")
# Headlines write tickers in title case ('<Tx>', '<Fngb.O>').
_TITLE_TICKER = re.compile(r"^<[A-Za-z0-9.]{1,9}>$")
_INITIALS = re.compile(r"^(?:[A-Z]\.)+$")
_TRAILING = ",;:)\"'"


@dataclass(frozen=True)
class FirmMarks:
    legal_forms: frozenset[str]
    joiners: frozenset[str]
    before_names: frozenset[str]  # words that end a name read backwards
    max_words: int
    # 'Brackley Rail Corp said president Nora Quill resigned': the verbs by which a firm tells of its officers
    reporting_verbs: frozenset[str] = frozenset()
    # 'Fairchild Industries': plural nouns that end a firm's name and stay part of it
    corporate_words: frozenset[str] = frozenset()
    # 'Air France', 'Air UK': a word that starts a firm's name with the capitalised word after it ...
    corporate_prefixes: frozenset[str] = frozenset()
    not_after_prefixes: frozenset[str] = frozenset()  # ... unless that word makes it something else ('Air Force')
    # A corporate word inside a public body's name ('Securities and Exchange Commission') ends no firm's name
    public_body_words: frozenset[str] = frozenset()


@lru_cache(maxsize=4)
def firm_marks(path: Path = DATA_FILE) -> FirmMarks:
    """The marks of a firm name, read and checked (DataFileError naming the file and the reason)."""
    data = read_json_data(path)
    for key in ("legal_forms", "name_joiners", "words_before_names", "reporting_verbs", "corporate_words",
                "corporate_prefixes", "not_after_prefixes", "public_body_words"):
        value = data.get(key)
        if not isinstance(value, list) or not all(isinstance(x, str) and x.strip() for x in value):
            raise DataFileError(str(path), f"{key!r} must be a list of words")
    if not isinstance(data.get("max_name_words"), int) or data["max_name_words"] < 1:
        raise DataFileError(str(path), "'max_name_words' must be a positive whole number")
    return FirmMarks(frozenset(data["legal_forms"]), frozenset(data["name_joiners"]),
                     frozenset(data["words_before_names"]), data["max_name_words"],
                     frozenset(data["reporting_verbs"]), frozenset(data["corporate_words"]),
                     frozenset(data["corporate_prefixes"]), frozenset(data["not_after_prefixes"]),
                     frozenset(data["public_body_words"]))


def firm_names(text: str) -> dict[tuple[str, ...], str]:
    """Each leading part of every firm name in `text` (folded words) -> the firm's name as written."""
    marks = firm_marks()
    tokens = _TOKEN.findall(text)
    found: dict[tuple[str, ...], str] = {}
    for i, tok in enumerate(tokens):
        word = _bare(tok)
        ticker = _TICKER.match(tok)
        if tok.startswith("<") and tok.endswith(">") and not ticker:
            first, name = i, tok[1:-1].split()  # Reuters-21578 brackets firms it gives no ticker
        elif word in marks.legal_forms or ticker:
            first, name = _name_before(tokens, i, marks)
        elif word in marks.corporate_words:
            if _public_body_follows(tokens, i, marks):
                continue
            first, name = _name_before(tokens, i, marks)
            # 'Fairchild Industries' keeps its last word; 'Ministry of Primary Industries' is no firm's name past 'of'.
            joined = [k for k, w in enumerate(name) if w in marks.joiners]
            if joined:
                first, name = first + joined[-1] + 1, name[joined[-1] + 1 :]
            name = name + [word] if name else []
        elif word in marks.corporate_prefixes and i + 1 < len(tokens) and _prefixed_name(tokens[i + 1], marks):
            first, name = i, [word, _bare(tokens[i + 1]).rstrip(".")]
        else:
            continue
        while name and (_bare(name[-1]) in marks.legal_forms or name[-1] in marks.joiners):
            name = name[:-1]  # "Weald Tools Co's <WTC>", "P.J. Hollins and Co"
        if not name:
            continue
        full = " ".join(name)
        _add(found, full, marks)
        if len(name) > 1 and (_starts_sentence(tokens, first) or _bare(name[0]) != name[0]):
            # 'Then Orla Inc fell': a sentence's first word may be no part of the name; nor may an owner
            # ("Britain's Dixons Group PLC").
            _add(found, " ".join(name[1:]), marks)
        if ticker:
            # The ticker names the firm too ('<GM>', '(GM.N)'), without its exchange suffix.
            found.setdefault(folded_words(tok.strip("<>()").split(".")[0]), full)
    return found


def _headline_marks(tokens: list[str], legal_forms: Collection[str]) -> Iterator[tuple[int, re.Match | None]]:
    """The index of each headline token after the first that marks a firm before it, a ticker ('<Gs>') or a
    legal form ('Inc'), with the ticker's match (None for a legal form)."""
    for i, tok in enumerate(tokens[1:], 1):
        ticker = _TITLE_TICKER.match(tok.rstrip(_TRAILING))
        if ticker or _bare(tok) in legal_forms:
            yield i, ticker


def title_marks_firm(title: str | None) -> bool:
    """Whether a headline names a firm by a ticker or legal form after a word ('Tamsin Foods Inc Board To
    Meet', 'Tamsin <TMS> Seen Object Of Bidding War'), whatever the firm's name."""
    if not title:
        return False
    # Only the short forms: headlines capitalise every word, so 'Limited' in 'U.S. Sees Limited Progress' is
    # no legal form.
    short = {f for f in firm_marks().legal_forms if len(f.rstrip(".")) <= 4}
    return next(_headline_marks(_TOKEN.findall(title), short), None) is not None


def title_firm_names(title: str | None) -> dict[tuple[str, ...], str]:
    """Firms a headline names by the ticker or legal form after them ('Bechtel Inc Sets Design Contract',
    'Texaco <Tx> Pennzoil <Pzl> Wide Apart'): the one word before the mark, since headline capitals do not
    say where a name starts. The ticker names the firm too."""
    if not title:
        return {}
    marks = firm_marks()
    tokens = _TOKEN.findall(title)
    found: dict[tuple[str, ...], str] = {}
    for i, ticker in _headline_marks(tokens, marks.legal_forms):
        word = _bare(tokens[i - 1]).split("/")[-1]
        if not word[:1].isupper() or word in marks.joiners or word in marks.legal_forms or (
                word in marks.corporate_words):
            continue  # 'General Motors <Gm>': the one word is no name of its own
        found.setdefault(folded_words(word), word)
        symbol = ticker.group().strip("<>").split(".")[0] if ticker else ""
        if len(symbol) > 1:
            found.setdefault(folded_words(symbol), word)
    return found


def _public_body_follows(tokens: list[str], i: int, marks: FirmMarks) -> bool:
    """'Securities and Exchange Commission': 'and' then capitalised words ending in a public body's word."""
    if i + 2 >= len(tokens) or tokens[i + 1] != "and":
        return False
    for tok in tokens[i + 2 : i + 5]:
        word = _bare(tok).rstrip(".")
        if not word[:1].isupper():
            return False
        if word in marks.public_body_words:
            return True
    return False


def _prefixed_name(tok: str, marks: FirmMarks) -> bool:
    word = _bare(tok).rstrip(".")  # 'a deal with Air India.'
    return word[:1].isupper() and word not in marks.not_after_prefixes and word.isalpha()


def _add(found: dict[tuple[str, ...], str], full: str, marks: FirmMarks) -> None:
    words = folded_words(full)
    for n in range(1, len(words) + 1):
        if words[n - 1] not in marks.joiners:
            found.setdefault(words[:n], full)


def _starts_sentence(tokens: list[str], first: int) -> bool:
    return first <= 0 or tokens[first - 1].rstrip(_TRAILING).endswith((".", "!", "?"))


def _bare(tok: str) -> str:
    word = tok.rstrip(_TRAILING)
    return word[:-2] if word.endswith(("'s", "’s")) else word


def _name_before(tokens: list[str], i: int, marks: FirmMarks) -> tuple[int, list[str]]:
    """The run of capitalised words (with joiners inside) that ends just before token i, and where it starts."""
    name: list[str] = []
    j = i - 1
    while j >= 0 and len(name) < marks.max_words:
        tok = tokens[j]
        if tok != tok.rstrip(_TRAILING) and name:
            break  # "..., Harlow Pumps Corp": a comma or bracket closes the phrase before the name
        word = tok.rstrip(_TRAILING)
        if word.endswith(".") and not _INITIALS.match(word):
            break  # the end of the sentence before ('Fenwick Ltd. Then Orla Inc')
        if word in marks.before_names:
            break  # 'On Monday Harlow Pumps Corp', 'The Fenwick Group Ltd'
        if not (word[:1].isupper() or word[:1].isdigit() or word in marks.joiners):
            break
        name.insert(0, word)
        j -= 1
    first = j + 1
    while name and name[0] in marks.joiners:
        name.pop(0)
    return first, name
