"""Trigger matching: which pattern, if any, a token of a sentence instantiates.

Lookup is a dict hit on (lemma, part of speech), so a sentence without trigger words costs one pass over its
tokens; constraints (objects, particles, modifiers, governing verbs) are checked only for candidate tokens.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Span, Token

from .pattern_table import POS, Pattern, PatternSet
from .syntax import children, direct_object, governor

MOD_DEPS = ("amod", "compound", "nmod", "npadvmod", "advmod", "nummod", "poss")


@dataclass(slots=True)
class Match:
    token: Token
    pattern: Pattern
    governor: Token | None  # for nouns: the verb they are an argument of
    relation: str  # how the noun attaches to its governor (dobj, prep:in, nsubj ...)


def _pos_key(tok: Token) -> str | None:
    for key, tags in POS.items():
        if tok.pos_ in tags:
            return key
    # spaCy sometimes tags a verb in a headline as a noun (and vice versa); the lemma table decides.
    return None


def _lemma(tok: Token) -> str:
    return tok.lemma_.lower()


def _objects(tok: Token) -> list[Token]:
    obj = direct_object(tok)
    if obj is None:
        return []
    return [obj, *[c for c in obj.conjuncts]]


def _mods(tok: Token) -> set[str]:
    found = {_lemma(c) for c in tok.children if c.dep_ in MOD_DEPS}
    found |= {c.lower_ for c in tok.children if c.dep_ in MOD_DEPS}
    for obj in _objects(tok):
        found |= {_lemma(c) for c in obj.children if c.dep_ in MOD_DEPS}
    for c in tok.children:
        # 'spoke by telephone', 'cooperate on security': prepositional modifiers name the kind too.
        if c.dep_ == "prep":
            found |= {_lemma(p) for p in children(c, "pobj")}
    return found


def _pobj_lemmas(tok: Token, prep: str) -> set[str] | None:
    """Lemmas of the objects of `prep` on tok (or on its direct object); None when no such preposition."""
    hosts = [tok, *_objects(tok)]
    found: set[str] | None = None
    for host in hosts:
        for c in host.children:
            if c.dep_ in ("prep", "agent", "dative") and c.lower_ == prep:
                found = found or set()
                found |= {_lemma(p) for p in children(c, "pobj", "pcomp")}
    return found


def satisfies(tok: Token, pattern: Pattern, gov: Token | None) -> bool:
    for key, values in pattern.when.items():
        if key == "obj":
            if not any(_lemma(o) in values or o.lower_ in values for o in _objects(tok)):
                return False
        elif key == "notobj":
            if any(_lemma(o) in values for o in _objects(tok)):
                return False
        elif key == "prt":
            if not any(c.dep_ == "prt" and _lemma(c) in values for c in tok.children):
                return False
        elif key == "noprt":
            if any(c.dep_ == "prt" and _lemma(c) in values for c in tok.children):
                return False
        elif key == "mod":
            if not (_mods(tok) & values):
                return False
        elif key == "nomod":
            if _mods(tok) & values:
                return False
        elif key == "head":
            if gov is None or _lemma(gov) not in values:
                return False
        elif key == "xcomp":
            xs = children(tok, "xcomp")
            if not xs or ("*" not in values and not any(_lemma(x) in values for x in xs)):
                return False
        elif key == "oprd":
            if not any(_lemma(c) in values for c in tok.children if c.dep_ not in ("nsubj", "dobj")):
                return False
        elif key == "nooprd":
            if any(c.dep_ == "oprd" for c in tok.children):
                return False
        elif key == "nopobj":
            if any(_pobj_lemmas(tok, p) is not None for p in values):
                return False
        elif key.startswith("pobj:"):
            found = _pobj_lemmas(tok, key[5:])
            if found is None or ("*" not in values and not (found & values)):
                return False
    return True


def match_token(tok: Token, patterns: PatternSet) -> Match | None:
    pos = _pos_key(tok)
    if pos is None:
        return None
    group = patterns.by_trigger.get((_lemma(tok), pos))
    if not group:
        return None
    gov, relation = governor(tok) if pos == "N" else (None, "")
    for pattern in group:  # most specific first
        if satisfies(tok, pattern, gov):
            return Match(tok, pattern, gov, relation)
    return None


def match_sentence(sent: Span, patterns: PatternSet) -> list[Match]:
    lemmas = patterns.lemmas
    out = []
    for tok in sent:
        if tok.lemma_.lower() in lemmas:
            m = match_token(tok, patterns)
            if m is not None:
                out.append(m)
    return out
