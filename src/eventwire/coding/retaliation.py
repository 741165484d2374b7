"""Warnings that another's act will be answered: 'X warned that any incursion would be met with a crushing
response', 'Any attack will draw a swift reply, the minister said', 'Y said any deployment would be treated as
an act of aggression', 'the rebels will pay a heavy price, the army said'.

The wording names no threat verb: the threat is a reported future consequence. The speaker threatens (CAMEO
13); the one threatened is the party whose act the consequence answers ('any Indian incursion', 'any attempt
by opposition supporters'), or the one said to face or pay it. A military answer makes it 138 (threaten with
military force), any other 130. The word lists are data: patterns/retaliation.json.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from spacy.tokens import Span, Token

from eventwire.datafiles import read_json_data, word_list

from .pattern_table import Frames
from .semantics import speech_frame
from .syntax import child, children, if_clause, infinitive_to, is_passive, prep_objects, subject

RETALIATION_FILE = Path(__file__).resolve().parent / "patterns" / "retaliation.json"
MILITARY_THREAT, THREAT, ULTIMATUM = "138", "130", "139"
# The marks of the act warned against: 'if it tests a missile', 'should it deploy'.
CONDITION_MARKS = ("if", "unless", "should")
PARTY_ENTS = ("NORP", "GPE", "ORG")
# Clauses hanging on the answer's verb say something else ('... and that the army stood ready').
CLAUSE_DEPS = ("conj", "cc", "advcl", "ccomp", "parataxis", "nsubj", "nsubjpass")


@dataclass(frozen=True, slots=True)
class Words:
    meet_verbs: frozenset[str]  # 'would be met with a response', 'will be crushed'
    with_verbs: frozenset[str]  # of those, the ones that need their with-phrase ('met with force')
    draw_verbs: frozenset[str]  # 'would draw a swift response', 'would mean war'
    treat_verbs: frozenset[str]  # 'would be treated as an act of aggression'
    suffer_verbs: frozenset[str]  # 'will pay a heavy price', 'would face consequences': the subject is threatened
    response_nouns: frozenset[str]
    aggression_nouns: frozenset[str]
    condition_determiners: frozenset[str]
    speaker_verbs: frozenset[str]
    military_words: frozenset[str]
    regret_verbs: frozenset[str]  # 'will make them regret it': the ones made to regret are threatened
    price_nouns: frozenset[str]  # a penalty only with 'a' or a word of severity: 'a heavy price', not 'the offer price'
    severity_words: frozenset[str]
    penalty_nouns: frozenset[str]  # what one demanded of is told to do or face: 'or face arrest'
    span_nouns: frozenset[str]  # a deadline given: 'gave them 48 hours to leave or face ...'
    respond_verbs: frozenset[str]  # 'would respond to any deployment', 'will react to any provocation'
    measure_verbs: frozenset[str]  # 'would take countermeasures if ...'
    measure_nouns: frozenset[str]  # the measures that answer an act ('countermeasures', 'retaliatory steps')
    cost_verbs: frozenset[str]  # 'any attack would cost Tehran a heavy price': the one it costs is threatened

    @property
    def verbs(self) -> frozenset[str]:  # the consequence verbs
        return (self.meet_verbs | self.draw_verbs | self.treat_verbs | self.suffer_verbs | self.respond_verbs
                | self.measure_verbs | self.cost_verbs)


@lru_cache(maxsize=1)
def words() -> Words:
    data = read_json_data(RETALIATION_FILE)
    return Words(**{name: word_list(data, name, RETALIATION_FILE) for name in Words.__slots__})


@dataclass(frozen=True, slots=True)
class Retaliation:
    consequence: Token  # the verb of the answer ('met', 'draw', 'pay')
    speaker: Token
    speech_verb: Token  # where the warning's tense and negation are read
    target: Token | None
    code: str
    condition: frozenset[int]  # token indices of the act warned against, whose own events it replaces


def may_warn(sent: Span) -> bool:
    """A cheap test: does the sentence hold a consequence verb at all, or a 'there will be' with a penalty noun?"""
    w = words()
    return any(t.lemma_.lower() in w.verbs or t.lemma_.lower() in w.regret_verbs or _penalty_there(t, w) for t in sent)


def _promised(tok: Token, future: frozenset[str]) -> bool:
    """An answer or a regret still to come: 'will draw', 'would regret', 'there would be'."""
    return any(c.dep_ == "aux" and c.lower_ in future for c in tok.children)


def _penalty_there(be: Token, w: Words) -> bool:
    """'there would be serious consequences': a 'be' with an expletive subject and a consequence noun after it."""
    return be.lemma_ == "be" and child(be, "expl") is not None and any(
        c.dep_ == "attr" and _lemma(c) in w.response_nouns for c in be.children)


def find_warnings(sent: Span, frames: Frames) -> list[Retaliation]:
    w = words()
    future = frames.future_aux | frames.reported_future_aux
    out = []
    for tok in sent:
        if tok.lemma_.lower() in w.regret_verbs and tok.dep_ in ("ccomp", "xcomp") and tok.head.lemma_ == "make":
            found = _made_to_regret(tok)
            if found is not None:
                out.append(found)
            continue
        if tok.lemma_.lower() in w.regret_verbs or _penalty_there(tok, w):
            found = None if not _promised(tok, future) else (
                _there_will_be(tok, w, frames) if tok.lemma_ == "be" else _will_regret(tok, frames))
            if found is not None:
                out.append(found)
            continue
        if tok.pos_ not in ("VERB", "AUX") or tok.lemma_.lower() not in w.verbs:
            continue
        if tok.lemma_.lower() in w.suffer_verbs and tok.dep_ == "conj":
            found = _ultimatum(tok, w)
            if found is not None:
                out.append(found)
                continue
        if not _promised(tok, future):
            continue  # 'the attack drew a swift response' reports an answer given, not one promised
        found = _warning(tok, w, frames)
        if found is not None:
            out.append(found)
    return out


def _warning(tok: Token, w: Words, frames: Frames) -> Retaliation | None:
    lemma = tok.lemma_.lower()
    subj = child(tok, "nsubj", "nsubjpass")
    if lemma in w.cost_verbs:
        # 'any further attack would cost Tehran a heavy price': the act warned against costs the one it names
        payer = child(tok, "dative")
        if subj is None or payer is None or not _conditional_noun(subj, w) or not any(
                _lemma(o) in w.response_nouns and _penalty(o, w) for o in _objects(tok)):
            return None
        target, condition = payer, frozenset(t.i for t in subj.subtree)
    elif lemma in w.suffer_verbs:
        if not any(_lemma(o) in w.response_nouns and _penalty(o, w) for o in _objects(tok)) or subj is None:
            return None
        target = None if _conditional_noun(subj, w) else subj
        # 'will face consequences if it tests a missile': the missile is not the answer
        clause = if_clause(tok, CONDITION_MARKS)
        condition = frozenset(t.i for t in clause.subtree) if clause is not None else frozenset()
    else:
        if lemma in w.respond_verbs:
            # 'said it would respond to any deployment of US missiles': the act answered is the verb's own object
            acts = [o for prep in ("to", "against") for o in prep_objects(tok, prep) if _conditional_noun(o, w)]
        elif _answered(tok, lemma, w):
            acts = [subj] if subj is not None and _conditional_noun(subj, w) else []  # 'any attack will be met ...'
        else:
            return None
        clause = if_clause(tok, CONDITION_MARKS)
        if acts:
            target, condition = _party_of(acts[0]), frozenset(t.i for t in acts[0].subtree)
        elif clause is not None:
            target, condition = child(clause, "nsubj", "nsubjpass"), frozenset(t.i for t in clause.subtree)
        else:
            # 'the deployment would be treated as aggression' with no 'any' or 'if' is a view; 'will respond to the
            # letter next week' an answer, no threat
            return None
    speaker, verb = speech_frame(tok, frames, verbs=w.speaker_verbs)  # the one who warns
    if speaker is None:
        return None
    if target is None:
        # 'Iran warned Israel that any attack ...', 'cautioned India that ...': the one warned.
        target = child(verb, "dobj", "dative")
    answer = [t for c in tok.children if c.dep_ not in CLAUSE_DEPS for t in c.subtree if t.i not in condition]
    return Retaliation(tok, speaker, verb, target, MILITARY_THREAT if _military(answer, w) else THREAT, condition)


def _ultimatum(tok: Token, w: Words) -> Retaliation | None:
    """'gave the coup leaders one week to reinstate the president or face military intervention', 'told the
    rebels to lay down their arms or face an assault': a demand with a penalty for refusing. The one given or
    told is threatened; a military penalty makes it 138, a deadline 139 (ultimatum), any other 130. What is
    demanded is not done, so its own events give way (the condition)."""
    demand = tok.head
    if not any(c.dep_ == "cc" and c.lower_ == "or" for c in demand.children) or infinitive_to(demand) is None:
        return None
    penalty = [o for o in _objects(tok) if _lemma(o) in w.response_nouns or _lemma(o) in w.penalty_nouns]
    if not penalty or demand.dep_ not in ("advcl", "xcomp", "ccomp", "relcl", "acl"):
        return None
    verb = demand.head
    while verb.pos_ == "NOUN" and verb.head.i != verb.i:
        verb = verb.head  # 'gave them a week to leave or face ...': the span's verb
    speaker = subject(verb) if verb.pos_ in ("VERB", "AUX") else None
    target = child(verb, "dative", "iobj") or child(verb, "dobj")
    if speaker is None or target is None or _lemma(target) in w.span_nouns:
        return None
    if _military([t for p in penalty for t in p.subtree], w):
        code = MILITARY_THREAT
    else:
        spans = [c for c in verb.children if c.dep_ in ("npadvmod", "dobj") and _lemma(c) in w.span_nouns]
        code = ULTIMATUM if spans else THREAT
    condition = frozenset(t.i for t in demand.subtree if t.i not in {x.i for x in tok.subtree})
    return Retaliation(tok, speaker, verb, target, code, condition)


def _made_to_regret(tok: Token) -> Retaliation | None:
    """'vowed to make India regret any strike', 'will make them rue the day': a threat against the one made to."""
    make = tok.head
    target = child(tok, "nsubj")
    speaker = subject(make)
    if target is None or speaker is None:
        return None
    verb = make.head if make.dep_ in ("xcomp", "ccomp") and make.head.i != make.i else make
    return Retaliation(tok, speaker, verb, target, THREAT, frozenset(t.i for t in tok.subtree if t.i != target.i))


def _will_regret(tok: Token, frames: Frames) -> Retaliation | None:
    """'the minister said Britain would regret arming the rebels': a warning against the one who will
    regret; what they will regret is the act warned against, not done."""
    target = child(tok, "nsubj")
    speaker, verb = speech_frame(tok, frames, verbs=words().speaker_verbs)
    if target is None or speaker is None or target.pos_ == "PRON" and target.lower_ in ("i", "we"):
        return None
    return Retaliation(tok, speaker, verb, target, THREAT, frozenset(
        t.i for c in tok.children if c.dep_ in ("dobj", "xcomp", "ccomp") for t in c.subtree))


def _there_will_be(tok: Token, w: Words, frames: Frames) -> Retaliation | None:
    """'Ankara told Athens there would be grave consequences if its jets entered the zone': a penalty
    promised for an act; the one whose act it answers (the if-clause's subject) or the one told is threatened."""
    answer = [o for o in tok.children if o.dep_ == "attr" and _lemma(o) in w.response_nouns and _penalty(o, w)]
    clause = if_clause(tok, CONDITION_MARKS)
    if not answer or clause is None:
        return None
    speaker, verb = speech_frame(tok, frames, verbs=w.speaker_verbs)
    if speaker is None:
        return None
    target = child(clause, "nsubj", "nsubjpass")
    if target is None or target.pos_ == "PRON" or any(c.dep_ == "poss" and c.pos_ == "PRON" for c in target.children):
        # 'if it returned', 'if its ships returned': the one told is the one the pronoun stands for
        target = child(verb, "dobj", "dative") or target
    code = MILITARY_THREAT if _military([t for a in answer for t in a.subtree], w) else THREAT
    return Retaliation(tok, speaker, verb, target, code, frozenset(t.i for t in clause.subtree))


def _lemma(tok: Token) -> str:
    return tok.lemma_.lower()


def _military(answer: list[Token], w: Words) -> bool:
    """The answer named is force: 'a crushing response', 'military intervention', 'respond militarily'."""
    return any(_lemma(t) in w.military_words or t.lower_ in w.military_words for t in answer)


def _objects(tok: Token) -> list[Token]:
    return children(tok, "dobj") + prep_objects(tok, "to") + prep_objects(tok, "in")


def _answered(tok: Token, lemma: str, w: Words) -> bool:
    """'would be met with force', 'will be crushed', 'would draw a response', 'would be treated as aggression'."""
    if lemma in w.treat_verbs:
        if not is_passive(tok):
            return False
        named = prep_objects(tok, "as")
        named += [o for n in named for o in prep_objects(n, "of")]  # 'an act of war', 'a declaration of war'
        return any(_lemma(o) in w.aggression_nouns for o in named)
    if lemma in w.meet_verbs:
        if not is_passive(tok):
            return False
        if lemma in w.with_verbs:
            return any(_lemma(o) in w.response_nouns for o in prep_objects(tok, "with"))
        return True
    if lemma in w.measure_verbs:
        # 'would take countermeasures if ...': only a measure that answers ('will take measures if prices rise' is
        # economic policy)
        return any(_lemma(o) in w.measure_nouns or any(_lemma(c) in w.measure_nouns or _lemma(c) in w.military_words
                                                         for c in o.children if c.dep_ == "amod")
                   for o in _objects(tok))
    return any(_lemma(o) in w.response_nouns for o in _objects(tok))


def _penalty(noun: Token, w: Words) -> bool:
    """'a heavy price', 'a price', 'severe consequences' is a penalty; 'the offer price', 'a price of 20 dlrs',
    'the full price' is what something costs."""
    if _lemma(noun) not in w.price_nouns:
        return True
    mods = [c for c in noun.children if c.dep_ in ("amod", "compound", "nummod", "prep", "poss", "det")]
    return all((c.dep_ == "det" and c.lower_ == "a") or (c.dep_ == "amod" and _lemma(c) in w.severity_words)
               or (c.dep_ == "prep" and c.lower_ == "for") for c in mods)


def _conditional_noun(noun: Token, w: Words) -> bool:
    """'any attack', 'every provocation', 'further aggression': an act that has not happened, warned against."""
    return any(c.dep_ in ("det", "amod") and c.lower_ in w.condition_determiners for c in noun.children)


def _party_of(noun: Token) -> Token | None:
    """Whose act it would be: 'any Indian incursion', 'Greece's deployment', 'any attempt by supporters'."""
    poss = child(noun, "poss")
    if poss is not None and poss.pos_ != "PRON":
        return poss
    by = prep_objects(noun, "by")
    if by:
        return by[0]
    for c in noun.children:
        if c.dep_ in ("amod", "compound") and c.ent_type_ in PARTY_ENTS:
            return c
    for thing in prep_objects(noun, "of"):
        # 'any deployment of US missiles': whose the things are
        for c in thing.children:
            if c.dep_ in ("amod", "compound", "poss") and c.ent_type_ in PARTY_ENTS:
                return c
    return None
