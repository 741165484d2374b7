"""Which source-target pairs make an event: the party rules applied once a pattern has matched and its
modality allows it.

    pair = Pair(code, s, t, s_actor, s_is, ...)
    admitted = admit(pair, actors)     # the pair's target actor when it makes an event, else REFUSED

Each rule below is one kind of false event found in hand-judged news (docs/benchmarks.md, "Precision on real
news"): things acting or acted on, private people meeting or travelling, a government's own policy read as a
demand, a place taken for the party acted on.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from typing import Any

from spacy.tokens import Token

from eventwire.model import Actor

from .arguments import body_named, named
from .instruments import VIOLENT_ROOTS
from .matcher import Match, carried_load
from .parties import is_state, non_actor, pronoun_owned_thing, resolve_target, thing, thing_head
from .pattern_table import word_sets
from .syntax import children, direct_object, noun_phrase, prep_objects
from .word_lists import non_actor_words

# Force used on a thing is still news about that thing ('shelled the hospital', 'torched homes', 'blocked
# accounts'); so is force threatened on it (138x). Any other act done to a thing has no party as its target.
THING_ROOTS = VIOLENT_ROOTS | {"17"}
# CAMEO codes of travel (042 make a visit, 043 host a visit): private people travel every day; a trip by a
# named person or a pronoun the dictionaries do not know is no political visit.
VISIT_CODES = {"042", "043"}
# Sectors of office ('Prime Minister X', 'General Y'): a titled person no dictionary knows still travels on duty.
OFFICE_SECTORS = frozenset({"GOV", "MIL", "LEG", "JUD", "OPP", "REB", "COP", "SPY"})
REFLEXIVES = {"himself", "herself", "itself", "themselves", "ourselves", "myself", "yourself", "yourselves",
              "oneself"}
# CAMEO's actor role for firms ('Texaco Inc', 'a bank'): business news between firms is no political event.
BUSINESS = "BUS"
MEDIA = "MED"
# CAMEO's intents to meet or to talk (036 express intent to meet or negotiate).
MEET_INTENT = {"036"}


class _Refused:
    """The marker `admit` returns for a pair that makes no event (None is a valid target)."""


REFUSED = _Refused()


@dataclass(slots=True)
class Pair:
    code: str  # the CAMEO code the event would get
    s: Token  # the source token
    t: Token | None  # the target token
    s_actor: Actor
    s_is: bool  # whether the actor dictionaries know the source
    instrument: bool  # the source is a weapon or attack standing for an unknown doer
    place: bool  # the target token is the place the act was done in
    obligation: bool  # coded by the built-in 'X said Y must ...' rule
    needs_target: bool  # the pattern names target roles
    must_name_target: bool  # the row's need=target: no event without a party acted on
    failed_refusal: bool  # 'X failed to reach a deal', read as a refusal
    trigger_index: int  # the trigger token, which is never its own target's bearer
    received: bool = False  # the target got the act ('won backing from X'): it must be a party


def _recipient(t: Token) -> bool:
    """The one given to ('gave the market X', 'X to the market', 'provided the market with X'), not what aid is
    for ('for the extension')."""
    return t.dep_ in ("dative", "iobj") or (t.dep_ == "pobj" and t.head.lower_ == "to") or (
        t.dep_ == "dobj" and any(c.dep_ == "prep" and c.lower_ == "with" for c in t.head.children))


# Promises of aid (CAMEO 0331-0334): the same reading of a thing helped in a place as aid given.
AID_PROMISED = frozenset({"033", "0331", "0332", "0333", "0334"})


# The prepositions by which a thing helped is placed: 'the camps in Gaza', 'the islands off Chittagong'.
PLACE_PREPS = ("in", "off", "near", "around", "across")


def _aided_place(t: Token) -> Token | None:
    """The named place a thing helped is in: 'the relief effort in Gaza'; or, where the parser hung the place on
    the verb after the thing ('announced $50 million for famine relief in Somalia'), the verb's 'in' phrase
    that follows the thing. An 'in' phrase before it is where the giver spoke ('announced in Tokyo ...')."""
    found = [x for where in PLACE_PREPS for x in prep_objects(t, where)]  # ('islands off Chittagong')
    if t.dep_ == "pobj" and t.head.lower_ in ("for", "to"):
        verb = t.head.head if t.head.head.pos_ in ("VERB", "AUX") else t.head.head.head
        found += [x for where in PLACE_PREPS for x in prep_objects(verb, where) if x.i > t.i] if (
            verb.pos_ in ("VERB", "AUX")) else []
    return _named_place(found)


def _named_place(candidates: Any) -> Token | None:
    """The first of the candidate words that names a place."""
    return next((x for x in candidates if x.ent_type_ in ("GPE", "LOC") or x.pos_ == "PROPN"), None)


def _counterpart_named(p: Pair) -> bool:
    """'agreed to host talks with Pakistani officials': the wording names someone to meet, though the target
    was not found."""
    return p.code == "036" and any(t.lower_ in ("with", "between") for t in p.s.doc[p.trigger_index].subtree)


def _offices(p: Pair, actors: Any) -> list[Actor]:
    """Whom the doer acts 'as' ('resigned as defence minister', 'named as chairman of Ostrava Glass Ltd')."""
    offices = [x for prep in children(p.s.doc[p.trigger_index], "prep") if prep.lower_ == "as"
               for o in children(prep, "pobj") for x in (o, *o.conjuncts)]
    # 'as treasurer, secretary and director of Orsk Corp': the firm may be named once for all the offices.
    offices += [o for x in offices for prep in children(x, "prep") if prep.lower_ == "of"
                for o in children(prep, "pobj")]
    return [actors.resolve(noun_phrase(x)) for x in offices]


def _one_body(s: Token) -> bool:
    """A body that sits as itself ('the committee'), with nothing conjoined to it: one party meeting alone."""
    return s.lemma_.lower() in non_actor_words("sitting_bodies") and not s.conjuncts


def political(actor: Actor | None) -> bool:
    """A party political event data is about: known by a dictionary, a country or a sector, and no firm."""
    return actor is not None and actor.sector != BUSINESS and bool(actor.code or actor.country or actor.sector)


def _national_name(actor: Actor | None) -> bool:
    """'South Korea's CJ ENM', 'Egyptian contractor Elsewedy Electric': a name no dictionary knows, with only a
    country to go by, is as likely a firm as a party."""
    # ('China's state-owned Norinco' is the state's)
    return actor is not None and actor.basis == "text" and bool(actor.name) and not actor.sector and not (
        set(actor.text.lower().split()) & non_actor_words("state_owners"))


# The acts firms do to each other as well as states do (agreeing, meeting, backing, working together, lending,
# giving way): in business news, a name known only by its country is no party to one of them. (A treasury that
# blacklists firms, 163, is a state's.)
DEALING_ROOTS = {"03", "04", "05", "06", "07", "08"}


def _party(actor: Actor | None, business: bool, code: str) -> bool:
    """A political party to the act; in business news a name known only by its country is not one of a deal's."""
    return political(actor) and not (business and code[:2] in DEALING_ROOTS and _national_name(actor))


