"""What the sentence says about an event: asserted, negated, intended (future), hypothetical,
conditional, demanded (must/should), and who reports it.

The coder codes only what is asserted to have happened or been said: questions, conditionals and
hypotheticals are dropped; intent and threat become the 03x and 13x codes; a negated intent to yield
becomes a refusal (12x); the speaker of a reporting verb becomes the attribution.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Span, Token

from .pattern_table import Frames
from .syntax import subject

NEGATORS = {"not", "n't", "never", "no"}


@dataclass(slots=True)
class Modality:
    negated: bool = False
    future: bool = False
    hypothetical: bool = False
    conditional: bool = False
    obligation: bool = False
    speaker: Token | None = None
    speech_verb: Token | None = None
    background: bool = False  # in an 'after/since/because ...' clause: context for the main event
    recalled: bool = False  # the background clause tells of a past event ('after X released ...')
    failed: bool = False  # 'failed to reach agreement': tried and did not


def is_question(sent: Span) -> bool:
    text = sent.text.rstrip().rstrip('"\'”’)')
    return text.endswith("?")


def _aux(tok: Token) -> set[str]:
    return {c.lower_ for c in tok.children if c.dep_ in ("aux", "auxpass")}


def _negated(tok: Token) -> bool:
    for c in tok.children:
        if c.dep_ == "neg" or (c.dep_ == "advmod" and c.lower_ == "never"):
            return True
        if c.dep_ == "det" and c.lower_ == "no":
            return True
    return False


def _conditional(tok: Token, frames: Frames) -> bool:
    """tok sits inside an if/unless/whether clause (walking up to the root)."""
    t = tok
    for _ in range(12):
        for c in t.children:
            clause = t.dep_ in ("advcl", "ccomp", "csubj")
            if clause and c.dep_ == "mark" and c.lower_ in frames.conditional_marks:
                return True
        if t.head is t or t.dep_ == "ROOT":
            return False
        t = t.head
    return False


BACKGROUND_MARKS = {"after", "before", "since", "following", "until", "once"}


# Marks of a clause that tells of an event before the main one, not one to come ('before', 'until').
RECALL_MARKS = {"after", "since", "following"}


def _background(tok: Token) -> str | None:
    """The kind of background clause tok is in: 'relcl', a mark word, or None."""
    t = tok
    for _ in range(12):
        if t.dep_ == "relcl":
            # 'militants who attacked the base' asserts an event of its antecedent; 'the embargo it
            # imposed' only recalls one to describe its object.
            subj = next((c for c in t.children if c.dep_ in ("nsubj", "nsubjpass")), None)
            gap = not any(c.dep_ in ("dobj", "obj") for c in t.children)
            if (subj is None or subj.lower_ not in ("who", "which", "that")) and gap:
                return "relcl"
        if t.dep_ in ("advcl", "pcomp"):
            for c in t.children:
                if c.dep_ == "mark" and c.lower_ in BACKGROUND_MARKS:
                    return c.lower_
            if t.dep_ == "pcomp" and t.head.lower_ in BACKGROUND_MARKS:
                return t.head.lower_
        if t.dep_ == "pobj" and t.head.lower_ in BACKGROUND_MARKS and t.i != tok.i:
            # 'a warning after bombings that killed 250': the clause describes the earlier event named
            return t.head.lower_
        if t.head is t or t.dep_ == "ROOT":
            return None
        t = t.head
    return None


def _hypothetical_above(tok: Token, frames: Frames) -> bool:
    """'could take their chances by travelling to X': the modal of the governing verb covers its
    gerunds and infinitives."""
    t = tok
    for _ in range(4):
        if t.dep_ == "pcomp" and t.head.dep_ == "prep":
            t = t.head.head
        elif t.dep_ in ("xcomp", "advcl") and t.head is not t:
            t = t.head
        else:
            return False
        if _aux(t) & frames.hypothetical_aux:
            return True
    return False


def _going_to(tok: Token) -> bool:
    # 'is going to visit': visit is the xcomp of 'go', which carries 'be' as its aux.
    head = tok.head
    return tok.dep_ == "xcomp" and head.lemma_ == "go" and head.tag_ == "VBG"


def speech_frame(tok: Token, frames: Frames) -> tuple[Token | None, Token | None]:
    """(speaker, reporting verb) when tok's clause is the content of a reporting verb ('X said ...')."""
    t = tok
    for _ in range(6):
        while t.dep_ == "conj" and t.head is not t:
            t = t.head
        if t.dep_ in ("ccomp", "parataxis", "xcomp") and t.head.lemma_.lower() in frames.say_verbs:
            verb = t.head
            return subject(verb), verb
        if t.dep_ in ("advcl", "ccomp", "xcomp") and t.head is not t:
            t = t.head
            continue
        return None, None
    return None, None


