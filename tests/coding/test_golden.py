"""The golden files: sentences of our own -> the events they must yield (tests/coding/golden/*.jsonl).

Every PLOVER type and every semantic case (negation, intent, threat, questions, conditionals,
hypotheticals, reported speech, attribution, compound actors, relative clauses, appositions, possessives)
has sentences here. Matching: same CAMEO code, the expected source (and target, unless null) contained in
the coded actor's text.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

GOLDEN_DIR = Path(__file__).parent / "golden"


def _load() -> list[dict]:
    cases: list[dict] = []
    for path in sorted(GOLDEN_DIR.glob("*.jsonl")):
        lines = path.read_text(encoding="utf-8").splitlines()
        header = json.loads(lines[0])
        assert header.get("source"), f"{path.name} names its source in its first line"
        cases += [json.loads(line) for line in lines[1:] if line.strip()]
    ids = [c["id"] for c in cases]
    assert len(ids) == len(set(ids)), "golden ids are unique across the files"
    return cases


CASES = _load()


def _found(expected: list, candidates) -> bool:
    code, source, target = expected
    for c in candidates:
        # A two-digit code is a CAMEO root: any code under it matches.
        if not (c.cameo == code or (len(code) == 2 and c.cameo.startswith(code))):
            continue
        if source.lower() not in c.source.text.lower():
            continue
        if target == "-":
            if c.target is None:  # '-': the event has no target ('welcomed the decision')
                return True
        elif target is None or (c.target is not None and target.lower() in c.target.text.lower()):
            return True
    return False


def _describe(candidates) -> str:
    return "; ".join(
        f"{c.cameo} {c.source.text!r}->{c.target.text if c.target else None!r} [{c.rule}] {c.attribution!r}"
        for c in candidates
    )


@pytest.mark.parametrize("case", CASES, ids=[c["id"] + "-" + c["case"] for c in CASES])
def test_golden_sentence(case, code_text):
    candidates = code_text(case["text"])
    if case.get("none"):
        from eventwire.ontology import load_ontology

        ontology = load_ontology()
        typed = [c for c in candidates if ontology.for_cameo(c.cameo).plover is not None]
        assert not typed, f"expected no event, got {_describe(typed)}"
        return
    if case.get("absent"):
        # The events listed must NOT be coded ('X fought Y' gives no Y -> X).
        for unwanted in case["events"]:
            assert not _found(unwanted, candidates), f"unwanted {unwanted}; got {_describe(candidates)}"
        return
    for expected in case.get("events", []):
        assert _found(expected, candidates), f"missing {expected}; got {_describe(candidates)}"
    if case.get("attribution"):
        hits = [c for c in candidates if _found_any(case["events"], c)]
        assert any(c.attribution and case["attribution"].lower() in c.attribution.lower() for c in hits), (
            f"attribution {case['attribution']!r} missing; got {_describe(candidates)}"
        )


def _found_any(events: list, cand) -> bool:
    return any(_found(e, [cand]) for e in events)


def test_golden_file_covers_every_plover_type_and_case():
    from eventwire.ontology import load_ontology

    ontology = load_ontology()
    types = {ontology.for_cameo(e[0]).plover for c in CASES for e in c.get("events", [])}
    missing = set(ontology.plover) - types
    assert not missing, f"no golden sentence for {sorted(missing)}"
    cases = {c["case"] for c in CASES}
    for needed in ("negation", "intent", "threaten", "question", "conditional", "hypothetical", "speech",
                   "attribution", "compound", "several", "relative", "apposition", "possessive"):
        assert needed in cases, needed
    assert len(CASES) >= 150