def source_refused(s: Token, instrument: bool, actors: Any) -> bool:
    """'anyone giving him money', 'the results confirmed ...', 'a letter critical of X', 'silver futures
    retreated': no one acts."""
    return s.lower_ in non_actor_words("generic_doers") or _market(s) or (not instrument and thing(s, actors))


# Market words that are also places one can strike ('shelled a market'): only abstract markets are no target of force.
PLACES_OF_TRADE = {"market", "markets", "exchange"}


def _market(s: Token) -> bool:
    """'Comex silver futures retreated', 'Wall Street rallied': a market, a price or a commodity is no doer."""
    if s.lower_ == "street" and any(c.lower_ == "wall" for c in s.children):
        return True
    words = non_actor_words("market_words")
    return s.lemma_.lower() in words or s.lower_ in words


@cache
def _deal_words() -> frozenset[str]:
    return non_actor_words("business_words") | non_actor_words("market_words")


def _business_sentence(sent: Any) -> bool:
    """A sentence that speaks of business or markets ('Pfizer agreed to buy Seagen ... as the drugmaker prepares',
    'the two companies said', 'Chicago rallied as the market ...'): the words of firms, deals and markets, as nouns."""
    words, owners = _deal_words(), non_actor_words("state_owners")
    # 'Belarus's state oil company' is the state's: the story may be political
    # ('ten companies of paramilitary forces' are units, not firms)
    return any(t.pos_ == "NOUN" and t.lemma_.lower() in words and not any(
        c.lower_ in owners or (c.dep_ == "prep" and c.lower_ == "of" and t.lemma_.lower() == "company")
        for c in t.children if c.dep_ in ("amod", "compound", "nmod", "prep")) for t in sent)