# 'We want Trump to strike', 'hopes the US will attack', 'tried to storm': wished or attempted, not done.
DESIRE = {"want", "hope", "wish", "try", "attempt", "need", "like", "prefer", "seek", "fear", "dream", "urge"}

# 'allowed the WFP to deliver food', 'authorized police to detain him': leave to act, the act is not reported
# (the permission itself is coded by its own rows: 'allowed aid into Gaza').
PERMIT = {"allow", "permit", "authorize", "authorise"}


def modality(anchor: Token, frames: Frames) -> Modality:
    m = Modality()
    aux = _aux(anchor)
    m.negated = _negated(anchor)
    m.conditional = _conditional(anchor, frames)
    m.hypothetical = bool(aux & frames.hypothetical_aux) or _hypothetical_above(anchor, frames)
    if "have" in aux and aux & (frames.reported_future_aux | frames.obligation_aux):
        # 'a resolution that would have pressured Iran', 'should have released them': a counterfactual
        # or a reproach; the act did not happen.
        m.hypothetical = True
    if anchor.dep_ in ("xcomp", "ccomp") and anchor.head.lemma_.lower() in DESIRE | PERMIT:
        m.hypothetical = True
    m.obligation = bool(aux & frames.obligation_aux)
    m.future = bool(aux & (frames.future_aux | frames.reported_future_aux)) or _going_to(anchor)
    if anchor.dep_ == "xcomp" and anchor.head.lemma_.lower() in ("fail", "refrain", "cease"):
        m.negated = True  # 'failed to reach agreement' did not happen
        m.failed = anchor.head.lemma_.lower() == "fail"
    elif anchor.dep_ == "xcomp" and not m.future:
        # 'X is expected/set/due to visit' - the head carries the tense.
        head = anchor.head
        if head.lemma_.lower() in ("expect", "set", "due", "schedule", "go"):
            m.future = True
            m.negated = m.negated or _negated(head)
    m.speaker, m.speech_verb = speech_frame(anchor, frames)
    kind = _background(anchor)
    m.background = kind is not None
    m.recalled = kind in RECALL_MARKS
    return m


def adjust_code(code: str, m: Modality, frames: Frames) -> tuple[str | None, str]:
    """The code an event gets under its modality, or None when it is not to be coded; and a tag for `rule`."""
    root = code[:2]
    if m.conditional:
        return None, "conditional"
    if m.hypothetical:
        return None, "hypothetical"
    if m.background:
        return None, "background"
    if m.negated:
        # 'will not lift the embargo', 'did not give permission', 'did not agree to talks': a refusal
        # (12x). A denied act of any other kind ('did not attack') is simply not coded.
        if root in frames.cooperative_roots and (m.future or root in ("03", "07", "08")):
            return frames.map_code("reject", code), "refuse"
        if m.failed and code.startswith("057"):
            # 'X and Y failed to reach agreement': the parties turned each other's terms down (127).
            return frames.map_code("reject", code), "refuse"
        return None, "negated"
    if m.future:
        if root in frames.cooperative_roots and root != "03":
            return frames.map_code("intent", code), "intent"
        if root in frames.conflict_roots:
            return frames.map_code("threat", code), "threat"
        return code, "future"
    if m.obligation:
        if m.speaker is not None:
            return frames.map_code("demand", code), "demand"
        return None, "obligation"
    return code, ""
