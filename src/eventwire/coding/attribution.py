"""Who says so: the attribution of each sentence's events.

Sources, most specific first: the speaker of a reporting verb whose clause holds the event (found by the
coder), "according to X", "reported by X", and a trailing "(TASS)" that wires put at the end of a
paragraph, which attributes every sentence of that paragraph.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc, Span

from .syntax import children, noun_phrase

# A short capitalised name in parentheses closing a paragraph: "(TASS)", "(Reuters)", "(AP Photo)".
TRAILER = re.compile(r"\(\s*([A-Z][\w.&'\- ]{0,40}?)\s*\)\s*$")


def paragraph_trailers(text: str) -> list[tuple[int, int, str]]:
    """(start, end, name) for each paragraph of the text that ends with a parenthesised source."""
    out = []
    pos = 0
    for para in re.split(r"(\n\s*\n|\n)", text):
        start, end = pos, pos + len(para)
        pos = end
        m = TRAILER.search(para)
        if m and len(m.group(1).split()) <= 4:
            out.append((start, end, m.group(1).strip()))
    return out


def in_sentence_attribution(sent: Span) -> str | None:
    """'according to X' or '..., reported by X' inside the sentence."""
    for tok in sent:
        low = tok.lower_
        if low == "according":
            for to in children(tok, "prep"):
                if to.lower_ == "to":
                    objs = children(to, "pobj")
                    if objs:
                        return noun_phrase(objs[0]).text
        elif tok.lemma_.lower() == "report" and tok.tag_ == "VBN":
            for by in tok.children:
                if by.dep_ in ("agent", "prep") and by.lower_ == "by":
                    objs = children(by, "pobj")
                    if objs:
                        return noun_phrase(objs[0]).text
    return None


def sentence_attributions(doc: Doc, sents: list[Span]) -> list[str | None]:
    trailers = paragraph_trailers(doc.text)
    out: list[str | None] = []
    for sent in sents:
        found = in_sentence_attribution(sent)
        if found is None:
            for start, end, name in trailers:
                if start <= sent.start_char < end:
                    found = name
                    break
        out.append(found)
    return out
