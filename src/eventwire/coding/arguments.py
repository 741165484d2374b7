"""Argument helpers of the coder: who an act is done to, by the row's target roles (target_of), and when the
wording names no object directly.

Places an act was done in ('imposed a curfew in Lahore'), the party an uncoded embedded act names ('agreed to
allow UN workers access'), mutual wordings ('joint exercises'), and things that stand for an actor ('an appeal
filed by X'). Pure functions over the dependency parse; docs/coder.md "Arguments" describes them.
"""

from __future__ import annotations

from spacy.tokens import Token

from .instruments import VIOLENT_ROOTS
from .matcher import CARRYING, Match, agent_participles, carried_load
from .pattern_table import word_sets
from .syntax import (
    PORTIONS,
    QUANTIFIERS,
    agent,
    child,
    children,
    clause_object,
    direct_object,
    infinitive_to,
    led_by,
    mandative,
    noun_phrase,
    phoned_to_say,
    prep_objects,
    subject,
)
from .word_lists import party_noun

SUBJ_DEPS = ("nsubj", "nsubjpass")
# 'at the request of X', 'at the invitation of X', 'on the orders of X': the noun's of-phrase did it, the
# clause's subject did what it asked.
BEHEST_RELATIONS = {"prep:at", "prep:upon"}
PLACE_ENTS = ("GPE", "LOC", "FAC")
# Prepositions that name where an act was done or aimed ('in Lahore', 'into Lebanon', 'at Digha').
PLACE_PREPS = ("in", "into", "at", "to", "inside", "across", "against")
# Common nouns that name a place an act is done in ('in the town', 'in Bosnian Serb territory').
PLACE_NOUNS = {"territory", "region", "area", "border", "province", "district", "city", "town", "village",
               "camp", "capital", "countryside", "zone", "enclave", "neighborhood", "neighbourhood", "port",
               "island", "country", "republic"}
# Measures that bear on someone: 'lifted its ban on the messaging app' (an attack on X is an event, not a measure).
MEASURE_NOUNS = {"ban", "sanction", "restriction", "embargo", "curb", "limit", "boycott", "tariff", "duty",
                 "measure", "freeze", "blockade", "curfew", "moratorium", "suspension"}
JOINT_WORDS = {"joint", "bilateral", "mutual", "trilateral"}
NAMED = {"PERSON", "ORG", "GPE", "NORP", "LOC", "FAC"}


def named(tok: Token | None) -> bool:
    """The phrase headed by tok names someone ('The New York Times'), whether or not the actor
    dictionaries know them."""
    return tok is not None and any(t.ent_type_ in NAMED for t in noun_phrase(tok))


def body_named(tok: Token) -> bool:
    """The phrase names an organisation, a state or a people ('Asean', 'East Asian countries'), not a person."""
    return any(t.ent_type_ in NAMED - {"PERSON"} for t in noun_phrase(tok))


# Participles of authorship: the name hyphened to one made the thing ('a US-drafted resolution'). Not 'Maltese-flagged',
# 'Gaza-bound', 'EU-based', 'EU-brokered talks with Kosovo' (the thing's party is named elsewhere, or it is a place).
AUTHOR_PARTICIPLES = frozenset({"draft", "sponsor", "co-sponsor", "table", "propose", "author", "submit", "write",
                                "pen", "back", "initiate", "craft", "engineer"})


def hyphen_agent(tok: Token) -> Token | None:
    """The name joined to a participle of authorship before a noun, which is that participle's doer: 'a US-drafted
    resolution', 'a British-sponsored motion' (as 'drafted by the US')."""
    for c in tok.children:
        found = led_by(c, AUTHOR_PARTICIPLES) if c.i < tok.i else None
        if found is not None and named(found):
            return found
    return None


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
    agent_name = hyphen_agent(tok)
    return out if agent_name is None else [agent_name, *out]


def giver_asked(noun: Token) -> Token | None:
    """The one asked for the help a noun names: 'sought Russia's backing', 'calls for US support', 'sought
    the aid of the Syrian government'. Its possessor, its of-phrase, or a name in front of it."""
    poss = child(noun, "poss")
    if poss is not None and poss.pos_ != "PRON" and named(poss):
        return poss
    of = [p for p in prep_objects(noun, "of") if named(p)]
    if of:
        return of[0]
    return next((c for c in noun.children if c.dep_ in ("compound", "amod") and c.i < noun.i
                 and c.ent_type_ in ("GPE", "ORG", "NORP")), None)


