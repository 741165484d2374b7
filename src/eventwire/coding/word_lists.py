"""The word lists of `patterns/non_actors.json` (things, generic doers, goods, carriers ...), read once, and the
word tests built only on them (a thing word, a party word).

Kept below the matcher, the arguments and the parties modules, which all read them.
"""

from __future__ import annotations

from functools import cache, lru_cache
from pathlib import Path
from typing import Any

from eventwire.datafiles import read_json_data, word_list

NON_ACTORS_FILE = Path(__file__).resolve().parent / "patterns" / "non_actors.json"


@cache
def non_actor_words(key: str) -> frozenset[str]:
    """One word list of `patterns/non_actors.json` (the file is read once)."""
    return word_list(_non_actor_data(), key, NON_ACTORS_FILE)


@cache
def non_actor_names(key: str) -> tuple[str, ...]:
    """One list of `patterns/non_actors.json` as written (names keep their capitals: 'US Open', not 'us open')."""
    non_actor_words(key)  # checks that it is a list of strings
    return tuple(_non_actor_data()[key])


@lru_cache(maxsize=1)
def _non_actor_data() -> dict[str, Any]:
    return read_json_data(NON_ACTORS_FILE)


def _endings(key: str) -> tuple[str, ...]:
    return tuple(non_actor_words(key))  # str.endswith takes a tuple


def thing_word(lemma: str) -> bool:
    """A word that names a thing, an act or an idea by list or by ending: 'initiative', 'decision'."""
    return lemma in non_actor_words("thing_heads") or lemma.endswith(_endings("thing_suffixes"))


def party_noun(tok: Any) -> bool:
    """A common noun for a party ('the government', 'the army', 'rebels'), as the token stands."""
    return tok.pos_ == "NOUN" and may_be_party(tok.lemma_.lower())


def may_be_party(lemma: str) -> bool:
    """A common noun that may name a party: 'government', 'army', 'rebels', 'protesters'."""
    if lemma in non_actor_words("party_heads"):
        return True
    if thing_word(lemma):
        return False
    return lemma.endswith(_endings("party_suffixes"))
