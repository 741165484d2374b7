"""Argument helpers of the coder: who an act is done to when the wording names no object directly.

Places an act was done in ('imposed a curfew in Lahore'), the party an uncoded embedded act names ('agreed to
allow UN workers access'), mutual wordings ('joint exercises'), and things that stand for an actor ('an appeal
filed by X'). Pure functions over the dependency parse; docs/coder.md "Arguments" describes them.
"""

from __future__ import annotations

from spacy.tokens import Token

from .matcher import Match
from .syntax import agent, child, children, direct_object, noun_phrase, prep_objects


def mandative(clause: Token) -> bool:
    """'demanded that he resign / should resign': the clause states what is asked, not a fact
    ('insists it is enforcing the sanctions' reports one)."""
    bare = clause.tag_ in ("VB", "VBP", "NN") or (
        clause.tag_ == "VBD" and clause.lower_ == clause.lemma_.lower()  # 'demanded that X cut off aid'
    )
    if bare and not any(c.dep_ in ("aux", "auxpass") for c in clause.children):
        return True
    return any(c.dep_ == "aux" and c.lower_ in ("should", "must") for c in clause.children)


PLACE_ENTS = ("GPE", "LOC", "FAC")
# Prepositions that name where an act was done or aimed ('in Lahore', 'into Lebanon', 'at Digha').
PLACE_PREPS = ("in", "into", "at", "to", "inside", "across", "against")
# Common nouns that name a place an act is done in ('in the town', 'in Bosnian Serb territory').
PLACE_NOUNS = {"territory", "region", "area", "border", "province", "district", "city", "town", "village",
               "camp", "capital", "countryside", "zone", "enclave", "neighborhood", "neighbourhood", "port",
               "island", "country", "republic"}
# Measures that bear on someone: 'lifted its ban on TikTok' (an attack on X is an event, not a measure).
MEASURE_NOUNS = {"ban", "sanction", "restriction", "embargo", "curb", "limit", "boycott", "tariff", "duty",
                 "measure", "freeze", "blockade", "curfew", "moratorium", "suspension"}
JOINT_WORDS = {"joint", "bilateral", "mutual", "trilateral"}
NAMED = {"PERSON", "ORG", "GPE", "NORP", "LOC", "FAC"}


def named(tok: Token | None) -> bool:
    """The phrase headed by tok names someone ('The New York Times'), whether or not the actor
    dictionaries know them."""
    return tok is not None and any(t.ent_type_ in NAMED for t in noun_phrase(tok))


def bearers(tok: Token, skip: int = -1) -> list[Token]:
    """Who a thing comes from or bears on: the agent of a participle on it ('an appeal filed by X'), the
    object of on/against on the participle or the noun ('sanctions imposed on Y', 'the ban on Z'). The
    participle at index `skip` is the event itself ('the attack condemned by the UN'), not a bearer."""
    out: list[Token] = []
    for c in tok.children:
        if c.dep_ == "acl" and c.tag_ == "VBN" and c.i != skip:
            found = agent(c)
            if found is not None:
                out.append(found)
            for prep in ("on", "against"):
                out += prep_objects(c, prep)
    if tok.lemma_.lower() in MEASURE_NOUNS:
        for prep in ("on", "against"):
            out += prep_objects(tok, prep)
    return out