# What one side holds out to another: with no maker named, the party its meeting is with is the other side.
OFFER_NOUNS = frozenset({"invitation", "offer", "proposal", "overture"})


def proposed_partner(noun: Token) -> Token | None:
    """'declined an invitation to talks with Maduro's government', 'turned down an offer of talks with Washington',
    'an invitation to meet the RSF commander': the party the offered meeting is with, where the noun names no maker
    of its own (its possessor, a name before it or a from- or by-phrase is the target instead: 'rejected an offer
    from ECOWAS')."""
    if child(noun, "poss") is not None or prep_objects(noun, "from") or prep_objects(noun, "by") or any(
            c.dep_ in ("compound", "amod", "nmod") and c.i < noun.i and (c.ent_type_ or c.pos_ == "PROPN")
            for c in noun.children):
        return None  # 'a United Nations invitation', 'an ECOWAS offer': its maker is named
    for p in prep_objects(noun, "to") + prep_objects(noun, "of") + prep_objects(noun, "for"):
        found = [x for w in ("with", "between") for x in prep_objects(p, w) if x.pos_ in ("NOUN", "PROPN")]
        if found:
            return found[0]
    for c in children(noun, "acl", "relcl"):
        found = [x for x in [direct_object(c), *prep_objects(c, "with")] if x is not None and x.pos_ in (
            "NOUN", "PROPN")]
        if found:
            return found[0]
    return None


def embedded_party(tok: Token, frame: str | None) -> Token | None:
    """The one an uncoded embedded act is done to: its indirect object, a named direct object, or a
    named object of to/with/from ('agreed to allow UN workers access', 'ready to send troops to Mali')."""
    if frame in ("demand", "appeal"):
        # 'demanded that the minister appear before the committee': the one asked is the clause's subject.
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
            # 'agreed to buy a stake from X': X is the other party; 'agreed to take steps against Venezuela'
            for prep in ("to", "with", "from", "against"):
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
                # 'to a truce in northern Mali' (a thing agreed to, somewhere).
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
                and infinitive_to(c) is not None]
    for _ in range(4):  # breadth first, a few levels: the nearest place, not one deep in a subclause
        nxt: list[Token] = []
        for t in frontier:
            if t.dep_ == "pobj" and t.head.lower_ in PLACE_PREPS and t.ent_type_ in ("GPE", "LOC"):
                return t
            nxt += [c for c in t.children if c.dep_ not in ("relcl", "ccomp", "punct")]
        frontier = nxt
    return None


def role_party(m: Match, role: str) -> Token | None:
    """The object of the preposition `role` (prep:X) on the trigger, its objects ('received ambulances and
    tents from Japan', where the parser hangs the phrase on the last noun) or its governing verb."""
    obj = direct_object(m.token) if m.pattern.pos == "V" else None
    hosts = [m.token] + ([obj, *obj.conjuncts] if obj is not None else []) + (
        [m.governor] if m.governor is not None else [])
    for host in hosts:
        objs = prep_objects(host, role[5:])
        if objs:
            return objs[0]
    return None


def _recipient_in_amount(obj: Token) -> Token | None:
    """'loaned Laos 20 mln dlrs': the parser reads a recipient named before an amount as a name inside it."""
    for c in obj.children:
        named = c.pos_ == "PROPN" and c.ent_type_ in ("GPE", "NORP", "ORG")
        if c.dep_ in ("compound", "nmod") and named and c.i < obj.i and (
                any(t.like_num or t.tag_ == "$" for t in obj.doc[c.i + 1 : obj.i])):
            return c
    return None


def _recipient_before_noun(noun: Token) -> Token | None:
    """'granted Turkey permission': the parser reads the recipient of a light verb's noun as a name on it."""
    if child(noun, "poss") is not None:
        return None
    return next((c for c in noun.children if c.dep_ == "compound" and c.pos_ == "PROPN" and c.i < noun.i
                 and c.ent_type_ in ("GPE", "ORG")), None)


def _for_clause_subject(host: Token) -> list[Token]:
    """'a loan for China to boost fertilizer output': the parser makes 'for' the mark of the purpose clause
    and its party the clause's; the party is still the one the loan is for."""
    return [p for c in host.children if c.dep_ in ("advcl", "acl", "relcl")
            for mark in c.children if mark.dep_ == "mark" and mark.lower_ == "for"
            for p in mark.children if p.dep_ == "pobj" and p.pos_ == "PROPN"]


