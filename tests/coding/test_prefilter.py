"""candidate_sentences: a cheap pre-parse filter that must keep every sentence the coder codes."""

from __future__ import annotations

import json
from pathlib import Path

from eventwire.coding import EventCoder

GOLDEN_DIR = Path(__file__).parent / "golden"


def test_keeps_trigger_sentences_and_drops_others():
    coder = EventCoder.load()
    text = "The weather was mild. Putin met Xi in Beijing. Markets rose. Russian forces struck Kharkiv."
    ranges = coder.candidate_sentences(text)
    kept = [text[a:b] for a, b in ranges]
    assert kept == ["Putin met Xi in Beijing.", "Russian forces struck Kharkiv."]


def test_never_drops_a_golden_sentence_with_an_event():
    coder = EventCoder.load()
    for path in sorted(GOLDEN_DIR.glob("*.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines()[1:]:
            case = json.loads(line)
            if case.get("events") and not case.get("absent"):  # an 'absent' case expects no event
                assert coder.candidate_sentences(case["text"]), case["text"]


def test_keeps_hyphenated_trigger_words():
    coder = EventCoder.load()
    text = "Both armies observed the cease-fire along the river. The weather was mild."
    kept = [text[a:b] for a, b in coder.candidate_sentences(text)]
    assert kept == ["Both armies observed the cease-fire along the river."]


def test_keeps_british_spellings_of_ize_triggers():
    # The table spells 'demobilize'; British copy writes 'demobilised'.
    coder = EventCoder.load()
    text = "Some 800 fighters were demobilised by the army. The weather was mild."
    kept = [text[a:b] for a, b in coder.candidate_sentences(text)]
    assert kept == ["Some 800 fighters were demobilised by the army."]
