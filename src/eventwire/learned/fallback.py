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
    # No actor named, no event: such sentences are not worth embedding.
    todo = [(i, s) for i, s in enumerate(sents) if i not in coded and _assertive(s) and actors.mentions(s)]
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
    """(source, target) actors, or None when no actor can be the source. Where several phrases could be
    the target, an actor we resolved (a country or sector) beats a name we could not place."""
    mentions = actors.mentions(sent)
    if not mentions:
        return None

    def mention_of(tok: Any) -> Any:
        for span, actor in mentions:
            if span.start <= tok.i < span.end:
                return actor
        return None

    source = None
    targets: list[Any] = []  # in order of preference
    for c in verb.children:
        if c.dep_ in ("nsubj", "csubj"):
            source = source or mention_of(c)
        elif c.dep_ == "nsubjpass":
            targets.insert(0, mention_of(c))  # "X was attacked (by Y)": X is acted upon
        elif c.dep_ == "agent":
            source = source or next((mention_of(p) for p in c.children if p.dep_ == "pobj"), None)
    for c in verb.children:
        if c.dep_ in ("dobj", "dative", "obj", "prep"):
            # The object, then actors inside the object and prepositional phrases, in reading order.
            targets.extend(mention_of(t) for t in c.subtree)
    if source is None:
        # No actor as the subject: the first actor named that is not the one acted upon.
        first = next((t for t in targets if t is not None), None)
        source = _best([a for _, a in mentions if a is not first])
    if source is None:
        return None
    target = _best([t for t in targets if t is not None and t is not source])
    return source, target


def _best(actors: list[Any]) -> Any:
    return next((a for a in actors if a.country or a.sector), actors[0] if actors else None)


def _mention_text(tok: Any, sent: Any, actors: Any) -> str | None:
    for span, _ in actors.mentions(sent):
        if span.start <= tok.i < span.end:
            return span.text
    return tok.text
