"""Gold files: the PLV TSV (Zero-Shot-PLOVER style) and PLOVER gold-standard JSON / JSON lines.

Both read into GoldRecord: the text, the gold label (a PLOVER type name as the file writes it), the set of
PLOVER types that label admits, and the gold source and target actor texts.
"""

from __future__ import annotations

import csv
import json
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

from eventwire.errors import GoldFileError

# The PLV file uses the older name YIELD for CAMEO 08, which PLOVER splits into CONCEDE and RETREAT.
LABEL_TYPES = {"YIELD": frozenset({"CONCEDE", "RETREAT"})}
# YIELD spans CONCEDE (quad 1 in PLOVER) and RETREAT (quad 2); as CAMEO root 08 it is material cooperation.
LABEL_QUAD = {"YIELD": 2}
SPLITS = ("all", "tune", "heldout")
# A JSON record with "none": true (or event "NONE") reports no event: any event coded there is a false one.
NONE_LABEL = "NONE"
HELDOUT_SHARE = 0.3


@dataclass(frozen=True, slots=True)
class GoldRecord:
    row: int  # position in the file (0-based), which fixes the split
    text: str
    label: str
    types: frozenset[str]
    sources: tuple[str, ...]
    targets: tuple[str, ...]
    split: str = "tune"


def label_types(label: str) -> frozenset[str]:
    label = label.strip().upper()
    return LABEL_TYPES.get(label, frozenset({label}))


def label_of_type(plover_type: str | None, labels: set[str]) -> str | None:
    """The gold file's label for a predicted PLOVER type (CONCEDE -> YIELD when the file says YIELD)."""
    if plover_type is None:
        return None
    for label in labels:
        if plover_type in label_types(label):
            return label
    return plover_type


def _assign_split(records: list[GoldRecord]) -> list[GoldRecord]:
    """Held out: the last 30% of each label's rows, in file order. The PLV file is sorted by label, so a
    plain tail would hold out five types and none of the others; per label it is the same rule for every
    type. Fixed by row order: never tune on these."""
    by_label: dict[str, list[int]] = defaultdict(list)
    for i, r in enumerate(records):
        by_label[r.label].append(i)
    held: set[int] = set()
    for rows in by_label.values():
        n_held = round(len(rows) * HELDOUT_SHARE)
        held.update(rows[len(rows) - n_held :])
    return [
        GoldRecord(r.row, r.text, r.label, r.types, r.sources, r.targets, "heldout" if i in held else "tune")
        for i, r in enumerate(records)
    ]


def read_plv_tsv(path: Path) -> list[GoldRecord]:
    try:
        with path.open(encoding="utf-8", newline="") as f:
            reader = csv.DictReader(f, delimiter="\t")
            need = {"sentence", "gold_root", "source", "target"}
            if not reader.fieldnames or not need <= set(reader.fieldnames):
                raise GoldFileError(f"{path}: a PLV TSV needs the columns {', '.join(sorted(need))}")
            records = []
            for i, row in enumerate(reader):
                text = (row.get("sentence") or "").strip()
                label = (row.get("gold_root") or "").strip().upper()
                if not text or not label:
                    raise GoldFileError(f"{path}: row {i + 2} has no sentence or gold_root")
                # The PLV annotators write a placeholder ('a recipient', 'An actor') where the sentence names
                # no one; an actor text that is not in the sentence is no actor text to overlap with.
                src = _in_text((row.get("source") or "").strip(), text)
                tgt = _in_text((row.get("target") or "").strip(), text)
                sources, targets = (src,) if src else (), (tgt,) if tgt else ()
                records.append(GoldRecord(i, text, label, label_types(label), sources, targets))
    except UnicodeDecodeError as e:
        raise GoldFileError(f"{path}: not UTF-8 ({e.reason})") from None
    return records


def _in_text(actor: str, text: str) -> str:
    return actor if actor and actor.lower() in text.lower() else ""


def _actor_texts(value: object) -> tuple[str, ...]:
    if value is None:
        return ()
    items = value if isinstance(value, list) else [value]
    out = []
    for item in items:
        text = (item.get("actorText") or item.get("text") or "") if isinstance(item, dict) else str(item)
        if text.strip():
            out.append(text.strip())
    return tuple(out)


def read_plover_json(path: Path) -> list[GoldRecord]:
    try:
        raw = path.read_text(encoding="utf-8")
    except UnicodeDecodeError as e:
        raise GoldFileError(f"{path}: not UTF-8 ({e.reason})") from None
    stripped = raw.lstrip()
    try:
        if stripped.startswith("["):
            items = json.loads(raw)
        else:
            items = [json.loads(line) for line in raw.splitlines() if line.strip()]
    except json.JSONDecodeError as e:
        raise GoldFileError(f"{path}: invalid JSON ({e.msg} at line {e.lineno})") from None
    records = []
    for i, item in enumerate(items):
        if not isinstance(item, dict):
            raise GoldFileError(f"{path}: record {i + 1} is not an object")
        if i == 0 and "text" not in item and "source" in item:
            continue  # a header record naming where the sentences come from
        text = str(item.get("text") or "").strip()
        label = str(item.get("event") or item.get("type") or "").strip().upper()
        if item.get("none") is True and not label:
            label = NONE_LABEL
        if not text or not label:
            raise GoldFileError(f"{path}: record {i + 1} needs 'text' and 'event' (or \"none\": true)")
        if label == NONE_LABEL:
            records.append(GoldRecord(i, text, label, frozenset(), (), ()))
            continue
        sources, targets = _actor_texts(item.get("source")), _actor_texts(item.get("target"))
        records.append(GoldRecord(i, text, label, label_types(label), sources, targets))
    return records


def read_gold(path: str | Path, *, split: str = "all") -> list[GoldRecord]:
    """Read a gold file (format from its extension and content) and keep the rows of `split`."""
    if split not in SPLITS:
        raise GoldFileError(f"unknown split {split!r}; use one of {', '.join(SPLITS)}")
    path = Path(path)
    if not path.is_file():
        raise GoldFileError(f"{path}: no such gold file")
    if path.suffix.lower() in (".tsv", ".tab"):
        records = read_plv_tsv(path)
    elif path.suffix.lower() in (".json", ".jsonl"):
        records = read_plover_json(path)
    else:
        raise GoldFileError(f"{path}: unknown gold format (expected .tsv, .json or .jsonl)")
    if not records:
        raise GoldFileError(f"{path}: no records")
    records = _assign_split(records)
    return records if split == "all" else [r for r in records if r.split == split]
