"""The training sentences of the learned stage: data/examples.tsv, written by us, validated at load.

Each row is a label (a PLOVER type, or NONE for a sentence that reports no event), a CAMEO code whose
PLOVER type is the label (`-` for NONE) and a sentence. Lines starting with '#' are comments; the file
must name its source in one.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path

from eventwire.errors import DataFileError

DATA_DIR = Path(__file__).parent / "data"
EXAMPLES_FILE = DATA_DIR / "examples.tsv"
NONE_LABEL = "NONE"
COLUMNS = ("label", "cameo", "text")
# Fewer than this many sentences for a type and its centroid and weights mean little.
MIN_PER_LABEL = 20


@dataclass(frozen=True, slots=True)
class Example:
    line: int
    label: str  # PLOVER type or NONE
    cameo: str | None
    text: str


def examples_digest(path: Path = EXAMPLES_FILE) -> str:
    """sha256 of the examples file: precomputed weights are valid only for the file they came from."""
    return hashlib.sha256(path.read_bytes()).hexdigest()


def load_examples(path: Path = EXAMPLES_FILE, *, ontology: object | None = None) -> list[Example]:
    """Read and check the examples: DataFileError naming the file and line on any problem."""
    from eventwire.ontology import load_ontology

    onto = ontology or load_ontology()
    where = str(path)
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError as exc:
        raise DataFileError(where, f"cannot read: {exc}") from exc
    if not any(ln.startswith("#") and "source:" in ln for ln in lines):
        raise DataFileError(where, "no '# source:' comment naming where the sentences come from")
    rows = [(i + 1, ln) for i, ln in enumerate(lines) if ln.strip() and not ln.startswith("#")]
    if not rows or tuple(rows[0][1].split("\t")) != COLUMNS:
        raise DataFileError(where, f"the first row must be the header {' '.join(COLUMNS)} (tab-separated)")
    out: list[Example] = []
    seen: dict[str, int] = {}
    for line, raw in rows[1:]:
        parts = raw.split("\t")
        if len(parts) != 3:
            raise DataFileError(where, f"line {line}: expected 3 tab-separated columns, found {len(parts)}")
        label, cameo, text = (p.strip() for p in parts)
        if not text:
            raise DataFileError(where, f"line {line}: empty sentence")
        key = text.casefold()
        if key in seen:
            raise DataFileError(where, f"line {line}: repeats the sentence of line {seen[key]}")
        seen[key] = line
        if label == NONE_LABEL:
            if cameo != "-":
                raise DataFileError(where, f"line {line}: a NONE row takes '-' as its CAMEO code")
            out.append(Example(line, label, None, text))
            continue
        if label not in onto.plover:
            raise DataFileError(where, f"line {line}: {label!r} is not a PLOVER type or NONE")
        code = onto.cameo.get(cameo)
        if code is None:
            raise DataFileError(where, f"line {line}: unknown CAMEO code {cameo!r}")
        if code.plover != label:
            raise DataFileError(where, f"line {line}: CAMEO {cameo} is PLOVER {code.plover}, not {label}")
        out.append(Example(line, label, cameo, text))
    counts: dict[str, int] = {}
    for ex in out:
        counts[ex.label] = counts.get(ex.label, 0) + 1
    missing = [t for t in [*onto.plover, NONE_LABEL] if counts.get(t, 0) < MIN_PER_LABEL]
    if missing:
        raise DataFileError(where, f"fewer than {MIN_PER_LABEL} sentences for: {', '.join(missing)}")
    return out
