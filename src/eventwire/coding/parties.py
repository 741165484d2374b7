"""The parties of a coded event: which source and target tokens pair up, and the actors they stand for.

Conjoined sources and targets make one event per pair ('X and Y met Z'), a reciprocal wording both
directions; a target that resolves to the source itself is no party ('released hostages held by them').
"""

from __future__ import annotations

from dataclasses import replace
from functools import cache
from typing import Any

from spacy.tokens import Token

from eventwire.model import Actor

from .arguments import NAMED, PLACE_NOUNS, bearers, hyphen_agent, named
from .pattern_table import word_sets
from .syntax import QUANTIFIERS, child, conjuncts, noun_phrase, prep_objects
from .word_lists import may_be_party, non_actor_words, thing_word

STATE_SECTORS = {"GOV", "MIL", "JUD", "LEG"}
# The actor roles of the bodies that arrest and hold people: police, armed forces, intelligence, courts.
SECURITY_SECTORS = {"COP", "MIL", "SPY", "JUD"}
# How the actor dictionaries know a name as a place rather than a party: 'the Kabul bombing' says where.
PLACE_BASES = {"text:capital", "region"}
PLACE_ENTS = ("GPE", "LOC", "FAC")
RECALLED_BASES = {"memory"}
# A country the act happened in that stands for its state: 'was jailed in Turkey' (not 'in Raqqa', 'in Kabul').
STATE_BASES = {"text:country"}


def is_state(actor: Actor) -> bool:
    """A government body, or a country named for its government ('China protested')."""
    if actor.sector in STATE_SECTORS:
        return True
    return bool(actor.country) and actor.sector is None and actor.code == actor.country


def each_other(tok: Token) -> bool:
    """'each other', 'one another': the parties are the subject's conjuncts."""
    pair = {tok.lower_} | {c.lower_ for c in tok.children}
    return pair >= {"each", "other"} or pair >= {"one", "another"}


def is_time(tok: Token | None) -> bool:
    # 'this weekend's attacks', 'the killing Tuesday night': a date is no actor. (The small model
    # also tags some names as dates, 'arrested in Niger', so a proper noun stays.)
    return tok is not None and tok.ent_type_ in ("DATE", "TIME") and tok.pos_ != "PROPN"


def place_modifier(tok: Token, actor: Actor, known: bool) -> bool:
    """A name before an event noun that says where it happened, not who did it: 'the Leeds attack', 'a Kabul
    bombing', 'the Salisbury poisoning' (a city, a capital, a region, or a name no dictionary knows). A country
    or a known group still names the doer: 'the US strikes', 'the Hamas attack', 'Russian airstrikes'."""
    if tok.dep_ not in ("compound", "nmod") or tok.pos_ != "PROPN" or tok.head.pos_ != "NOUN":
        return False
    if not (known and actor.code) or actor.basis in PLACE_BASES:
        return True
    # A place name the parser tags so, resolved only through what the document said before: still a place.
    named_for = actor.basis or ""
    # A name resolved only by an earlier mention is no better evidence of a doer: 'the Salisbury attack'.
    if named_for in RECALLED_BASES:
        return True
    return tok.ent_type_ in PLACE_ENTS and named_for not in STATE_BASES and not named_for.startswith("dictionary")


def implied_state(actor: Actor) -> bool:
    """'was jailed in Turkey': the country an unattributed act was done in stands for its state; a city, a
    capital or a region does not ('was arrested in Istanbul' says where, not by whom)."""
    return actor.basis in STATE_BASES


def same_actor(a: Actor, b: Actor) -> bool:
    """One actor, named twice or once: the same mention, the same named actor, or a pronoun for it ('the
    rebels ... held by them'). Two mentions of one code are not one actor by themselves: 'the Thai
    government ... in Bangkok' names the state twice, as actor and as place."""
    if (a.start, a.end) == (b.start, b.end):
        return True
    if not a.code or a.code != b.code:
        return False
    return (a.name is not None and a.name == b.name) or any(
        (x.basis or "").startswith("pronoun") for x in (a, b)
    )


