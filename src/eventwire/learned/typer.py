"""LearnedTyper: sentence -> PLOVER type and CAMEO code, or abstain; MiniLM embeddings + softmax regression.

    typer = LearnedTyper.load()           # cached; ModelNotInstalledError with the pip hint if torch is missing
    typer.predict(["Rebels shelled the airport."])   # [('ASSAULT', '190', 0.535)]

Trained only on the sentences we wrote (data/examples.tsv). The weights are precomputed by
tools/train_learned.py into data/weights.json for that exact file (its sha256); when the file has changed
since, the typer trains itself at load (a few seconds of embedding on CPU), so it is never stale.
"""

from __future__ import annotations

import json
from collections import Counter
from functools import lru_cache
from pathlib import Path

import numpy as np

from .classifier import SoftmaxClassifier
from .encoder import MODEL_NAME, SentenceEncoder
from .examples import DATA_DIR, EXAMPLES_FILE, NONE_LABEL, Example, examples_digest, load_examples

WEIGHTS_FILE = DATA_DIR / "weights.json"
# Below this probability for its best event type a sentence is left uncoded. Chosen on the gold file's
# tune split only (docs/learned.md): the held-out split never set it.
DEFAULT_THRESHOLD = 0.3

Prediction = tuple[str | None, str | None, float]


class LearnedTyper:
    def __init__(self, encoder: SentenceEncoder, classifier: SoftmaxClassifier, codes: dict[str, str], *,
                 threshold: float = DEFAULT_THRESHOLD):
        self.encoder = encoder
        self.classifier = classifier
        self.codes = codes  # PLOVER type -> the CAMEO code to report for it
        self.threshold = threshold
        self._none = classifier.labels.index(NONE_LABEL)

    @classmethod
    def load(cls) -> LearnedTyper:
        """The bundled typer, loaded once per process."""
        return _bundled()

    @classmethod
    def build(cls, *, examples_file: Path = EXAMPLES_FILE, weights_file: Path | None = WEIGHTS_FILE,
              threshold: float = DEFAULT_THRESHOLD) -> LearnedTyper:
        """Load uncached: the weights file when it matches the examples, else train on the examples."""
        examples = load_examples(examples_file)
        encoder = SentenceEncoder.load()
        classifier = None
        if weights_file is not None and weights_file.is_file():
            data = json.loads(weights_file.read_text(encoding="utf-8"))
            if data.get("examples_sha256") == examples_digest(examples_file) and data.get("model") == MODEL_NAME:
                classifier = SoftmaxClassifier.from_dict(data["classifier"])
        if classifier is None:
            classifier = train(examples, encoder)
        return cls(encoder, classifier, type_codes(examples), threshold=threshold)

    def probabilities(self, sentences: list[str]) -> np.ndarray:
        """(sentences, labels) class probabilities; labels in `self.classifier.labels` order."""
        if not sentences:
            return np.zeros((0, len(self.classifier.labels)))
        return self.classifier.probabilities(self.encoder.encode(sentences))

    def predict(self, sentences: list[str], *, threshold: float | None = None) -> list[Prediction]:
        """(PLOVER type, CAMEO code, score) per sentence, or (None, None, score) to abstain.

        The score is the probability of the most likely event type; the typer abstains when NONE (no
        event) is more likely than every type, or when the score is below the threshold."""
        limit = self.threshold if threshold is None else threshold
        out: list[Prediction] = []
        for row in self.probabilities(sentences):
            events = row.copy()
            events[self._none] = -1.0
            best = int(events.argmax())
            score = float(row[best])
            if row[self._none] >= score or score < limit:
                out.append((None, None, round(score, 4)))
            else:
                label = self.classifier.labels[best]
                out.append((label, self.codes[label], round(score, 4)))
        return out


@lru_cache(maxsize=1)
def _bundled() -> LearnedTyper:
    return LearnedTyper.build()


def train(examples: list[Example], encoder: SentenceEncoder) -> SoftmaxClassifier:
    x = encoder.encode([ex.text for ex in examples])
    return SoftmaxClassifier.train(x, [ex.label for ex in examples])


def type_codes(examples: list[Example]) -> dict[str, str]:
    """The code reported for each type: the most frequent one among its examples (ties: the more general,
    then the lower). A sentence-level model says the type; it cannot say the 4-digit detail reliably."""
    counts: dict[str, Counter] = {}
    for ex in examples:
        if ex.cameo:
            counts.setdefault(ex.label, Counter())[ex.cameo] += 1
    return {label: min(c, key=lambda code: (-c[code], len(code), code)) for label, c in counts.items()}
