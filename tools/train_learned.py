"""Precompute the learned typer's weights from our examples: src/eventwire/learned/data/weights.json.

Embeds every sentence of src/eventwire/learned/data/examples.tsv with MiniLM, trains the softmax regression
and writes its weights with the examples file's sha256 (the typer ignores weights made from another version
of the file and trains itself at load instead). With --cv it also prints 5-fold cross-validated accuracy
on the examples (how the defaults were chosen; gold data is never used here).

    .venv/bin/python tools/train_learned.py [--cv]
"""

from __future__ import annotations

import argparse
import json
import time

import numpy as np

from eventwire.learned.classifier import SoftmaxClassifier
from eventwire.learned.encoder import MODEL_NAME, SentenceEncoder
from eventwire.learned.examples import EXAMPLES_FILE, examples_digest, load_examples
from eventwire.learned.typer import WEIGHTS_FILE


def cross_validate(x: np.ndarray, y: list[str], *, folds: int = 5) -> float:
    fold = np.random.default_rng(0).permutation(len(y)) % folds
    labels = np.asarray(y)
    right = 0
    for f in range(folds):
        train, test = fold != f, fold == f
        model = SoftmaxClassifier.train(x[train], list(labels[train]))
        pred = np.asarray(model.labels)[model.probabilities(x[test]).argmax(1)]
        right += int((pred == labels[test]).sum())
    return right / len(y)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cv", action="store_true", help="also print 5-fold cross-validated accuracy")
    args = parser.parse_args()
    examples = load_examples()
    encoder = SentenceEncoder.load()
    started = time.perf_counter()
    x = encoder.encode([ex.text for ex in examples])
    seconds = time.perf_counter() - started
    y = [ex.label for ex in examples]
    print(f"{len(examples)} examples embedded in {seconds:.1f} s ({len(examples) / seconds:.0f} sentences/s)")
    if args.cv:
        print(f"5-fold cross-validated accuracy on the examples: {cross_validate(x, y):.3f}")
    model = SoftmaxClassifier.train(x, y)
    data = {
        "source": "computed by tools/train_learned.py from examples.tsv (our own sentences) with MiniLM",
        "model": MODEL_NAME,
        "examples_sha256": examples_digest(EXAMPLES_FILE),
        "classifier": model.to_dict(),
    }
    WEIGHTS_FILE.write_text(json.dumps(data, separators=(",", ":")) + "\n", encoding="utf-8")
    print(f"wrote {WEIGHTS_FILE} ({WEIGHTS_FILE.stat().st_size // 1024} KiB)")


if __name__ == "__main__":
    main()