def antecedent_only(src: Token, trigger: Token) -> bool:
    """'the militants and the villagers that shelter them': a relative clause on a later conjunct is that
    conjunct's own; the conjuncts before it did not do what it says."""
    return src.dep_ == "conj" and any(
        c.dep_ == "relcl" and c.left_edge.i <= trigger.i <= c.right_edge.i for c in src.children
    )


def pairs(
    src: Token, tgt: Token | None, recip: bool, *, place: bool = False, lone: bool = False
) -> list[tuple[Token, Token | None, bool]]:
    """(source, target, reversed) for each conjunct of the source (only the source itself when `lone`) and the
    target."""
    sources = [src] if lone else conjuncts(src)
    if place and tgt is not None:
        # 'imposed blockades in Lahore, Multan and Faisalabad' is one act where it happened, not three.
        return [(s, tgt, False) for s in sources]
    if tgt is None:
        if recip and len(sources) > 1:
            return [(a, b, False) for a in sources for b in sources if a.i != b.i]
        return [(s, None, False) for s in sources]
    targets = conjuncts(tgt)
    # Tokens are compared by index: spaCy makes a new Token object on every access.
    out = [(s, t, False) for s in sources for t in targets if s.i != t.i]
    if recip:
        out += [(t, s, True) for s in sources for t in targets if s.i != t.i]
    return out


def _counted(tok: Token) -> Token:
    if tok.lemma_.lower() in QUANTIFIERS or tok.pos_ == "NUM":
        # 'thousands of students', 'dozens of soldiers': the actor is what is counted.
        counted = [p for c in tok.children if c.dep_ == "prep" and c.lower_ == "of" for p in c.children
                   if p.dep_ == "pobj"]
        if counted:
            return counted[0]
    return tok


def resolve_party(tok: Token, actors: Any) -> tuple[Actor, bool]:
    """The actor a source token stands for, and whether the actor dictionaries know it."""
    tok = _counted(tok)
    span = noun_phrase(tok)
    is_actor = bool(actors.is_actor(span))
    if not is_actor:
        # 'endorsing Moscow's actions', 'defended Smith's decision': the possessor is the actor the event is
        # about, whether the dictionaries know it or the text names it.
        poss = child(tok, "poss")
        if poss is not None and poss.pos_ != "PRON":
            pspan = noun_phrase(poss)
            if actors.is_actor(pspan) or named(poss):
                span, is_actor = pspan, bool(actors.is_actor(pspan))
    actor = actors.resolve(span)
    if (actor.basis or "").startswith("unresolved"):
        # 'Andres Salinas, Chile's foreign minister, arrived': a name the dictionaries do not know is what
        # its apposition says it is
        appos = child(tok, "appos")
        if appos is not None and appos.pos_ in ("NOUN", "PROPN") and actors.is_actor(noun_phrase(appos)):
            role = actors.resolve(noun_phrase(appos))
            if (role.country or role.sector) and role.sector != "BUS":  # a firm's title says too little
                return replace(role, text=actor.text, name=actor.name or role.name, start=actor.start,
                               end=actor.end, basis=f"apposition:{role.basis}"), True
    return actor, is_actor


def non_actor(tok: Token) -> bool:
    """'paid tribute to their courage', 'funding for the famine', 'embraced populism': a thing, no party."""
    head = _counted(tok)
    return head.lemma_.lower() in non_actor_words("heads") and head.pos_ != "PROPN"


@cache
def _plainly_thing(lemma: str) -> bool:
    """A thing word that is no place: 'the Ukrainian border' is a place, which the events' location holds."""
    return lemma not in PLACE_NOUNS and thing_word(lemma)


def thing_head(tok: Token, actors: Any) -> bool:
    """The phrase's head names a thing, whoever owns it ('its export contracts', 'the decision')."""
    head = _counted(tok)
    if head.pos_ != "NOUN" or may_be_party(head.lemma_.lower()) or head.lemma_.lower() in QUANTIFIERS:
        return False  # ('tens of thousands': people)
    # A name in the phrase up to its head makes it a party ('a WHO request', 'the daily Liberte'); a name
    # after it does not ('a camp near Gaziantep', 'the assessment of the envoy').
    if any(t.pos_ == "PROPN" or t.ent_type_ in NAMED for t in noun_phrase(head) if t.i <= head.i):
        return False
    return not actors.is_actor(noun_phrase(head))