def _central_bank(actor: Actor, s: Token) -> bool:
    """'the Bank of England provided 713 mln stg assistance': a central bank, not a development bank (an IGO)."""
    head = s.lemma_.lower()
    if (actor.code or "").startswith("IGO") or head not in non_actor_words("central_bank_heads"):
        return False
    # a bare 'bank' is a central one when it is a government's ('the central bank', 'the Bank of England'), not
    # a development bank ('the Brazilian development bank': DEV) or a firm
    return head != "bank" or actor.sector == "GOV" or any(c.lower_ in ("central", "reserve") for c in s.children)


def _accident(p: Pair) -> bool:
    """'the plane, which crashed into a hillside, killing all 90 on board': the deaths of a vehicle's crash are no
    attack. A person crashing one ('a bomber crashed his car into the gate, killing ten') still attacks."""
    trig = p.s.doc[p.trigger_index]
    crashes = non_actor_words("accident_verbs")
    verb = trig.head if trig.dep_ in ("advcl", "conj") else None
    if trig.dep_ == "acl":
        # 'the airliner, which crashed into a hillside, killing all on board': the participle hangs on the vehicle
        verb = next((c for c in trig.head.children if c.dep_ == "relcl" and c.lemma_.lower() in crashes), None)
    if verb is None or verb.lemma_.lower() not in crashes:
        return False
    subj = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if subj is not None and subj.lower_ in ("which", "that") and verb.dep_ == "relcl":
        subj = verb.head
    return subj is not None and subj.lemma_.lower() in non_actor_words("vehicles")


# Those whom private people help as private people: other people, the displaced, firms, hospitals, schools, farmers
# and workers, or someone no dictionary knows.
PRIVATE_SECTORS = {None, "CVL", "REF", "BUS", "HLH", "EDU", "AGR", "LAB"}


def _private_gift(p: Pair, t_actor: Actor | None) -> bool:
    """'volunteers handed out meals to stranded drivers', 'British households donated to relief charities': what
    private people give to others who are no state is charity, not aid between parties."""
    if not (p.code[:2] == "07" or p.code == "0842") or p.s_actor.sector != "CVL":
        return False
    if any(c.pos_ == "PROPN" for c in [*children(p.s, "compound"), *prep_objects(p.s, "of")]):
        return False  # 'Red Crescent volunteers', 'volunteers of the Edhi Foundation': a named body's people
    if t_actor is None:
        return True
    # ('villagers fed the soldiers' helps a side: a state, its forces or a known body stays)
    return not is_state(t_actor) and t_actor.sector in PRIVATE_SECTORS and not (t_actor.code or "").startswith(
        ("IGO", "NGO"))


def _kin(x: Token) -> bool:
    """'his neighbour', 'her brothers and sisters': one's own kin, partner or neighbour."""
    owner = x
    while owner.dep_ == "conj" and owner.head.i != owner.i:
        owner = owner.head  # 'welcomed his brothers and sisters': the owner is named once
    lemma = x.lemma_.lower()  # (the small model leaves 'nephews' as it is)
    return bool({lemma, lemma.removesuffix("s")} & non_actor_words("private_relations")) and any(
        c.dep_ == "poss" and c.lower_ in ("his", "her") for c in owner.children)


def _private_relation(p: Pair, t: Token | None, t_actor: Actor | None) -> bool:
    """'a pensioner shot his neighbour in a row over a hedge', 'a driver was knifed by his cousin': violence
    between one and his own kin, partner or neighbour, with no state or people named on either side, is a
    private crime. ('Israeli soldiers shot dead his brother' stays: the soldiers are a state's.) Any other act
    between one person and his or her own kin ('visited his mother', 'welcomed her grandchildren') is family life."""
    if t is None or p.instrument:
        return False  # 'her son died in an air strike': a weapon of war is no neighbour
    if p.code[:2] not in VIOLENT_ROOTS:
        # ('his partner Xi' is a party; 'his grandchildren met the diplomat': the recipient's kin too). Only one
        # person's own kin: 'Turkish authorities released his fiancee' frees another's.
        def one(x: Token) -> bool:
            return x.tag_ in ("NN", "NNP", "PRP")

        own = (one(p.s) and _kin(t)) or (one(t) and _kin(p.s))
        return own and not (t_actor is not None and (t_actor.code or t_actor.country))
    if any(a is not None and (a.code or a.country) for a in (p.s_actor, t_actor)):
        return False
    return _kin(p.s) or _kin(t)


