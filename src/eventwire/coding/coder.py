"""EventCoder: sentences of a parsed document -> candidate events (code, source, target, evidence, rule).

Pure over (doc, actors): nothing is written onto the doc. The stages, each in its own module:
  matcher     which tokens trigger which pattern (patterns/events.tsv)
  syntax      who did it to whom, from the dependency parse
  arguments   targets: the row's roles, and those named only indirectly (places, embedded parties)
  semantics   asserted, negated, intended, hypothetical, conditional, reported
  attribution according to whom
  parties     source and target pairs, and the actors they stand for
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from spacy.tokens import Doc, Span, Token

from eventwire.model import Actor

from .admission import REFUSED, Pair, admit, goods_handed, political, source_refused
from .arguments import (
    BEHEST_RELATIONS,
    OFFER_NOUNS,
    embedded_party,
    giver_asked,
    joint,
    mandative,
    place_of,
    proposed_partner,
    role_party,
    target_of,
)
from .attribution import sentence_attributions
from .instruments import (
    OCCASION_RELATIONS,
    TORTURE,
    VIOLENT_ROOTS,
    Violence,
    agentless,
    attack_code,
    impact_matches,
    mass_weapon_code,
    named_doer,
    weapon_code,
    weapon_patterns,
)
from .matcher import Match, agent_participles, giver_from, match_sentence, state_on_object
from .parties import (
    antecedent_only,
    each_other,
    governing,
    implied_state,
    is_state,
    is_time,
    ordered_other,
    pairs,
    place_modifier,
    resolve_party,
    security_body,
    thing,
)
from .pattern_table import Pattern, PatternSet, load_patterns, word_sets
from .retaliation import find_warnings, may_warn
from .retaliation import words as warning_words
from .semantics import (
    CARRYING_ON_VERBS,
    COMMENTATOR_NOUNS,
    EXPECTATION_VERBS,
    FIRST_PERSON,
    OPINION,
    REASON_HEADS,
    SETTING_NOUNS,
    STARTING_WORDS,
    Modality,
    adjust_code,
    anyone_subject,
    commentator,
    in_quote,
    is_question,
    modal_carrier,
    modality,
    speech_frame,
)
from .sport import sports_report
from .syntax import (
    agent,
    captor,
    child,
    children,
    conjuncts,
    custodian,
    dateline_end,
    direct_object,
    done_passive,
    governor,
    if_clause,
    implied_source,
    infinitive_to,
    inverted_condition,
    is_passive,
    led_by,
    lemma_variants,
    noun_agent,
    noun_phrase,
    prep_objects,
    subject,
)
from .trade import GOODS_AID, traded, traded_code

# How far apart a light verb and its noun may be and still be reported together as the trigger.
TRIGGER_SPAN_MAX = 5
# Modals by which a side says what it may do ('could cut ties', 'may expel them'); 'can' states a capacity.
OWN_SIDE_MODALS = frozenset({"could", "may", "might", "would"})
OWN_SIDE_PRONOUNS = frozenset({"we", "it", "they"})
# A threat whose means no row names (CAMEO 130, threaten, not specified).
GENERIC_THREAT = "130"
# What one acts at the behest of: a request or an appeal (02, 10); 'at a meeting of ministers' is where, no behest.
BEHEST_ROOTS = frozenset({"02", "10"})
NAME_ENTS = ("NORP", "GPE", "ORG")
SUBJ_DEPS = ("nsubj", "nsubjpass")
UNKNOWN_DOER = "unknown attacker"
# Punishments that a call for them aims at their target: sanctions, expulsions, arrests, prosecutions.
PUNITIVE_ROOTS = {"16", "17"}
# Help asked for ('sought Russia's backing', 'calls for US aid'): support, cooperation and aid come from someone.
ASKED_HELP_ROOTS = {"05", "06", "07"}
# CAMEO roots whose nouns take their topic as a name compound: 09 investigate.
TOPIC_MODIFIED = {"09"}
TIME_PREPS = {"after", "before", "since", "following", "during", "amid", "despite", "until", "ahead"}
# The pattern behind the built-in obligation rule (coder._obligations), so every event has a rule id.
OBLIGATION = Pattern(id="obligation", lemma="must", pos="V", cameo="100", targets=(), when={})
# ... and behind the warnings of an answer to another's act (coder._warnings, coding/retaliation.py).
RETALIATION = Pattern(id="retaliation", lemma="warn", pos="V", cameo="130", targets=(), when={})


@dataclass(slots=True)
class Candidate:
    sentence: int  # index of the sentence in list(doc.sents)
    sent: Span
    trigger: Span  # the trigger words
    cameo: str  # most specific code the wording supports
    source: Actor
    target: Actor | None
    rule: str  # pattern id(s) and the semantic step that coded it
    confidence: float
    attribution: str | None  # 'TASS', "Ukraine's military", ...


@dataclass(slots=True)
class _Raw:
    """One event before actor resolution and conjunct expansion."""

    match: Match
    code: str
    src: Token | None
    tgt: Token | None
    anchor: Token  # the token whose tense, negation and clause decide the modality
    trigger: tuple[int, int]
    rule: str
    recip: bool
    framed: bool = False
    place: bool = False  # the target is the place the act was done in, not a party to it
    instrument: bool = False  # the source is a weapon or attack naming no doer ('a car bomb killed 12')


def _unless_clause(frame: Token) -> bool:
    """The act a frame verb frames holds off unless another acts ('vowed to bury them unless they laid down
    their arms'; the parser may hang the clause on the frame verb itself)."""
    acts = children(frame, "xcomp")
    clauses = [x for c in acts for x in children(c, "advcl")] + (children(frame, "advcl") if acts else [])
    for clause in clauses:
        who = child(clause, "nsubj")
        if who is not None and any(k.dep_ == "mark" and k.lower_ == "unless" for k in clause.children) and (
                who.pos_ in ("PRON", "PROPN") or who.ent_type_ in ("ORG", "GPE", "NORP")):
            return True  # 'unless they laid down their arms', not 'unless funds ran out'
    return False


def _anchor_of(m: Match) -> Token:
    """The token whose tense and negation an event takes: an adjective's copula ('is not willing to send')."""
    if m.pattern.pos == "A" and m.token.head.i != m.token.i:
        return m.token.head
    return m.token


def _goods_checked(matches: list[Match], actors: Any) -> list[Match]:
    """The matches with each transfer row (need=goods) that hands over no goods replaced by the next row of
    its word that matched (tied first, then weaker), or dropped: 'sent a letter to X' is no aid, 'received a
    delegation' is a visit hosted, and 'provided urgent assistance' is the noun's event, not the verb's. Done
    before framing, so 'not planning to send officials' frames nothing either."""
    by_tok = {m.token.i: m for m in matches}
    out: list[Match] = []
    for m in matches:
        rows = (m.pattern, *m.alternatives)
        keep = next((i for i, p in enumerate(rows)
                     if not p.need_goods or goods_handed(replace(m, pattern=p), by_tok, actors)), None)
        if keep is not None:
            out.append(m if keep == 0 else replace(m, pattern=rows[keep], alternatives=rows[keep + 1 :]))
            continue
        weaker = [p for p in m.weaker if not p.need_goods]
        if weaker and m.pattern.need_goods:
            tied = tuple(p for p in weaker[1:] if p.specificity == weaker[0].specificity)
            out.append(replace(m, pattern=weaker[0], alternatives=tied, weaker=()))
    return out


def _aid_parties(s_actor: Actor, t_actor: Actor | None, place: bool, tag: str | None) -> bool:
    """Goods handed between known parties, no firm among them; goods between firms or unknown people are
    trade. A demand ('Y must provide X') names only the giver, as its target."""
    if tag == "demand":
        return political(t_actor)
    return political(s_actor) and (political(t_actor) or place)


# Those who report what they saw or heard, never the ones who did it ('troops were moved in, witnesses said').
WITNESS_NOUNS = frozenset({"source", "witness", "resident", "eyewitness", "villager", "journalist", "reporter"})


class EventCoder:
    def __init__(self, patterns: PatternSet):
        self.patterns = patterns
        self.frames = patterns.frames
        self.personnel = word_sets()["personnel"]  # forces that are people and their units
        self.coming = word_sets()["coming"]  # 'praise came from X': X gave it
        self.receiving = word_sets()["receiving"]  # 'Y won praise from X': X gave it to Y
        self.holdings = word_sets()["holdings"]  # what a side holds and can lose: loans, aid, preferences
        self.restating = word_sets()["restating"]  # 'reaffirmed', 'reiterated': what a side holds, said again
        self.custody_places = word_sets()["custody_places"]  # where people are held: 'prison', 'custody'
        self._prefilter: Any = None  # built on first use: most callers never prefilter

    @classmethod
    def load(
        cls, *, patterns_file: str | Path | None = None, frames_file: str | Path | None = None
    ) -> EventCoder:
        """Load and validate the pattern data (DataFileError on a bad file)."""
        return cls(load_patterns(patterns_file=patterns_file, frames_file=frames_file))

    # ---- public API -------------------------------------------------------------------------------------

    def code(self, doc: Doc, actors: Any) -> list[Candidate]:
        """Candidate events of every sentence of doc. `actors` is an eventwire.actors.DocumentActors for
        this doc (resolve(span) -> Actor, is_actor(span) -> bool)."""
        sents = list(doc.sents)
        attributions: list[str | None] | None = None
        out: list[Candidate] = []
        for si, sent in enumerate(sents):
            if is_question(sent) or sports_report(sent):
                continue
            matches = match_sentence(sent, self.patterns)
            table_matches = {m.token.i: m for m in matches}
            matches += impact_matches(
                list(sent), set(table_matches), lambda t, found=table_matches: attack_code(t, found)
            )
            if not matches and not self._may_oblige(sent) and not may_warn(sent):
                continue
            if attributions is None:
                attributions = sentence_attributions(doc, sents)
            # Transfer rows that hand over no goods go first, so neither frames nor obligations see them.
            matches = _goods_checked(matches, actors)
            raws = self._sentence_events(sent, matches)
            raws += self._obligations(sent, matches, actors)
            raws = self._warnings(sent, raws)
            found = self._candidates(si, sent, raws, actors, attributions[si])
            if not found and raws and all(modality(r.anchor, self.frames).background for r in raws):
                # 'The move came after the government released 100 prisoners': when nothing outside the
                # background clause is an event wording, the event it recalls is what the sentence reports.
                # ('Sanctions were imposed after Russia annexed Crimea' reports the sanctions: not this.)
                found = self._candidates(si, sent, raws, actors, attributions[si], background=True)
            out.extend(_fold_namings(_fold_protest_demands(_fold_occasions(_shared_targets(
                [self._unarmed_force(c) for c in found], self.frames.shared_target_roots)))))
        return out

    def _unarmed_force(self, c: Candidate) -> Candidate:
        """Force read into the acts of people who bear no arms. 'Thousands of farmers battled police': civilians
        fighting the police riot (145), which is protest, not a military clash; the police's side of the clash
        keeps its code. 'Its members have struck the networks': workers who strike walk out (143)."""
        f = self.frames
        if c.target is not None and (c.target.sector or "").lower() in f.riot_against_sectors and (
                (c.source.sector or "").lower() in f.riot_doer_sectors):  # the data's word lists are folded
            code = f.map_code("riot", c.cameo)
            if code is not None:
                c.cameo, c.rule = code, c.rule + ":riot"
        elif (c.source.sector or "").lower() in f.walkout_sectors and (
                c.trigger.root.lemma_.lower() in f.walkout_triggers):
            code = f.map_code("walkout", c.cameo)
            if code is not None:
                c.cameo, c.rule = code, c.rule + ":walkout"
        return c

    def candidate_sentences(self, text: str) -> list[tuple[int, int]]:
        """Character ranges of the sentences of `text` that contain a possible trigger word, for parsing
        only those. A cheap regex split and surface-form test: it may keep too much, never too little
        for the wordings in the pattern table (prefixes of the lemmas cover regular inflection)."""
        from .prefilter import SentenceFilter

        if self._prefilter is None:
            # Weapons make events of verbs no row names ('a grenade damaged a mosque'): their words keep a
            # sentence too.
            extra = tuple(weapon_patterns())
            self._prefilter = SentenceFilter(replace(self.patterns, patterns=self.patterns.patterns + extra))
        return self._prefilter.ranges(text)

    # ---- per sentence -----------------------------------------------------------------------------------

    def _sentence_events(self, sent: Span, matches: list[Match]) -> list[_Raw]:
        by_tok = {m.token.i: m for m in matches}
        consumed: set[int] = set()
        raws: list[_Raw] = []
        framing = {m.token.i: self._embedded(m, by_tok) for m in matches if m.pattern.frame is not None}
        # 'refused a request by X to step down', 'welcomed the offer': a framing noun that another frame
        # governs refers back to the request; the outer act is the news.
        nested = {e.token.i for found in framing.values() for e in found
                  if e.pattern.frame is not None and e.pattern.pos == "N"}
        for m in matches:
            if m.pattern.frame is None or m.token.i in nested:
                continue
            embedded = framing[m.token.i]
            if not embedded and m.pattern.frame == "accuse":
                embedded_code = self._accuse_noun_code(m.token)
                if embedded_code:
                    raws.append(self._framed(m, None, embedded_code))
                    consumed.add(m.token.i)
                continue
            if any(e.pattern.block for e in embedded):
                # 'plans a takeover offer for the firm': what the frame frames is no event, so neither is the frame.
                # What else it frames is still only framed ('asked Tokyo to offer bonds to foreign buyers and lift
                # quotas on beef': the lifting is asked, not done).
                embedded = [e for e in embedded if not e.pattern.block]
                if not embedded:
                    consumed.add(m.token.i)
                    continue
            for e in embedded:
                inner_code, inner_pos = e.pattern.cameo, e.pattern.pos
                if e.pattern.frame is not None:
                    # 'urged X to agree to a ceasefire': the innermost event says what is asked.
                    inner = self._embedded(e, by_tok)
                    if inner:
                        inner_code, inner_pos = inner[0].pattern.cameo, inner[0].pattern.pos
                        consumed.update(x.token.i for x in inner)
                        if m.pattern.frame == "intent" and e.pattern.frame == "reject":
                            # 'determined to resist the creditors' terms': what is intended is the refusal
                            inner_code = self._frame_code("reject", inner_code, inner_pos) or e.pattern.cameo
                            inner_pos = e.pattern.pos
                restated = inner_code.startswith("051") and m.token.pos_ == "NOUN" and (
                    m.token.head.lemma_.lower() in self.restating)
                kind = "demand" if m.pattern.frame == "command" and ordered_other(m.token) else m.pattern.frame
                code = self._frame_code(kind, inner_code, inner_pos, expressed=restated)
                if m.pattern.frame == "threat" and m.pattern.need_embedded and (
                        inner_code[:2] in self.frames.cooperative_roots):
                    # 'hinted at relaxing the ban', 'raised the possibility of corridors being opened': a step
                    # held out that helps the other is no threat ('threatened to resign' is, by its own row)
                    code = None
                if code is None:
                    continue
                raws.append(self._framed(m, e, code))
                consumed.add(e.token.i)
            if embedded:
                consumed.add(m.token.i)
        # A noun already serving a verb pattern's constraint ('imposed sanctions' via lift/impose rows) is
        # part of that verb's event, not one of its own.
        for m in matches:
            if m.pattern.pos == "V":
                obj = direct_object(m.token)
                # A transfer row leaves an event noun it hands over to that noun's own row ('received criticism').
                if obj is not None and "obj" in m.pattern.when and not m.pattern.need_goods:
                    consumed.add(obj.i)
        for m in matches:
            if m.token.i in consumed or m.pattern.block:
                continue  # a block row stops its word's other rows, tied ones included
            raw = self._plain(m, by_tok)
            for alt in m.alternatives if raw is None else ():
                # A tied row that yields nothing leaves the word to the next one that matched (a block row
                # takes it and codes nothing: 'denied the accusations' with no accuser named).
                if alt.block:
                    break
                raw = self._plain(Match(m.token, alt, m.governor, m.relation), by_tok)
                if raw is not None:
                    break
            if raw is not None:
                raws.append(raw)
        return raws

    def _may_oblige(self, sent: Span) -> bool:
        return any(t.lower_ in self.frames.obligation_aux for t in sent)

    def _obligations(self, sent: Span, matches: list[Match], actors: Any) -> list[_Raw]:
        """'EU says military intervention must be avoided', 'X said Y must ensure security': a speaker
        stating what another must do demands it (100), when no pattern codes the content already."""
        matched = {m.token.i for m in matches}
        out: list[_Raw] = []
        for tok in sent:
            if tok.dep_ != "ccomp" or tok.head.lemma_.lower() not in self.frames.say_verbs:
                continue
            if tok.head.lemma_.lower() in OPINION:
                continue  # 'X thinks Y must go' states a view; it makes no demand
            if not any(c.dep_ == "aux" and c.lower_ in self.frames.obligation_aux for c in tok.children):
                continue
            if inverted_condition(tok):
                continue  # 'said it would block the imports should Dar es Salaam keep its levies': a condition
            if any(t.i in matched for t in tok.subtree):
                continue
            speaker = subject(tok.head)
            if speaker is None or child(tok, "expl") is not None:
                continue  # 'there must be an understanding': a view of what should be, asked of no one
            if tok.lemma_.lower() in EXPECTATION_VERBS or commentator(speaker) or (
                    actors.resolve(noun_phrase(speaker)).sector == "MED"):
                continue  # ('a Kenyan newspaper said the government should cut fuel taxes': a paper's view)
            # 'the detainees should be treated humanely': a passive's subject undergoes what is asked, and only a
            # by-phrase names who is to do it ('military intervention must be avoided' asks it of no one named)
            undergoer = child(tok, "nsubjpass")
            by = agent(tok)
            by = None if by is not None and by.ent_type_ in ("DATE", "TIME") else by  # 'registered by September 30'
            target = child(tok, "nsubj") if undergoer is None else by or (
                None if actors.is_actor(noun_phrase(undergoer)) else undergoer)
            should = any(c.dep_ == "aux" and c.lower_ == "should" for c in tok.children)
            if target is not None and should and thing(target, actors):
                continue  # 'prices should move up', 'earnings should improve': an expectation, no demand
            pseudo = Match(tok, OBLIGATION, None, "")
            out.append(_Raw(pseudo, "100", speaker, target, tok.head, (tok.i, tok.i + 1), "obligation",
                            recip=False, framed=True))
        return out

    def _warnings(self, sent: Span, raws: list[_Raw]) -> list[_Raw]:
        """'X warned that any incursion would be met with force': the speaker threatens the one whose act it
        would answer. The act warned against has not happened, and the warning verb's own reading of it (a
        threat of that act, or 'vowed' read as a promise) names the wrong doer or act: both give way."""
        found = find_warnings(sent, self.frames)
        if not found:
            return raws
        covered = {i for w in found for i in (*w.condition, w.consequence.i)}
        speech = {w.speech_verb.i for w in found}
        kept = [r for r in raws if r.match.token.i not in covered and not (
            r.match.token.i in speech and r.match.pattern.frame is not None)]
        for w in found:
            pseudo = Match(w.consequence, RETALIATION, None, "")
            kept.append(_Raw(pseudo, w.code, w.speaker, w.target, w.speech_verb,
                             (w.consequence.i, w.consequence.i + 1), "retaliation", recip=False, framed=True))
        return kept

    def _frame_code(self, kind: str, code: str, embedded_pos: str = "V", *, expressed: bool = False) -> str | None:
        root = code[:2]
        if kind == "command":
            return code
        if kind == "intent":
            if root in ("03", "10", "11", "12"):
                return code  # 'offered criticism' is criticism; 'agreed to pledge' a pledge
            if root == "05" and (embedded_pos == "N" or expressed):
                # 'pledged his full support': the pledge is the expression of support; so is a commitment to
                # supporting restated ('reiterated its commitment to supporting Lebanon'; a commitment to
                # deepening ties restated stays an intent)
                return code
            if root in self.frames.conflict_roots and root not in self.frames.mappings["intent"]:
                kind = "threat"
        return self.frames.map_code(kind, code)

    def _accuse_noun_code(self, tok: Token) -> str | None:
        for obj in prep_objects(tok, "of"):
            # 'war crimes' is 1124, not 'crimes' (1121): the modifier says which.
            for c in [*[c for c in obj.children if c.dep_ in ("amod", "compound")], obj]:
                code = self.frames.accuse_nouns.get(c.lemma_.lower())
                if code:
                    return code
        return None

    def _embedded(self, m: Match, by_tok: dict[int, Match]) -> list[Match]:
        """The events a framing word governs: 'threatened to impose sanctions', 'pledged aid',
        'called for talks', 'accused X of attacking', 'demanded that Y resign'."""
        tok = m.token
        found: list[Match] = []

        def add(t: Token, depth: int = 0) -> None:
            for c in conjuncts(t) if t.pos_ in ("NOUN", "PROPN") else [t, *[x for x in t.conjuncts]]:
                hit = by_tok.get(c.i)
                if hit is not None and hit.pattern.source_role in ("speaker", "sayer"):
                    continue  # 'is prepared to face trial': what one is told one will undergo is no act of one's
                if hit is not None and hit is not m and hit not in found:
                    found.append(hit)
                    for p in c.children if c.pos_ in ("VERB", "AUX") else ():
                        # 'offered to send engineers to help Tonga rebuild': what the act offered is for is
                        # offered with it, not done
                        aim = by_tok.get(p.i)
                        if aim is not None and aim not in found and p.dep_ == "advcl" and infinitive_to(p) is not None:
                            found.append(aim)
                elif hit is None and depth == 0 and c.pos_ in ("VERB", "AUX"):
                    # 'threatened to impose sanctions': a light verb passes the frame on to its noun, and 'intends to
                    # continue supplying grain' an aspect verb to its complement.
                    for o in c.children:
                        if o.dep_ == "xcomp" and (c.lemma_.lower() in CARRYING_ON_VERBS or (
                                c.lemma_.lower() in self.frames.object_control and child(c, "dobj") is not None)):
                            # ('appealed to Washington to persuade the banks to lend Mexico money': the lending is
                            # asked through another)
                            add(o)
                        elif o.dep_ in ("dobj", "obj"):
                            add(o, 1)
                        elif o.dep_ == "prep":
                            for p in children(o, "pobj"):
                                add(p, 1)
                elif hit is None and depth == 0 and c.pos_ == "NOUN" and lemma_variants(c) & STARTING_WORDS:
                    # 'demanded the opening of an inquiry': the act begun is what is asked
                    for p in prep_objects(c, "of"):
                        add(p, 1)

        # 'urged the militias fighting in the south to lay down their arms': with an infinitive of its own, what the
        # verb asks is that, not the participle that describes its object
        own_clause = any(c.dep_ == "xcomp" for c in tok.children)
        for c in tok.children:
            to_clause = c.dep_ == "advcl" and infinitive_to(c) is not None
            asked = c.dep_ == "ccomp" and m.pattern.frame in ("demand", "appeal") and mandative(c)
            if c.dep_ == "xcomp" or to_clause or asked:
                add(c)
            elif (c.dep_ in ("dobj", "obj") or (c.dep_ == "nsubjpass" and m.pattern.pos == "V" and not children(
                    tok, "xcomp", "ccomp"))) and c.pos_ in ("NOUN", "PROPN"):
                # ('the withdrawal of Rwandan troops was demanded by Kinshasa': the passive's subject is asked;
                # 'airstrikes were intended to provide reassurance' were made, for a purpose)
                add(c)
                for p in c.children:  # 'demanded the release of X': the noun's own complement
                    if p.dep_ == "acl" and not (own_clause and p.tag_ in ("VBG", "VBN")):
                        add(p)
                    elif p.dep_ == "prep" and p.lower_ == "of" and m.pattern.frame == "accuse":
                        # 'accused the rebels of shelling towns': the parser hangs the charge on the accused
                        for q in children(p, "pcomp", "pobj"):
                            add(q)
            elif c.dep_ in ("prep",) and (
                c.lower_ in ("for", "to", "of", "on")
                # 'threatened them with sanctions', 'hinted at a new operation against X'
                or (c.lower_ in ("with", "at") and m.pattern.frame == "threat")
            ):
                for p in children(c, "pobj", "pcomp"):
                    add(p)
            elif c.dep_ == "acl" and m.pattern.pos == "N":
                add(c)
        if not found and m.pattern.pos == "N" and tok.dep_ == "dobj" and m.pattern.frame in ("intent", "threat"):
            # 'gave an undertaking to withdraw its troops', 'gave an assurance that it would cooperate': the
            # parser hangs what is pledged on the verb that gives the pledge
            for c in tok.head.rights:
                if c.i > tok.i and (
                        (c.dep_ in ("advcl", "xcomp") and infinitive_to(c) is not None)
                        or (c.dep_ == "ccomp" and any(a.dep_ == "mark" and a.lower_ == "that" for a in c.children))):
                    add(c)
        return found

    def _framed(self, m: Match, e: Match | None, code: str) -> _Raw:
        frame_src = self._source(m)
        # The framed noun itself may be the target ('refused a request by X': resolved through its by-phrase).
        asking = e is not None and m.pattern.frame in ("demand", "appeal")
        movers = (prep_objects(e.token, "of") or children(e.token, "poss")
                  ) if asking and e.pattern.lemma in self.frames.mover_nouns else []
        # 'demanded the withdrawal of Y's troops from Z', 'demands Assad's resignation': those asked to move (or
        # go), not the place they leave.
        tgt = movers[0] if movers else target_of(m, self.frames.object_control)
        if e is not None and m.pattern.frame == "command" and not ordered_other(m.token):
            # 'ordered police to arrest the protest leaders': the leaders suffer the act the order makes happen
            # (where the act's row names its object, as 'suspend publication', the one ordered stays the target)
            acted_on = target_of(e, self.frames.object_control)
            if acted_on is not None and not ("obj" in e.pattern.when and acted_on.dep_ in ("dobj", "nsubjpass")):
                tgt = acted_on
        if asking and tgt is None:
            # 'demanded that Y resign' / 'urged Y to release Z' / 'X's demand that Y resign': the one asked.
            tgt = subject(e.token) if e.token.dep_ == "ccomp" else None
            tgt = child(e.token, "nsubj") if e.token.dep_ in ("acl", "relcl") else tgt

        if e is not None and m.pattern.frame == "reject" and e.pattern.lemma in OFFER_NOUNS and (
                tgt is None or tgt.i == e.token.i):
            tgt = proposed_partner(e.token) or tgt  # 'declined an invitation to talks with X': X, whose talks
        if tgt is None and asking and e.pattern.pos == "N" and e.pattern.cameo[:2] in ASKED_HELP_ROOTS:
            tgt = giver_asked(e.token)  # 'sought Russia's backing': Russia is asked
        if tgt is None and e is not None:
            tgt = target_of(e, self.frames.object_control)
            if tgt is not None and frame_src is not None and tgt.i == frame_src.i:
                tgt = None
            if asking and tgt is not None and e.pattern.cameo[:2] in PUNITIVE_ROOTS:
                # 'called for sanctions against X' asks no one in particular: it is hostility aimed at X, a
                # threat of the punishment (as the PLOVER gold codes it), not a demand made of X.
                code = self.frames.map_code("threat", e.pattern.cameo) or code
        if tgt is None and e is None and m.pattern.pos in ("V", "A"):
            # 'agreed to provide Kenya with equipment', 'willing to send resources to Colombia': the act
            # agreed to is in no table row, but the party it is done to is named.
            tgt = embedded_party(m.token, m.pattern.frame)
        # 'Jordan and Britain agreed to hold exercises': an agreement among the subject's conjuncts.
        # ('Russia and China vowed to deepen their partnership': what is mutual stays mutual inside a frame)
        recip = (m.pattern.recip or (e is not None and e.pattern.recip)) and tgt is None
        place = False
        if tgt is None:
            tgt = place_of(m, e)
            place = tgt is not None
            recip = recip and not place  # a place is no party to an agreement
        lo = min(m.token.i, e.token.i) if e else m.token.i
        hi = max(m.token.i, e.token.i) if e else m.token.i
        trigger = (lo, hi + 1) if hi - lo <= TRIGGER_SPAN_MAX else (m.token.i, m.token.i + 1)
        rule = f"{m.pattern.id}>{e.pattern.id}" if e else m.pattern.id
        return _Raw(m, code, frame_src, tgt, _anchor_of(m), trigger, rule, recip=recip, framed=True, place=place)

    def _plain(self, m: Match, by_tok: dict[int, Match]) -> _Raw | None:
        if m.pattern.pos == "A" and m.pattern.frame is not None and not any(
                c.dep_ in ("xcomp", "prep", "ccomp", "advcl") for c in m.token.children):
            return None  # 'they were well prepared', 'told Moscow to get ready': ready for nothing named
        if m.pattern.pos == "N" and m.governor is None and m.token.dep_ != "ROOT":
            # 'stance on Syrian airstrikes', 'a report on the Salisbury attack': a noun inside another
            # noun phrase names an event it is about, it does not report one.
            return None
        if m.pattern.pos == "N" and m.token.dep_ == "pobj" and m.token.head.lower_ == "of" and (
                m.token.head.head.lemma_.lower() in SETTING_NOUNS):
            return None  # 'met on the sidelines of the G20 summit': the summit is where, not an act reported
        if m.pattern.pos == "N" and m.token.dep_ == "pobj" and m.token.head.head.i in by_tok and (
            by_tok[m.token.head.head.i].pattern.pos == "N" and m.token.head.lower_ in ("into", "of", "over")
        ):
            return None  # 'launched an investigation into the attack': the attack is what it is about
        if m.pattern.pos == "N" and m.governor is not None and m.relation != "nsubj":
            gov_match = by_tok.get(m.governor.i)
            if gov_match is None and m.relation.startswith("prep:"):
                # 'lodged a protest with India over the killing', 'gave the green light to the aid package':
                # the verb's object is its event; the noun in its phrase is what that event is about.
                obj = direct_object(m.governor)
                gov_match = by_tok.get(obj.i) if obj is not None and obj.i != m.token.i else None
            occasion_of = m.relation in OCCASION_RELATIONS and {m.pattern.cameo[:2], (
                gov_match.pattern.cameo[:2] if gov_match is not None else "")} <= VIOLENT_ROOTS
            # 'backed the plan with a grant': the grant is a second act, not a reference back to the verb's; but
            # 'assist Sri Lanka with aid' is one act, the verb's (framed or not).
            means = "via" in m.pattern.when and not (
                gov_match is not None and gov_match.pattern.cameo[:2] == m.pattern.cameo[:2])
            # 'travelled to Kyiv for talks with Zelenskiy': the trip and the talks it was for are two events
            purpose = self._trip_purpose(m, m.governor)
            # 'At the request of Baghdad, Denmark sent advisers': the request is an act of its own as well
            behest = m.relation in BEHEST_RELATIONS and m.pattern.cameo[:2] in BEHEST_ROOTS
            if gov_match is not None and gov_match.pattern.frame is None and gov_match is not m and not (
                    occasion_of or means or purpose or behest):
                # 'condemned the attack', 'investigate the killing': the event is what is said or done
                # about it; the noun refers back to an event, it does not report a new one.
                return None
        src = self._source(m)
        rule = m.pattern.id
        holder = None
        if src is not None and agentless(src):
            return None
        violent = m.pattern.cameo[:2] in VIOLENT_ROOTS
        violence = Violence(self._source, by_tok)
        doer = violence.doer(m, src)
        if doer is None:
            return None
        src, instrument = doer
        passive = m.pattern.pos == "V" and is_passive(m.token)
        if src is None and passive and m.pattern.cameo[:2] in self.frames.speaker_source_roots:
            src, how = self._unnamed_mobiliser(m.token)
            rule += how
        if src is None and passive and not violent and (if_clause(m.token, self.frames.conditional_marks) or (
                m.pattern.cameo[:2] == "17" and anyone_subject(m.token))):
            # 'the police chief said opposition leaders would be arrested if they marched' ('anyone who marches
            # will be arrested'): what will be done to another if it acts, said with no doer, is the speaker's
            # side's act (a threat, if a state speaks: _own_side_may). The clause test is cheap; the modality is
            # read only for the few that pass it.
            said = modality(m.token, self.frames)
            warner, told = self._warner(m.token, said)
            if warner is not None and said.future:
                src = warner
                rule += ":warned-source"
                holder = self._holder_warned(m.token, told)
        if src is None and passive and not violent and direct_object(m.token) is not None:
            # 'was jailed in Turkey': the state acted. Not violence: 'was killed in Syria' names no killer.
            src = implied_source(m.token)
            rule += ":implied-source" if src is not None else ""
        if src is None and passive and m.pattern.cameo[:2] == "17" and direct_object(m.token) is not None:
            # 'Six foreigners have been detained for spying, the intelligence ministry said': a security body
            # that reports an arrest with no one named as making it made it (checked once the actor is known)
            src = modality(m.token, self.frames).speaker
            rule += ":reporter-source" if src is not None else ""
        if src is None and passive and m.pattern.cameo[:3] == "182":
            # 'was tortured to death in the custody of the battalion': whoever held the victim did it
            src = custodian(m.token, self.custody_places)
            rule += ":custodian" if src is not None else ""
        if src is None and passive and m.pattern.cameo[:3] == "084":
            src = captor(m.token)
            rule += ":captor" if src is not None else ""
        if src is None and passive and m.pattern.cameo[:2] == "07":
            # 'A soft loan from Japan was disbursed to Bangladesh': the giver named in the gift's own phrase
            gift = child(m.token, "nsubjpass")
            src = next(iter(prep_objects(gift, "from")), None) if gift is not None else None
            rule += ":giver-source" if src is not None else ""
        undergone = violence.undergone(m)
        received = self._received(m)
        if src is None and undergone is None and not received and not (
                (m.pattern.source_role or "").startswith("prep:") and m.relation == "nsubj"):
            return None  # ('criticism came from X': the noun is the subject; its phrase names the source)
        tgt = target_of(m, self.frames.object_control)
        if holder is not None:
            tgt = holder  # 'Uganda was told that loans would be suspended': Uganda's loans, so Uganda is threatened
        if undergone is not None:
            src, tgt, instrument = undergone
        elif instrument and m.pattern.pos == "N" and (tgt is None or tgt.head.head.i != m.token.i):
            return None  # an attack with no doer is news through what it hit: 'an attack on a convoy'
        # 'X fought Y', 'X battled against Y': the wording says who fought whom; only 'with' and 'between'
        # are mutual ('X clashed with Y').
        one_way = violent and tgt is not None and (
            tgt.dep_ in ("dobj", "obj") or (tgt.dep_ == "pobj" and tgt.head.lower_ == "against")
        )
        # 'Colombia broke off relations with Israel': the one who cuts ties acts; 'Qatar and Saudi Arabia cut
        # ties' is mutual.
        one_way = one_way or (tgt is not None and m.pattern.cameo[:2] in self.frames.one_way_roots)
        if tgt is None and m.pattern.frame is not None:
            tgt = embedded_party(m.token, m.pattern.frame)
            one_way = tgt is not None  # 'agreed to provide Vietnam with boats' is not mutual
        if m.pattern.source_role == "speaker":
            # 'Separatists will face criminal liability, the spokesman said': what the subject is told it will
            # undergo is the speaker's threat to it; said of the past ('faced charges') it is no threat.
            said = modality(m.token, self.frames)
            if said.speaker is None or not (said.future or said.conditional):
                return None
            src, tgt = said.speaker, src
        elif m.pattern.source_role == "sayer":
            # 'all options remain on the table, the Pentagon said': a stance whose subject is a thing; whoever
            # states it takes it.
            said = modality(m.token, self.frames)
            if said.speaker is None:
                return None
            if tgt is None and src is not None and any(
                    t.ent_type_ in ("ORG", "GPE", "NORP", "PERSON") for t in src.doc[src.left_edge.i: src.i + 1]):
                tgt = src  # 'Odinga says the electoral commission rigged the count': a named party said to do it
            src = said.speaker
        elif received and undergone is None:
            # 'Kyiv won backing from EU ministers', 'received a visit from the foreign minister': the from-phrase
            # did it to the one who got it
            giver = role_party(m, "prep:from")
            if giver is None:
                return None
            src, tgt = giver, subject(m.governor, object_control=self.frames.object_control)
            rule += ":received"
        elif m.pattern.source_role is not None and undergone is None:
            # 'X received aid from Y', 'X faces criticism from Y': the giver is the source.
            giver = role_party(m, m.pattern.source_role)
            if giver is None:
                return None
            src, tgt = giver, src
            if violent and violence.attack(giver):
                # 'twelve people died in an airstrike': the attack's doer, else the attack itself
                src, instrument = violence.instrument_doer(giver, violent)
                tortured = instrument and m.pattern.cameo.startswith(TORTURE)
                keeper = custodian(m.token, self.custody_places) if tortured else None
                if keeper is not None:
                    src, instrument = keeper, False  # 'died in custody in Tehran after torture': who held him
                if src is None:
                    return None
        if tgt is None and m.pattern.need_target and not (m.pattern.recip and len(conjuncts(src)) > 1):
            return None
        if m.pattern.need_embedded:
            return None  # 'prepared for this scenario': a framing word says nothing by itself
        if m.pattern.pos == "N" and m.relation == "prep:for" and m.governor is not None and (
                any(w.lemma_.lower() in REASON_HEADS for w in (m.governor, *children(m.governor, "dobj")))
                or (m.governor.pos_ == "NOUN" and m.governor.lemma_.lower() in self.frames.demand_nouns)):
            # 'would pay a price for the attack': the attack is the reason, an earlier act; "endorsed Syria's demand
            # for a full Israeli withdrawal": asked for, not done
            return None
        anchor = m.token
        trigger = (m.start, m.end)
        if m.pattern.pos == "N" and m.governor is not None and m.relation in ("dobj", "nsubjpass") or (
            m.pattern.pos == "N" and m.governor is not None and m.relation.startswith("prep:")
        ):
            anchor = m.governor
            lo, hi = min(m.governor.i, m.start), max(m.governor.i + 1, m.end)
            if hi - lo <= TRIGGER_SPAN_MAX + 1:
                trigger = (lo, hi)
        elif m.pattern.pos == "A":
            anchor = _anchor_of(m)
        code = m.pattern.cameo
        if m.pattern.frame == "intent" and _unless_clause(m.token):
            # 'vowed to bury the fighters in their trenches unless they laid down their arms': what is vowed
            # unless another gives way is a threat, whatever the act (no row names it)
            code = GENERIC_THREAT
        giving = by_tok.get(m.token.head.i) if m.token.dep_ == "advcl" and m.token.head.i != m.token.i else None
        if code[:2] == "05" and giving is not None and giving.pattern.cameo[:2] == "07" and (
                infinitive_to(m.token) is not None):
            # 'provided $40 million in aid to support displaced families': the support is the aid given.
            code = giving.pattern.cameo
        recip = (m.pattern.recip and not one_way) or (tgt is None and joint(m))
        place = False
        if tgt is None and not (recip and len(conjuncts(src)) > 1):
            # 'held several meetings in Baghdad': a lone party's reciprocal act may still have a place.
            tgt = place_of(m, None)
            place = tgt is not None
        return _Raw(m, code, src, tgt, anchor, trigger, rule, recip=recip, place=place, instrument=instrument)

    # ---- arguments --------------------------------------------------------------------------------------

    def _received(self, m: Match) -> bool:
        """m's noun, with no giver role of its own row, is what its verb's subject got ('won backing from X')."""
        gov = m.governor
        return m.pattern.source_role is None and m.pattern.pos == "N" and gov is not None and (
            giver_from(m.token, gov, m.pattern.cameo, "dobj", self.receiving) is not None)

    def _trip_purpose(self, m: Match, gov: Token | None) -> bool:
        """m's noun is what its governor went somewhere for ('flew to Moscow for talks with Putin')."""
        return m.relation == "prep:for" and gov is not None and bool(lemma_variants(gov) & self.frames.purpose_heads)

    def _source(self, m: Match) -> Token | None:
        tok = m.token
        if m.pattern.pos != "N":
            found = subject(tok, object_control=self.frames.object_control)
            if found is None and m.pattern.recip and is_passive(tok):
                # 'diplomatic ties between Iran and Saudi Arabia were restored': the parties, both ways ('an
                # accord was signed between Jordan and Egypt': or the phrase hangs on the verb)
                found = next((p for o in children(tok, "nsubjpass") for p in prep_objects(o, "between")), None) or (
                    next(iter(prep_objects(tok, "between")), None) if child(tok, "nsubjpass") is not None else None)
            return found
        # A noun: its possessor ('Russia's attack'), its by-phrase ('an attack by X'), a nationality or
        # actor modifier ('Russian airstrikes'), else the subject of its light verb ('X launched an attack').
        gov = m.governor
        if m.relation.startswith("prep:") and m.relation[5:] in TIME_PREPS:
            return None  # 'after negotiations over many months, X and Y reached ...': context, not the act
        if m.relation in BEHEST_RELATIONS:
            # 'At the request of X, Y sent troops': X asked; the verb's subject did what was asked.
            return (prep_objects(tok, "of") + [None])[0]
        heads = m.pattern.when.get("head") or m.pattern.when.get("statehead") or frozenset()
        if state_on_object(tok, gov) and lemma_variants(gov.head) & heads:
            gov = gov.head  # 'placed its units on full readiness': the phrase hung on the object is the verb's
        light = gov is not None and (
            bool(lemma_variants(gov) & self.frames.light_verbs) or bool(lemma_variants(gov) & heads) or "*" in heads
        )
        if self._trip_purpose(m, gov):
            # 'flew to Moscow for talks with Putin', 'envoys gathered in Geneva for talks': who went holds them.
            found = subject(gov, object_control=self.frames.object_control)
            if found is not None:
                return found
        # 'talks between X and Y': the parties are the actors, in both directions.
        goal = m.relation in ("prep:for", "prep:to", "prep:toward", "prep:towards")
        if m.pattern.recip and not goal:
            between = prep_objects(tok, "between") or (
                prep_objects(tok.head, "between") if tok.dep_ == "compound" else []
            ) or [p for o in prep_objects(tok, "of") for p in prep_objects(o, "between")] or (
                # 'clashes broke out between Armenian and Azerbaijani troops': the phrase hangs on the verb
                prep_objects(gov, "between") if gov is not None and m.relation in ("nsubj", "nsubjpass") else [])
            # ('the exchange of intelligence between X and Y': the parser hangs 'between' on the thing exchanged)
            if between:
                return between[0]
        poss = child(tok, "poss")
        if poss is not None and poss.ent_type_ in ("DATE", "TIME"):
            poss = None  # "Saturday's meeting": a date is no actor
        if poss is not None and "poss" not in m.pattern.targets and poss.pos_ != "PRON":
            return poss
        sender = giver_from(tok, gov, m.pattern.cameo, "nsubj", self.coming) if (
            gov is not None and m.pattern.source_role is None) else None
        if sender is not None:
            return sender  # 'condemnation of the coup poured in from Ankara'
        by = noun_agent(tok)
        if by is not None and by.head.head.i == tok.i and gov is not None and light and m.relation == "dobj" and any(
                c.dep_ == "prep" and c.lower_ in ("into", "over") and c.i < by.head.i for c in tok.children):
            # 'opened an investigation into war crimes by the military': after what is looked into, the by-phrase
            # names the ones who did that; whoever opened it opens it
            by = subject(gov, object_control=self.frames.object_control) or by
        if by is not None:
            return by
        for c in agent_participles(tok):
            if lemma_variants(c) & (self.frames.light_verbs | m.pattern.when.get("head", frozenset())):
                return agent(c)  # 'an offensive led by the army', 'sanctions imposed by the EU'
        # The subject of the light verb ('China is enforcing UN sanctions') before a name modifier.
        governed = m.relation in ("dobj", "nsubjpass") or m.relation.startswith("prep:")
        if gov is not None and governed and light:
            doer = gov
            if gov.pos_ == "NOUN" and m.relation == "prep:of" and child(gov, "poss") is None and (
                    lemma_variants(gov) & STARTING_WORDS):
                # 'announced the opening of an investigation': the one who opens it is the subject of the verb
                # the act's noun hangs on
                doer = governor(gov)[0] or gov
            found = agent(doer) if m.relation == "nsubjpass" else subject(
                doer, object_control=self.frames.object_control
            )
            if found is None and m.relation.startswith("prep:") and is_passive(gov) and (
                    m.pattern.cameo[:2] in self.frames.speaker_source_roots):
                found = child(gov, "nsubjpass")  # 'the army was put on high alert': the forces readied act
            if found is not None:
                return found
        for c in tok.children:
            leader = led_by(c)
            if leader is not None:
                return leader
        dateline = dateline_end(tok)
        topical = m.pattern.cameo[:2] in TOPIC_MODIFIED
        for deps in (("amod", "compound"), ("nmod",)):
            for c in tok.children:
                if topical and c.dep_ == "compound" and c.ent_type_ == "GPE":
                    continue  # 'the Russia investigation' is into Russia ('a French inquiry' is France's)
                if c.dep_ in deps and c.i >= dateline and named_doer(c):
                    return c
        if poss is None and m.pattern.lemma in self.frames.recall_nouns:
            # 'the recall of Algeria's ambassador': the envoy's state calls its envoy home
            owner = next((c for o in prep_objects(tok, "of") for c in o.children if c.dep_ == "poss"
                          and c.pos_ != "PRON"), None)
            if owner is not None and m.pattern.cameo[:2] == "16":
                return owner
        if poss is None and m.pattern.lemma in self.frames.mover_nouns:
            # 'the withdrawal of Russian troops from Syria': those who move are its doers, not the place left.
            return (prep_objects(tok, "of") + [None])[0]
        return poss

    # ---- candidates -------------------------------------------------------------------------------------

    def _unnamed_mobiliser(self, verb: Token) -> tuple[Token | None, str]:
        """Who mobilised, for a passive with no by-phrase, and how the rule says it was found."""
        # 'Some 50,000 reservists were called up, the army said': whoever reports a mobilisation made it, unless
        # they only report it ('artillery had been moved in, UN experts (military sources) said').
        speaker = modality(verb, self.frames).speaker
        if speaker is not None and speaker.lemma_.lower() not in COMMENTATOR_NOUNS | WITNESS_NOUNS:
            return speaker, ":speaker-source"
        # 'Two brigades of the army were redeployed to X', 'the German aircraft were moved to Jordan': with no one
        # named as ordering it, the forces moved are the side that mobilises ('troops are stationed in X' is a
        # state; 'helicopters were dispatched' may be anyone's).
        moved = child(verb, "nsubjpass")
        if moved is None or not done_passive(verb):
            return None, ""
        people = self.personnel & {moved.lemma_.lower(), *(p.lemma_.lower() for p in prep_objects(moved, "of"))}
        national = any(c.ent_type_ in ("NORP", "GPE") for c in moved.children if c.dep_ in ("amod", "compound"))
        return (moved, ":forces-source") if people or national else (None, "")

    def _holder_warned(self, verb: Token, told: Token | None) -> Token | None:
        """Whose holdings a warned passive takes away ('Uganda was told by the World Bank that loans would be
        suspended', 'Cambodia was told that its trade preferences would be withdrawn'): a named possessor, else
        the one told; None when what is taken is no holding (people arrested are the target themselves)."""
        held = child(verb, "nsubjpass")
        if held is None or held.lemma_.lower() not in self.holdings:
            return None
        owner = child(held, "poss")
        if owner is not None and owner.pos_ != "PRON":
            return owner
        if told is None:
            return None
        return child(told, "nsubjpass") if is_passive(told) else child(told, "dobj", "dative")

    def _warner(self, anchor: Token, mod: Modality) -> tuple[Token | None, Token | None]:
        """Who says what anchor's clause says, and the verb that says it: a speaker, or one who warns or cautions
        ('cautioned the IAEA that Tehran could bar ...': warning verbs report too)."""
        if mod.speaker is not None:
            return mod.speaker, mod.speech_verb
        return speech_frame(anchor, self.frames, verbs=warning_words().speaker_verbs)

    def _own_side_may(self, raw: _Raw, mod: Modality, actors: Any) -> bool:
        """A hostile act its own side's speaker says it could, may or would do, or will do if another acts: the
        act's verb carries the modal itself (not 'may have', a guess at the past), is not negated, and the doer
        is the speaker's own state ('Erdogan said Ankara may suspend ties'; not 'analysts said Israel could
        strike', which is a guess about another)."""
        anchor = raw.anchor
        if raw.code[:2] not in self.frames.conflict_roots or raw.code[:2] == "13" or mod.negated or mod.denied:
            return False
        speaker, _ = self._warner(anchor, mod)
        if speaker is None or raw.src is None or anchor.pos_ not in ("VERB", "AUX"):
            return False
        aux = {c.lower_ for c in modal_carrier(anchor).children if c.dep_ in ("aux", "auxpass")}
        # 'will expel them if ...': under a condition a plain future says what the side will do too
        future = self.frames.future_aux | self.frames.reported_future_aux
        modals = OWN_SIDE_MODALS | future if mod.conditional else OWN_SIDE_MODALS
        if "have" in aux or not aux & modals:
            return False
        if raw.src.lower_ in self.frames.pronouns and raw.src.lower_ not in OWN_SIDE_PRONOUNS:
            return False
        if raw.src.lower_ in OWN_SIDE_PRONOUNS:
            return True  # 'we could cut ties', 'said it may expel them', 'the Guards said they could close ...'
        doer, _ = resolve_party(raw.src, actors)
        said_by, _ = resolve_party(speaker, actors)
        return bool(doer.country) and doer.country == said_by.country and is_state(doer)

    def _candidates(
        self, si: int, sent: Span, raws: list[_Raw], actors: Any, attribution: str | None, *,
        background: bool = False,
    ) -> list[Candidate]:
        out: list[Candidate] = []
        seen: set[tuple[str, int, int, int]] = set()
        sent_lemmas: set[str] | None = None
        for raw in raws:
            mod = modality(raw.anchor, self.frames)
            if background:
                if not mod.recalled:
                    continue
                mod.background = False
            code, tag = adjust_code(raw.code, mod, self.frames)
            if code is None and tag in ("hypothetical", "conditional") and self._own_side_may(raw, mod, actors):
                # 'Ankara may suspend relations with the UAE, Erdogan said', 'cautioned the IAEA that Tehran could
                # bar its inspectors if ...': a side saying what it may do to another is threatening it.
                code, tag = self.frames.map_code("threat", raw.code), "threat"
            if code in GOODS_AID and not tag and traded(raw.match.token):
                code = traded_code(code)  # 'shipped crude to Colombo in exchange for tea': trade, not aid
            if background and code is not None:
                tag = f"{tag}:background" if tag else "background"
            if code is None:
                continue
            src = raw.src
            tgt = raw.tgt
            if tag == "demand":
                # 'X said Y must release Z': X demands of Y.
                src, tgt = mod.speaker, raw.src
            if src is None or is_time(src):
                continue
            if is_time(tgt):
                tgt = None
            if src.lower_ in self.frames.pronouns and src.dep_ in SUBJ_DEPS and mod.speaker is not None and (
                child(mod.speaker, "poss") is None or child(mod.speaker, "poss").pos_ != "PRON"
            ) and len(conjuncts(src)) == 1 and (src.lower_ in FIRST_PERSON or not in_quote(src, sentence=True)):
                # 'Russia said it would send aid': it is the speaker. Inside the speaker's own quoted words
                # only 'we' or 'I' is the speaker ('"They asked London for tankers," US officials said').
                # ('He called for talks, his office said': the speaker speaks for him, or of him, and is not
                # him; 'he said he and Baker agree' keeps the pronoun with its partner, and the resolver reads
                # it as the speaker.)
                src = mod.speaker
            speaker_text = noun_phrase(mod.speaker).text if mod.speaker is not None else None
            ctx_code = None
            if raw.match.pattern.ctx_codes is not None:
                if sent_lemmas is None:
                    sent_lemmas = {t.lemma_.lower() for t in sent}
                if sent_lemmas & raw.match.pattern.ctx_lemmas:
                    ctx_code = raw.match.pattern.ctx_codes
            doc = sent.doc
            trigger = doc[raw.trigger[0] : raw.trigger[1]]
            # The sentence's own assertion is likelier right than a clause hanging off it.
            top = raw.anchor
            while top.dep_ == "conj" and top.head.i != top.i:
                top = top.head
            main_clause = top.dep_ == "ROOT" or (mod.speech_verb is not None and top.head.i == mod.speech_verb.i)
            rule = raw.rule + (f":{tag}" if tag else "")
            if tgt is not None and tgt.lower_ in ("who", "whom", "which", "that") and tgt.head.dep_ == "relcl":
                tgt = tgt.head.head  # 'Masri, who is detained by Kurdish forces': the antecedent
            # 'X said central banks should intervene jointly': X demands it of them; the demand is not mutual
            recip = raw.recip and tag != "demand"
            if tgt is not None and each_other(tgt) and len(conjuncts(src)) > 1:
                tgt, recip = None, True  # 'X and Y accused each other': each did it to the other
            lone = antecedent_only(src, raw.match.token)
            for s, t, reverse in pairs(src, tgt, recip, place=raw.place, lone=lone):
                final = code
                if ctx_code is not None and not tag:
                    final = ctx_code[1] if reverse else ctx_code[0]
                s_actor, s_is = resolve_party(s, actors)
                instrument = raw.instrument
                if place_modifier(s, s_actor, s_is) and (s.head.i == raw.match.token.i or weapon_code(s.head)):
                    if final[:2] not in VIOLENT_ROOTS or s.head.i == raw.match.token.i:
                        continue  # 'the Salisbury attack', 'a Kabul bombing' name where, not who
                    # 'the Leeds attack killed 14': the attack stands for its unknown doer, as a weapon does.
                    s, instrument = s.head, True
                    s_actor, s_is = resolve_party(s, actors)
                if raw.rule.endswith(":implied-source") and not implied_state(s_actor):
                    continue  # 'was arrested in Istanbul' says where, not who arrested
                if raw.rule.endswith(":reporter-source") and not security_body(s, s_actor):
                    continue  # 'two citizens were detained in Russia, the foreign ministry said': it only reports
                if raw.rule.endswith(":warned-source") and not (
                        is_state(s_actor) or s_actor.sector == "COP" or s_actor.country == "IGO"):
                    continue  # 'analysts said they would be arrested if ...' is a guess, no one's threat
                if final[:2] in ("18", "19") and raw.match.pattern.pos == "V":
                    final = mass_weapon_code(raw.match.token) or final  # 'a sarin attack killed dozens': 2041
                state_code = raw.match.pattern.state_code
                if state_code and not tag and governing(s, s_actor):
                    final = state_code
                if source_refused(s, instrument, actors):
                    continue
                if instrument:
                    # 'A car bomb killed 12': the weapon's phrase is the evidence, the doer is unknown (as an
                    # 'unidentified armed group' is in conflict data), and it is no party of any country.
                    s_actor = replace(s_actor, name=UNKNOWN_DOER, code=None, country=None, sector=None,
                                      basis="instrument")
                admitted = admit(Pair(
                    code=final, s=s, t=t, s_actor=s_actor, s_is=s_is, instrument=instrument, place=raw.place,
                    obligation=raw.rule == "obligation", needs_target=bool(raw.match.pattern.targets),
                    must_name_target=raw.match.pattern.need_target,
                    failed_refusal=mod.failed and tag == "refuse", trigger_index=raw.match.token.i,
                    received=":received" in raw.rule,
                ), actors)
                if admitted is REFUSED:
                    continue
                if raw.match.pattern.need_goods and not _aid_parties(s_actor, admitted, raw.place, tag):
                    continue
                t_actor = admitted
                key = (final, s.i, t.i if t is not None else -1, raw.trigger[0])
                if key in seen:
                    continue
                seen.add(key)
                conf = 0.8 if raw.match.pattern.pos == "V" else 0.7
                conf += 0.1 if t_actor is not None and not raw.place else 0.0
                conf -= 0.1 if (raw.framed or tag) else 0.0
                conf -= 0.25 if not s_is else 0.0
                conf += 0.05 if main_clause else 0.0
                out.append(
                    Candidate(
                        sentence=si,
                        sent=sent,
                        trigger=trigger,
                        cameo=final,
                        source=s_actor,
                        target=t_actor,
                        rule=rule,
                        confidence=round(max(0.05, min(0.99, conf)), 2),
                        attribution=speaker_text or attribution,
                    )
                )
        return out


def _shared_targets(found: list[Candidate], roots: frozenset[str]) -> list[Candidate]:
    """'Tokyo accused Beijing of dumping steel and threatened to impose tariffs': a verbal act with no
    target of its own, joined to an earlier verb of the same speaker, is aimed at the party that verb acted on."""
    for cand in found:
        if cand.target is not None or cand.cameo[:2] not in roots:
            continue
        verb = cand.trigger[0]  # a framed act's trigger runs from its framing verb ('threatened to impose')
        if verb.dep_ != "conj":
            continue
        for other in found:
            if (
                other is not cand
                and other.target is not None
                and (other.target.code or other.target.country or other.target.sector)
                and other.source.start == cand.source.start
                and any(t.i == verb.head.i for t in other.trigger)
            ):
                cand.target, cand.rule = other.target, cand.rule + ":shared-target"
                break
    return found


PROTEST_ROOT, ASKING_ROOTS = "14", ("10", "02")
PLACE_PREPOSITIONS = {"in", "at", "outside", "near", "through", "across", "around", "inside"}


def _fold_protest_demands(found: list[Candidate]) -> list[Candidate]:
    """'went on strike, demanding that the government raise wages', 'marched to press the government to ...':
    a demand made by protesting is the protest (PLOVER manual 3.8: demands in the form of demonstrations are
    PROTEST), so the demand hung on the protest as its participle or purpose is no event of its own; the one
    it presses becomes the protest's target when the protest names none."""
    dropped: set[int] = set()
    for p in found:
        if p.cameo[:2] != PROTEST_ROOT:
            continue
        root = p.trigger.root
        anchors = {t.i for t in p.trigger} | {root.head.i}
        for j, r in enumerate(found):
            ask = r.trigger.root
            if (j in dropped or r.cameo[:2] not in ASKING_ROOTS or ask.dep_ not in ("advcl", "xcomp")
                    or ask.head.i not in anchors
                    or (r.source.start, r.source.end) != (p.source.start, p.source.end)):
                continue
            if r.target is not None and (p.target is None or _where(p)):
                p.target = r.target  # 'rallied in Bogota to press the ministry': the ministry, not the city
            p.rule = f"{p.rule}+{r.rule}"
            dropped.add(j)
    return [c for j, c in enumerate(found) if j not in dropped]


def _where(c: Candidate) -> bool:
    """The event's target is where it happened ('rallied in Bogota', 'marched outside the embassy')."""
    if c.target is None or c.target.start is None or c.target.end is None:
        return False
    span = c.trigger.doc.char_span(c.target.start, c.target.end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return False
    return span.root.dep_ == "pobj" and span.root.head.lower_ in PLACE_PREPOSITIONS


# The rows that code what one calls another or a thing ('called the report biased', 'calling it a milestone').
NAMING_RULES = ("call_names", "vb_call_praise")


def _fold_namings(found: list[Candidate]) -> list[Candidate]:
    """'Delhi brushed off the report, calling it biased', 'Chile bought 12 frigates, calling it a milestone': the
    naming in a participle after the act says how its doer sees it; the act is the event. Where the act itself
    is coded, the naming's event (an accusation or praise of whatever 'it' is) goes. A naming of a party ('calling
    Assad a butcher') stays an event."""
    dropped: set[int] = set()
    for k, naming in enumerate(found):
        root = naming.trigger.root
        if not naming.rule.startswith(NAMING_RULES) or root.dep_ != "advcl" or root.tag_ != "VBG":
            continue
        act = root.head
        # 'calling Assad a butcher' names a party: an accusation of its own; 'calling it biased' names the thing
        if naming.target is not None and naming.target.text.lower() not in ("it", "this", "that"):
            continue
        if any(j != k and act.i in range(c.trigger.start, c.trigger.end) and not c.rule.startswith(NAMING_RULES)
               and (c.source.start, c.source.end) == (naming.source.start, naming.source.end)
               for j, c in enumerate(found)):
            dropped.add(k)
    return [c for j, c in enumerate(found) if j not in dropped]


def _fold_occasions(found: list[Candidate]) -> list[Candidate]:
    """'died in an Ethiopian air raid', 'a car bomb killed six guards': the killing and the attack it happened
    in are one event, the killing with its victim. The attack's own event, which names no one it was aimed
    at, goes (its rule joins the killing's). An attack with a target of its own ('an attack on the checkpoint
    killed four soldiers') stays a second event."""
    dropped: set[int] = set()
    for k, verb in enumerate(found):
        if verb.cameo[:2] not in VIOLENT_ROOTS or len(verb.trigger) != 1:
            continue
        v = verb.trigger[0]
        for j, noun in enumerate(found):
            if j == k or j in dropped or noun.cameo[:2] not in VIOLENT_ROOTS:
                continue
            # A noun's trigger may run from its governing verb ('died in an Ethiopian air raid'): take the noun.
            n = next((t for t in noun.trigger if t.pos_ in ("NOUN", "PROPN") and t.dep_ in ("pobj", "nsubj")),
                     noun.trigger.root)
            occasion = n.head.dep_ == "prep" and n.head.head.i == v.i and n.dep_ == "pobj"
            doer = n.dep_ == "nsubj" and n.head.i == v.i
            if (occasion or doer) and noun.target is None and (
                    (noun.source.start, noun.source.end) == (verb.source.start, verb.source.end)):
                verb.rule = f"{verb.rule}+{noun.rule}"
                dropped.add(j)
    return [c for j, c in enumerate(found) if j not in dropped]