def pronoun_owned_thing(tok: Token, actor: Actor, actors: Any) -> bool:
    """`actor` is the thing phrase itself, owned by a possessive pronoun: 'hailed its small effort',
    'criticised his handling of the scandal'. Its owner is named by no word the dictionaries can resolve
    (it may be the doer, it may be someone in an earlier sentence), so the thing is no party acted on."""
    head = _counted(tok)
    poss = child(head, "poss")
    return (poss is not None and poss.pos_ == "PRON" and actor.start == poss.idx
            and not (actor.code or actor.country or actor.sector) and thing_head(tok, actors))


def thing(tok: Token, actors: Any) -> bool:
    """A phrase that names no party: a common noun that the actor dictionaries do not know and that looks like
    no word for people, with no name in it ('the decision', 'imports', 'the results', 'the pullout'). Errs
    towards people: an unknown word that may name people ('musicians') is no thing."""
    if not thing_head(tok, actors):
        return False
    head = _counted(tok)
    poss = child(head, "poss")
    return poss is None or not (named(poss) or actors.is_actor(noun_phrase(poss)) or poss.pos_ == "PRON")


def thing_acted_on(target: Actor | None, doc: Any, actors: Any) -> bool:
    """A coded target that is a thing with no owner named ('shipping', 'an oil platform', 'the new tax'),
    kept by the coder because force was used on it or crowds protested against it."""
    if target is None or target.code or target.country or target.basis != "not an actor" or target.start is None:
        return False
    span = doc.char_span(target.start, target.end, alignment_mode="expand")
    return span is not None and len(span) > 0 and thing(span.root, actors)


# 'the demands of X', 'a request from X', 'a proposal by X', 'the deal with X', 'the coup against X'
OWNER_PREPS = ("of", "from", "by", "with", "against")


def _owner(head: Token, actors: Any, skip: int) -> Actor | None:
    """The party a thing belongs to or bears on, named in its of-, from-, by-, with-, on- or against-phrase."""
    found = [p for prep in head.children if prep.dep_ in ("prep", "agent") and prep.lower_ in OWNER_PREPS
             for p in prep.children if p.dep_ == "pobj"]
    # 'a campaign of arrests by Egyptian police': or hung on what it is of
    found += [b for p in found if p.head.lower_ == "of" for prep in p.children
              if prep.dep_ == "prep" and prep.lower_ == "by" for b in prep.children if b.dep_ == "pobj"]
    # 'the detention of journalists by Belarusian authorities': of an act, the by-phrase names its doer, the
    # of-phrase the one it was done to; the doer is whom it bears on
    found.sort(key=lambda p: p.head.lower_ != "by")
    for obj in found + bearers(head, skip):
        if (obj.pos_ in ("NOUN", "PROPN") or obj.ent_type_) and not thing(obj, actors):
            return actors.resolve(noun_phrase(obj))
    return None


NAME_MODIFIER_ENTS = ("GPE", "NORP", "ORG", "PERSON")


def name_modifier(tok: Token, actors: Any) -> Any:
    """The name in front of a thing that says whose it is ('the Iranian charges', 'the Sharjah explanation',
    'Syrian regime targets'), as a span; None where the head itself names a party ('Iranian diplomats')."""
    head = _counted(tok)
    lemma = head.lemma_.lower()
    if head.pos_ != "NOUN" or lemma in PLACE_NOUNS or may_be_party(lemma) or actors.is_actor(
            head.doc[head.i : head.i + 1]):
        return None  # ('the Turkish attache', 'Myanmar nationals': people, named by where they are from)
    if child(head, "poss") is not None or bearers(head, -1):
        return None  # 'the government's Gaza plan', 'a Council resolution drafted by the US': the owner says
    mods = [c for c in head.children if c.dep_ in ("compound", "amod") and c.i < head.i]
    for c in mods:
        if c.ent_type_ in NAME_MODIFIER_ENTS and _plainly_thing(lemma):
            # From the name to the head's last modifier: 'Syrian regime' of 'Syrian regime targets'.
            lo = min(t.i for t in c.subtree)
            return head.doc[lo : max(m.i for m in mods) + 1]
    # 'rejected opposition demands', 'police claims': a word for a party in front of the thing.
    words = [c for c in mods if c.dep_ == "compound" and c.pos_ == "NOUN"]
    if not words or prep_objects(head, "of") or actors.is_actor(noun_phrase(head)):
        # 'the business dealings of Kempinski': the owner is named after the thing; 'the Belgian security
        # services': the whole phrase is a party
        return None
    for c in words:
        if actors.is_actor(head.doc[c.i : c.i + 1]):
            return head.doc[min(t.i for t in c.subtree) : c.i + 1]
    return None