def admit(p: Pair, actors: Any) -> Actor | None | _Refused:
    """The target actor of an admitted pair (None: no target), or REFUSED."""
    code, s, t, s_actor = p.code, p.s, p.t, p.s_actor
    force = code[:2] in THING_ROOTS or code.startswith("138")
    contraband = non_actor_words("contraband")
    if t is not None and code.startswith("171") and any(
            x.lemma_.lower() in contraband or x.lower_ in contraband for x in (t, *prep_objects(t, "of"))):
        return REFUSED  # 'seized 3 tonnes of cocaine': a drug bust, no party's property taken
    if t is not None and t.lower_ in non_actor_words("generic_doers"):
        t = None  # 'froze the assets of anyone funding the militia': no one in particular is acted on
    if code[:2] in VIOLENT_ROOTS and _accident(p):
        return REFUSED
    if code[:2] == "14" and s.ent_type_ == "GPE" and not political(s_actor) and _business_sentence(p.s.sent):
        return REFUSED  # 'the feeds market was active ... and Chicago rallied': a market, no protest
    if t is not None and code[:2] in VIOLENT_ROOTS and _market(t) and t.lemma_.lower() not in PLACES_OF_TRADE:
        return REFUSED  # 'oil prices came under renewed attack', 'speculators attacked the pound': markets, no force
    if t is not None and t.lower_ in REFLEXIVES:
        if code[:2] in VIOLENT_ROOTS:
            return REFUSED  # 'he killed himself': no one acted on another
        t = None  # 'they called themselves the elite': no party besides the doer
    t_actor = resolve_target(t, actors, s_actor, skip=p.trigger_index, things=force) if t is not None else None
    if code[:2] == "07" and not political(t_actor) and _central_bank(s_actor, s):
        return REFUSED  # a central bank's money to the market ('provided 713 mln stg assistance') is no aid
    if t is not None and code[:2] not in VIOLENT_ROOTS and _market(t) and (
            t_actor is None or not t_actor.country or t.lemma_.lower() in non_actor_words("currency_words")) and (
            not any(c.dep_ == "nummod" or c.like_num for c in t.children)):
        # 'the pound was supported by an improved outlook', 'sales lent support to the market': a market or a
        # price acted on is market news ('speculators raided the Italian lira'). Not a sum ('fined Google 21
        # billion roubles') nor a country's goods ('boycotting French wheat' boycotts France).
        return REFUSED
    if _private_relation(p, t, t_actor) or _private_gift(p, t_actor):
        return REFUSED
    if t_actor is not None and pronoun_owned_thing(t, t_actor, actors):
        t_actor = None  # 'the government hailed its own effort': a thing whose owner is not named is no party
    if s_actor.sector == BUSINESS and (p.place or not _party(t_actor, _business_sentence(p.s.sent), code)):
        # 'Texaco Inc sued Pennzoil Co', 'the company agreed to buy the shares', 'the company trades in
        # Germany': one firm acting alone, on another or in a place is business news. A firm acting on a
        # government or a people stays ('Exxon agreed to pay Nigeria').
        return REFUSED
    if t_actor is not None and t_actor.sector == BUSINESS and not _party(s_actor, True, code) and (
            code[:2] not in VIOLENT_ROOTS and code[:2] != "14"):
        # 'an investor group agreed to buy Tamsin Foods Inc': an unknown party dealing with a firm is
        # business news too; gunmen attacking a firm's office, or workers striking at it, are not.
        return REFUSED
    if not p.instrument and code[:2] not in VIOLENT_ROOTS and not _party(s_actor, True, code) and (
            not _party(t_actor, True, code)) and (
            actors.company_story() or (code[:2] != "14" and _business_sentence(p.s.sent))):
        # In company news an unknown name is a businessman and an unknown body a firm's ('Voss asked its board
        # to approve his bid', 'two brokers agreed to join the unit'): with no government, state or
        # other political party on either side, the act is business, however political its verb. So it is
        # in a sentence of a political story that speaks of firms and deals.
        return REFUSED
    if not political(s_actor):
        offices = _offices(p, actors)
        if any(a.sector == BUSINESS for a in offices):
            return REFUSED  # 'Marta Veldt resigned as chief financial officer': a firm's officer
        if code == "0831" and not any(political(a) for a in offices):
            # 'the company said its chairman has resigned': a firm's officer, or someone no one knows
            # ('resigned as defence minister' says whose office it was)
            return REFUSED
    if code in ("040", "041", "036") and not _counterpart_named(p) and (
            (t_actor is None and not p.place) or (p.place and _one_body(s))):
        # 'the cabinet held a meeting to discuss X', 'the ministers will resume talks', 'the committee was due to
        # meet in Vienna': one body meeting itself ('the two sides met in Geneva' are two)
        return REFUSED
    if code[:2] in VIOLENT_ROOTS and any(x is not None and x.dep_ == "pobj" and x.head.lower_ == "with" and (
            thing_head(x, actors)) for x in (s, t)):
        # 'clashed with the president's assessment': one fights with a party, not a thing (either way round)
        return REFUSED
    if (code[:2] == "04" or code in MEET_INTENT) and any(
            a is not None and a.sector == MEDIA and not a.code for a in (s_actor, t_actor)):
        # 'the official, who met reporters', 'Reagan will meet the press': talking to the press is no consultation
        return REFUSED
    if p.obligation and t is not None and t.lower_ in ("we", "i"):
        return REFUSED  # '"We should rely less on oil," he said': a speaker exhorting his own side asks no one
    if code[:2] == "04" and t is not None and thing_head(t, actors):
        return REFUSED  # 'Angola must meet its export contracts': a thing met is no one consulted, its owner neither
    if t_actor is None and t is not None and non_actor(t):
        return REFUSED  # done to a quality, an idea or a state of affairs, not to a party
    if p.received and t_actor is None:
        return REFUSED  # 'the film won praise from critics': what got it is no party
    if p.must_name_target and t_actor is None and t is not None and t.dep_ == "pobj" and code[:2] != "07" and (
            thing_head(t, actors)):
        # 'the crowd stood behind the barrier': a row that needs a party acted on found a thing in its phrase
        return REFUSED
    if code[:3] == "087" and t_actor is None and t is not None and not p.place and thing_head(t, actors):
        # 'withdrew from three positions inside Somalia', 'pulled back from bases in southern Lebanon': the positions
        # left stand for the land they are in
        where = _named_place(x for prep in children(t, "prep") if prep.lower_ in ("in", "inside", "around", "near")
                             for x in children(prep, "pobj"))
        if where is not None and actors.is_actor(noun_phrase(where)):
            return actors.resolve(noun_phrase(where))
    if (code[:2] == "07" or code in AID_PROMISED) and t_actor is None and t is not None and not p.place and (
            thing_head(t, actors)):
        # 'donated $20 million to the relief effort in Gaza', 'pledged 50 million euros for reconstruction in
        # Iraq', 'is financing a demining programme in Colombia': the place the help goes to stands for its people.
        where = _aided_place(t) if _recipient(t) or political(s_actor) else None
        if where is not None and actors.is_actor(noun_phrase(where)):
            return actors.resolve(noun_phrase(where))  # the places step gives a named town its country
        if (_recipient(t) and code[:2] == "07") or p.must_name_target:
            # 'gave the money market 183 mln stg assistance': help goes to people, not to things; and money
            # announced 'for road repairs' with no one named to receive it is a budget, not aid.
            return REFUSED
    if code[:2] == "07" and p.must_name_target and t_actor is not None and is_state(s_actor) and is_state(t_actor) and (
            s_actor.country and s_actor.country == t_actor.country):
        return REFUSED  # 'Congress approved $10 billion for the Pentagon': a state's budget for its own organs
    if p.obligation and t is not None and t.lower_ in ("this", "that", "these", "those"):
        return REFUSED  # '"This should make it easy for firms," he said': a thing expected to work, no demand
    if p.obligation and t_actor is not None and is_state(s_actor) and is_state(t_actor) and (
            s_actor.country and s_actor.country == t_actor.country):
        return REFUSED  # 'Zhao said China should lower costs': a government's own policy, no demand
    if code[:3] in VISIT_CODES and t is not None and t_actor is None and not p.place:
        return REFUSED  # 'the inspectors visited the camps': a visit to a thing meets no one
    known = p.s_is or s_actor.country or s_actor.sector or named(s)
    if code[:3] in VISIT_CODES and (not s_actor.code and (s.pos_ == "PRON" or (
            s.pos_ == "PROPN" and s_actor.sector not in OFFICE_SECTORS)) or (
            s.tag_ in ("NNS", "NNPS") and (s_actor.country or s_actor.sector) and (
                s_actor.sector in PRIVATE_SECTORS - {"BUS"}))):
        # 'Smith travelled to Syria', 'he visited Juba', '300 Belgians went', 'three pupils travelled': private people
        return REFUSED
    if code[:3] in VISIT_CODES and s.tag_ == "NN" and not (s_actor.code or s_actor.country or s_actor.sector) and (
            s.lemma_.lower() not in word_sets()["visiting_bodies"]):
        return REFUSED  # 'the schoolteacher left for Bogota': one private person no dictionary knows
    if code[:2] == "04" and t_actor is not None and not (
            s_actor.code or s_actor.sector or t_actor.code or t_actor.sector or body_named(s) or body_named(t)):
        return REFUSED  # 'she met Campbell at a party': people no dictionary knows, meeting privately
    if p.place and (code[:2] != "07" or not known):
        # A place the act happened in is no one acted on ('fighting in Syria' is not fighting Syria): it
        # belongs in the event's location, which the places step fills from the sentence. Aid is the
        # exception: the place it goes to stands for its people ('donated $5m to rebuild schools in Gaza').
        t_actor = None
    # Crowds protest against things ('thousands marched against the new tax'): the thing makes the protest
    # concrete, though it is no target.
    acted_on = t_actor is not None or (code[:2] == "14" and t is not None and not p.place and thing(t, actors))
    if not acted_on and p.needs_target and not known:
        return REFUSED  # neither a known actor nor anything acted on: 'efforts to resist what they perceive'
    if p.failed_refusal and (t_actor is None or not known):
        # A failed agreement is a rejection between named parties ('X and Y failed to reach a deal', 'X failed
        # to reach a deal with Y'), not 'the talks failed to reach agreement'.
        return REFUSED
    anonymous = not known and t_actor is not None and not (t_actor.country or t_actor.sector or named(t))
    if anonymous and code[:2] != "14" and not p.instrument:
        # No actor on either side: 'any tent is sheltering the new arrivals'. (Crowds protest unnamed:
        # 'thousands demonstrated against the coup' stays.)
        return REFUSED
    return t_actor