def _light_verb_recipient(noun: Token) -> Token | None:
    """'granted Ghana 90 mln dlrs in two loans': the verb's first of two objects is the one given to."""
    if noun.dep_ != "pobj" or noun.head.lower_ != "in":
        return None
    verb = noun.head.head
    if verb.dep_ == "dobj" and verb.pos_ == "NOUN":
        verb = verb.head  # 'extended Ghana 90 mln dlrs in two loans': 'in' may hang on the amount
    return _first_of_two_objects(verb) if verb.pos_ == "VERB" else None


def _first_of_two_objects(verb: Token) -> Token | None:
    """'will lend Ecuador 12 million barrels': the parser gives both objects as dobj; the first of two, a name
    before a common noun, is the one given to."""
    dobjs = [c for c in verb.children if c.dep_ == "dobj"]
    return dobjs[0] if len(dobjs) == 2 and dobjs[0].pos_ == "PROPN" and dobjs[1].pos_ == "NOUN" else None


# Nouns that count out an activity whose of-phrase holds the act's own phrases: 'a round of talks between X and Y'.
SERIES = {"round", "series", "cycle", "session"}


OBJECT_PRONOUNS = frozenset({"him", "her", "them"})


def one_called(tok: Token) -> Token | None:
    """'called Erdogan to apologize', 'called Morrison to congratulate him': what one phones another to say is said
    to the one called."""
    if tok.dep_ not in ("advcl", "xcomp") or not phoned_to_say(tok):
        return None
    own = direct_object(tok)
    if own is not None and own.lower_ not in OBJECT_PRONOUNS:
        return None
    return direct_object(tok.head)