def resolve_target(
    tok: Token, actors: Any, source: Actor, *, skip: int = -1, things: bool = True
) -> Actor | None:
    """The actor a target token stands for; None where it is the source itself, or a thing when `things` is
    false (a decision welcomed, imports banned: the act has no party as its target)."""
    head = _counted(tok)
    drafter = hyphen_agent(head)
    if drafter is not None and head.pos_ == "NOUN" and not may_be_party(head.lemma_.lower()):
        # 'vetoed a Japanese-drafted Security Council resolution': the drafter, not the body it was put to
        found = actors.resolve(noun_phrase(drafter))
        return None if same_actor(found, source) else found
    modifier = None if things else name_modifier(tok, actors)
    if modifier is not None and actors.resolve(noun_phrase(tok)).basis == "instrument":
        modifier = None  # 'violated the Minsk agreements': the place an accord is named after is not its party
    if modifier is not None:
        # 'rejected the Iranian accusations', 'welcomed the French decision': the name says whose thing it is.
        found = actors.resolve(modifier)
        return None if same_actor(found, source) else found
    actor, is_actor = resolve_party(tok, actors)
    if not is_actor:
        # 'rejected an appeal filed by X', 'lifted sanctions imposed on Y', 'lifted its ban on Z': a thing
        # acted on stands for the actor it came from or bears on ('two engineers held by them' stays
        # the engineers where 'them' is the source). The participle at `skip` is the event itself.
        for alt in bearers(head, skip):
            aspan = noun_phrase(alt)
            if actors.is_actor(aspan) or named(alt):
                found = actors.resolve(aspan)
                if not same_actor(found, source):
                    return found
        if not things and thing(tok, actors):
            # 'bowed to the demands of protesters', 'seized the assets of a cleric': the party the thing
            # belongs to is the one acted on.
            owner = _owner(head, actors, skip)
            return None if owner is None or same_actor(owner, source) else owner
        if non_actor(tok):
            return None
    return None if same_actor(actor, source) else actor


def ordered_other(order: Token) -> bool:
    """An order that asks another side to act ('the Security Council ordered Iraq to withdraw', 'the court ordered
    the ministry to release him') is a demand of it; an order to one's own forces or officials ('ordered troops to
    withdraw') is the act itself, done by the one who orders. A named state ordered, or a court ordering, is the
    first kind."""
    ordered = [o for o in order.children if o.dep_ in ("dobj", "obj")]
    if any(o.ent_type_ == "GPE" and o.pos_ == "PROPN" for o in ordered):
        return True
    subj = next((c for c in order.children if c.dep_ == "nsubj"), None)
    return subj is not None and subj.lemma_.lower() in word_sets()["courts"]


def security_body(tok: Token, actor: Actor) -> bool:
    """Police, prosecutors, courts, armed forces or intelligence services, or a ministry of the interior, justice,
    security or intelligence: the bodies that arrest, so whose report of an arrest made by no one named is their
    own ('seven were detained, the interior ministry said')."""
    if actor.sector in SECURITY_SECTORS:
        return True
    words = word_sets()["security_bodies"]
    return any(c.lemma_.lower() in words for c in tok.children if c.dep_ in ("amod", "compound")) or (
        tok.lemma_.lower() in words)


def governing(tok: Token, actor: Actor) -> bool:
    """A government acting as one: a government body, or a country named for its government ('China protested',
    'Washington boycotted the Games'); not its legislators, soldiers or courts, nor people named by where they
    live ('consumers in Kuwait boycotted the goods', 'opposition leaders in Chad's capital')."""
    if actor.sector == "GOV":
        return True
    return is_state(actor) and tok.ent_type_ in ("GPE", "NORP") and tok.pos_ == "PROPN"