def goods_handed(m: Match, events: dict[int, Match], actors: Any) -> bool:
    """What a transfer row's word hands over is goods: 'provided Sri Lanka with two patrol boats', 'delivered
    armoured vehicles to the army'. Not a message, a document, a view or a commodity traded ('sent a letter
    to', 'supplied details to', 'shipped crude to'; `not_goods` in non_actors.json), not a name or a pronoun,
    not an event word of its own, which its own row codes ('received criticism from X'), and not people: a
    phrase the actor dictionaries read as people ('advisers', 'two men', 'a team of negotiators') is sent,
    not given."""
    if "pobj:with" in m.pattern.when:
        themes = [p for prep in children(m.token, "prep") if prep.lower_ == "with" for p in children(prep, "pobj")]
    elif m.pattern.pos == "N" and direct_object(m.token) is None:
        # 'the delivery of medicine by the WHO': a transfer noun's of-phrase is what it hands over
        themes = [p for prep in children(m.token, "prep") if prep.lower_ == "of" for p in children(prep, "pobj")]
    else:
        obj = direct_object(m.token)
        if obj is None and m.pattern.pos == "V":
            # 'a plane carrying medical supplies landed in Port Sudan': a carrier that arrives hands over its load
            obj = next((c for c in children(m.token, "nsubj", "nsubjpass")
                        if c.lemma_.lower() in word_sets()["carriers"] and carried_load(c) is not None), None)
        load = carried_load(obj) if obj is not None else None
        themes = [load or obj] if obj is not None else []
        if load is not None:
            # 'sent two planes loaded with aid': a load is what is handed over, though 'aid' is an event word.
            events = {i: e for i, e in events.items() if i != load.i}
    # 'a team of negotiators', 'a shipment of oil': what the measure counts is what is handed over too.
    themes += [p for t in themes for prep in children(t, "prep") if prep.lower_ == "of" for p in children(prep, "pobj")]
    not_goods = non_actor_words("not_goods")
    return bool(themes) and all(
        t.pos_ not in ("PROPN", "PRON") and t.i not in events and t.lemma_.lower() not in not_goods
        and not actors.is_actor(noun_phrase(t))
        for t in themes
    )