def target_of(m: Match, object_control: frozenset[str]) -> Token | None:
    """Whom the act of `m` is done to, by the row's target roles in order."""
    tok = m.token
    if m.pattern.pos == "V" and (called := one_called(tok)) is not None:
        return called
    if m.pattern.pos == "N" and m.relation in BEHEST_RELATIONS and m.governor is not None:
        return subject(m.governor, object_control=object_control)  # the one who was asked
    hosts = [tok]
    if m.pattern.pos == "V" and "xcomp" in m.pattern.when:
        hosts += children(tok, "xcomp")  # 'began exporting electricity to Kenya': the phrase is the gerund's
    if m.pattern.pos == "N":
        # 'a suspension of flights with nine states', 'a state of emergency in the province'
        hosts += [p for c in tok.children if c.dep_ == "prep" and c.lower_ == "of" for p in c.children
                  if p.dep_ == "pobj"]
        if tok.dep_ == "pobj" and tok.head.lower_ == "of" and tok.head.head.pos_ == "NOUN":
            hosts.append(tok.head.head)
        if tok.dep_ == "compound" and tok.head.pos_ == "NOUN":
            hosts.append(tok.head)  # 'a mediation effort between X and Y': the phrase hangs on the head
        hosts += agent_participles(tok)  # 'sanctions imposed by the EU on Iran'
        # 'loans totalling 80 mln dlrs to Laos': the recipient's phrase hangs on the amount's participle.
        hosts += [c for c in tok.children if c.dep_ == "acl" and c.tag_ == "VBG" and child(c, "dobj") is not None]
    if m.pattern.pos == "N" and m.governor is not None:
        hosts.append(m.governor)  # 'imposed sanctions on Iran': the preposition may hang on the verb
    # 'put an end to its budget support to Chad', 'a halt to aid to Uganda', 'pulled out of the dialogue with the
    # ruling coalition': the thing a row names in its phrase is no target; the phrase on that thing may name one
    things = [p for key, words in m.pattern.when.items() if key.startswith("pobj:") for h in (tok, m.governor)
              if h is not None for p in prep_objects(h, key[5:]) if p.lemma_.lower() in words]
    if m.pattern.pos != "N" and {"obj", "objposs"} & set(m.pattern.targets):
        things = []  # 'turn Seoul into a sea of fire': a verb's row that takes its object names the target so
    hosts += things
    obj = direct_object(tok) if m.pattern.pos != "N" else None
    if m.pattern.pos == "N" and "obj" in m.pattern.targets and m.governor is not None and (
        m.relation.startswith("prep:")
    ):
        obj = direct_object(m.governor)  # 'used civilians as human shields': the verb's object
    if obj is None and m.pattern.pos == "V" and "obj" in m.pattern.targets:
        # 'found Barbarin guilty', 'convicted the bank to pay': the parser makes the one acted on the
        # subject of a small clause (no 'that').
        obj = clause_object(tok)
    if obj is None and m.pattern.pos == "V":
        # 'arrested and charged the opposition leader': conjoined verbs share the last one's object.
        for c in tok.children:
            if c.dep_ == "conj" and c.pos_ in ("VERB", "AUX") and child(c, *SUBJ_DEPS) is None:
                obj = direct_object(c)
                if obj is not None:
                    break
    if obj is not None:
        # 'lifted its ban on the messaging app on the condition that ...': the object's own phrase comes first.
        hosts.insert(0, obj) if m.pattern.pos == "V" else hosts.append(obj)
        if obj.lemma_.lower() in SERIES:
            hosts[1:1] = prep_objects(obj, "of")  # 'mediated a new round of talks between X and Y'

    if m.pattern.pos == "V":
        # 'mobilized troops for a war against Iraq': the purpose names whom the act is aimed at;
        # 'released 100 million euros in aid to Sudan': the amount's 'in' phrase says what went where.
        hosts += prep_objects(tok, "for") + (prep_objects(obj, "in") if obj is not None else [])
        # 'provided relief goods worth 50 million yen to Vanuatu', 'sent a plane carrying supplies to Sudan':
        # the parser hangs the phrase on 'worth' or on the vehicle's participle.
        hosts += [c for c in (obj.children if obj is not None else ())
                  if (c.dep_ == "amod" and c.lower_ == "worth") or (c.dep_ == "acl" and c.lemma_.lower() in CARRYING)]
        load = carried_load(obj) if obj is not None else None
        if load is not None:
            hosts.append(load)  # 'sent two planes loaded with aid to Syria': or on the load itself
        if obj is not None and obj.lemma_.lower() in QUANTIFIERS | PORTIONS:
            hosts += prep_objects(obj, "of")  # 'sent a package of shells to Ukraine': or on what it is of
        if m.pattern.frame is not None or m.pattern.recip:
            # 'hinted at sanctions against Greece', 'spoke by telephone with Netanyahu': or on the noun of the
            # phrase the row asks for (not for 'turned Seoul into a sea of fire', whose phrase is no party's)
            hosts += [p for key in m.pattern.when if key.startswith("pobj:") for p in prep_objects(tok, key[5:])]
    for role in m.pattern.targets:
        cand: Token | None = None
        if role == "obj":
            cand = obj
        elif role == "dative":
            cand = child(tok, "dative", "iobj")
            if cand is None and m.pattern.pos == "N" and m.governor is not None and tok.dep_ == "dobj":
                cand = child(m.governor, "dative", "iobj")  # 'gave the junta a deadline': the light verb's
            if cand is not None and cand.dep_ == "dative" and cand.pos_ == "ADP":
                cand = child(cand, "pobj")
            if cand is None and obj is not None:
                cand = _recipient_in_amount(obj)
            if cand is None and m.pattern.pos == "V":
                cand = _first_of_two_objects(tok)
                dobjs = [c for c in tok.children if c.dep_ == "dobj"]
                if cand is None and len(dobjs) == 1 and dobjs[0].pos_ == "PROPN" and child(tok, "ccomp") is not None:
                    cand = dobjs[0]  # 'promised Turkey it would not arm them': the clause is what is given
            if cand is None and m.pattern.pos == "N" and m.governor is not None and tok.dep_ == "dobj":
                cand = _recipient_before_noun(tok)
        elif role == "poss":
            cand = child(tok, "poss")
        elif role == "objposs":
            # 'violated South Sudan's ceasefire': the object is part of the wording, its owner the target
            cand = child(obj, "poss") if obj is not None else None
            if cand is None and obj is not None and obj.lemma_.lower() in QUANTIFIERS | PORTIONS:
                # 'wrote off the bulk of Somalia's debt': the owner of what the quantity is of
                cand = next((p for x in prep_objects(obj, "of") if (p := child(x, "poss")) is not None), None)
            if cand is None and obj is not None:
                # 'denied British accusations': a nationality before the object says whose it is
                cand = next((c for c in obj.children if c.dep_ in ("amod", "compound") and c.i < obj.i
                             and c.ent_type_ in ("NORP", "GPE")), None)
            if cand is None and obj is not None:
                # 'denied the allegations of Kinshasa', 'dismissed the claims of London': a named party after 'of'
                cand = next((o for o in prep_objects(obj, "of") if o.pos_ == "PROPN" and o.ent_type_ in (
                    "GPE", "ORG", "NORP", "PERSON")), None)
        elif role == "clause":
            # 'alleged that Zanu-PF had rigged the vote': the that-clause's subject is the one accused
            clause = child(tok, "ccomp")
            if clause is None and obj is not None:
                clause = child(obj, "acl", "ccomp")  # 'dropped its condition that Chile post a bond'
            cand = child(clause, "nsubj", "nsubjpass") if clause is not None else None
            if cand is not None and cand.pos_ != "PROPN" and not named(cand) and not party_noun(cand):
                cand = None  # 'complained that many are failing', 'that prices were too high': no party named
        elif role == "prep:with" and m.pattern.recip and any(p.conjuncts for p in prep_objects(tok, "between")):
            continue  # 'the consultation between X and Y took place, with the border high on the agenda'
        elif role.startswith("prep:"):
            for host in hosts:
                objs = prep_objects(host, role[5:]) or (_for_clause_subject(host) if role == "prep:for" else [])
                if len(objs) > 1:  # ('its withdrawal from the Commonwealth': the only one named is the target)
                    objs = [o for o in objs if all(o.i != n.i for n in things)]
                if objs:
                    cand = objs[0]
                    break
            if cand is None and m.pattern.pos == "N" and tok.dep_ == "conj":
                # 'held patrols and live-fire drills around Taiwan': a phrase after the last of two nouns hangs
                # on the first; it is the last one's as well
                cand = next((p for c in tok.head.children if c.dep_ == "prep" and c.i > tok.i
                             and c.lower_ == role[5:] for p in children(c, "pobj")), None)
            if cand is None and role == "prep:to" and m.pattern.pos == "N":
                cand = _light_verb_recipient(tok)
            if cand is not None and role == "prep:with" and m.pattern.cameo[:2] in VIOLENT_ROOTS and (
                    cand.lemma_.lower() in word_sets()["arms_used"]):
                cand = None  # 'fought pitched battles with tanks and artillery': the means, not the foe
            if cand is not None and role == "prep:with" and m.pattern.cameo[:2] in VIOLENT_ROOTS:
                # 'fought with a US-led coalition against Islamic State': the with-party is an ally; the
                # against-party is the one fought
                foe = [f for f in prep_objects(cand, "against") if f.pos_ == "PROPN" or f.ent_type_ in ("NORP", "ORG")]
                if foe:
                    cand = foe[0]
        # Tokens are compared by index: spaCy makes a new Token object on every access.
        same = cand is not None and cand.i == tok.i
        if cand is not None and not same and cand.pos_ not in ("VERB", "AUX"):
            if m.pattern.cameo[:2] == "15" and cand.lemma_.lower() in BORDERS:
                return _across_border(cand) or cand  # 'near its border with Finland': Finland
            return cand
    if m.pattern.pos == "V" and (m.pattern.cameo[:2] == "07" or m.pattern.cameo[:3] == "033"):
        return _helped(tok)
    if m.pattern.cameo[:2] == "15":
        return _across_border(tok)
    return None