def embedded_party(tok: Token, frame: str | None) -> Token | None:
    """The one an uncoded embedded act is done to: its indirect object, a named direct object, or a
    named object of to/with ('agreed to allow UN workers access', 'ready to send troops to Mali')."""
    if frame in ("demand", "appeal"):
        # 'demanded that Dbeibeh appear before the chamber': the one asked is the clause's subject.
        for c in tok.children:
            if c.dep_ == "ccomp" and mandative(c):
                asked = child(c, "nsubj", "nsubjpass")
                if asked is not None and asked.lower_ not in ("it", "there"):
                    return asked
        return None
    if frame not in ("intent", "reject"):
        return None
    for c in tok.children:
        if c.dep_ != "xcomp" or c.pos_ not in ("VERB", "AUX"):
            continue
        dative = child(c, "dative", "iobj")
        if dative is not None and dative.pos_ == "ADP":
            dative = child(dative, "pobj")
        if dative is not None and named(dative):
            return dative
        obj = direct_object(c)
        if obj is not None and named(obj):
            return obj
        for clause in children(c, "ccomp"):
            # 'agreed to allow Red Cross workers access': the small clause's subject is the one let
            who = child(clause, "nsubj")
            if who is not None and named(who):
                return who
        hosts = [c] + ([obj] if obj is not None else [])
        for host in hosts:
            for prep in ("to", "with"):
                for p in prep_objects(host, prep):
                    if named(p):
                        return p
    return None

def joint(m: Match) -> bool:
    """'a joint exercise', 'bilateral talks': the wording itself makes the act mutual."""
    tok = m.token
    hosts = [tok] + ([direct_object(tok)] if m.pattern.pos == "V" else [])
    return any(
        c.dep_ == "amod" and c.lower_ in JOINT_WORDS for h in hosts if h is not None for c in h.children
    )

def place_of(m: Match, e: Match | None) -> Token | None:
    """The place an act without a party was done in ('imposed a curfew in Lahore', 'remained on alert
    in Manila', 'declared a ceasefire in Libya'): news names the state or region acted on by it."""
    hosts: list[Token] = []
    for x in (m, e):
        if x is None:
            continue
        hosts.append(x.token)
        if x.governor is not None:
            hosts.append(x.governor)
        if x.pattern.pos != "N":
            obj = direct_object(x.token)
            if obj is not None:
                hosts.append(obj)
            for c in x.token.children:
                if c.dep_ == "xcomp":
                    # 'agreed to set up a station at Digha': the embedded act and what it makes
                    hosts.append(c)
                    xobj = direct_object(c)
                    if xobj is not None:
                        hosts.append(xobj)
    own = {x.token.i for x in (m, e) if x is not None}
    # 'announced a ceasefire on Friday in Libya': the place may hang on the date.
    hosts += [d for h in hosts for c in h.children if c.dep_ == "prep" for d in children(c, "pobj")
              if d.ent_type_ in ("DATE", "TIME")]
    for host in hosts:
        for prep in PLACE_PREPS:
            for p in prep_objects(host, prep):
                if p.ent_type_ in ("DATE", "TIME"):
                    continue
                if p.i in own:
                    continue
                # The phrase must name a place itself: 'in Lahore', 'in Yemen's Hodeidah region', not
                # 'to a ceasefire in eastern Ukraine' (a thing agreed to, somewhere).
                if p.lemma_.lower() in PLACE_NOUNS or p.ent_type_ in PLACE_ENTS or (
                    p.pos_ == "PROPN" and any(t.ent_type_ in PLACE_ENTS for t in noun_phrase(p))
                ):
                    return p
    return purpose_place(m) if e is None else None


def purpose_place(m: Match) -> Token | None:
    """'gave 350 million euros to promote investment in Ethiopia', 'donated $5 million to help rebuild
    schools in Gaza': a grant's purpose clause names where the help goes. Aid (07x) only, and only a
    named place: a purpose elsewhere ('deployed troops to deter attacks in the region') is no recipient."""
    if not m.pattern.cameo.startswith("07") or m.pattern.pos != "V":
        return None
    frontier = [c for c in m.token.children if c.dep_ in ("advcl", "xcomp")
                and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children)]
    for _ in range(4):  # breadth first, a few levels: the nearest place, not one deep in a subclause
        nxt: list[Token] = []
        for t in frontier:
            if t.dep_ == "pobj" and t.head.lower_ in PLACE_PREPS and t.ent_type_ in ("GPE", "LOC"):
                return t
            nxt += [c for c in t.children if c.dep_ not in ("relcl", "ccomp", "punct")]
        frontier = nxt
    return None
