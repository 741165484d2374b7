"""Filling the rule coder's gaps with the learned typer: a Candidate for a sentence the rules left empty.

    rule = coder.code(doc, actors)
    events = rule + fallback_candidates(doc, actors, rule, LearnedTyper.load())

Only sentences with no rule event are typed: a learned guess never re-types or overrides a rule event.
The arguments come from the parse, more simply than the rule coder finds them: the source is the main
clause's subject (the by-phrase of a passive), the target its object or an actor in a prepositional phrase
on the main verb. Reported speech ("X said Y attacked Z") takes the reported clause as the main one and the
speaker as the attribution.
"""

from __future__ import annotations

from typing import Any

from eventwire.coding.attribution import sentence_attributions
from eventwire.coding.coder import Candidate
from eventwire.coding.semantics import is_question

RULE = "learned:minilm"
# A learned event ranks below every rule event of the same kind: its confidence is this share of its score.
CONFIDENCE_SCALE = 0.6
REPORTING_VERBS = {"say", "tell", "report", "announce", "add", "state", "claim", "confirm", "allege", "write"}
# Not asserted acts: the rule coder leaves these uncoded on purpose, and so must the fallback ("would"
# and "will" are intent, which the typer's AGREE and THREATEN examples cover).
HYPOTHETICAL = {"could", "might", "may"}
SUBJECTS = ("nsubj", "nsubjpass", "csubj")


def fallback_candidates(doc: Any, actors: Any, rule_candidates: list[Candidate], typer: Any) -> list[Candidate]:
    """Learned candidates for the sentences of `doc` where `rule_candidates` hold no event."""
    sents = list(doc.sents)
    coded = {c.sentence for c in rule_candidates}
    todo = [(i, s) for i, s in enumerate(sents) if i not in coded and _assertive(s)]
    if not todo:
        return []
    predictions = typer.predict([s.text for _, s in todo])
    attributions: list[str | None] | None = None
    out: list[Candidate] = []
    for (i, sent), (plover, cameo, score) in zip(todo, predictions, strict=True):
        if plover is None or cameo is None:
            continue
        verb, speaker = _main_verb(sent)
        args = _arguments(sent, verb, actors)
        if args is None:
            continue
        source, target = args
        if attributions is None:
            attributions = sentence_attributions(doc, sents)
        attribution = attributions[i] or (_mention_text(speaker, sent, actors) if speaker is not None else None)
        out.append(Candidate(
            sentence=i, sent=sent, trigger=doc[verb.i : verb.i + 1], cameo=cameo, source=source, target=target,
            rule=RULE, confidence=round(CONFIDENCE_SCALE * score, 3), attribution=attribution,
        ))
    return out


def _assertive(sent: Any) -> bool:
    """A statement of fact in its main clause: not a question, not negated, not hypothetical."""
    if is_question(sent):
        return False
    verb, _ = _main_verb(sent)
    return not any(c.dep_ == "neg" or (c.dep_ == "aux" and c.lower_ in HYPOTHETICAL) for c in verb.children)


def _main_verb(sent: Any) -> tuple[Any, Any]:
    """The verb that carries the event, and the speaker when it is reported ("X said (that) Y ...")."""
    root = sent.root
    if root.lemma_.lower() in REPORTING_VERBS:
        for c in root.children:
            if c.dep_ in ("ccomp", "parataxis") and c.pos_ in ("VERB", "AUX"):
                speaker = next((s for s in root.children if s.dep_ in SUBJECTS), None)
                return c, speaker
    return root, None


def _arguments(sent: Any, verb: Any, actors: Any) -> tuple[Any, Any] | None:
    """(source, target) actors, or None when no actor can be the source."""
    mentions = actors.mentions(sent)
    if not mentions:
        return None

    def mention_of(tok: Any) -> Any:
        for span, actor in mentions:
            if span.start <= tok.i < span.end:
                return actor
        return None

    source = target = None
    passive_subject = None
    for c in verb.children:
        if c.dep_ in ("nsubj", "csubj"):
            source = source or mention_of(c)
        elif c.dep_ == "nsubjpass":
            passive_subject = mention_of(c)
        elif c.dep_ == "agent":
            for p in c.children:
                if p.dep_ == "pobj":
                    source = source or mention_of(p)
    if passive_subject is not None:
        target = passive_subject  # "X was attacked (by Y)": X is acted upon
    for c in verb.children:
        if target is not None:
            break
        if c.dep_ in ("dobj", "dative", "obj"):
            target = mention_of(c)
        elif c.dep_ == "prep":
            for p in c.children:
                if p.dep_ == "pobj" and target is None:
                    target = mention_of(p)
    if source is None:
        # No actor as the subject: the first actor named that is not the one acted upon.
        source = next((a for _, a in mentions if a is not target), None)
    if source is None:
        return None
    if target is source:
        target = None
    return source, target


def _mention_text(tok: Any, sent: Any, actors: Any) -> str | None:
    for span, _ in actors.mentions(sent):
        if span.start <= tok.i < span.end:
            return span.text
    return tok.text