BORDERS = frozenset({"border", "frontier", "boundary"})


def _across_border(tok: Token) -> Token | None:
    """'massed troops near its border with Finland', 'put its air defence units on alert along the border with
    India': forces shown at a border are shown to the state across it."""
    doc = tok.doc
    for t in tok.subtree:
        if t.lemma_.lower() in BORDERS and t.dep_ in ("pobj", "dobj"):
            after = doc[t.right_edge.i + 1] if t.right_edge.i + 1 < len(doc) else None
            # ('deployed troops to the border with Pakistan': the parser may hang the with-phrase on the verb)
            on_verb = after is not None and after.lower_ == "with" and after.dep_ == "prep"
            withs = [t] + ([after.head] if on_verb else [])
            across = [p for w in withs for p in prep_objects(w, "with") if p.i > t.i and (
                p.pos_ == "PROPN" or p.ent_type_ in ("GPE", "NORP"))]
            if across:
                return across[0]
    return None


def _helped(tok: Token) -> Token | None:
    """'pledged $1.5 billion to help Pakistan rebuild', 'sent doctors to assist Libya': a gift's receiver named by
    the infinitive of help that says what it is for (its object, or the subject the parser gives its clause)."""
    helping = word_sets()["helping"]
    for c in tok.children:
        if c.dep_ in ("xcomp", "advcl") and c.lemma_.lower() in helping and child(c, "aux") is not None:
            found = child(c, "dobj") or next((child(x, "nsubj") for x in children(c, "ccomp", "xcomp")
                                              if child(x, "nsubj") is not None), None)
            if found is not None and found.pos_ in ("PROPN", "NOUN"):
                return found
    return None

