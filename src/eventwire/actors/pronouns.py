"""Pronouns and what they can refer back to (used by DocumentActors).

"he said", "its army", "they fired": a pronoun is the actor named before it. Only clear cases resolve: the
nearest sentence (the pronoun's own, before it, then up to two earlier ones) holding a possible antecedent
decides, and two different possible antecedents there leave the pronoun unresolved (an unknown beats a
wrong actor). Closed grammatical classes, so the words live here rather than in a data file.
"""

from __future__ import annotations

from typing import Any

from .resolver import Resolution

# What each pronoun can stand for: a person, a single state or organisation, or a group of people.
PRONOUNS = {
    "he": "person", "him": "person", "his": "person", "himself": "person",
    "she": "person", "her": "person", "hers": "person", "herself": "person",
    "it": "thing", "its": "thing", "itself": "thing",
    "they": "plural", "them": "plural", "their": "plural", "themselves": "plural",
}
# "it" as an object is mostly a thing acted on ("signed it", "rejected it"), not a state or organisation.
_THING_DEPS = {"nsubj", "nsubjpass", "poss"}
# How many sentences before the pronoun's own may hold its antecedent.
LOOKBACK = 2

_PERSON_BASES = {"dictionary:person", "memory", "memory:title"}
_STATE_BASES = {"dictionary:organisation", "dictionary:group", "text:country", "text:former_name", "text:state",
                "text:capital", "text:metonym"}
_ORG_BASES = {"dictionary:organisation", "dictionary:group"}


def pronoun_of(span: Any) -> tuple[Any, str] | None:
    """(token, kind) when the span is a bare personal pronoun ("he", "its"), else None."""
    toks = [t for t in span if not t.is_punct]
    if len(toks) != 1 or toks[0].pos_ != "PRON":
        return None
    kind = PRONOUNS.get(toks[0].lower_)
    return (toks[0], kind) if kind else None


def usable(tok: Any, kind: str) -> bool:
    return kind != "thing" or tok.lower_ != "it" or tok.dep_ in _THING_DEPS


def referent_kinds(span: Any, res: Resolution) -> set[str]:
    """Which pronouns a resolved mention can be the antecedent of: person, thing (it), plural (they)."""
    if not res.is_actor:
        return set()
    root = span.root
    basis = res.actor.basis or ""
    plural = root.tag_ in ("NNS", "NNPS")
    # "Russia and Ukraine said they": no single actor; each conjunct still counts for he/she/it.
    out = {"plural"} if in_coordination(root) else set()
    if res.person or basis in _PERSON_BASES or (res.head_role == "title" and not plural) or (
            basis == "unresolved:named" and root.ent_type_ == "PERSON"):
        return out | {"person"}
    if plural or basis in _ORG_BASES:
        out.add("plural")
    if not plural and (basis in _STATE_BASES or res.head_role == "body" or (
            basis == "unresolved:named" and root.ent_type_ in ("ORG", "GPE"))):
        out.add("thing")
    return out


def in_coordination(root: Any) -> bool:
    return root.dep_ == "conj" or any(c.dep_ == "conj" and c.pos_ in ("NOUN", "PROPN") for c in root.children)


def identity(span: Any, res: Resolution, kind: str) -> str:
    """Two mentions of one actor share this key; a coordination is one (unresolvable) plural actor."""
    if kind == "plural" and in_coordination(span.root):
        head = span.root
        while head.dep_ == "conj" and head.head.i != head.i:
            head = head.head
        return f"coordination@{head.i}"
    a = res.actor
    return (a.name or "").casefold() or (a.code or "") + "|" + span.root.lemma_.casefold()
